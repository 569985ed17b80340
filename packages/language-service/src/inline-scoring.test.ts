import { describe, expect, it } from "vitest";
import { annex, at, enRubric, everything, open, zhRubric } from "../test/support.ts";

const uri = "file:///t.rubric";

function hints(
  text: string,
  source: Parameters<ReturnType<typeof open>["service"]["inlayHints"]>[2],
  lang: "zh" | "en" = "zh",
) {
  const { service } = open(text, lang);
  return service.inlayHints(uri, everything, source);
}

describe("inline scoring", () => {
  it("shows each criterion's and item's points and the total for a test of the file", () => {
    const answer = hints(zhRubric, { test: "达标" });
    if (!("hints" in answer)) throw new Error(answer.error);
    const labels = answer.hints.map((h) => [h.position, h.label]);
    expect(labels).toContainEqual([at(zhRubric, " {\n  对象"), "总分 9 · 等级「优秀」"]);
    expect(labels).toContainEqual([at(zhRubric, " {\n    内容"), "= 9 分"]);
    expect(labels).toContainEqual([at(zhRubric, " {\n      得 5"), "= 5 分"]);
    expect(labels).toContainEqual([at(zhRubric, " {\n      基础"), "= 4 分"]);
    const criterion = answer.hints.find((h) => h.label === "= 4 分");
    expect(criterion?.tooltip).toContain("违规数");
  });

  it("scores a facts object, and follows the rules as they change", () => {
    const facts = { 企业数: 10, 培训人数: 5, 有方案: true, 违规数: 0 };
    const before = hints(zhRubric, { facts });
    const after = hints(zhRubric.replace("60% × 企业数", "50% × 企业数"), { facts });
    if (!("hints" in before) || !("hints" in after)) throw new Error("no hints");
    expect(before.hints[0]?.label).toBe("总分 5 · 等级「不合格」");
    expect(after.hints[0]?.label).toBe("总分 10 · 等级「优秀」");
  });

  it("on an annex, matches the rubric's own expectations", () => {
    const village = annex("village-quality");
    const answer = hints(village, { test: "示例村（READING.md）" });
    if (!("hints" in answer)) throw new Error(answer.error);
    expect(answer.hints[0]?.label).toBe("总分 109.2 · 等级「优秀」");
    expect(answer.hints.find((h) => h.position.line === at(village, '项目 2 "工作方案"').line)?.label).toBe("= 9.2 分");
  });

  it("says what is wrong with the facts, the test or the rubric instead", () => {
    expect(hints(zhRubric, { facts: { 企业数: -1 } })).toHaveProperty("error");
    expect(hints(enRubric, { test: "nope" }, "en")).toEqual({ error: 'there is no test named "nope"' });
    expect(hints(zhRubric.replace("60% × 企业数", "60% × 企业树"), { test: "达标" })).toEqual({
      error: "评分细则有错误，无法计分",
    });
  });

  it("offers a code lens on each test: whether it passes, and scoring with it", () => {
    const { service } = open(zhRubric.replace("项目 1 = 9", "项目 1 = 8"));
    const [lens] = service.codeLenses(uri);
    expect(lens?.command).toEqual({
      title: "✗ 1 处不符 · 用此测试行内计分",
      command: "kaoping.scoreWith",
      arguments: [uri, { test: "达标" }],
    });
  });
});
