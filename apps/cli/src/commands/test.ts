// kaoping test [paths…]: runs the tests written in rubric files. A failure shows the test, what
// was expected (item, criterion, total or grade), what came out, and the explanation; the last
// line is `N passed, N failed`.
import { runTests } from "@kaoping/engine";
import type { CommandContext } from "../command.ts";
import { loadRubric, rubricFiles } from "../files.ts";

function indent(text: string, by: string): string {
  return text
    .split("\n")
    .map((l) => by + l)
    .join("\n");
}

export function runTest(ctx: CommandContext): number {
  const zh = ctx.lang === "zh";
  let passed = 0;
  let failed = 0;
  for (const path of rubricFiles(ctx.positionals)) {
    const rubric = loadRubric(path, ctx);
    if (!rubric) {
      // A rubric that does not compile fails as one test: none of its tests could run.
      failed++;
      ctx.out(zh ? `✗ ${path}：评分细则有错误，测试无法运行` : `✗ ${path}: the rubric has errors, its tests cannot run`);
      continue;
    }
    for (const t of runTests(rubric)) {
      if (t.passed) {
        passed++;
        ctx.out(`✓ ${path} › ${t.name}`);
        continue;
      }
      failed++;
      ctx.out(`✗ ${path} › ${t.name}`);
      for (const e of t.factErrors) ctx.out(`    ${zh ? e.message.zh : e.message.en}`);
      for (const f of t.failures) {
        const what = zh ? f.what.zh : f.what.en;
        const actual = f.actual === null ? (zh ? "（不存在）" : "(none)") : String(f.actual);
        ctx.out(zh ? `    ${what}：期望 ${f.expected}，实得 ${actual}` : `    ${what}: expected ${f.expected}, got ${actual}`);
        ctx.out(indent(zh ? f.explanation.zh : f.explanation.en, "      "));
      }
    }
  }
  ctx.out(`${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}
