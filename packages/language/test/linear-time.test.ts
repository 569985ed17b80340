// Every regular expression (and scan) that runs over user text runs in linear time: each is fed
// its worst case, about 128 KB of it, through check, format and rendering. The bound is generous
// (machines are shared: 100 ms a KB, twenty times what a normal file costs), and a
// super-linear pattern misses it by far: keyword-set detection over 20 `# ` took 47 s, and 40,000
// unclosed 「 took 3 s before they were fixed. A call over the bound is timed again once, so that a
// pause of the machine is not a failure.
import { describe, expect, it } from "vitest";
import { check, format, renderDiagnostics, sourceFile } from "../src/index.ts";

const size = 128 * 1024;
const msPerKb = 100;

const rubricWith = (body: string) => `评分细则 a "t" {\n  对象 "行政村"\n  满分 5\n${body}\n}\n`;
/** `unit` repeated to about `size` characters. */
const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length));

/** Runs `f` and returns its time in ms, the better of two tries when the first is over `bound`. */
function timed(f: () => unknown, bound: number): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 2 && best > bound; attempt++) {
    const start = performance.now();
    f();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

// Each regular expression over user text, by where it is, with the input that makes it work hardest.
const worstCases: Record<string, string> = {
  "keyword-set detection (lex.ts), `# ` runs": `${fill("# ")}\n评分细则 a "t" {}\n`,
  "keyword-set detection, one long comment and blank lines": `${fill("#")}\n${fill(" \n")}rubric a "t" {}\n`,
  "「…」 names (tokens.ts), unclosed": rubricWith(`  令 x = ${fill("「")}`),
  "「…」 names, unclosed with text": rubricWith(`  令 x = ${fill("「a")}`),
  "“…” texts (tokens.ts), unclosed": rubricWith(`  对象 ${fill("“")}`),
  '"…" texts, unclosed, with escapes': rubricWith(`  对象 ${fill('"\\')}`),
  '"…" texts, many quotes': rubricWith(`  对象 ${fill('"a')}`),
  '"""…""" texts, unclosed with near-closings': rubricWith(`  对象 """${fill('""a')}`),
  '"""…""" texts, back to back': rubricWith(`  对象 ${fill('"""')}`),
  "a text of backslashes (lower.ts unescape)": rubricWith(`  对象 "${fill("\\\\")}"`),
  "names (tokens.ts), one long name": rubricWith(`  令 ${fill("a")} = 1`),
  "names, astral CJK": rubricWith(`  令 ${fill("𠀀")} = 1`),
  "numbers (tokens.ts), digits then a point": rubricWith(`  令 x = ${fill("1")}.`),
  "numbers, points between digits": rubricWith(`  令 x = ${fill("1.")}`),
  "numbers, full-width": rubricWith(`  令 x = ${fill("１．")}`),
  "dates (tokens.ts), near-dates": rubricWith(`  生效 ${fill("2026-1-")}`),
  "comparisons (tokens.ts), full-width near-pairs": rubricWith(`  令 x = 1 ${fill("＞＜")}`),
  "a word glued of keywords and numbers (lex.ts segment)": rubricWith(`  输入 x: 计数\n  令 y = ${fill("得1")}`),
  "a word glued of a declared name, many times": rubricWith(`  输入 企业数: 计数\n  令 y = ${fill("企业数加")}`),
  "a parse error on a long text (parse.ts message pattern)": rubricWith(`  满分 "${fill("-->a <--")}"`),
  "one line of statements and a trailing comment (format.ts comment scans)": `${rubricWith(fill(" 输入 x: 计数")).replace(/\n/g, " ")} # 注释\n`,
  "one line of slips (rendering)": rubricWith(fill(' 项目 1 "x" 标准分 5 {')).replace(/\n/g, " "),
  "control characters (rendering)": rubricWith(`  对象 "${fill("\u0001\t")}"`),
  // Not patterns, but scans of the same kind: each test looked its base up among all the tests.
  "3,000 tests, each based on the one before (test-facts.ts)": rubricWith(
    `  输入 y: 计数\n  测试 "t0" {\n    已知 { y = 1 }\n  }\n${Array.from({ length: 3000 }, (_, i) => `  测试 "t${i + 1}" 基于 "t${i}" {\n    期望 { 总分 = 0 }\n  }`).join("\n")}`,
  ),
  "3,000 tests of one name, each based on that name": rubricWith(
    `  输入 y: 计数\n${Array.from({ length: 3000 }, () => '  测试 "t" 基于 "t" {\n    已知 { y = 1 }\n  }').join("\n")}`,
  ),
};

describe("linear time on the worst case of every pattern over user text", () => {
  it.each(Object.entries(worstCases))("%s", (_name, text) => {
    const bound = Math.max(1000, (text.length / 1024) * msPerKb);
    const file = sourceFile("worst.rubric", text);
    const ms = timed(() => {
      const { diagnostics } = check(text);
      format(text);
      renderDiagnostics(file, diagnostics, { lang: "zh" });
    }, bound);
    expect(ms, `${Math.round(ms)} ms for ${Math.round(text.length / 1024)} KB`).toBeLessThan(bound);
  });
});
