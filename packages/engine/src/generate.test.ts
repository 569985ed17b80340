// Generated code must be safe with hostile rubric text: names reach the source only through
// JSON.stringify, numbers only as safe integers, texts never.
import { describe, expect, it } from "vitest";
import { internalsOf } from "./compile.ts";
import { generateSource } from "./generate.ts";
import { safetyAnalysis } from "./bounds.ts";
import { compiled, item, rubricText } from "../test/rubric.ts";

const evil = `x"]; globalThis.pwned = 1; //\`\${1}\\u2028`;

describe("generated scorer", () => {
  const text = rubricText(
    `  输入 「${evil}」: 计数 "标签 \\" ); globalThis.pwned = 2; ("
  输入 「constructor」: 是否 "构造"
${item(1, 5, `    细则 1 "\\"); globalThis.pwned = 3; //" { 得 5 分 当 「${evil}」 > 2 且 「constructor」 }`)}`,
    5,
  );
  it("keeps hostile names and texts out of the code", () => {
    const rubric = compiled(text);
    expect(rubric.backend).toBe("generated");
    const ir = internalsOf(rubric).ir;
    const source = generateSource(ir, safetyAnalysis(ir));
    // The hostile name is there only as one JSON string literal; take those out and nothing is left.
    const literals = ir.inputs.map((i) => JSON.stringify(i.name));
    expect(source).toContain(literals[0]);
    let rest = source;
    for (const l of literals) rest = rest.split(l).join("KEY");
    expect(rest).not.toContain("globalThis");
    expect(rest).not.toContain("标签");
    const name = ir.inputs[0]?.name ?? "";
    expect(rubric.score({ [name]: 3, constructor: true }).total).toBe(5);
    expect(rubric.score({ [name]: 1, constructor: true }).total).toBe(0);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
  it("never takes an inherited property for a fact", () => {
    const rubric = compiled(text);
    const name = internalsOf(rubric).ir.inputs[0]?.name ?? "";
    const v = rubric.validate({ [name]: 3 });
    expect(v.ok ? [] : v.errors.map((e) => [e.field, e.code])).toEqual([["constructor", "missing"]]);
    expect(() => rubric.score({ [name]: 3 })).toThrow(/构造/);
  });
});
