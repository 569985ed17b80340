// kaoping check [paths…]: every diagnostic of every rubric, the engine's analyses (a criterion
// that can go below zero, a cap that never binds) included; as text, JSON or SARIF.
import { compile } from "@kaoping/engine";
import { hasErrors, renderDiagnostics, sortDiagnostics, sourceFile } from "@kaoping/language";
import type { Command, CommandContext } from "../command.ts";
import { EXIT, usageExit } from "../exit-codes.ts";
import { diagnosticsJson } from "../report/diagnostics-json.ts";
import { sarifLog, type CheckedFile } from "../report/sarif.ts";
import { readRubricText, rubricFiles, rubricPaths } from "../rubric-files.ts";
import { UsageError } from "../usage-error.ts";
import { version } from "../version.ts";

/** --format, with --json as its older spelling; both given must agree. */
function outputFormat(ctx: CommandContext): string {
  const format = ctx.flags["format"];
  if (ctx.flags["json"] && format !== undefined && format !== "json") {
    throw new UsageError(
      { zh: `--json 与 --format ${String(format)} 冲突`, en: `--json conflicts with --format ${String(format)}` },
      true,
    );
  }
  return ctx.flags["json"] ? "json" : typeof format === "string" ? format : "text";
}

function printText(results: readonly CheckedFile[], ctx: CommandContext): void {
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    if (r.diagnostics.length === 0) continue;
    ctx.out(renderDiagnostics(r.file, r.diagnostics, { lang: ctx.lang, color: ctx.color }));
    ctx.out("");
    errors += r.diagnostics.filter((d) => d.severity === "error").length;
    warnings += r.diagnostics.filter((d) => d.severity === "warning").length;
  }
  if (errors + warnings > 0) {
    ctx.out(
      ctx.lang === "zh"
        ? `${results.length} 个文件：${errors} 个错误，${warnings} 个警告`
        : `${results.length} file(s): ${errors} error(s), ${warnings} warning(s)`,
    );
  }
}

function runCheck(ctx: CommandContext): number {
  const format = outputFormat(ctx);
  const results: CheckedFile[] = [];
  for (const path of rubricFiles(ctx.positionals)) {
    const file = sourceFile(path, readRubricText(path));
    // compile = the language's checks, then the engine's analyses of bounds (KP8xx) on a clean rubric.
    results.push({ file, diagnostics: sortDiagnostics(compile(file.text).diagnostics) });
  }
  if (format === "json") {
    const json = results.map((r) => ({ path: r.file.path, diagnostics: diagnosticsJson(r.file, r.diagnostics) }));
    ctx.out(JSON.stringify(json, null, 2));
  } else if (format === "sarif") {
    ctx.out(JSON.stringify(sarifLog(results, ctx.lang, version(), process.cwd()), null, 2));
  } else {
    printText(results, ctx);
  }
  return results.some((r) => hasErrors(r.diagnostics)) ? EXIT.findings : EXIT.ok;
}

export const checkCommand: Command = {
  name: "check",
  summary: { zh: "检查评分细则，列出全部错误和警告", en: "check rubrics and list every error and warning" },
  description: {
    zh: "检查每个评分细则文件（目录表示其下全部 .rubric 文件），像编译器一样显示诊断：代码、文件:行:列、原文和标记。\n包括引擎的分析（细则可能得负分、上限永远不起作用等）。",
    en: "Checks every rubric file (a directory means every .rubric file below it) and shows diagnostics like a\ncompiler: code, file:line:column, the line and a caret. The engine's analyses are included (a criterion\nthat can go below zero, a cap that never binds).",
  },
  arguments: [rubricPaths],
  options: [
    {
      name: "format",
      value: { placeholder: { zh: "格式", en: "format" }, choices: ["text", "json", "sarif"] },
      description: {
        zh: "输出格式：text（默认）、json、sarif（SARIF 2.1.0，供代码扫描工具读取）",
        en: "output format: text (default), json, sarif (SARIF 2.1.0, for code scanning tools)",
      },
    },
    { name: "json", description: { zh: "等同于 --format json", en: "the same as --format json" } },
  ],
  examples: [
    {
      command: "kaoping check rubrics/",
      description: { zh: "检查 rubrics/ 下的全部评分细则", en: "check every rubric below rubrics/" },
    },
    {
      command: "kaoping check --lang en village.rubric",
      description: { zh: "以英文显示诊断", en: "show the diagnostics in English" },
    },
    {
      command: "kaoping check --format sarif rubrics/ > kaoping.sarif",
      description: { zh: "生成供代码扫描上传的 SARIF 文件", en: "write a SARIF file to upload to code scanning" },
    },
  ],
  exits: [
    { code: EXIT.ok, meaning: { zh: "没有错误（可以有警告）", en: "no errors (warnings allowed)" } },
    { code: EXIT.findings, meaning: { zh: "有评分细则存在错误", en: "a rubric has errors" } },
    usageExit,
  ],
  run: runCheck,
};
