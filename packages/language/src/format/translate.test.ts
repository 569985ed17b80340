// Translating between keyword sets never throws and never changes a name: a name that glues a
// keyword of the target set to a declared name (`capx` beside `x`, printed in English, where
// `cap` is a keyword) would be split by the target's lexer, so the formatter quotes it there.
import { describe, expect, it } from "vitest";
import type { KeywordSet } from "../ast.ts";
import { wordsOf } from "../lex/tokens.ts";
import { parse } from "../parse/parse.ts";
import { sameTree } from "../tree.ts";
import { format } from "./format.ts";

/** Formats in `to`, then back; both must succeed, keep the tree, and come back to the same text. */
function roundTrip(text: string, from: KeywordSet, to: KeywordSet): string {
  const there = format(text, { keywords: to });
  expect(there.diagnostics.map((d) => d.code)).toEqual([]);
  expect(there.text).not.toBeNull();
  expect(sameTree(parse(text).rubric, parse(there.text ?? "").rubric)).toBe(true);
  const back = format(there.text ?? "", { keywords: from });
  expect(back.text).toBe(format(text).text);
  return there.text ?? "";
}

describe("translating names that read as keywords glued to names", () => {
  it("令 y = capx to English and let y = 得a to Chinese (issue 16)", () => {
    const zh = `评分细则 a "t" {\n  输入 x: 计数\n  令 y = capx\n}\n`;
    expect(roundTrip(zh, "zh", "en")).toContain("let y = 「capx」");
    const en = `rubric a "t" {\n  input a: count\n  let y = 得a\n}\n`;
    expect(roundTrip(en, "en", "zh")).toContain("令 y = 「得a」");
  });

  it("every keyword of the other set, before or after a declared name, with a number, as the rubric id", () => {
    const cases: [KeywordSet, KeywordSet, string][] = [];
    for (const [from, to] of [
      ["zh", "en"],
      ["en", "zh"],
    ] as const) {
      // The target's words that the source set reads as a plain name.
      const words = wordsOf(to).filter((w) => !wordsOf(from).includes(w) && /^[A-Za-z\u4e00-\u9fff]+$/.test(w));
      for (const word of words) cases.push([from, to, word]);
    }
    expect(cases.length).toBeGreaterThan(90);
    for (const [from, to, word] of cases) {
      const glued = [`${word}x`, `x${word}`, `${word}1`, `x${word}x`];
      const uses = glued.map((g, i) => `${from === "zh" ? "令" : "let"} v${i} = ${g}`).join("\n  ");
      const text =
        from === "zh"
          ? `评分细则 ${word}x "t" {\n  输入 x: 计数\n  ${uses}\n}\n`
          : `rubric ${word}x "t" {\n  input x: count\n  ${uses}\n}\n`;
      const printed = roundTrip(text, from, to);
      for (const g of glued) expect(printed).toContain(g);
    }
  });

  it("a declared name that is itself glued stays bare: the lexer never splits a declared name", () => {
    const zh = `评分细则 a "t" {\n  输入 x: 计数\n  输入 capx: 计数\n  令 y = capx + x\n}\n`;
    expect(roundTrip(zh, "zh", "en")).toContain("let y = capx + x");
  });
});
