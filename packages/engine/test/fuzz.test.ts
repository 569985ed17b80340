// Fuzz test of the whole language pipeline (lex → parse → check → format → compile) on seeded
// mutants of the real rubrics and the documentation's examples (test/mutate.ts). Asserts, for
// every mutant: no exception; no call slower than a bound per KB; the same diagnostics with half
// the stack (a cold process has bigger frames: an answer that depends on the stack differs
// between cold and warm); and, when it parses cleanly, that the formatter is idempotent and keeps
// the tree, and, when it checks clean, that zh ↔ en round trips are exact.
//
// The normal run tries FUZZ_RUNS mutants (default 100, a few seconds); a campaign runs on demand:
//   FUZZ_RUNS=50000 FUZZ_SEED=7 pnpm --filter @kaoping/engine fuzz
// Failing mutants are written to FUZZ_OUT (default: a temporary directory) to reproduce.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check, format, hasErrors, lex, parse, sameTree, type Diagnostic, type KeywordSet } from "@kaoping/language";
import { compile } from "../src/index.ts";
import { mutants } from "./mutate.ts";

const runs = Number(process.env["FUZZ_RUNS"] ?? "100");
const seed = Number(process.env["FUZZ_SEED"] ?? "20261202");

/** Generous on purpose (machines are shared): catches super-linear work, not slowness. */
function limitMs(text: string): number {
  return 1000 + 50 * (text.length / 1024);
}

/** The best of three timings of `f`, in ms (fewer when one is within `bound`). */
function bestOfThree(f: () => unknown, bound: number): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3 && best > bound; attempt++) {
    const start = performance.now();
    f();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** How deep a trivial recursion goes here: the stack this process has. */
function stackDepth(): number {
  let depth = 0;
  const dive = (): void => {
    depth++;
    dive();
  };
  try {
    dive();
  } catch {
    // RangeError: the stack is full; `depth` is how far it went.
  }
  return depth;
}

/** Runs `f` with about half of the stack already used, as in a cold process, where frames are bigger. */
function withHalfTheStack<T>(f: () => T, frames: number): T {
  const down = (n: number): T => (n === 0 ? f() : down(n - 1));
  return down(frames);
}

/** The diagnostics as comparable text. */
function summary(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.code}@${d.span.start}-${d.span.end}`).join(" ");
}

interface Figures {
  tried: number;
  parsedClean: number;
  checkedClean: number;
  compiled: number;
  bytes: number;
  slowest: { ms: number; kb: number; stage: string };
  failures: { index: number; what: string }[];
}

function fuzz(count: number): Figures {
  const half = Math.floor(stackDepth() / 2);
  const figures: Figures = {
    tried: 0,
    parsedClean: 0,
    checkedClean: 0,
    compiled: 0,
    bytes: 0,
    slowest: { ms: 0, kb: 0, stage: "" },
    failures: [],
  };
  const slow: { index: number; stage: string; text: string; f: () => unknown }[] = [];
  let index = 0;
  for (const text of mutants(seed, count)) {
    const fail = (what: string) => {
      figures.failures.push({ index, what });
      // A campaign reports as it goes, so that a finding is not lost with an interrupted run.
      if (count > 1000) process.stderr.write(`fuzz: mutant ${index}: ${what}\n`);
    };
    /**
     * Runs one stage, timed. A call over the bound is timed again at the end of the run, when a
     * pause of the shared machine (seconds, on every mutant at once) has passed: only a call
     * still over the bound then is a finding.
     */
    const timed = <T>(stage: string, f: () => T): T => {
      const start = performance.now();
      const result = f();
      const ms = performance.now() - start;
      if (ms > figures.slowest.ms)
        figures.slowest = { ms: Math.round(ms), kb: Math.round(text.length / 102.4) / 10, stage };
      if (ms > limitMs(text)) slow.push({ index, stage, text, f });
      return result;
    };
    try {
      timed("lex", () => lex(text));
      const checked = timed("check", () => check(text));
      const cold = withHalfTheStack(() => check(text), half);
      if (summary(cold.diagnostics) !== summary(checked.diagnostics)) fail("different diagnostics with half the stack");
      const parsed = parse(text);
      const formatted = timed("format", () => format(text));
      if (!hasErrors(parsed.diagnostics)) {
        figures.parsedClean++;
        const once = formatted.text;
        if (once === null) fail(`format refused a text that parses: ${summary(formatted.diagnostics)}`);
        else {
          if (format(once).text !== once) fail("format is not idempotent");
          if (!sameTree(parse(once).rubric, parsed.rubric)) fail("format changed the tree");
          if (!hasErrors(checked.diagnostics)) {
            figures.checkedClean++;
            const own = parsed.rubric.keywords;
            const other: KeywordSet = own === "zh" ? "en" : "zh";
            const translated = timed("translate", () => format(once, { keywords: other })).text;
            if (translated === null) fail("format refused to translate");
            else if (format(translated, { keywords: own }).text !== once)
              fail(`${own} → ${other} → ${own} is not exact`);
          }
        }
      }
      const compiled = timed("compile", () => compile(checked));
      if (compiled.rubric) figures.compiled++;
    } catch (error) {
      fail(
        `threw ${error instanceof Error ? (error.stack ?? error.message).split("\n").slice(0, 4).join(" | ") : String(error)}`,
      );
    }
    if (figures.failures.at(-1)?.index === index) keep(index, text);
    figures.tried++;
    figures.bytes += text.length;
    index++;
    // A campaign runs for hours: show it is alive, and what it has found so far.
    if (index % 1000 === 0)
      process.stderr.write(`fuzz: ${index}/${count} tried, ${figures.failures.length} failures\n`);
  }
  for (const call of slow) {
    const ms = bestOfThree(call.f, limitMs(call.text));
    if (ms <= limitMs(call.text)) continue;
    figures.failures.push({
      index: call.index,
      what: `${call.stage} took ${Math.round(ms)} ms for ${Math.round(call.text.length / 1024)} KB`,
    });
    keep(call.index, call.text);
  }
  return figures;
}

let outDir: string | undefined;
/** Writes a failing mutant where it can be read and run again. */
function keep(index: number, text: string): void {
  outDir ??= process.env["FUZZ_OUT"] ?? mkdtempSync(join(tmpdir(), "kaoping-fuzz-"));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `seed-${seed}-mutant-${index}.rubric`), text);
}

describe("fuzz: mutated rubrics", () => {
  it(`${runs} mutants (seed ${seed}): no exception, no stall, one answer, a sound formatter`, () => {
    const figures = fuzz(runs);
    const failures = figures.failures.map((f) => `#${f.index}: ${f.what}`);
    console.log(
      [
        `fuzz: seed ${seed}, ${figures.tried} mutants tried (${Math.round(figures.bytes / 1024)} KB), ` +
          `${figures.parsedClean} parsed clean, ${figures.checkedClean} checked clean, ${figures.compiled} compiled; ` +
          `slowest first call ${figures.slowest.ms} ms (${figures.slowest.stage}, ${figures.slowest.kb} KB); failures: ${failures.length}`,
        ...failures.slice(0, 20),
        ...(outDir ? [`failing mutants written to ${outDir}`] : []),
      ].join("\n"),
    );
    expect(figures.tried).toBe(runs);
    // Not vacuous: some mutants still parse, check and compile, so the later stages are exercised.
    if (runs >= 100) expect(figures.checkedClean).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  }, 3_600_000);
});
