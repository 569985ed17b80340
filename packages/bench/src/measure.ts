// Timing for the benchmarks (never for tests): warm runs for a while, the median, CPU time and the
// best run, so that a figure means something on a shared, busy machine; and the rubrics measured.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generateRubric } from "./language-generate.ts";

export interface Sample {
  /** Median milliseconds of one run, wall clock. */
  readonly median: number;
  /** Median milliseconds of CPU time of one run: less disturbed than the wall clock on a busy machine. */
  readonly cpu: number;
  /** The fastest run, wall clock: what the code does when nothing else competes for the CPU. */
  readonly best: number;
  readonly runs: number;
}

export const seconds = Number(process.env["BENCH_SECONDS"] ?? "2");

/** Runs `fn` warm for about `seconds` (at least 10 runs) and returns the median run time. */
export function measure(fn: () => unknown): Sample {
  const warmUntil = performance.now() + Math.min(500, seconds * 300);
  for (let i = 0; i < 5 || performance.now() < warmUntil; i++) fn();
  const times: number[] = [];
  const cpus: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (times.length < 10 || performance.now() < until) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  return {
    median: median(times),
    cpu: median(cpus),
    best: times.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY),
    runs: times.length,
  };
}

/** The rubrics the language benchmarks measure: the two annexes and a generated 1,000-item rubric. */
export function benchRubrics(): readonly { readonly name: string; readonly text: string }[] {
  const rubricsDir = fileURLToPath(new URL("../../../rubrics/", import.meta.url));
  return [
    { name: "附件一 village-quality.rubric", text: readFileSync(`${rubricsDir}village-quality.rubric`, "utf8") },
    { name: "附件二 enterprise-quality.rubric", text: readFileSync(`${rubricsDir}enterprise-quality.rubric`, "utf8") },
    { name: "generated, 1,000 items", text: generateRubric(1000) },
  ];
}
