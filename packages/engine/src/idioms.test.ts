// The idioms of the sheets (issue 9 §1), scored by all three evaluators with explanations, and
// their bounds holding every score seen on random facts.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validFacts } from "../test/arbitraries.ts";
import { compiled, criterion, item, plain, rubricText, score, scorers } from "../test/rubric.ts";
import { compile, runTests } from "./index.ts";

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

describe("rounding and percentage points", () => {
  const text = rubricText(
    `  输入 签订率: 百分比 "签订率"
  输入 检查次数: 计数 "检查次数"
  输入 偏差: 百分比 "偏差"
${item(
  1,
  30,
  `    细则 1 "每低1个百分点扣0.5分" { 基础 10 分 每 (100% - 签订率) 百分点 扣 0.5 分 }
    细则 2 "不足1个百分点不扣" { 基础 10 分 每 向下取整((100% - 签订率) 百分点) 扣 1 分 }
    细则 3 "四舍五入到1位" { 得 最小(四舍五入(检查次数 × 1.25, 1), 10) 分 }`,
)}
${item(
  2,
  30,
  `    细则 1 "半数远离零" { 得 最小(10 + 四舍五入(偏差 百分点 / 4 - 5), 10) 分 }
    细则 2 "向下" { 得 最小(10 + 向下取整(偏差 百分点 / 4 - 5, 1), 10) 分 }
    细则 3 "向上" { 得 最小(10 + 向上取整(偏差 百分点 / 4 - 5, 1), 10) 分 }`,
)}`,
    60,
  );
  it("counts percentage points and rounds as the sheet says", () => {
    const r = score(text, { 签订率: 95.5, 检查次数: 3, 偏差: 10 });
    expect(criterion(r, 1, 1).points).toBe(7.75);
    expect(criterion(r, 1, 2).points).toBe(6);
    expect(criterion(r, 1, 3).points).toBe(3.8);
    expect(criterion(r, 1, 3).zh).toBe("得 最小(四舍五入(3 × 1.25, 1), 10) = 3.8 分（检查次数 = 3）");
    // 10 / 4 − 5 = −2.5: half away from zero is −3; toward −∞ and +∞ at one decimal keep −2.5.
    expect([criterion(r, 2, 1).points, criterion(r, 2, 2).points, criterion(r, 2, 3).points]).toEqual([7, 7.5, 7.5]);
    const s = score(text, { 签订率: 95.5, 检查次数: 3, 偏差: 10.2 });
    // 10.2 / 4 − 5 = −2.45 → −2, −2.5, −2.4.
    expect([criterion(s, 2, 1).points, criterion(s, 2, 2).points, criterion(s, 2, 3).points]).toEqual([8, 7.5, 7.6]);
  });
  it("stays within its bounds on random facts", () => withinBounds(text));
});

describe("example sheets (rubrics/examples)", () => {
  const dir = join(dirname(fileURLToPath(import.meta.url)), "../../../rubrics/examples");
  // The sheets of these idioms; the cohort sheets there are scored as cohorts by their own tests.
  const files = readdirSync(dir).filter((f) => f.startsWith("county-hotline") && f.endsWith(".rubric"));
  it.each(files)("%s checks clean, passes its tests and stays within its bounds", (file) => {
    const text = readFileSync(join(dir, file), "utf8");
    const { rubric, diagnostics } = compile(text);
    expect(diagnostics.map((d) => `${d.code} ${d.message.en}`)).toEqual([]);
    if (!rubric) throw new Error(`${file} does not compile`);
    for (const o of runTests(rubric))
      expect({ name: o.name, failures: o.failures }).toEqual({ name: o.name, failures: [] });
    withinBounds(text);
  });
  it("scores alike in both keyword sets", () => {
    const zh = compiled(readFileSync(join(dir, "county-hotline.rubric"), "utf8"));
    const en = compiled(readFileSync(join(dir, "county-hotline-en.rubric"), "utf8"));
    fc.assert(
      fc.property(validFacts(zh), (facts) => {
        expect(plain(en.score(facts))).toEqual(plain(zh.score(facts)));
      }),
      { numRuns },
    );
  });
});

describe("percent inputs with their own range (百分比 0% 至 200%)", () => {
  const text = rubricText(
    `  输入 完成率: 百分比 0% 至 200% "任务完成率"
  输入 增长率: 百分比 -100% 至 1000% "产值增长率" 默认 -5%
${item(
  1,
  20,
  `    细则 1 "超额完成的按100%计" { 得 最小(完成率, 100%) × 10 分 }
    细则 2 "每增长1个百分点得0.5分，最高10分" { 得 最小(最大(增长率 百分点 × 0.5, 0), 10) 分 }`,
)}`,
    20,
  );
  it("scores within the declared range and refuses facts outside it, on every path", () => {
    const r = score(text, { 完成率: 150, 增长率: 8 });
    expect([criterion(r, 1, 1).points, criterion(r, 1, 2).points]).toEqual([10, 4]);
    expect(criterion(score(text, { 完成率: 80 }), 1, 2).points).toBe(0);
    for (const s of scorers(text)) {
      expect(s.validate({ 完成率: 200, 增长率: -100 }).ok).toBe(true);
      const bad = s.validate({ 完成率: 200.5, 增长率: -100.5 });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.errors.map((e) => e.message.zh)).toContain("「任务完成率」应在 0 至 200 之间");
    }
  });
  it("tells the form its range in percent points", () => {
    const [gen] = scorers(text);
    expect(gen?.inputs.map((i) => [i.name, i.min, i.max])).toEqual([
      ["完成率", 0, 200],
      ["增长率", -100, 1000],
    ]);
  });
  it("stays within its bounds on random facts", () => withinBounds(text));
});
