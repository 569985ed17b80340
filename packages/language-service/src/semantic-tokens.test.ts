import { describe, expect, it } from "vitest";
import { annex, enRubric, open, zhRubric } from "../test/support.ts";
import { semanticTokensLegend } from "./semantic-tokens.ts";

/** The tokens as [text, type, modifiers], decoded from LSP's relative form. */
function decode(text: string, data: readonly number[]): [string, string, number][] {
  const lines = text.split("\n");
  const out: [string, string, number][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, length, type, mods] = data.slice(i, i + 5) as [number, number, number, number, number];
    line += dl;
    character = dl === 0 ? character + dc : dc;
    out.push([
      lines[line]?.slice(character, character + length) ?? "",
      semanticTokensLegend.tokenTypes[type] ?? "?",
      mods,
    ]);
  }
  return out;
}

describe("semantic tokens", () => {
  it("class keywords, inputs (declared or read), numbers, texts, grades and comments", () => {
    const text = `# 说明\n${zhRubric}`;
    const { service, uri } = open(text);
    const tokens = decode(text, service.semanticTokens(uri).data);
    expect(tokens[0]).toEqual(["# 说明", "comment", 0]);
    expect(tokens).toContainEqual(["评分细则", "keyword", 0]);
    expect(tokens).toContainEqual(["培训人数", "variable", 1]);
    expect(tokens).toContainEqual(["培训人数", "variable", 0]);
    expect(tokens).toContainEqual(['"优秀"', "enumMember", 0]);
    expect(tokens).toContainEqual(['"行政村"', "string", 0]);
    expect(tokens).toContainEqual(["60", "number", 0]);
    expect(tokens).toContainEqual([">=", "operator", 0]);
  });

  it("read both keyword sets and cut a multi-line text at each line", () => {
    const { service, uri } = open(enRubric, "en");
    const tokens = decode(enRubric, service.semanticTokens(uri).data);
    expect(tokens).toContainEqual(["award", "keyword", 0]);
    expect(tokens).toContainEqual(["when", "keyword", 0]);
    const block = zhRubric.replace(
      '内容 "组织企业参加培训班，培训人数不少于企业数的60%。"',
      '内容 """第一行\n第二行"""',
    );
    const b = open(block);
    const lines = decode(block, b.service.semanticTokens(b.uri).data);
    expect(lines).toContainEqual(['"""第一行', "string", 0]);
    expect(lines).toContainEqual(['第二行"""', "string", 0]);
  });

  it("cover the annex without overlapping", () => {
    const text = annex("enterprise-quality");
    const { service, uri } = open(text);
    const data = service.semanticTokens(uri).data;
    expect(data.length % 5).toBe(0);
    for (let i = 0; i < data.length; i += 5)
      expect((data[i] as number) > 0 || (data[i + 1] as number) > 0 || i === 0).toBe(true);
  });
});
