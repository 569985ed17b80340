import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { liveScore, prepareRubric } from "./live-score.ts";
import { workedExample } from "../../test/fixtures/worked-example.ts";
import { sheetFromScore } from "./sheet-from-score.ts";

const source = readFileSync(join(import.meta.dirname, "../../../../rubrics/village-quality.rubric"), "utf8");

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
      subjectName: "示例村",
      subjectCode: "V00",
      subjectKind: "行政村",
      periodName: "2026年度",
      rubricLabel: "v1",
      status: "草稿",
      lang: "zh",
      yes: "是",
      no: "否",
    });
    expect(sheet.total).toBe("109.2");
    expect(sheet.items[2]?.criteria[1]).toMatchObject({ bonus: true, max: "3", points: "2" });
    expect(sheet.items[0]?.criteria[0]).toMatchObject({ text: "人员变动及时调整工作机构2分", max: "2", points: "2" });
    expect(sheet.facts.find((f) => f.name === "质量建档率")?.value).toBe("100%");
  });
});
