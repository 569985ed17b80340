// Cohort scoring: a 10,000-subject cohort of rubrics/examples/cohort-ranking-zh.rubric (a rank, a
// share of the leader, min–max scaling and the cohort average) by the engine's scoreCohort, against
// a hand-written two-pass scorer of the same three rules on scaled integers; and a 100,000-subject
// cohort, with the memory it takes. Figures, not a timed test (the machines are shared).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compile, type CohortSubject } from "@kaoping/engine";
import { mulberry32 } from "@kaoping/seeded-random";
import { measure } from "./measure.ts";

interface Town {
  办结率: number;
  产值: number;
  投诉数: number;
}

function towns(n: number, seed: number): CohortSubject[] {
  const next = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    facts: {
      办结率: 60 + Math.floor(next() * 81) / 2,
      产值: Math.floor(next() * 1_000_000) / 100,
      投诉数: Math.floor(next() * 20),
    },
  }));
}

const S = 1_000_000;
/** a ÷ b and a × b on scaled integers, six decimals, half away from zero (the values here are ≥ 0). */
const div = (a: number, b: number): number => (b === 0 ? 0 : Math.round((a * S) / b));
const mul = (a: number, b: number): number => Math.round((a * b) / S);

/** The three rules written by hand: read and check the facts, the figures, then the points. */
function byHand(subjects: readonly CohortSubject[]): Float64Array {
  const n = subjects.length;
  const rate = new Float64Array(n);
  const output = new Float64Array(n);
  const complaints = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const f = (subjects[i] as CohortSubject).facts as Town;
    if (typeof f.办结率 !== "number" || typeof f.产值 !== "number" || !Number.isInteger(f.投诉数)) {
      throw new Error("bad facts");
    }
    rate[i] = Math.round(f.办结率 * 10_000);
    output[i] = Math.round(f.产值 * S);
    complaints[i] = f.投诉数 * S;
  }
  let maxOutput = 0;
  let maxC = -Infinity;
  let minC = Infinity;
  let sumC = 0;
  for (let i = 0; i < n; i++) {
    maxOutput = Math.max(maxOutput, output[i] as number);
    maxC = Math.max(maxC, complaints[i] as number);
    minC = Math.min(minC, complaints[i] as number);
    sumC += complaints[i] as number;
  }
  const avgC = Math.round(sumC / n);
  const sorted = Float64Array.from(rate).sort();
  const totals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Rank: 1 + how many are strictly higher (binary search in the ascending copy).
    let lo = 0;
    let hi = n;
    const v = rate[i] as number;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) <= v) lo = mid + 1;
      else hi = mid;
    }
    const rank = 1 + (n - lo);
    const c1 = Math.max(15 * S - (rank - 1) * S, 6 * S);
    const c2 = maxOutput > 0 ? mul(div(output[i] as number, maxOutput), 15 * S) : 15 * S;
    const t = complaints[i] as number;
    const c3 = t <= avgC ? 10 * S : maxC - minC > 0 ? mul(div(maxC - t, maxC - minC), 10 * S) : 10 * S;
    totals[i] = (c1 + c2 + c3) / S;
  }
  return totals;
}

export function runCohortBench(out: (line: string) => void = console.log): void {
  const path = fileURLToPath(new URL("../../../rubrics/examples/cohort-ranking-zh.rubric", import.meta.url));
  const { rubric } = compile(readFileSync(path, "utf8"));
  if (!rubric) throw new Error("the cohort example does not compile");

  const cohort = towns(10_000, 2026);
  const engineTotals = rubric.scoreCohort(cohort).map((o) => (o.ok ? o.result.total : Number.NaN));
  const handTotals = byHand(cohort);
  const differ = engineTotals.filter((t, i) => Math.abs(t - (handTotals[i] as number)) > 1e-6).length;

  const hand = measure(() => byHand(cohort));
  const engine = measure(() => rubric.scoreCohort(cohort));
  out(`10,000-subject cohort (rank, leader share, min–max scaling, cohort average), ${rubric.backend} back-end:`);
  out(`  hand-written two-pass scorer  ${hand.cpu.toFixed(1)} ms CPU (median of ${hand.runs})`);
  out(`  scoreCohort                   ${engine.cpu.toFixed(1)} ms CPU (median of ${engine.runs})`);
  out(`  scoreCohort × hand-written    ${(hand.cpu / engine.cpu).toFixed(2)} (target ≥ 0.5)`);
  out(`  totals that differ from the hand-written scorer: ${differ} of ${cohort.length}`);

  const big = towns(100_000, 7);
  global.gc?.();
  const before = process.memoryUsage();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const outcomes = rubric.scoreCohort(big);
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const after = process.memoryUsage();
  const explained = measure(() => rubric.scoreCohort(big.slice(0, 10_000), { explain: true }));
  out(
    `100,000-subject cohort: ${wall.toFixed(0)} ms wall, ${((used.user + used.system) / 1000).toFixed(0)} ms CPU (target < 2 s);`,
  );
  out(
    `  heap ${((after.heapUsed - before.heapUsed) / 2 ** 20).toFixed(0)} MB more while its ${outcomes.length.toLocaleString("en-US")} results are held (rss ${(after.rss / 2 ** 20).toFixed(0)} MB)`,
  );
  out(`10,000-subject cohort with explanations: ${explained.cpu.toFixed(1)} ms CPU`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) runCohortBench();
