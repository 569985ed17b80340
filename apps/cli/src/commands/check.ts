// kaoping check [paths…] [--json] [--lang zh|en]: every diagnostic of every rubric, the engine's
// analyses (a criterion that can go below zero, a cap that never binds) included.
import { readFileSync } from "node:fs";
import { compile } from "@kaoping/engine";
import { hasErrors, lineColumn, renderDiagnostics, sortDiagnostics, sourceFile, type Diagnostic } from "@kaoping/language";
import type { CommandContext } from "../command.ts";
import { rubricFiles } from "../files.ts";

export function runCheck(ctx: CommandContext): number {
  const results: { path: string; diagnostics: readonly Diagnostic[]; file: ReturnType<typeof sourceFile> }[] = [];
  for (const path of rubricFiles(ctx.positionals)) {
    const file = sourceFile(path, readFileSync(path, "utf8"));
    // compile = the language's checks, then the engine's analyses of bounds (KP8xx) on a clean rubric.
    results.push({ path, diagnostics: sortDiagnostics(compile(file.text).diagnostics), file });
  }
  const failed = results.some((r) => hasErrors(r.diagnostics));
  if (ctx.flags.json) {
    const json = results.map((r) => ({
      path: r.path,
      diagnostics: r.diagnostics.map((d) => ({ ...d, start: lineColumn(r.file, d.span.start), end: lineColumn(r.file, d.span.end) })),
    }));
    ctx.out(JSON.stringify(json, null, 2));
    return failed ? 1 : 0;
  }
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
  return failed ? 1 : 0;
}
