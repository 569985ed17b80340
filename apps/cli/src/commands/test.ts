// kaoping test [paths…]: runs the tests written in rubric files. A failure shows the test, what
// was expected (item, criterion, total or grade), what came out, and the explanation; the last
// line is `N passed, N failed`. --json prints the same as data; --junit also writes JUnit XML.
import { writeFileSync } from "node:fs";
import { compile, runTests, type TestOutcome } from "@kaoping/engine";
import {
  lineColumn,
  renderDiagnostics,
  sourceFile,
  type Diagnostic,
  type MessageLanguage,
  type SourceFile,
} from "@kaoping/language";
import { styles } from "../color.ts";
import type { Command, CommandContext } from "../command.ts";
import { EXIT } from "../exit-codes.ts";
import { diagnosticsJson } from "../report/diagnostics-json.ts";
import { junitXml, type JunitSuite } from "../report/junit.ts";
import { readRubricText, rubricFiles, rubricPaths } from "../rubric-files.ts";
import { UsageError } from "../usage-error.ts";

/** One rubric file's run: its diagnostics when it does not compile, else its tests' outcomes. */
interface FileRun {
  readonly file: SourceFile;
  /** The diagnostics when the rubric does not compile (then no test ran), else null. */
  readonly errors: readonly Diagnostic[] | null;
  readonly outcomes: readonly TestOutcome[];
  readonly seconds: number;
}

function indent(text: string, by: string): string {
  return text
    .split("\n")
    .map((l) => by + l)
    .join("\n");
}

/** The lines under a failed test: bad facts, then each expectation with its explanation. */
function failureLines(t: TestOutcome, lang: MessageLanguage): string[] {
  const zh = lang === "zh";
  const lines = t.factErrors.map((e) => e.message[lang]);
  for (const f of t.failures) {
    const actual = f.actual === null ? (zh ? "（不存在）" : "(none)") : String(f.actual);
    lines.push(
      zh ? `${f.what.zh}：期望 ${f.expected}，实得 ${actual}` : `${f.what.en}: expected ${f.expected}, got ${actual}`,
    );
    lines.push(indent(f.explanation[lang], "  "));
  }
  return lines;
}

function runFile(path: string): FileRun {
  const file = sourceFile(path, readRubricText(path));
  const started = performance.now();
  const { rubric, diagnostics } = compile(file.text);
  const outcomes = rubric ? runTests(rubric) : [];
  return { file, errors: rubric ? null : diagnostics, outcomes, seconds: (performance.now() - started) / 1000 };
}

function printText(runs: readonly FileRun[], ctx: CommandContext): void {
  const zh = ctx.lang === "zh";
  const s = styles(ctx.color);
  for (const run of runs) {
    const path = run.file.path;
    if (run.errors !== null) {
      ctx.out(renderDiagnostics(run.file, run.errors, { lang: ctx.lang, color: ctx.color }));
      ctx.out(
        s.red(
          zh ? `✗ ${path}：评分细则有错误，测试无法运行` : `✗ ${path}: the rubric has errors, its tests cannot run`,
        ),
      );
      continue;
    }
    for (const t of run.outcomes) {
      if (t.passed) {
        ctx.out(`${s.green("✓")} ${path} › ${t.name}`);
        continue;
      }
      ctx.out(s.red(`✗ ${path} › ${t.name}`));
      for (const line of failureLines(t, ctx.lang)) ctx.out(indent(line, "    "));
    }
  }
}

function printJson(runs: readonly FileRun[], passed: number, failed: number, ctx: CommandContext): void {
  const files = runs.map((run) => ({
    path: run.file.path,
    compiled: run.errors === null,
    ...(run.errors ? { diagnostics: diagnosticsJson(run.file, run.errors) } : {}),
    tests: run.outcomes.map((t) => ({
      name: t.name,
      line: lineColumn(run.file, t.span.start).line,
      passed: t.passed,
      factErrors: t.factErrors,
      failures: t.failures.map((f) => ({
        what: f.what,
        expected: f.expected,
        actual: f.actual,
        explanation: f.explanation,
      })),
    })),
  }));
  ctx.out(JSON.stringify({ passed, failed, files }, null, 2));
}

