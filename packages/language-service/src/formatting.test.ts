import { format } from "@kaoping/language";
import { describe, expect, it } from "vitest";
import { annex, applyEdits, enRubric, open, zhRubric } from "../test/support.ts";

const uri = "file:///t.rubric";
const messy = zhRubric
  .replace("    输入 企业数: 计数", "  输入   企业数 :计数")
  .replace("      得 5 分 当 培训人数 >= 60% × 企业数", "得 5分 当 培训人数>=60%×企业数");

describe("formatting", () => {
  it("formats the whole document canonically with one edit, and a canonical text with none", () => {
    const { service } = open(messy);
    const answer = service.format(uri);
    if (!("edits" in answer)) throw new Error(answer.error);
    expect(answer.edits).toHaveLength(1);
    expect(applyEdits(messy, answer.edits)).toBe(zhRubric);
    const clean = open(zhRubric).service.format(uri);
    expect(clean).toEqual({ edits: [] });
    for (const text of [annex("village-quality"), annex("enterprise-quality")])
      expect(open(text).service.format(uri)).toEqual({ edits: [] });
  });

  it("formats only the blocks a range touches", () => {
    const text = messy.replace('  对象 "行政村"', '  对象   "行政村"');
    const { service } = open(text);
    const line = text.split("\n").findIndex((l) => l.includes("得 5分"));
    const answer = service.format(uri, { start: { line, character: 0 }, end: { line, character: 3 } });
    if (!("edits" in answer)) throw new Error(answer.error);
    const result = applyEdits(text, answer.edits);
    expect(result).toContain("      得 5 分 当 培训人数 >= 60% × 企业数");
    expect(result).toContain("    输入 企业数: 计数");
    // Outside the range, the header keeps its spacing.
    expect(result).toContain('  对象   "行政村"');
  });

  it("switches the keyword set both ways without changing the rubric", () => {
    const { service } = open(zhRubric);
    const toEn = service.switchKeywords(uri);
    if (!("edits" in toEn)) throw new Error(toEn.error);
    const english = applyEdits(zhRubric, toEn.edits);
    expect(english.startsWith('rubric small "小评分细则" {')).toBe(true);
    expect(english).toContain("      deduct 1 point per 违规数");
    const back = open(english, "en").service.switchKeywords(uri, "zh");
    if (!("edits" in back)) throw new Error(back.error);
    expect(applyEdits(english, back.edits)).toBe(zhRubric);
    expect(format(enRubric, { keywords: "zh" }).text).not.toBeNull();
  });

  it("refuses a text with syntax errors, saying why", () => {
    const broken = zhRubric.replace("得 5 分 当", "得 5 分 当 当");
    expect(open(broken).service.format(uri)).toEqual({ error: "评分细则有语法错误，先改正错误再排版" });
    expect(open(broken, "en").service.switchKeywords(uri)).toEqual({
      error: "the rubric has syntax errors: fix them before formatting",
    });
  });
});
