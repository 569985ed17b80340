// Every rule kind, scored by all three evaluators (generated code, closures, the interpreter) and
// with explanations: they must agree to the last digit.
import { describe, expect, it } from "vitest";
import { compile, type CompiledRubric } from "./index.ts";
import { criterion, item, rubricText, score, scorers } from "../test/rubric.ts";

describe("award", () => {
  const text = rubricText(
    `  输入 有方案: 是否 "有方案？"
  输入 企业数: 计数 "企业数"
  输入 培训人数: 计数 "培训人数"
${item(
  1,
  10,
  `    细则 1 "方案3分" { 得 3 分 当 有方案 }
    细则 2 "培训5分" { 得 5 分 当 培训人数 >= 60% × 企业数 }
    细则 3 "否则" { 得 2 分 当 企业数 > 10 否则 1 分 }`,
)}`,
    10,
  );
  it("gives the amount when the condition holds, else 0 or the otherwise amount", () => {
    const r = score(text, { 有方案: true, 企业数: 40, 培训人数: 24 });
    expect(criterion(r, 1, 1)).toMatchObject({ points: 3, outcome: "met" });
    // 60 % of 40 is 24: met exactly.
    expect(criterion(r, 1, 2)).toMatchObject({ points: 5, outcome: "met" });
    expect(criterion(r, 1, 2).zh).toBe("条件成立：24 ≥ (60% × 40 = 24)（培训人数 = 24，企业数 = 40），得 5 分");
    expect(criterion(r, 1, 3)).toMatchObject({ points: 2 });
    const s = score(text, { 有方案: false, 企业数: 5, 培训人数: 2 });
    expect(criterion(s, 1, 1)).toMatchObject({ points: 0, outcome: "unmet" });
    expect(criterion(s, 1, 1).zh).toBe("条件不成立：有方案 = 否，不得分");
    expect(criterion(s, 1, 2).points).toBe(0);
    expect(criterion(s, 1, 3)).toMatchObject({ points: 1, outcome: "unmet" });
    expect(s.total).toBe(1);
  });
  it("meets a threshold on a zero base", () => {
    const r = score(text, { 有方案: true, 企业数: 0, 培训人数: 0 });
    expect(criterion(r, 1, 2).points).toBe(5);
  });
});

describe("discretionary", () => {
  const text = rubricText(
    `  输入 应签数: 计数 "应签"
  输入 已签数: 计数 "已签"
  输入 责任书评分: 评分 0 至 4 步长 0.1 "责任书得分"
${item(2, 4, `    细则 1 "责任书4分" { 酌情 责任书评分 建议 若 应签数 > 0 则 已签数 / 应签数 × 4 否则 4 }`)}`,
    4,
  );
  it("scores the assessor's value, shows the suggestion, never applies it", () => {
    const r = score(text, { 应签数: 3, 已签数: 2, 责任书评分: { value: 3.5, reason: "两家未签，另有一家签订中" } });
    const c = r.items[0]?.criteria[0];
    expect(c?.points).toBe(3.5);
    // 2 ÷ 3 rounds to 0.666667 (six decimals), × 4 = 2.666668
    expect(c?.reason?.suggestion).toBe(2.666668);
    expect(c?.reason?.assessorReason).toBe("两家未签，另有一家签订中");
    expect(c?.reason?.zh).toBe(
      "评定 3.5 分（理由：两家未签，另有一家签订中）；建议 2 ÷ 3 × 4 = 2.666668 分（已签数 = 2，应签数 = 3）",
    );
  });
  it("takes the else branch of a guarded division when the divisor is zero", () => {
    const [r] = scorers(text) as [CompiledRubric];
    expect(r.suggest({ 应签数: 0, 已签数: 0 })).toEqual({ "2.1": 4 });
    expect(r.suggest({ 应签数: 10, 已签数: 8 })).toEqual({ "2.1": 3.2 });
    expect(r.suggest({ 应签数: 10 })).toEqual({ "2.1": null });
  });
  it("requires a reason below the maximum and a value on the step", () => {
    const [r] = scorers(text) as [CompiledRubric];
    const base = { 应签数: 1, 已签数: 1 };
    expect(r.validate({ ...base, 责任书评分: 4 }).ok).toBe(true);
    const noReason = r.validate({ ...base, 责任书评分: 3.2 });
    expect(noReason.ok ? [] : noReason.errors.map((e) => e.code)).toEqual(["reason"]);
    const blank = r.validate({ ...base, 责任书评分: { value: 3.2, reason: "  " } });
    expect(blank.ok ? [] : blank.errors.map((e) => e.code)).toEqual(["reason"]);
    const offStep = r.validate({ ...base, 责任书评分: { value: 3.25, reason: "x" } });
    expect(offStep.ok ? [] : offStep.errors.map((e) => e.code)).toEqual(["step"]);
    const over = r.validate({ ...base, 责任书评分: 4.1 });
    expect(over.ok ? [] : over.errors.map((e) => e.code)).toEqual(["range"]);
    expect(() => r.score({ ...base, 责任书评分: 3.2 })).toThrow(/须写明理由/);
  });
});

