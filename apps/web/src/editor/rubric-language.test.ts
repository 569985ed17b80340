import { StringStream } from "@codemirror/language";
import { describe, expect, it } from "vitest";
import { type State, token } from "./rubric-language.ts";

/** Each non-space token of a line with its style. */
function tokens(line: string, state: State = { inBlock: false }): [string, string | null][] {
  const stream = new StringStream(line, 4, 2);
  const out: [string, string | null][] = [];
  while (!stream.eol()) {
    const style = token(stream, state);
    const text = stream.current().trim();
    if (text !== "") out.push([text, style]);
    stream.start = stream.pos;
  }
  return out;
}

describe("rubric colouring", () => {
  it("colours Chinese keywords, names, numbers and operators", () => {
    expect(tokens("得 5 分 当 培训人数 >= 60% × 企业数")).toEqual([
      ["得", "keyword"],
      ["5", "number"],
      ["分", "keyword"],
      ["当", "keyword"],
      ["培训人数", "variableName"],
      [">=", "operator"],
      ["60%", "number"],
      ["×", "operator"],
      ["企业数", "variableName"],
    ]);
  });
  it("colours English keywords and types the same way", () => {
    expect(tokens('input 企业数: count "本辖区企业数"')).toEqual([
      ["input", "keyword"],
      ["企业数", "variableName"],
      [":", "punctuation"],
      ["count", "typeName"],
      ['"本辖区企业数"', "string"],
    ]);
  });
  it("treats a glued keyword as one name, as the lexer does", () => {
    expect(tokens("每法规培训期数加1最多3")).toEqual([["每法规培训期数加1最多3", "variableName"]]);
  });
  it("keeps a text block open across lines and comments to the line end", () => {
    const state = { inBlock: false };
    expect(tokens('内容 """第一行', state)).toEqual([
      ["内容", "keyword"],
      ['"""第一行', "string"],
    ]);
    expect(state.inBlock).toBe(true);
    expect(tokens('第二行""" # 注释', state)).toEqual([
      ['第二行"""', "string"],
      ["# 注释", "comment"],
    ]);
  });
});
