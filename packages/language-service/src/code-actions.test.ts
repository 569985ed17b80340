// The quick fixes a person expects on each slip, in both keyword sets: each one applied removes
// the error it was offered for.
import { describe, expect, it } from "vitest";
import { applyEdits, enRubric, everything, open, zhRubric } from "../test/support.ts";

function fixes(text: string, lang: "zh" | "en" = "zh") {
  const { service, uri } = open(text, lang);
  const errors = service.diagnostics(uri).filter((d) => d.severity === 1);
  return { errors, actions: service.codeActions(uri, everything) };
}

function applied(text: string, title: RegExp, lang: "zh" | "en" = "zh"): string {
  const { actions } = fixes(text, lang);
  const action = actions.find((a) => title.test(a.title));
  expect(action, `an action titled ${title} among ${actions.map((a) => a.title).join(", ")}`).toBeDefined();
  return applyEdits(text, action?.edit.changes["file:///t.rubric"] ?? []);
}

const errorsOf = (text: string, lang: "zh" | "en" = "zh") => fixes(text, lang).errors;

describe("quick fixes", () => {
  it("write the symbol for a comparison in words (大于等于 → >=)", () => {
    const text = zhRubric.replace("培训人数 >= 60%", "培训人数 大于等于 60%");
    expect(errorsOf(text).map((d) => d.code)).toEqual(["KP107"]);
    const fixed = applied(text, /改为 >=/);
    expect(fixed).toBe(zhRubric);
  });

  it("space a name glued to keywords", () => {
    const text = zhRubric.replace("每 违规数 扣 1 分", "每违规数扣1分");
    expect(errorsOf(text).map((d) => d.code)).toEqual(["KP104"]);
    expect(applied(text, /每 违规数 扣 1 分/)).toBe(zhRubric);
  });

  it("change a misspelt name to the closest declared input", () => {
    const text = zhRubric.replace("60% × 企业数", "60% × 企业树");
    expect(applied(text, /改为「企业数」/)).toBe(zhRubric);
    const en = enRubric.replace("60% × firms", "60% × firm");
    expect(applied(en, /change to "firms"/, "en")).toBe(enRubric);
  });

  it("add the percent sign where a percent is compared with a plain number", () => {
    const text = zhRubric
      .replace("    输入 违规数", '    输入 认证率: 百分比 "认证率"\n    输入 违规数')
      .replace("不得分 当 非 有方案", "不得分 当 非 有方案 或 认证率 < 30")
      .replace("违规数 = 1", "违规数 = 1\n      认证率 = 40%");
    expect(errorsOf(text).map((d) => d.code)).toEqual(["KP403"]);
    const fixed = applied(text, /30%/);
    expect(fixed).toContain("认证率 < 30%");
  });

  it("declare an unknown name as an input of the type its place asks for", () => {
    const text = zhRubric.replace("不得分 当 非 有方案", "不得分 当 非 有方案 或 发生事故");
    const fixed = applied(text, /声明输入「发生事故」（是否）/);
    expect(fixed).toContain('    输入 发生事故: 是否 "发生事故"\n');
    // Declared, the name is known; only the tests now lack its fact.
    expect(errorsOf(fixed).map((d) => d.code)).toEqual(["KP603"]);
    const en = enRubric.replace("when plan", "when plan and approved");
    expect(applied(en, /declare input "approved" \(yesno\)/, "en")).toContain('    input approved: yesno "approved"\n');
    const counted = applied(zhRubric.replace("60% × 企业数", "60% × 职工数"), /声明输入「职工数」（计数）/);
    expect(counted).toContain("输入 职工数: 计数");
  });

  it("write the file's own keyword for one of the other set", () => {
    const text = zhRubric.replace("得 5 分 当 培训人数", "award 5 分 当 培训人数");
    expect(errorsOf(text).length).toBeGreaterThan(0);
    expect(applied(text, /改为「得」/)).toBe(zhRubric);
  });

  it("straighten full-width punctuation and drop stray punctuation", () => {
    const text = zhRubric.replace('输入 企业数: 计数 "本辖区有几家企业？"', "输入 企业数：计数 “本辖区有几家企业？”。");
    let fixed = text;
    for (let i = 0; i < 3; i++) {
      const [first] = fixes(fixed).actions;
      if (!first) break;
      fixed = applyEdits(fixed, first.edit.changes["file:///t.rubric"] ?? []);
    }
    expect(fixed).toBe(zhRubric);
  });

  it("offer nothing where there is nothing to fix", () => {
    expect(fixes(zhRubric).actions).toEqual([]);
  });
});
