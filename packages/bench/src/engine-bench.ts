// Engine benchmark (not a timed test): scoring throughput of the compiled Annex 1 rubric against
// the hand-written scorer, json-rules-engine and GoRules ZEN on generated villages, after checking
// that all of them give identical item points and totals; and compile time, warm.
// Run: pnpm --filter @kaoping/bench bench
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { check } from "@kaoping/language";
import { compile, type CompiledRubric } from "@kaoping/engine";
import { engineFacts } from "./engine-facts.ts";
import { jsonRulesEngineScorer, zenScorer } from "./engine-peers.ts";
import { generateVillageFacts } from "./village-facts.ts";
import { scoreVillageByHand, type VillageFacts, type VillageScore } from "./village-handwritten.ts";

const rubricPath = join(dirname(fileURLToPath(import.meta.url)), "../../../rubrics/village-quality.rubric");

interface Row {
  readonly scorer: string;
  readonly subjects: number;
  readonly ms: number;
}

/** Median wall time of `rounds` runs after one warm-up run. */
function time(rounds: number, run: () => void): number {
  run();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

async function timeAsync(rounds: number, run: () => Promise<void>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

function same(a: VillageScore, b: { total: number; items: readonly number[] }): boolean {
  return a.total === b.total && a.items.length === b.items.length && a.items.every((p, i) => p === b.items[i]);
}

function load(text: string, backend: "generated" | "closures"): CompiledRubric {
  const { rubric } = compile(text, { backend });
  if (!rubric) throw new Error("village rubric does not compile");
  return rubric;
}

let sink = 0;

/** Runs the benchmark and prints its table; returns the rows. */
export async function runEngineBench(out: (line: string) => void = console.log): Promise<Row[]> {
  const text = readFileSync(rubricPath, "utf8");
  const generated = load(text, "generated");
  const closures = load(text, "closures");
  const jre = jsonRulesEngineScorer();
  const zen = zenScorer();
  const all = generateVillageFacts(100_000, 7);
  const allFacts = all.map(engineFacts);

  // 1. Identical results first, on every village the benchmark uses.
  const peersChecked = 2_000;
  for (let i = 0; i < all.length; i++) {
    const v = all[i] as VillageFacts;
    const f = allFacts[i];
    const hand = scoreVillageByHand(v);
    const full = generated.score(f);
    const checks: [string, { total: number; items: readonly number[] }][] = [
      ["compiled", { total: full.total, items: full.items.map((it) => it.points) }],
      ["compiled totals", generated.scoreTotals(f)],
    ];
    if (i < 10_000) {
      const ex = generated.score(f, { explain: true });
      const cl = closures.score(f);
      checks.push(["compiled explain", { total: ex.total, items: ex.items.map((it) => it.points) }]);
      checks.push(["closures", { total: cl.total, items: cl.items.map((it) => it.points) }]);
    }
    if (i < peersChecked) {
      checks.push(["json-rules-engine", await jre(v)]);
      checks.push(["zen", await zen.score(v)]);
    }
    for (const [name, r] of checks) {
      if (!same(hand, r)) throw new Error(`${name} disagrees with the hand-written scorer on village #${i}: ${JSON.stringify(r)} vs ${JSON.stringify(hand)}`);
    }
  }
  out(`verified: compiled (plain, totals) on ${all.length} villages, explain and closures on 10000, json-rules-engine and ZEN on ${peersChecked}: identical item points and totals`);

  // 2. Throughput.
  const rows: Row[] = [];
  for (const n of [10_000, 100_000]) {
    const villages = all.slice(0, n);
    const facts = allFacts.slice(0, n);
    const rounds = n === 10_000 ? 9 : 5;
    rows.push({ scorer: "hand-written (reference)", subjects: n, ms: time(rounds, () => { for (const v of villages) sink += scoreVillageByHand(v).total; }) });
    rows.push({ scorer: "compiled, item points + total (scoreTotals)", subjects: n, ms: time(rounds, () => { for (const f of facts) sink += generated.scoreTotals(f).total; }) });
    rows.push({ scorer: "compiled, full result (score)", subjects: n, ms: time(rounds, () => { for (const f of facts) sink += generated.score(f).total; }) });
    rows.push({ scorer: "compiled, explain on", subjects: n, ms: time(rounds, () => { for (const f of facts) sink += generated.score(f, { explain: true }).total; }) });
    rows.push({ scorer: "closures (no eval), full result", subjects: n, ms: time(rounds, () => { for (const f of facts) sink += closures.score(f).total; }) });
  }
  const few = all.slice(0, peersChecked);
  rows.push({ scorer: "json-rules-engine", subjects: peersChecked, ms: await timeAsync(3, async () => { for (const v of few) sink += (await jre(v)).total; }) });
  rows.push({ scorer: "@gorules/zen-engine", subjects: peersChecked, ms: await timeAsync(3, async () => { for (const v of few) sink += (await zen.score(v)).total; }) });
  zen.dispose();

  const handRate = new Map<number, number>();
  for (const r of rows) if (r.scorer.startsWith("hand")) handRate.set(r.subjects, r.ms / r.subjects);
  const reference = (n: number): number => handRate.get(n) ?? handRate.get(10_000) ?? NaN;
  const lines = [["scorer", "villages", "ms", "µs/village", "villages/s", "× hand-written"]];
  for (const r of rows) {
    const per = r.ms / r.subjects;
    lines.push([
      r.scorer,
      String(r.subjects),
      r.ms.toFixed(1),
      (per * 1000).toFixed(2),
      Math.round(r.subjects / (r.ms / 1000)).toLocaleString("en-US"),
      (reference(r.subjects) / per).toFixed(r.ms / r.subjects > reference(r.subjects) * 50 ? 4 : 2),
    ]);
  }
  out(table(lines));

  // 3. Compile time, warm.
  const checked = check(text);
  const compileText = time(30, () => { for (let i = 0; i < 10; i++) sink += compile(text).diagnostics.length; }) / 10;
  const compileChecked = time(30, () => { for (let i = 0; i < 10; i++) sink += compile(checked).diagnostics.length; }) / 10;
  const checkOnly = time(30, () => { for (let i = 0; i < 10; i++) sink += check(text).diagnostics.length; }) / 10;
  out("");
  out(table([
    ["compile village-quality.rubric (warm)", "ms"],
    ["compile(text): check + lower + bounds + codegen", compileText.toFixed(2)],
    ["compile(checked): lower + bounds + codegen", compileChecked.toFixed(2)],
    ["of which check(text) (language package)", checkOnly.toFixed(2)],
  ]));
  if (sink === 42) out("");
  return rows;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length))) ?? [];
  return rows
    .map((r, k) =>
      r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ") +
      (k === 0 ? `\n${widths.map((w) => "-".repeat(w)).join("  ")}` : ""),
    )
    .join("\n");
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) await runEngineBench();
