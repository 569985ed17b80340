import { describe, expect, it } from "vitest";
import { applyEdits, at, enRubric, open, zhRubric } from "../test/support.ts";
import type { Position } from "./protocol.ts";

function complete(text: string, position: Position, lang: "zh" | "en" = "zh") {
  const { service, uri } = open(text, lang);
  return service.completion(uri, position);
}

/** A text with `insert` typed at the start of the line after `after`. */
function typing(text: string, after: string, insert: string): { text: string; position: Position } {
  const i = text.indexOf("\n", text.indexOf(after)) + 1;
  const typed = text.slice(0, i) + insert + "\n" + text.slice(i);
  const line = typed.slice(0, i).split("\n").length - 1;
  return { text: typed, position: { line, character: insert.length } };
}

describe("completion", () => {
  it("in an expression: the declared inputs with their types, and expression keywords", () => {
    const items = complete(zhRubric, at(zhRubric, "当 培训人数", 2));
    const input = items.find((i) => i.label === "企业数");
    expect(input?.detail).toBe("计数 · 项目 1");
    expect(items.some((i) => i.label === "且" && i.kind === 14)).toBe(true);
    expect(items.some((i) => i.label === "award")).toBe(false);
  });

  it("at the start of a rule: rule keywords and a snippet per idiom, in the file's set", () => {
    const { text, position } = typing(zhRubric, "不得分 当 非 有方案", "      ");
    const items = complete(text, position);
    const labels = items.map((i) => i.label);
    for (const k of ["得", "基础", "每", "加", "最多", "不得分", "酌情"]) expect(labels).toContain(k);
    const deduction = items.find((i) => i.label.startsWith("扣分，扣完为止"));
    expect(deduction?.insertText).toBe("基础 ${1:10} 分 每 ${2:违规次数} 扣 ${3:1} 分 最低 ${4:0} 分");
    expect(items.some((i) => i.label.startsWith("按数量加分，有上限"))).toBe(true);
    expect(items.some((i) => i.label.startsWith("分档得分"))).toBe(true);

    const en = typing(enRubric, "award 5 points when plan", "      ");
    const enItems = complete(en.text, en.position, "en");
    expect(enItems.find((i) => i.label.startsWith("bonus per unit"))?.insertText).toBe(
      "bonus ${2:1} points per ${1:count} cap ${3:3} points",
    );
    expect(enItems.map((i) => i.label)).toContain("deduct");
  });

  it("in an item: the next criterion number and input snippets", () => {
    const { text, position } = typing(zhRubric, '输入 违规数: 计数 "违规几次？"', "    ");
    const items = complete(text, position);
    expect(items.find((i) => i.label === "细则 { … }")?.insertText).toContain("细则 ${1:3}");
    expect(items.map((i) => i.label)).toContain("输入");
  });

  it("at the top: a veto, an item numbered next, and a test giving every required input", () => {
    const { text, position } = typing(zhRubric, "满分 10", "  ");
    const items = complete(text, position);
    expect(items.find((i) => i.label.startsWith("一票否决"))?.insertText).toBe('否决 "${1:理由}" 当 ${2:条件}');
    expect(items.find((i) => i.label === "项目 { … }")?.insertText).toContain("项目 ${1:2}");
    const test = items.find((i) => i.label === "测试 { 已知 … 期望 … }")?.insertText ?? "";
    for (const name of ["企业数 = ${3:0}", "培训人数 = ${4:0}", "有方案 = ${5:是}", "违规数 = ${6:0}"])
      expect(test).toContain(name);
    // The snippet, filled in with its defaults, checks clean.
    const filled = test.replace(/\$\{\d+:([^}]*)\}/g, "$1").replace(/\$\d/g, "");
    const { service, uri } = open(
      applyEdits(text, [
        { range: { start: position, end: position }, newText: filled.replace("总分 = 0", "总分 = 4") },
      ]),
    );
    expect(service.diagnostics(uri).filter((d) => d.severity === 1)).toEqual([]);
  });

  it("in a test: missing facts first, yes/no values, targets, and grades", () => {
    const text = zhRubric.replace("      违规数 = 1\n", "");
    const facts = typing(text, "有方案 = 是", "      ");
    const items = complete(facts.text, facts.position);
    const missing = items.find((i) => i.label === "违规数");
    expect(missing?.sortText?.startsWith("0")).toBe(true);
    expect(items.find((i) => i.label === "企业数")?.sortText?.startsWith("1")).toBe(true);
    expect(complete(text, at(text, "有方案 = 是", 6)).map((i) => i.label)).toEqual(["是", "否"]);
    const expects = typing(text, "项目 1 = 9", "      ");
    const targets = complete(expects.text, expects.position).map((i) => i.label);
    expect(targets).toEqual(expect.arrayContaining(["总分 =", "等级 =", "项目 1 =", "细则 1.1 =", "细则 1.2 ="]));
    const grades = complete(text, at(text, '等级 = "优秀"', 5)).map((i) => i.label);
    expect(grades).toEqual(['"优秀"', '"合格"', '"不合格"']);
  });

  it("after a type's colon: the types; after 单位: the units in use", () => {
    const typed = typing(zhRubric, '输入 违规数: 计数 "违规几次？"', "    输入 金额:");
    expect(complete(typed.text, typed.position).map((i) => i.label)).toEqual([
      "是否",
      "计数",
      "数值",
      "百分比",
      "评分",
    ]);
    const withUnit = zhRubric.replace(
      '输入 违规数: 计数 "违规几次？"',
      '输入 违规数: 计数 "违规几次？"\n    输入 投入: 数值 单位 "万元" "投入多少？"',
    );
    const unit = typing(withUnit, '单位 "万元"', '    输入 产值: 数值 单位 "');
    expect(complete(unit.text, unit.position).map((i) => i.label)).toEqual(["万元"]);
  });
});
