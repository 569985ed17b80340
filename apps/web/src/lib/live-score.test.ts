import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type FactDraft, liveScore, prepareRubric } from "./live-score.ts";
import { sheetFromScore } from "./sheet-from-score.ts";

const source = readFileSync(join(import.meta.dirname, "../../../../rubrics/village-quality.rubric"), "utf8");

/** READING.md's worked example (Annex 1). */
export const workedExample: FactDraft = {
  及时调整工作机构: true, 工作机构正常开展活动: true, 参加政府会议活动: true, 制定工作方案: true,
  应签责任状企业数: 10, 已签责任状企业数: 8, 责任书评分: { value: 3.2, reason: "应签 10 家，已签 8 家" }, 有检查考核总结: true,
  辖区企业数: 40, 培训人数: 30, 法规培训期数: 2, 及时申报名牌产品: true, 新增省级名牌数: 1, 新增中国名牌数: 0,
  五百万以上工业企业数: 30, 通过认证企业数: 12, 新增认证企业数: 1, 质量建档率: 100, 企业标准覆盖率: 99, 完成标准复审: true,
  标准复审率: 98, 新增计量确认单位数: 2, 新增采标单位数: 0, 省抽不合格数: 1, 国抽不合格数: 0, 建立打假责任制: true,
  明确打假联络员: true, 一般违法案件数: 1, 严重违法案件数: 0, 发生重大制假售假案件: false, 被省级以上媒体曝光: false,
  查实线索数: 1, 台帐按要求分类: true, 资料齐全: true, 数据准确: true,
};

describe("liveScore on the village rubric", () => {
  const prepared = prepareRubric(source);
  if (!prepared) throw new Error("the village rubric does not compile");

  it("scores the worked example to 109.2 with reasons", () => {
    const live = liveScore(prepared, workedExample);
    expect(live.complete).toBe(true);
    expect(live.total).toBe(109.2);
    expect(live.items.map((i) => i.points)).toEqual([5, 9.2, 7, 20, 5, 22, 9, 22, 10]);
    expect(live.items[1]?.criteria[1]?.suggestion).toBe(3.2);
    expect(live.items[6]?.criteria[0]?.reason?.zh).toMatch(/3/);
  });

  it("fills in as questions are answered, blanking only the criteria that lack a fact", () => {
    const live = liveScore(prepared, { 及时调整工作机构: true, 省抽不合格数: 2 });
    expect(live.complete).toBe(false);
    expect(live.items[0]?.criteria.map((c) => c.points)).toEqual([2, null, null]);
    expect(live.items[6]?.criteria[0]?.points).toBe(2);
    expect(live.items[6]?.criteria[1]?.points).toBeNull();
    expect(live.missing).toContain("培训人数");
    expect(live.total).toBe(4);
  });

  it("refuses a discretionary score below its maximum without a reason", () => {
    const live = liveScore(prepared, { ...workedExample, 责任书评分: { value: 3.2, reason: "  " } });
    expect(live.complete).toBe(false);
    expect(live.problems.map((p) => [p.field, p.code])).toEqual([["责任书评分", "reason"]]);
    expect(live.items[1]?.criteria[1]?.points).toBeNull();
  });

  it("puts shared inputs in the general section and the rest under their criterion", () => {
    expect(prepared.layout.byCriterion.get("7.1")).toEqual(["省抽不合格数"]);
    expect(prepared.layout.byCriterion.get("2.2")).toEqual(["应签责任状企业数", "已签责任状企业数", "责任书评分"]);
  });

  it("builds the annex sheet with criteria maxima and bonus marks", () => {
    const live = liveScore(prepared, workedExample);
    const sheet = sheetFromScore(prepared, live, workedExample, {
      subjectName: "示例村", subjectCode: "V00", subjectKind: "行政村", periodName: "2026年度", rubricLabel: "v1", status: "草稿",
      lang: "zh", yes: "是", no: "否",
    });
    expect(sheet.total).toBe("109.2");
    expect(sheet.items[2]?.criteria[1]).toMatchObject({ bonus: true, max: "3", points: "2" });
    expect(sheet.items[0]?.criteria[0]).toMatchObject({ text: "人员变动及时调整工作机构2分", max: "2", points: "2" });
    expect(sheet.facts.find((f) => f.name === "质量建档率")?.value).toBe("100%");
  });
});