function junitSuites(runs: readonly FileRun[], lang: MessageLanguage): JunitSuite[] {
  return runs.map((run) => ({
    name: run.file.path,
    error:
      run.errors === null
        ? null
        : `${lang === "zh" ? "评分细则有错误，测试无法运行" : "the rubric has errors, its tests cannot run"}\n${renderDiagnostics(run.file, run.errors, { lang, color: false })}`,
    seconds: run.seconds,
    cases: run.outcomes.map((t) => {
      if (t.passed) return { name: t.name, failure: null };
      const lines = failureLines(t, lang);
      return { name: t.name, failure: { message: lines[0] ?? "", details: lines.join("\n") } };
    }),
  }));
}

function runTest(ctx: CommandContext): number {
  const started = new Date();
  const runs = rubricFiles(ctx.positionals).map(runFile);
  // A rubric that does not compile fails as one test: none of its tests could run.
  const failed = runs.reduce((n, r) => n + (r.errors === null ? r.outcomes.filter((t) => !t.passed).length : 1), 0);
  const passed = runs.reduce((n, r) => n + r.outcomes.filter((t) => t.passed).length, 0);
  const junit = ctx.flags["junit"];
  if (typeof junit === "string") {
    try {
      writeFileSync(junit, junitXml(junitSuites(runs, ctx.lang), started));
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new UsageError({ zh: `无法写入 ${junit}（${reason}）`, en: `cannot write ${junit} (${reason})` });
    }
  }
  if (ctx.flags["json"]) printJson(runs, passed, failed, ctx);
  else {
    printText(runs, ctx);
    ctx.out(`${passed} passed, ${failed} failed`);
  }
  return failed > 0 ? EXIT.findings : EXIT.ok;
}

export const testCommand: Command = {
  name: "test",
  summary: { zh: "运行评分细则中写的测试", en: "run the tests written in rubric files" },
  description: {
    zh: "运行每个评分细则文件中的 测试 块：按给定事实评分，与期望的项目分、细则分、总分或等级比较。\n失败时显示期望、实得和引擎的解释。最后一行是 “N passed, N failed”。",
    en: 'Runs the test blocks of every rubric file: scores the given facts and compares the expected item,\ncriterion, total or grade. A failure shows what was expected, what came out, and the engine\'s\nexplanation. The last line is "N passed, N failed".',
  },
  arguments: [rubricPaths],
  options: [
    { name: "json", description: { zh: "以 JSON 输出结果", en: "print the results as JSON" } },
    {
      name: "junit",
      value: { placeholder: { zh: "文件", en: "file" }, complete: "file" },
      description: {
        zh: "同时把结果写为 JUnit XML 文件（供持续集成显示）",
        en: "also write the results as a JUnit XML file (for CI servers)",
      },
    },
  ],
  examples: [
    {
      command: "kaoping test rubrics/",
      description: { zh: "运行 rubrics/ 下全部评分细则的测试", en: "run the tests of every rubric below rubrics/" },
    },
    {
      command: "kaoping test --junit report.xml rubrics/",
      description: { zh: "并写出 JUnit 报告", en: "and write a JUnit report" },
    },
    {
      command: "kaoping test --json village.rubric",
      description: { zh: "以 JSON 输出，供脚本读取", en: "print JSON for a script to read" },
    },
  ],
  exits: [
    { code: EXIT.ok, meaning: { zh: "全部测试通过", en: "every test passed" } },
    {
      code: EXIT.findings,
      meaning: { zh: "有测试未通过，或评分细则有错误", en: "a test failed, or a rubric has errors" },
    },
    {
      code: EXIT.usage,
      meaning: {
        zh: "用法有误，文件不存在，或报告无法写入",
        en: "usage error, a file does not exist, or the report cannot be written",
      },
    },
  ],
  run: runTest,
};
