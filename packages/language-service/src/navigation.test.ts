import { check } from "@kaoping/language";
import { describe, expect, it } from "vitest";
import { annex, applyEdits, at, enRubric, open, zhRubric } from "../test/support.ts";

const uri = "file:///t.rubric";

function renamed(text: string, needle: string, shift: number, name: string, lang: "zh" | "en" = "zh") {
  const { service } = open(text, lang);
  const result = service.rename(uri, at(text, needle, shift), name);
  if (!result || "error" in result) return result;
  return applyEdits(text, result.edit.changes[uri] ?? []);
}

describe("definition and references", () => {
  it("lead from a name in a rule or a test to its declaration, and back to every use", () => {
    const { service } = open(zhRubric);
    const [def] = service.definition(uri, at(zhRubric, "当 培训人数", 3));
    expect(def?.range.start).toEqual(at(zhRubric, "培训人数: 计数"));
    const refs = service.references(uri, at(zhRubric, "培训人数: 计数"));
    expect(refs.map((r) => r.range.start)).toEqual([
      at(zhRubric, "培训人数: 计数"),
      at(zhRubric, "培训人数 >="),
      at(zhRubric, "培训人数 = 6"),
    ]);
    expect(service.references(uri, at(zhRubric, "培训人数: 计数"), false)).toHaveLength(2);
  });

  it("lead from an expectation to its item and criterion, and from a grade to its band", () => {
    const { service } = open(zhRubric);
    expect(service.definition(uri, at(zhRubric, "项目 1 = 9", 3))[0]?.range.start).toEqual(
      at(zhRubric, '1 "宣传培训"'),
    );
    expect(service.definition(uri, at(zhRubric, "细则 1.2 = 4", 5))[0]?.range.start).toEqual(
      at(zhRubric, '2 "制定方案'),
    );
    expect(service.definition(uri, at(zhRubric, '"优秀"', 1, 1))[0]?.range.start).toEqual(at(zhRubric, '"优秀"'));
  });

  it("find every test based on a test", () => {
    const village = annex("village-quality");
    const { service } = open(village);
    expect(service.references(uri, at(village, '测试 "全部达标"', 4))).toHaveLength(7);
  });
});

describe("rename", () => {
  it("renames an input in declarations, rules and tests, quoting where a name needs it", () => {
    const text = renamed(zhRubric, "当 培训人数", 3, "受训人数") as string;
    expect(text.match(/受训人数/g)).toHaveLength(3);
    expect(check(text).diagnostics).toEqual([]);
    const quoted = renamed(zhRubric, "当 培训人数", 3, "受训 人数") as string;
    expect(quoted).toContain("「受训 人数」 >= 60%");
    expect(check(quoted).diagnostics).toEqual([]);
    const en = renamed(enRubric, "when plan", 6, "approved", "en") as string;
    expect(en).toContain("input approved: yesno");
    expect(en).toContain("approved = yes");
  });

  it("renumbers an item and a criterion with their expectations", () => {
    const text = renamed(zhRubric, '项目 1 "宣传培训"', 3, "7") as string;
    expect(text).toContain('项目 7 "宣传培训"');
    expect(text).toContain("项目 7 = 9");
    expect(text).toContain("细则 7.2 = 4");
    const criterion = renamed(zhRubric, "细则 1.2 = 4", 5, "3") as string;
    expect(criterion).toContain('细则 3 "制定方案');
    expect(criterion).toContain("细则 1.3 = 4");
  });

  it("renames a grade and a test with every text that names them", () => {
    const text = renamed(zhRubric, '"优秀" >=', 1, "优") as string;
    expect(text).toContain('"优" >= 9');
    expect(text).toContain('等级 = "优"');
    const village = annex("village-quality");
    const tests = renamed(village, '测试 "全部达标"', 4, "都达标") as string;
    expect(tests.match(/"都达标"/g)).toHaveLength(7);
    expect(check(tests).diagnostics).toEqual([]);
  });

  it("refuses a name that is taken, a bad number, and what cannot be renamed", () => {
    expect(renamed(zhRubric, "当 培训人数", 3, "企业数")).toEqual({ error: "已经有名为「企业数」的输入或派生值" });
    expect(renamed(zhRubric, '项目 1 "宣传', 3, "0")).toEqual({ error: "编号应为正整数" });
    expect(renamed(zhRubric, "细则 1.2 = 4", 5, "1")).toEqual({ error: "项目 1 已经有细则 1" });
    expect(renamed(zhRubric, "对象", 0, "x")).toBeNull();
    const { service } = open(zhRubric);
    expect(service.prepareRename(uri, at(zhRubric, "当 培训人数", 3))).toEqual({
      range: { start: at(zhRubric, "培训人数 >="), end: at(zhRubric, "培训人数 >=", 4) },
      placeholder: "培训人数",
    });
  });
});
