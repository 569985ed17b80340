// The idioms of the sheets (issue 9 §1), scored by all three evaluators with explanations, and
// their bounds holding every score seen on random facts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validFacts } from "../test/arbitraries.ts";
import { criterion, item, rubricText, score, scorers } from "../test/rubric.ts";

const numRuns = Number(process.env["FC_NUM_RUNS"] ?? 200);

/** Every evaluator scores random valid facts alike, within the rubric's bounds. */
function withinBounds(text: string): void {
  const [gen, clo, int] = scorers(text);
  if (!gen || !clo || !int) throw new Error("three evaluators expected");
  const b = gen.bounds();
  fc.assert(
    fc.property(validFacts(gen), (facts) => {
      const r = gen.score(facts);
      expect(clo.score(facts).total).toBe(r.total);
      expect(int.score(facts).total).toBe(r.total);
      expect(gen.score(facts, { explain: true }).total).toBe(r.total);
      r.items.forEach((it, i) => {
        it.criteria.forEach((c, j) => {
          const cb = b.items[i]?.criteria[j];
          if (!cb) throw new Error("bounds miss a criterion");
          expect(c.points).toBeGreaterThanOrEqual(cb.least);
          if (cb.most !== null) expect(c.points).toBeLessThanOrEqual(cb.most);
        });
      });
    }),
    { numRuns },
  );
}

describe("deduction cap apart from the floor (最多扣)", () => {
  const text = rubricText(
    `  输入 发现问题数: 计数 "发现问题数"
  输入 约谈次数: 计数 "约谈次数"
${item(
  1,
  20,
  `    细则 1 "基础10分，每发现一处扣3分，最多扣6分" { 基础 10 分 每 发现问题数 扣 3 分 最多扣 6 分 }
    细则 2 "最多扣8分，最低3分" { 基础 10 分 每 发现问题数 扣 1 分 每 约谈次数 扣 2.5 分 最多扣 8 分 最低 3 分 }`,
)}`,
    20,
  );
  it("takes the clauses up to the cap, then the floor", () => {
    const r = score(text, { 发现问题数: 5, 约谈次数: 0 });
    expect(criterion(r, 1, 1)).toMatchObject({ points: 4, outcome: "capped" });
    expect(criterion(r, 1, 1).zh).toBe("10 − 3 × 5（发现问题数 = 5）：共应扣 15 分，最多扣 6 分，10 − 6 = 4 分");
    expect(criterion(r, 1, 2)).toMatchObject({ points: 5, outcome: "computed" });
    const low = score(text, { 发现问题数: 1, 约谈次数: 0 });
    expect(criterion(low, 1, 1)).toMatchObject({ points: 7, outcome: "computed" });
    // 10 − min(9 + 2.5 × 4, 8) = 2, below the floor of 3.
    const floored = score(text, { 发现问题数: 9, 约谈次数: 4 });
    expect(criterion(floored, 1, 2)).toMatchObject({ points: 3, outcome: "floored" });
    expect(criterion(floored, 1, 2).zh).toContain("最多扣 8 分，10 − 8 = 2，不低于 3 分，得 3 分");
  });
  it("bounds: least is max(base − cap, floor)", () => {
    const [gen] = scorers(text);
    const b = gen?.bounds();
    expect(b?.items[0]?.criteria.map((c) => [c.least, c.most])).toEqual([
      [4, 10],
      [3, 10],
    ]);
  });
  it("stays within its bounds on random facts", () => withinBounds(text));
});