describe("deduction", () => {
  const text = rubricText(
    `  输入 一般案件数: 计数 "一般案件"
  输入 严重案件数: 计数 "严重案件"
  输入 重大案件: 是否 "重大案件？"
  输入 曝光: 是否 "曝光？"
  输入 省抽不合格数: 计数 "省抽不合格"
${item(
  8,
  10,
  `    细则 1 "案件10分" {
      基础 10 分 每 一般案件数 扣 1 分 每 严重案件数 扣 2 分
      不得分 当 重大案件 或 曝光
    }`,
)}
${item(7, 4, `    细则 1 "省抽4分" { 基础 4 分 每 省抽不合格数 扣 1.5 分 最低 1 分 }`)}`,
    14,
  );
  it("subtracts every clause from the base", () => {
    const r = score(text, { 一般案件数: 1, 严重案件数: 2, 重大案件: false, 曝光: false, 省抽不合格数: 1 });
    expect(criterion(r, 8, 1).points).toBe(5);
    expect(criterion(r, 8, 1).zh).toBe("10 − 1 × 1 − 2 × 2（一般案件数 = 1，严重案件数 = 2）= 5 分");
    expect(criterion(r, 7, 1).points).toBe(2.5);
  });
  it("stops at 0 (扣完为止) or at the written floor", () => {
    const r = score(text, { 一般案件数: 9, 严重案件数: 3, 重大案件: false, 曝光: false, 省抽不合格数: 7 });
    expect(criterion(r, 8, 1)).toMatchObject({ points: 0, outcome: "floored" });
    expect(criterion(r, 8, 1).zh).toContain("= -5，扣完为止，得 0 分");
    expect(criterion(r, 7, 1)).toMatchObject({ points: 1, outcome: "floored" });
  });
  it("is knocked out to 0 by either trigger, and only that criterion", () => {
    const r = score(text, { 一般案件数: 0, 严重案件数: 0, 重大案件: false, 曝光: true, 省抽不合格数: 0 });
    expect(criterion(r, 8, 1)).toMatchObject({ points: 0, outcome: "knocked-out" });
    expect(criterion(r, 8, 1).zh).toBe(
      "不得分：重大案件 = 否 或 曝光 = 是（未触发时：10 − 1 × 0 − 2 × 0（一般案件数 = 0，严重案件数 = 0）= 10 分）",
    );
    expect(criterion(r, 7, 1).points).toBe(4);
    expect(r.total).toBe(4);
  });
});

describe("bonus", () => {
  const text = rubricText(
    `  输入 期数: 计数 "期数"
  输入 省级名牌数: 计数 "省级名牌"
  输入 中国名牌数: 计数 "中国名牌"
  输入 计量确认: 是否 "通过计量确认？"
  输入 申报: 是否 "及时申报？"
${item(
  3,
  5,
  `    细则 1 "申报5分" { 得 5 分 当 申报 }
    细则 2 "每期加1分（最多3分）" { 每 期数 加 1 分 最多 3 分 }
    细则 3 "名牌" { 每 省级名牌数 加 5 分 每 中国名牌数 加 10 分 }
    细则 4 "计量确认" { 加 1 分 当 计量确认 }`,
)}`,
    5,
  );
  it("adds per occurrence up to the cap, uncapped bonuses without limit", () => {
    const r = score(text, { 期数: 5, 省级名牌数: 3, 中国名牌数: 2, 计量确认: true, 申报: true });
    expect(criterion(r, 3, 2)).toMatchObject({ points: 3, outcome: "capped" });
    expect(criterion(r, 3, 2).zh).toBe("加分 1 × 5（期数 = 5）= 5，最多 3 分，得 3 分");
    expect(criterion(r, 3, 3).points).toBe(35);
    expect(criterion(r, 3, 4).points).toBe(1);
    // Bonuses come on top of the standard points.
    expect(r.items[0]?.points).toBe(44);
    expect(r.total).toBe(44);
  });
  it("has no most when uncapped", () => {
    const [r] = scorers(text) as [CompiledRubric];
    const b = r.bounds();
    expect(b.items[0]?.criteria.map((c) => [c.least, c.most])).toEqual([
      [0, 5],
      [0, 3],
      [0, null],
      [0, 1],
    ]);
    expect(b.most).toBeNull();
    expect(b.least).toBe(0);
  });
});

