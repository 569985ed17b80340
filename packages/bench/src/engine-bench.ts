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
  /** Median CPU milliseconds of one run over `subjects`. */
  readonly ms: number;
  /** Median over rounds of (hand-written time ÷ this time), both measured in the same round. */
  readonly ratio: number;
}

/** CPU milliseconds of `run` (user + system): time spent waiting for a core is not counted. */
function cpu(run: () => void): number {
  const t0 = process.cpuUsage();
  run();
  const u = process.cpuUsage(t0);
  return (u.user + u.system) / 1000;
}

async function cpuAsync(run: () => Promise<void>): Promise<number> {
  const t0 = process.cpuUsage();
  await run();
  const u = process.cpuUsage(t0);
  return (u.user + u.system) / 1000;
}

/** Median CPU milliseconds of `rounds` runs after one warm-up run. */
function time(rounds: number, run: () => void): number {
  run();
  const ms: number[] = [];
  for (let r = 0; r < rounds; r++) ms.push(cpu(run));
  return median(ms);
}

function median(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
}

/**
 * Runs the scorers in turn, round after round, after one warm-up round: a machine shared with
 * other work slows whichever scorer runs while it is busy, so each scorer is compared with the
 * hand-written one (the first) in the same round, and the medians of those ratios are reported.
 */
function interleaved(subjects: number, rounds: number, scorers: readonly (readonly [string, () => void])[]): Row[] {
  const times = scorers.map(() => [] as number[]);
  for (let r = 0; r <= rounds; r++) {
    scorers.forEach(([, run], k) => {
      const ms = cpu(run);
      if (r > 0) times[k]?.push(ms);
    });
  }
  const hand = times[0] ?? [];
  return scorers.map(([scorer], k) => {
    const ts = times[k] ?? [];
    return { scorer, subjects, ms: median(ts), ratio: median(ts.map((t, i) => (hand[i] ?? NaN) / t)) };
  });
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
      if (!same(hand, r))
        throw new Error(
          `${name} disagrees with the hand-written scorer on village #${i}: ${JSON.stringify(r)} vs ${JSON.stringify(hand)}`,
        );
    }
  }
  out(
    `verified: compiled (plain, totals) on ${all.length} villages, explain and closures on 10000, json-rules-engine and ZEN on ${peersChecked}: identical item points and totals`,
  );

  // 2. Throughput.
  const rows: Row[] = [];
  for (const n of [10_000, 100_000]) {
    const villages = all.slice(0, n);
    const facts = allFacts.slice(0, n);
    rows.push(
      ...interleaved(n, n === 10_000 ? 15 : 7, [
        [
          "hand-written (reference)",
          () => {
            for (const v of villages) sink += scoreVillageByHand(v).total;
          },
        ],
        [
          "compiled, item points + total (scoreTotals)",
          () => {
            for (const f of facts) sink += generated.scoreTotals(f).total;
          },
        ],
        [
          "compiled, full result (score)",
          () => {
            for (const f of facts) sink += generated.score(f).total;
          },
        ],
        [
          "compiled, explain on",
          () => {
            for (const f of facts) sink += generated.score(f, { explain: true }).total;
          },
        ],
        [
          "closures (no eval), full result",
          () => {
            for (const f of facts) sink += closures.score(f).total;
          },
        ],
      ]),
    );
  }
  // What explaining costs when every reason is read too (texts are made on first read).
  const some = allFacts.slice(0, 2_000);
  const someVillages = all.slice(0, 2_000);
  rows.push(
    ...interleaved(some.length, 5, [
      [
        "hand-written (reference)",
        () => {
          for (const v of someVillages) sink += scoreVillageByHand(v).total;
        },
      ],
      [
        "compiled, explain on, every reason's zh and en read",
        () => {
          for (const f of some) {
            for (const item of generated.score(f, { explain: true }).items) {
              for (const c of item.criteria) sink += (c.reason?.zh.length ?? 0) + (c.reason?.en.length ?? 0);
            }
          }
        },
      ],
    ]).slice(1),
  );
  const few = all.slice(0, peersChecked);
  const handFew = cpu(() => {
    for (const v of few) sink += scoreVillageByHand(v).total;
  });
  const peer = async (scorer: string, run: () => Promise<void>): Promise<Row> => {
    const ts: number[] = [];
    const hs: number[] = [];
    await run();
    for (let r = 0; r < 3; r++) {
      ts.push(await cpuAsync(run));
      hs.push(
        cpu(() => {
          for (const v of few) sink += scoreVillageByHand(v).total;
        }),
      );
    }
    return { scorer, subjects: few.length, ms: median(ts), ratio: median(ts.map((t, i) => (hs[i] ?? handFew) / t)) };
  };
  rows.push(
    await peer("json-rules-engine", async () => {
      for (const v of few) sink += (await jre(v)).total;
    }),
  );
  rows.push(
    await peer("@gorules/zen-engine", async () => {
      for (const v of few) sink += (await zen.score(v)).total;
    }),
  );
  zen.dispose();

  const lines = [["scorer", "villages", "ms", "µs/village", "villages/s", "× hand-written"]];
  for (const r of rows) {
    const per = r.ms / r.subjects;
    lines.push([
      r.scorer,
      String(r.subjects),
      r.ms.toFixed(1),
      (per * 1000).toFixed(2),
      Math.round(r.subjects / (r.ms / 1000)).toLocaleString("en-US"),
      r.ratio.toFixed(r.ratio < 0.02 ? 4 : 2),
    ]);
  }
  out(
    "CPU time (user + system), medians; × hand-written is the median of per-round ratios, the hand-written scorer run in the same round.",
  );
  out(table(lines));

  // 3. Compile time, warm.
  const checked = check(text);
  const compileText =
    time(30, () => {
      for (let i = 0; i < 10; i++) sink += compile(text).diagnostics.length;
    }) / 10;
  const compileChecked =
    time(30, () => {
      for (let i = 0; i < 10; i++) sink += compile(checked).diagnostics.length;
    }) / 10;
  const checkOnly =
    time(30, () => {
      for (let i = 0; i < 10; i++) sink += check(text).diagnostics.length;
    }) / 10;
  out("");
  out(
    table([
      ["compile village-quality.rubric (warm)", "ms"],
      ["compile(text): check + lower + bounds + codegen", compileText.toFixed(2)],
      ["compile(checked): lower + bounds + codegen", compileChecked.toFixed(2)],
      ["of which check(text) (language package)", checkOnly.toFixed(2)],
    ]),
  );
  if (sink === 42) out("");
  return rows;
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length))) ?? [];
  return rows
    .map(
      (r, k) =>
        r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ") +
        (k === 0 ? `\n${widths.map((w) => "-".repeat(w)).join("  ")}` : ""),
    )
    .join("\n");
}

const invokedDirectly = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (invokedDirectly) await runEngineBench();
