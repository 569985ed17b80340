// A quick A/B of the compiled Annex 1 scorer against the hand-written one, for working on the engine
// on a shared, noisy machine: the scorers run interleaved, round after round, in one process, and
// each round's ratio is taken back to back, so load that comes and goes hits both sides alike.
// Prints the median µs/village and the median per-round ratio. Not the benchmark of record
// (engine-bench.ts is); no verification beyond a spot check.
// Run: pnpm --filter @kaoping/bench exec tsx src/engine-quick.ts [villages] [rounds] [hand,totals,full,explain]
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "@kaoping/engine";
import { engineFacts } from "./engine-facts.ts";
import { generateVillageFacts } from "./village-facts.ts";
import { scoreVillageByHand } from "./village-handwritten.ts";

const rubricPath = join(dirname(fileURLToPath(import.meta.url)), "../../../rubrics/village-quality.rubric");
const n = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 15);
const only = process.argv[4];

const { rubric } = compile(readFileSync(rubricPath, "utf8"));
if (!rubric) throw new Error("village rubric does not compile");
const villages = generateVillageFacts(n, 7);
const facts = villages.map(engineFacts);
let sink = 0;

const scorers: Record<string, () => void> = {
  hand: () => {
    for (const v of villages) sink += scoreVillageByHand(v).total;
  },
  totals: () => {
    for (const f of facts) sink += rubric.scoreTotals(f).total;
  },
  full: () => {
    for (const f of facts) sink += rubric.score(f).total;
  },
  explain: () => {
    for (const f of facts) sink += rubric.score(f, { explain: true }).total;
  },
};
const names = Object.keys(scorers).filter((k) => only === undefined || only.split(",").includes(k));
const times = new Map<string, number[]>(names.map((k) => [k, []]));
for (let r = 0; r < rounds + 2; r++) {
  for (const k of names) {
    // CPU time, not wall time: on a loaded machine, time spent waiting for a core is not ours.
    const t0 = process.cpuUsage();
    scorers[k]?.();
    const u = process.cpuUsage(t0);
    const dt = (u.user + u.system) / 1000;
    if (r >= 2) times.get(k)?.push(dt);
  }
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const hand = times.get("hand") ?? [];
for (const k of names) {
  const ts = times.get(k) ?? [];
  const ratios = ts.map((t, i) => (hand[i] ?? NaN) / t);
  console.log(
    `${k.padEnd(8)} ${((median(ts) / n) * 1000).toFixed(3)} µs/village  min ${((Math.min(...ts) / n) * 1000).toFixed(3)}  × hand ${median(ratios).toFixed(2)}`,
  );
}
if (sink === 42) console.log("");
