// The same text gets the same diagnostics however warm the code is. Deep nesting once overflowed
// the parser's stack, and whether it did depended on the JIT: 1,500 unclosed item headers in a
// test's expectations gave 5 diagnostics cold and 4,617 warm. Each text here is checked in a fresh
// process with a third of the usual stack (colder and more cramped than any real start), and
// again here after many runs; the answers must be equal, and must be the limits' own diagnostics.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../src/index.ts";
import { packageRoot } from "./golden.ts";

const rubricWith = (body: string) => `评分细则 deep "嵌套" {\n  对象 "行政村"\n  满分 5\n${body}\n}\n`;

/** `levels` parentheses, each holding the next one and then `terms` - 1 more terms. */
function nestedTerms(levels: number, terms: number): string {
  let expr = "1";
  for (let i = 0; i < levels; i++) expr = `(${expr}${" + 1".repeat(terms - 1)})`;
  return expr;
}

const texts: Record<string, { text: string; code: string }> = {
  "1,500 unclosed item headers in a test's expectations": {
    text: rubricWith(`  测试 "x" {\n    期望 {\n${'      项目 1 "x" 标准分 5 {\n'.repeat(1500)}    }\n  }`),
    code: "KP108",
  },
  "3,000 slips in one test's expectations": {
    text: rubricWith(`  测试 "x" {\n    期望 {\n${'      总分 "x" 5\n'.repeat(3000)}    }\n  }`),
    code: "KP201",
  },
  "10,000 nested 若 … 则 … 否则": {
    text: rubricWith(`  令 x = ${"若 是 则 ".repeat(10_000)}1${" 否则 1".repeat(10_000)}`),
    code: "KP105",
  },
  "an else-if chain of 10,000": { text: rubricWith(`  令 x = ${"若 是 则 1 否则 ".repeat(10_000)}1`), code: "KP105" },
  "10,000 nested parentheses": {
    text: rubricWith(`  令 x = ${"(".repeat(10_000)}1${")".repeat(10_000)}`),
    code: "KP105",
  },
  "10,000 open braces": { text: rubricWith("{".repeat(10_000)), code: "KP108" },
  "60 nested parentheses of 250 terms each": { text: rubricWith(`  令 x = ${nestedTerms(60, 250)}`), code: "KP106" },
};

describe("one answer, cold or warm", () => {
  it("a fresh process with a third of the stack and a warm one give the same diagnostics", () => {
    const dir = mkdtempSync(join(tmpdir(), "kaoping-one-answer-"));
    try {
      const paths = Object.values(texts).map(({ text }, i) => {
        const path = join(dir, `${i}.rubric`);
        writeFileSync(path, text);
        return path;
      });
      const tsx = join(packageRoot, "..", "..", "node_modules", ".bin", "tsx");
      const cold = execFileSync(tsx, ["--stack-size=300", join(packageRoot, "test", "check-once.ts"), ...paths], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      })
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as string[]);
      Object.entries(texts).forEach(([name, { text, code }], i) => {
        let warm: string[] = [];
        for (let run = 0; run < 8; run++)
          warm = check(text).diagnostics.map((d) => `${d.code}@${d.span.start}-${d.span.end}`);
        expect(cold[i], name).toEqual(warm);
        expect(
          warm.some((d) => d.startsWith(code)),
          `${name} reports ${code}`,
        ).toBe(true);
        // The rubric was read, not given up on: its header is there (no "missing id" KP203).
        expect(
          warm.some((d) => d.startsWith("KP203")),
          `${name} keeps its header`,
        ).toBe(false);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