describe("veto and grades", () => {
  const text = rubricText(
    `  等级 { "优秀" >= 90  "合格" >= 60  "不合格" }
  输入 得分: 计数 "得分"
  输入 重大事故: 是否 "重大事故？"
  否决 "发生重大质量事故" 当 重大事故
${item(1, 100, `    细则 1 "分数" { 得 最小(得分, 100) }`)}`,
    100,
  );
  it("takes the first band reached", () => {
    expect(score(text, { 得分: 95, 重大事故: false }).grade).toBe("优秀");
    expect(score(text, { 得分: 90, 重大事故: false }).grade).toBe("优秀");
    expect(score(text, { 得分: 89, 重大事故: false }).grade).toBe("合格");
    expect(score(text, { 得分: 3, 重大事故: false }).grade).toBe("不合格");
  });
  it("zeroes the total on a veto and names it", () => {
    const r = score(text, { 得分: 95, 重大事故: true });
    expect(r.total).toBe(0);
    expect(r.veto?.reason).toBe("发生重大质量事故");
    expect(r.veto?.explanation?.zh).toBe("一票否决（发生重大质量事故）：重大事故 = 是，总分计 0 分");
    expect(r.grade).toBe("不合格");
    // Items keep their points: the sheet still shows what was earned.
    expect(r.items[0]?.points).toBe(95);
    const [c] = scorers(text) as [CompiledRubric];
    expect(c.bounds().least).toBe(0);
  });
});

describe("division", () => {
  const text = rubricText(
    `  输入 认证数: 计数 "认证数"
  输入 企业数: 计数 "企业数"
${item(5, 2, `    细则 1 "认证率达60%" { 得 2 分 当 企业数 > 0 且 认证数 / 企业数 >= 60% }`)}`,
    2,
  );
  it("compares a quotient exactly, never on a rounding", () => {
    // 5999995 / 10000000 rounds to 0.600000 but is below 60 %.
    expect(score(text, { 认证数: 5_999_995, 企业数: 10_000_000 }).total).toBe(0);
    expect(score(text, { 认证数: 6, 企业数: 10 }).total).toBe(2);
    expect(score(text, { 认证数: 0, 企业数: 0 }).total).toBe(0);
  });
  it("rejects an unguarded division in the checker", () => {
    const bad = rubricText(
      `  输入 认证数: 计数 "认证数"
  输入 企业数: 计数 "企业数"
${item(5, 2, `    细则 1 "认证率" { 得 2 分 当 认证数 / 企业数 >= 60% }`)}`,
      2,
    );
    const r = compile(bad);
    expect(r.rubric).toBeNull();
    expect(r.diagnostics.map((d) => d.code)).toContain("KP404");
  });
});

describe("exactness", () => {
  const text = rubricText(
    `  输入 a: 评分 0 至 5 步长 0.1 "a"
  输入 b: 评分 0 至 5 步长 0.1 "b"
  输入 c: 评分 0 至 5 步长 0.1 "c"
${item(
  1,
  15,
  `    细则 1 "a" { 酌情 a }
    细则 2 "b" { 酌情 b }
    细则 3 "c" { 酌情 c }`,
)}`,
    15,
  );
  it("adds 3.2 + 2.5 + 0.1 to exactly 5.8, and 0.1 + 0.2 to 0.3", () => {
    const why = "理由";
    const r = score(text, {
      a: { value: 3.2, reason: why },
      b: { value: 2.5, reason: why },
      c: { value: 0.1, reason: why },
    });
    expect(r.total).toBe(5.8);
    expect(JSON.stringify(r.total)).toBe("5.8");
    const s = score(text, {
      a: { value: 0.1, reason: why },
      b: { value: 0.2, reason: why },
      c: { value: 0, reason: why },
    });
    expect(s.total).toBe(0.3);
  });
});

describe("overflow", () => {
  const text = rubricText(
    `  输入 a: 计数 "a"
  输入 b: 计数 "b"
${item(
  1,
  5,
  `    细则 1 "乘积" { 得 5 分 当 a × b >= 1000000000 × 1000000000 }
    细则 2 "加分" { 每 a 加 5 分 每 b 加 5 分 }`,
)}`,
    5,
  );
  it("falls back to exact BigInt arithmetic when doubles would lose digits", () => {
    const r = score(text, { a: 1_000_000_000, b: 1_000_000_000 });
    expect(criterion(r, 1, 1).points).toBe(5);
    expect(criterion(r, 1, 2).points).toBe(10_000_000_000);
    expect(r.total).toBe(10_000_000_005);
    const s = score(text, { a: 999_999_999, b: 1_000_000_000 });
    expect(criterion(s, 1, 1).points).toBe(0);
  });
});

describe("engine diagnostics", () => {
  it("warns when a criterion can go below zero, a cap or floor never binds", () => {
    const text = rubricText(
      `  输入 a: 计数 "a"
${item(
  1,
  4,
  `    细则 1 "负" { 得 4 - a }
    细则 2 "上限" { 每 a 加 1 分 最多 3 分 }
    细则 3 "上限不起作用" { 加 1 分 当 a > 2 最多 5 分 }`,
)}`,
      4,
    );
    const r = compile(text);
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toContain("KP801");
    expect(codes).toContain("KP802");
    expect(codes.filter((c) => c === "KP802")).toHaveLength(1);
    expect(r.rubric).not.toBeNull();
    const kp801 = r.diagnostics.find((d) => d.code === "KP801");
    expect(kp801?.message.zh).toBe("细则 1.1 的规则最低可算出 −∞ 分，低于 0 分的部分会按 0 分计");
  });
});
