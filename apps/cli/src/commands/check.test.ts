// kaoping check and fmt on hostile rubrics: output stays small however many diagnostics a file has
// and however long its lines (each diagnostic once printed its whole source line, and their
// number had no cap: a 19 KB file gave 211 MB of output), and fmt --keywords never throws.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../main.ts";

async function run(...args: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const code = await main(args, (t) => lines.push(t));
  return { code, out: lines.join("\n") };
}

function tempRubric(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "kaoping-check-")), "x.rubric");
  writeFileSync(path, text);
  return path;
}

describe("kaoping check on hostile files", () => {
  const header = '评分细则 a "t" { 对象 "行政村" 满分 5 ';
  const cases: Record<string, string> = {
    "19 KB of unclosed item headers on one line": header + '项目 1 "x" 标准分 5 { '.repeat(1100),
    "39 KB of unclosed item headers on one line": header + '项目 1 "x" 标准分 5 { '.repeat(2200),
    "19 KB of unclosed item headers, one a line": header + '\n项目 1 "x" 标准分 5 {'.repeat(1100),
    "39 KB of tests with slips on one line": `${header}${'测试 "x" { 期望 { 总分 "x" 5 } } '.repeat(1000)}}`,
  };
  it.each(Object.entries(cases))(
    "%s: a capped, cut report",
    async (_name, text) => {
      for (const lang of ["zh", "en"]) {
        const { code, out } = await run("check", "--lang", lang, tempRubric(text));
        expect(code).toBe(1);
        expect(out.length).toBeLessThan(64 * 1024);
        expect(out).toMatch(lang === "zh" ? /……另有 \d+ 条诊断未显示/ : /… and \d+ more/);
        // No printed source line is longer than the window around the caret.
        const longest = Math.max(...out.split("\n").map((l) => l.length));
        expect(longest).toBeLessThan(400);
      }
    },
    120_000,
  );
});

describe("kaoping fmt --keywords with names that read as glued keywords", () => {
  it("translates 令 y = capx to English and back, quoting the name where it must", async () => {
    const text = `评分细则 a "t" {\n  对象 "行政村"\n  满分 5\n\n  输入 x: 计数\n  令 y = capx\n}\n`;
    const path = tempRubric(text);
    expect((await run("fmt", "--keywords", "en", path)).code).toBe(0);
    expect(readFileSync(path, "utf8")).toContain("let y = 「capx」");
    expect((await run("fmt", "--keywords", "zh", path)).code).toBe(0);
    expect(readFileSync(path, "utf8")).toBe(text);
  });
});
