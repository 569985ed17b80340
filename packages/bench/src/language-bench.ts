// Benchmark of the rubric language (not a timed test): parse + check of each annex rubric, warm,
// and of a generated 1,000-item rubric, side by side with JSON.parse + zod validation of the same
// rubric written as JSON (its real AST, spans included). Prints a markdown table.
// Run: pnpm --filter @kaoping/bench bench:language (this one) or bench (all); BENCH_SECONDS=… samples longer.
import { cpus, loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { check, checkRubric, parse } from "@kaoping/language";
import { RubricJson } from "./language-json-schema.ts";
import { benchRubrics, measure, seconds, type Sample } from "./measure.ts";

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
  if (diagnostics.length > 0)
    throw new Error(`${name} does not check clean: ${diagnostics.map((d) => d.code).join(", ")}`);
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

/** Measures and prints the table (pnpm --filter @kaoping/bench bench runs it from main.ts). */
export function runLanguageBench(): void {
  const rows = benchRubrics().map((r) => bench(r.name, r.text));

  const load = loadavg()[0] ?? 0;
  const cpuMs = (s: Sample) => (s.cpu < 10 ? s.cpu.toFixed(2) : s.cpu.toFixed(0));
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  console.log(
    `Rubric language: parse + check, warm (${seconds} s of runs each; node ${process.version}, ${cpus().length} CPUs, load ${load.toFixed(1)})\n`,
  );
  console.log(
    "| rubric | size | parse + check: median | best | CPU | MB/s | parse | check | as JSON | JSON.parse + zod: median | best | CPU | MB/s | ratio (median, CPU) |",
  );
  console.log("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${kb(r.bytes)} KB | ${ms(r.total)} ms | ${ms({ ...r.total, median: r.total.best })} | ${cpuMs(r.total)} | ${mbps(r.bytes, r.total)} | ${ms(r.parse)} | ${ms(r.check)} | ${kb(r.jsonBytes)} KB | ${ms(r.json)} ms | ${ms({ ...r.json, median: r.json.best })} | ${cpuMs(r.json)} | ${mbps(r.jsonBytes, r.json)} | ${ratio(r.total.median, r.json.median)}, ${ratio(r.total.cpu, r.json.cpu)} |`,
    );
  }
  if (load > cpus().length / 2) {
    console.log(
      `\nThe machine was busy (load ${load.toFixed(1)} on ${cpus().length} CPUs): medians are inflated; best and CPU are the steadier figures, and the targets below are judged on CPU time.`,
    );
  }

  const busy = load > cpus().length / 2;
  const figure = (s: Sample) => (busy ? s.cpu : s.median);
  const annexes = rows.slice(0, 2);
  const generated = rows[2] as Row;
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  console.log(`\nTargets (issue 2), on ${busy ? "CPU time" : "median wall time"}:`);
  console.log(
    `- each annex under 2 ms warm: ${annexes.map((r) => `${figure(r.total).toFixed(2)} ms`).join(", ")} — ${verdict(annexes.every((r) => figure(r.total) < 2))}`,
  );
  console.log(
    `- 1,000 items under 150 ms: ${figure(generated.total).toFixed(0)} ms — ${verdict(figure(generated.total) < 150)}`,
  );
  console.log(
    `- within 10× of JSON.parse + zod: ${rows.map((r) => ratio(figure(r.total), figure(r.json))).join(", ")} — ${verdict(rows.every((r) => figure(r.total) < 10 * figure(r.json)))}`,
  );
}

// Also runnable on its own: tsx src/language-bench.ts
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) runLanguageBench();
