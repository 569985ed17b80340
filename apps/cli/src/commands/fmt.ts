// kaoping fmt [--check] [--lang zh|en] [paths…]: rewrite rubrics canonically (or only report).
import { readFileSync, writeFileSync } from "node:fs";
import { format, renderDiagnostics, sourceFile, type KeywordSet } from "@kaoping/language";
import type { CommandContext } from "../command.ts";
import { rubricFiles } from "../files.ts";

export function runFmt(ctx: CommandContext): number {
  const keywords = ctx.flags.lang as KeywordSet | undefined;
  let unformatted = 0;
  let broken = 0;
  for (const path of rubricFiles(ctx.positionals)) {
    const text = readFileSync(path, "utf8");
    const result = format(text, keywords ? { keywords } : {});
    if (result.text === null) {
      broken++;
      ctx.out(renderDiagnostics(sourceFile(path, text), result.diagnostics, { lang: ctx.lang, color: ctx.color }));
      continue;
    }
    if (result.text === text) continue;
    unformatted++;
    if (ctx.flags.check) ctx.out(ctx.lang === "zh" ? `未格式化：${path}` : `not formatted: ${path}`);
    else writeFileSync(path, result.text);
  }
  if (broken > 0) return 1;
  return ctx.flags.check && unformatted > 0 ? 1 : 0;
}
