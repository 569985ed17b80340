import { describe, expect, it } from "vitest";
import { annex, at, enRubric, open, zhRubric } from "../test/support.ts";

const hoverText = (text: string, needle: string, shift = 0, lang: "zh" | "en" = "zh", nth = 0) => {
  const { service, uri } = open(text, lang);
  return service.hover(uri, at(text, needle, shift, nth))?.contents.value ?? null;
};

describe("hover", () => {
  it("on an input: its type, range, question and the criteria that read it", () => {
    const h = hoverText(zhRubric, "当 培训人数", 3);
    expect(h).toContain("**输入 培训人数**: 计数");
    expect(h).toContain("参加培训的有几人？");
    expect(h).toContain("不小于 0 的整数");
    expect(h).toContain("细则 1.1");
    const score = hoverText(annex("village-quality"), "酌情 责任书评分", 4);
    expect(score).toContain("评分");
    expect(score).toContain("0 – 4，步长 0.1");
    expect(score).toContain("细则 2.2");
  });

  it("on a criterion: its verbatim text, least and most points, and the tests that reach them", () => {
    const h = hoverText(zhRubric, '细则 2 "制定方案', 1);
    expect(h).toContain("**细则 1.2** · 扣分");
    expect(h).toContain("> 制定方案5分，每违规一次扣1分");
    expect(h).toContain("最低 0 分");
    expect(h).toContain("最高 5 分");
    expect(h).toContain("✓「达标」 4");
    const village = hoverText(annex("village-quality"), '细则 2 "组织企业参加质量法律', 1);
    expect(village).toContain("最高 3 分（测试「加分封顶：法规培训班 5 期只加 3 分」）");
    // Facts that reach each end, whether or not a test does.
    expect(village).toContain("得 3 分的例子：法规培训期数 = 1000");
    expect(village).toContain("得 0 分的例子：法规培训期数 = 0");
    expect(h).toContain("得 0 分的例子：有方案 = 否，违规数 = 0");
    const en = hoverText(enRubric, 'criterion 1 "Training', 1, "en");
    expect(en).toContain("5 points, e.g. firms = 0, trained = 0");
  });

  it("on an item: its content, standard, bounds; an uncapped bonus has no most", () => {
    const h = hoverText(annex("village-quality"), '项目 4 "名牌战略"', 1);
    expect(h).toContain("**项目 4 名牌战略** · 标准分 15");
    expect(h).toContain("> 积极申报名牌产品");
    expect(h).toContain("最高 不设上限");
  });

  it("says when bounds must wait for a rubric without errors", () => {
    const broken = zhRubric.replace("60% × 企业数", "60% × 企业树");
    expect(hoverText(broken, '细则 1 "完成', 1)).toContain("要等评分细则没有错误");
  });

  it("on a keyword: its meaning and its form in the other set", () => {
    expect(hoverText(zhRubric, "基础 5 分", 0)).toContain("**基础** · base");
    const en = hoverText(enRubric, "award 5 points", 2, "en");
    expect(en).toContain("**award** · 得");
    expect(en).toContain("award rule");
  });

  it("on a grade and on a test", () => {
    expect(hoverText(zhRubric, '"优秀" >= 9', 1)).toContain("总分达到 9 分");
    const test = hoverText(zhRubric, '测试 "达标"', 4);
    expect(test).toContain("✓ 通过");
    expect(test).toContain("总分 9");
  });

  it("in English for an English-speaking user", () => {
    const h = hoverText(enRubric, "when trained", 6, "en");
    expect(h).toContain("**input trained**: count");
    expect(h).toContain("read by: criterion 1.1");
  });

  it("is empty on a comment or between statements", () => {
    expect(hoverText(`# 注释\n${zhRubric}`, "注释", 1)).toBeNull();
  });
});
