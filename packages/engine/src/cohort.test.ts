// Cohort scoring on the example rubric with rank, leader-share, min–max and cohort-average rules:
// properties over generated cohorts (FC_NUM_RUNS sets the number of cases).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compile, type CohortOutcome, type CompiledRubric } from "./index.ts";

const numRuns = Number(process.env["FC_NUM_RUNS"] ?? 100);
const here = dirname(fileURLToPath(import.meta.url));
const text = readFileSync(join(here, "../../../rubrics/examples/cohort-ranking-zh.rubric"), "utf8");

function load(backend: "generated" | "closures" | "interpreter"): CompiledRubric {
  const r = compile(text, { backend }).rubric;
  if (!r) throw new Error("the cohort example does not compile");
  return r;
}
const backends = [load("generated"), load("closures"), load("interpreter")] as const;
const [gen] = backends;

interface Facts {
  办结率: number;
  产值: number;
  投诉数: number;
}

const facts = fc.record({
  // Few distinct values, so that ties are common.
  办结率: fc.integer({ min: 0, max: 40 }).map((v) => 60 + v / 2),
  产值: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 0, max: 10_000_000 }).map((v) => v / 100),
  ),
  投诉数: fc.integer({ min: 0, max: 6 }),
});
const cohort = fc.array(facts, { minLength: 1, maxLength: 30 });

// ── A plain second implementation: scaled BigInt, each × and ÷ rounded to six decimals half away from zero.
const S = 1_000_000n;
const round = (n: bigint, d: bigint): bigint => {
  const q = n / d;
  const r = n % d;
  return 2n * (r < 0n ? -r : r) >= (d < 0n ? -d : d) ? q + (n < 0n !== d < 0n ? -1n : 1n) : q;
};
const scaled = (v: number): bigint => BigInt(Math.round(v * 1_000_000));
const div = (a: bigint, b: bigint): bigint => (b === 0n ? 0n : round(a * S, b));
const mul = (a: bigint, b: bigint): bigint => round(a * b, S);
const big = (a: bigint, b: bigint): bigint => (a > b ? a : b);

/** The example rubric's three criteria, by hand: first every figure, then every subject's points. */
function byHand(list: readonly Facts[]): bigint[][] {
  const n = list.length;
  const output = list.map((f) => scaled(f.产值));
  const complaints = list.map((f) => scaled(f.投诉数));
  const maxOutput = output.reduce(big);
  const maxC = complaints.reduce(big);
  const minC = complaints.reduce((a, b) => (a < b ? a : b));
  const avgC = round(
    complaints.reduce((a, b) => a + b, 0n),
    BigInt(n),
  );
  return list.map((f, i) => {
    const rank = 1 + list.filter((g) => g.办结率 > f.办结率).length;
    const c1 = big(15n * S - (BigInt(rank) * S - S), 6n * S);
    const c2 = maxOutput > 0n ? mul(div(output[i] as bigint, maxOutput), 15n * S) : 15n * S;
    const t = complaints[i] as bigint;
    const c3 = t <= avgC ? 10n * S : maxC - minC > 0n ? mul(div(maxC - t, maxC - minC), 10n * S) : 10n * S;
    return [c1, c2, c3];
  });
}

function points(outcomes: readonly CohortOutcome[]): number[][] {
  return outcomes.map((o) => {
    if (!o.ok) throw new Error(`invalid facts: ${o.errors.map((e) => e.message.en).join("; ")}`);
    return o.result.items.flatMap((i) => i.criteria.map((c) => c.points));
  });
}

const subjects = (list: readonly Facts[]) => list.map((f, i) => ({ id: `s${i}`, facts: f }));

