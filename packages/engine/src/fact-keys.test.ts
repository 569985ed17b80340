// The engine never answers a question it was not asked (issue 16 §4): a key that is no input's
// name is an error naming the closest input, on every entry point and every backend; `__proto__`
// and friends are just unknown keys; a key that differs only in Unicode form is read as the input
// and said so; text cells are read one way, and a percent that could be read two ways is an error.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compiled, item, rubricText } from "../test/rubric.ts";
import { workedExample } from "../test/worked-example.ts";
import { factsFromStrings, FactsError, readFactCell, readHeader, type Backend, type CompiledRubric } from "./index.ts";

const source = readFileSync(new URL("../../../rubrics/village-quality.rubric", import.meta.url), "utf8");
const backends: Backend[] = ["generated", "closures", "interpreter"];
const rubrics = backends.map((backend) => [backend, compiled(source, { backend })] as const);

function withKey(
  key: string,
  value: unknown,
  from: Readonly<Record<string, unknown>> = workedExample,
): Record<string, unknown> {
  const out = { ...from };
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

describe.each(rubrics)("unknown keys on the %s backend", (_backend, rubric: CompiledRubric) => {
  it("a complete record with one misspelled extra key is refused on every entry point, naming the closest input", () => {
    const facts = withKey("国抽不合格数目", 1);
    const expected = { field: "国抽不合格数目", code: "unknown", suggestion: "国抽不合格数" };
    expect(() => rubric.score(facts)).toThrow(FactsError);
    expect(() => rubric.score(facts, { explain: true })).toThrow(/是不是「国抽不合格数」/);
    expect(() => rubric.scoreTotals(facts)).toThrow(FactsError);
    expect(rubric.scoreMany([facts, workedExample])).toMatchObject([{ ok: false, errors: [expected] }, { ok: true }]);
    const v = rubric.validate(facts);
    expect(v).toMatchObject({ ok: false, errors: [expected] });
    if (!v.ok)
      expect(v.errors[0]?.message.en).toBe('there is no input named "国抽不合格数目"; did you mean "国抽不合格数"?');
    expect(rubric.inputSchema.safeParse(facts).success).toBe(false);
  });

  it("refuses __proto__, constructor and prototype like any unknown key, and pollutes nothing", () => {
    for (const key of ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty"]) {
      const facts = JSON.parse(
        JSON.stringify(workedExample).replace(/^\{/, `{${JSON.stringify(key)}: {"polluted": true},`),
      ) as Record<string, unknown>;
      expect(Object.keys(facts)).toContain(key);
      expect(rubric.scoreMany([facts])).toMatchObject([{ ok: false, errors: [{ field: key, code: "unknown" }] }]);
      expect(() => rubric.score(facts)).toThrow(FactsError);
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it("reads a key that differs only in Unicode form as the input, and says so", () => {
    const exact = rubric.score(workedExample).total;
    const name = "国抽不合格数";
    const fullWidth = { ...workedExample };
    delete fullWidth[name];
    const compat = withKey(`${name}\u3000`, 0, fullWidth); // an ideographic space after the name
    const result = rubric.score(compat);
    expect(result.total).toBe(exact);
    expect(result.notices).toEqual([
      {
        key: `${name}\u3000`,
        field: name,
        message: expect.objectContaining({ en: expect.stringContaining(`read as the input "${name}"`) }),
      },
    ]);
    expect(rubric.scoreMany([compat])[0]).toMatchObject({
      ok: true,
      result: { total: exact, notices: [{ field: name }] },
    });
    expect(rubric.validate(compat)).toMatchObject({ ok: true, notices: [{ key: `${name}\u3000`, field: name }] });
    // The exact name wins over a look-alike given beside it; the look-alike is then unknown.
    const both = withKey(`${name}\u3000`, 5);
    expect(rubric.validate(both)).toMatchObject({ ok: false, errors: [{ field: `${name}\u3000`, suggestion: name }] });
  });
});

describe("keys in compatibility and full-width forms", () => {
  const small = compiled(
    rubricText(
      `  输入 培训人数ABC: 计数 "几人？"
  输入 \u8C48田: 是否 "是否？"
${item(1, 5, `    细则 1 "方法" { 得 5 分 当 培训人数ABC >= 1 且 \u8C48田 }`)}`,
      5,
    ),
  );
  it("match full-width letters and a compatibility ideograph to the declared input, with notices", () => {
    const r = small.score({ 培训人数ＡＢＣ: 2, "\uF900田": true });
    expect(r.total).toBe(5);
    expect(r.notices?.map((n) => [n.key, n.field])).toEqual([
      ["培训人数ＡＢＣ", "培训人数ABC"],
      ["\uF900田", "\u8C48田"],
    ]);
  });
});

describe("facts from text cells", () => {
  const rubric = compiled(source);
  const input = (name: string) => rubric.inputs.find((i) => i.name === name)!;

  it("reads 是/有/完成 and 否/无/未完成 alike", () => {
    const yes = input("制定工作方案");
    for (const w of ["是", "有", "Yes", "√", "完成", "已完成"])
      expect(readFactCell(yes, w)).toEqual({ ok: true, value: true });
    for (const w of ["否", "无", "no", "×", "未完成"]) expect(readFactCell(yes, w)).toEqual({ ok: true, value: false });
    expect(readFactCell(yes, "也许")).toEqual({ ok: true, value: "也许" });
  });

  it("refuses a percent that could be read two ways, unless the cell or the header says which", () => {
    const rate = input("质量建档率");
    const r = readFactCell(rate, "0.99");
    expect(r).toMatchObject({ ok: false, error: { field: "质量建档率", code: "ambiguous" } });
    if (!r.ok) expect(r.error.message.en).toContain("0.99 is ambiguous: 99% or 0.99%?");
    expect(readFactCell(rate, "1")).toMatchObject({ ok: false });
    expect(readFactCell(rate, "0")).toEqual({ ok: true, value: 0 });
    expect(readFactCell(rate, "99")).toEqual({ ok: true, value: 99 });
    expect(readFactCell(rate, "0.99%")).toEqual({ ok: true, value: 0.99 });
    expect(readFactCell(rate, "９９．５％")).toEqual({ ok: true, value: 99.5 });
    expect(readFactCell(rate, "0.995", { percent: "ratio" })).toEqual({ ok: true, value: 99.5 });
    expect(readFactCell(rate, "0.99", { percent: "points" })).toEqual({ ok: true, value: 0.99 });
    expect(readHeader("质量建档率（比例）")).toEqual({ name: "质量建档率", percent: "ratio" });
    expect(readHeader("质量建档率 (%)")).toEqual({ name: "质量建档率", percent: "points" });
    expect(readHeader("质量建档率%")).toEqual({ name: "质量建档率", percent: "points" });
    expect(factsFromStrings(rubric.inputs, { "质量建档率(ratio)": "0.5" })).toEqual({
      facts: { 质量建档率: 50 },
      errors: [],
    });
    expect(factsFromStrings(rubric.inputs, { 质量建档率: "0.5" }).errors.map((e) => e.code)).toEqual(["ambiguous"]);
  });

  it("keeps unknown columns for the schema to report, with the closest input", () => {
    const { facts } = factsFromStrings(rubric.inputs, {
      ...Object.fromEntries(Object.entries(workedExample).map(([k, v]) => [k, String(v)])),
      国抽不合格数目: "1",
    });
    expect(rubric.validate(facts)).toMatchObject({
      ok: false,
      errors: expect.arrayContaining([
        expect.objectContaining({ field: "国抽不合格数目", suggestion: "国抽不合格数" }),
      ]),
    });
  });
});
