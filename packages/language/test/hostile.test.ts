// Hostile input gets diagnostics, never an exception, a hang or a stack overflow: megabytes of
// garbage, absurd nesting and chains, unterminated texts, odd bytes and a huge file. Inputs are
// generated from a fixed seed, so a failure reproduces. (How fast is the benchmark's business;
// the timeouts here only catch hangs.)
import { mulberry32 } from "@kaoping/seeded-random";
import { describe, expect, it } from "vitest";
import { check, format, parse, renderDiagnostics, sameTree, sourceFile, type Diagnostic } from "../src/index.ts";
import { read, rubricFilesIn, rubricsDir } from "./golden.ts";

/** Checks a text, failing the test (not crashing the run) on an exception. */
function checked(text: string): readonly Diagnostic[] {
  let diagnostics: readonly Diagnostic[] = [];
  expect(() => {
    diagnostics = check(text).diagnostics;
  }).not.toThrow();
  // Every span lies inside the text, or diagnostics would render garbage.
  const outside = diagnostics.filter(
    (d) => !(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length),
  );
  expect(outside).toEqual([]);
  return diagnostics;
}

function codesOf(diagnostics: readonly Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => d.code))].sort();
}

/** A small clean rubric with `body` added to its top level. */
function rubricWith(body: string): string {
  return `评分细则 hostile "恶意输入" {\n  对象 "行政村"\n  满分 5\n${body}\n}\n`;
}

const village = read(rubricFilesIn(rubricsDir).find((f) => f.endsWith("village-quality.rubric")) as string);