describe("scoreCohort", () => {
  it("agrees with a plain two-pass scorer, in all three back-ends", () => {
    fc.assert(
      fc.property(cohort, (list) => {
        const expected = byHand(list).map((row) => row.map((v) => Number(v) / 1_000_000));
        for (const b of backends) expect(points(b.scoreCohort(subjects(list)))).toEqual(expected);
      }),
      { numRuns },
    );
  });

  it("gives each subject the same points whatever the order of the cohort", () => {
    fc.assert(
      fc.property(
        cohort.chain((list) =>
          fc.tuple(
            fc.constant(list),
            fc.shuffledSubarray(
              list.map((_, i) => i),
              { minLength: list.length },
            ),
          ),
        ),
        ([list, order]) => {
          const before = gen.scoreCohort(subjects(list), { explain: true });
          const after = gen.scoreCohort(order.map((i) => ({ id: `s${i}`, facts: list[i] as Facts })));
          const byId = new Map(after.map((o) => [o.id, o]));
          for (const o of before) {
            const other = byId.get(o.id);
            expect(other?.ok && o.ok && other.result.total === o.result.total).toBe(true);
            if (other?.ok && o.ok) expect(other.figures).toEqual(o.figures);
          }
        },
      ),
      { numRuns },
    );
  });

  it("stays within the bounds", () => {
    const bounds = gen.bounds();
    fc.assert(
      fc.property(cohort, (list) => {
        for (const o of gen.scoreCohort(subjects(list))) {
          if (!o.ok) throw new Error("invalid facts");
          expect(o.result.total).toBeGreaterThanOrEqual(bounds.least);
          expect(o.result.total).toBeLessThanOrEqual(bounds.most ?? Number.NaN);
          for (const [i, item] of o.result.items.entries()) {
            for (const [j, c] of item.criteria.entries()) {
              const b = bounds.items[i]?.criteria[j];
              expect(c.points).toBeGreaterThanOrEqual(b?.least ?? Number.NaN);
              expect(c.points).toBeLessThanOrEqual(b?.most ?? Number.NaN);
            }
          }
        }
      }),
      { numRuns },
    );
  });

  it("ranks ties by value: shared, the next skipped; dense when declared; within categories", () => {
    const dense = compile(text.replace("名次(办结率)", "名次(办结率, 密集)")).rubric;
    const list = [
      { id: "a", facts: { 办结率: 90, 产值: 1, 投诉数: 0 }, category: "一类" },
      { id: "b", facts: { 办结率: 95, 产值: 1, 投诉数: 0 }, category: "一类" },
      { id: "c", facts: { 办结率: 95, 产值: 1, 投诉数: 0 }, category: "一类" },
      { id: "d", facts: { 办结率: 99, 产值: 1, 投诉数: 0 }, category: "二类" },
    ];
    const rank = (o: CohortOutcome) => (o.ok ? o.figures.find((f) => f.figure.startsWith("名次")) : undefined);
    expect(gen.scoreCohort(list).map((o) => [rank(o)?.value, rank(o)?.tied, rank(o)?.of])).toEqual([
      [3, false, 3],
      [1, true, 3],
      [1, true, 3],
      [1, false, 1],
    ]);
    const flat = list.map(({ category: _, ...s }) => s);
    expect(gen.scoreCohort(flat).map((o) => rank(o)?.value)).toEqual([4, 2, 2, 1]);
    expect(dense?.scoreCohort(flat).map((o) => rank(o)?.value)).toEqual([3, 2, 2, 1]);
  });

  it("explains with the figures it used, and leaves subjects with bad facts out of the cohort", () => {
    const out = gen.scoreCohort(
      [
        { id: "甲", facts: { 办结率: 97.2, 产值: 81, 投诉数: 2 } },
        { id: "乙", facts: { 办结率: 99, 产值: 88, 投诉数: 0 } },
        { id: "丙", facts: { 办结率: 97.2, 产值: 40, 投诉数: 5 } },
        { id: "坏", facts: { 办结率: "高", 产值: 1000, 投诉数: 0 } },
      ],
      { explain: true },
    );
    const first = out[0];
    if (!first?.ok) throw new Error("甲 should score");
    const [c1, c2] = first.result.items[0]?.criteria ?? [];
    expect(c1?.reason?.zh).toContain("并列第 2 名（共 3 个）");
    expect(c2?.reason?.zh).toContain("81 ÷ 88 × 15 = 13.806825");
    expect(c2?.reason?.zh).toContain("最高值(产值) = 88");
    expect(out[3]?.ok).toBe(false);
  });

  it("refuses to score one subject of a rubric with cohort rules, naming the rules", () => {
    expect(() => gen.score({ 办结率: 90, 产值: 1, 投诉数: 0 })).toThrow(/名次\(办结率\)/);
    expect(() => gen.scoreMany([{ 办结率: 90, 产值: 1, 投诉数: 0 }])).toThrow(/scoreCohort/);
  });
});
