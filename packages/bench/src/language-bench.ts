// Benchmark of the rubric language (not a timed test): parse + check of each annex rubric, warm,
// and of a generated 1,000-item rubric, side by side with JSON.parse + zod validation of the same
// rubric written as JSON (its real AST, spans included). Prints a markdown table.
// Run: pnpm --filter @kaoping/bench bench:language   (BENCH_SECONDS=… to sample longer)
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { check, checkRubric, parse } from "@kaoping/language";
import { generateRubric } from "./language-generate.ts";
import { RubricJson } from "./language-json-schema.ts";

interface Sample {
  /** Median milliseconds of one run. */
  readonly median: number;
  readonly runs: number;
}

const seconds = Number(process.env["BENCH_SECONDS"] ?? "1");

/** Runs `fn` warm for about `seconds` (at least 10 runs) and returns the median run time. */
function measure(fn: () => unknown): Sample {
  const warmUntil = performance.now() + Math.min(500, seconds * 300);
  for (let i = 0; i < 5 || performance.now() < warmUntil; i++) fn();
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (times.length < 10 || performance.now() < until) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? NaN, runs: times.length };
}

interface Row {
  readonly name: string;
  readonly bytes: number;
  readonly jsonBytes: number;
  readonly total: Sample;
  readonly parse: Sample;
  readonly check: Sample;
  readonly json: Sample;
  readonly jsonParse: Sample;
}

function bench(name: string, text: string): Row {
  const { rubric, diagnostics } = check(text);
  if (diagnostics.length > 0) throw new Error(`${name} does not check clean: ${diagnostics.map((d) => d.code).join(", ")}`);
  const json = JSON.stringify(rubric);
  const validated = RubricJson.safeParse(JSON.parse(json));
  if (!validated.success) throw new Error(`${name}: the zod schema rejects the real AST: ${validated.error.message}`);
  const parsed = parse(text).rubric;
  return {
    name,
    bytes: Buffer.byteLength(text, "utf8"),
    jsonBytes: Buffer.byteLength(json, "utf8"),
    total: measure(() => check(text)),
    parse: measure(() => parse(text)),
    check: measure(() => checkRubric(parsed)),
    json: measure(() => RubricJson.parse(JSON.parse(json))),
    jsonParse: measure(() => JSON.parse(json)),
  };
}

const ms = (s: Sample) => (s.median < 10 ? s.median.toFixed(3) : s.median.toFixed(1));
const mbps = (bytes: number, s: Sample) => (bytes / 1e6 / (s.median / 1000)).toFixed(1);
const kb = (bytes: number) => (bytes / 1024).toFixed(0);

const rubricsDir = fileURLToPath(new URL("../../../rubrics/", import.meta.url));
const rows = [
  bench("附件一 village-quality.rubric", readFileSync(`${rubricsDir}village-quality.rubric`, "utf8")),
  bench("附件二 enterprise-quality.rubric", readFileSync(`${rubricsDir}enterprise-quality.rubric`, "utf8")),
  bench("generated, 1,000 items", generateRubric(1000)),
];

console.log(`Rubric language: parse + check, warm (median of runs over ${seconds} s each; node ${process.version}, ${process.arch})\n`);
console.log("| rubric | size | parse + check | MB/s | parse (lex, grammar, lower) | check | as JSON | JSON.parse + zod | MB/s | JSON.parse alone | ratio |");
console.log("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
for (const r of rows) {
  console.log(
    `| ${r.name} | ${kb(r.bytes)} KB | ${ms(r.total)} ms | ${mbps(r.bytes, r.total)} | ${ms(r.parse)} ms | ${ms(r.check)} ms | ${kb(r.jsonBytes)} KB | ${ms(r.json)} ms | ${mbps(r.jsonBytes, r.json)} | ${ms(r.jsonParse)} ms | ${(r.total.median / r.json.median).toFixed(2)}× |`,
  );
}

const annexes = rows.slice(0, 2);
const generated = rows[2] as Row;
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
console.log("\nTargets (issue 2):");
console.log(`- each annex under 2 ms warm: ${annexes.map((r) => `${ms(r.total)} ms`).join(", ")} — ${verdict(annexes.every((r) => r.total.median < 2))}`);
console.log(`- 1,000 items under 150 ms: ${ms(generated.total)} ms — ${verdict(generated.total.median < 150)}`);
console.log(`- within 10× of JSON.parse + zod: ${rows.map((r) => `${(r.total.median / r.json.median).toFixed(2)}×`).join(", ")} — ${verdict(rows.every((r) => r.total.median < 10 * r.json.median))}`);