describe("hostile input", () => {
  it("10 MB of garbage: keywords, CJK, punctuation, any code point (lone surrogates too)", () => {
    const next = mulberry32(2026);
    const pieces = [
      ...'得当每加扣最多基础项目细则评分输入令若则否则非且或是否(){}（）｛｝"「」#：，。；%％=<>≥+-×÷*/1234567890０１２ \n\t\r',
      '"""',
      "评分细则",
      "项目 1",
      "细则 1",
      "标准分",
      "不得分",
    ];
    const chunks: string[] = [];
    let length = 0;
    while (length < 10_000_000) {
      let chunk = "";
      for (let i = 0; i < 4096; i++) {
        const r = next();
        chunk +=
          r < 0.8
            ? (pieces[Math.floor(next() * pieces.length)] as string)
            : String.fromCharCode(Math.floor(next() * 0x10000));
      }
      chunks.push(chunk);
      length += chunk.length;
    }
    const text = chunks.join("");
    expect(text.length).toBeGreaterThanOrEqual(10_000_000);
    expect(checked(text).length).toBeGreaterThan(0);
  });

  it("10,000 nested parentheses", () => {
    const text = rubricWith(`  令 x = ${"(".repeat(10_000)}1${")".repeat(10_000)}`);
    expect(codesOf(checked(text))).toContain("KP105");
  });

  it("10,000 nested 最小( calls and 10,000 nested ( - pairs", () => {
    expect(codesOf(checked(rubricWith(`  令 x = ${"最小(".repeat(10_000)}1${")".repeat(10_000)}`)))).toContain("KP105");
    expect(codesOf(checked(rubricWith(`  令 x = ${"(-".repeat(10_000)}1${")".repeat(10_000)}`)))).toContain("KP105");
  });

  it("10,000 非 and 10,000 - prefixes", () => {
    expect(codesOf(checked(rubricWith(`  令 x = ${"非 ".repeat(10_000)}是`)))).toContain("KP105");
    expect(codesOf(checked(rubricWith(`  令 x = ${"-".repeat(10_000)}1`)))).toContain("KP105");
    expect(codesOf(checked(rubricWith(`  令 x = ${"- ".repeat(10_000)}1`)))).toContain("KP105");
  });

  it("10,000 nested 若 … 则 … 否则", () => {
    expect(checked(rubricWith(`  令 x = ${"若 是 则 1 否则 ".repeat(10_000)}1`)).length).toBeGreaterThan(0);
    expect(
      checked(rubricWith(`  令 x = ${"若 是 则 ".repeat(10_000)}1${" 否则 1".repeat(10_000)}`)).length,
    ).toBeGreaterThan(0);
  });

  it("long + and 且 chains (100,000 terms)", () => {
    expect(codesOf(checked(rubricWith(`  令 x = ${Array(100_000).fill("1").join(" + ")}`)))).toContain("KP106");
    expect(codesOf(checked(rubricWith(`  令 x = ${Array(100_000).fill("是").join(" 且 ")}`)))).toContain("KP106");
  });

  it("10,000 braces", () => {
    expect(checked("{".repeat(10_000) + "}".repeat(10_000)).length).toBeGreaterThan(0);
    expect(checked(rubricWith(`  项目 1 "x" 标准分 5 ${"{".repeat(10_000)}`)).length).toBeGreaterThan(0);
  });

  it("an unterminated text and an unterminated text block", () => {
    expect(codesOf(checked(`评分细则 a "没有结束的标题 {\n  对象 "行政村"\n}\n`))).toContain("KP102");
    const block = checked(
      rubricWith(`  项目 1 "x" 标准分 5 {\n    内容 """没有结束的原文\n${"第二行\n".repeat(100_000)}`),
    );
    expect(codesOf(block)).toContain("KP102");
  });

  it("NUL bytes and other control characters are reported, by name", () => {
    const text = village.replace('对象 "行政村"', '对象 "行政村"\u0000\u0000\u0007');
    const diagnostics = checked(text);
    expect(codesOf(diagnostics)).toEqual(["KP101"]);
    expect(renderDiagnostics(sourceFile("v.rubric", text), diagnostics, { lang: "en" })).toContain("U+0000");
  });

  it("a byte-order mark: the rubric still checks clean, with the same tree", () => {
    expect(checked(`\uFEFF${village}`)).toEqual([]);
    expect(sameTree(parse(`\uFEFF${village}`).rubric, parse(village).rubric)).toBe(true);
  });

  it("CRLF line ends: clean, the same tree, and diagnostics at the right line", () => {
    const crlf = village.replace(/\n/g, "\r\n");
    expect(checked(crlf)).toEqual([]);
    expect(sameTree(parse(crlf).rubric, parse(village).rubric)).toBe(true);
    // Texts keep their bytes: a block text written with CRLF keeps them (verbatim, never normalised).
    const broken = crlf.replace("得 3 分 当 制定工作方案", "得 3 分 当 制定方案");
    const diagnostic = checked(broken).find((d) => d.code === "KP301");
    expect(diagnostic).toBeDefined();
    const line = village.split("\n").findIndex((l) => l.includes("得 3 分 当 制定工作方案")) + 1;
    expect(renderDiagnostics(sourceFile("v.rubric", broken), [diagnostic as Diagnostic], { lang: "en" })).toContain(
      `v.rubric:${line}:`,
    );
  });

  it("tabs for indentation: clean, the same tree, formatted back to spaces", () => {
    const tabs = village.replace(/^( {2})+/gm, (indent) => "\t".repeat(indent.length / 2));
    expect(tabs).not.toBe(village);
    expect(checked(tabs)).toEqual([]);
    expect(format(tabs).text).toBe(village);
  });

  it("a file of 100,000 items", () => {
    const items = Array.from(
      { length: 100_000 },
      (_, i) =>
        `  项目 ${i + 1} "第${i + 1}项" 标准分 1 {\n    内容 "内容"\n    细则 1 "1分" {\n      得 1\n    }\n  }`,
    );
    const text = `评分细则 big "十万个项目" {\n  对象 "行政村"\n  满分 100\n${items.join("\n")}\n}\n`;
    expect(codesOf(checked(text))).toEqual(["KP502", "KP703"]);
  });
});
