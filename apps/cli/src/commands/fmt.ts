// kaoping fmt [paths…]: rewrites rubrics in the canonical layout (or, with --check, only reports
// the files that are not); --keywords writes them in the other keyword set.
import { writeFileSync } from "node:fs";
import { format, renderDiagnostics, sourceFile, type KeywordSet } from "@kaoping/language";
import type { Command, CommandContext } from "../command.ts";
import { EXIT, usageExit } from "../exit-codes.ts";
import { readRubricText, rubricFiles, rubricPaths } from "../rubric-files.ts";

function runFmt(ctx: CommandContext): number {
  const keywords = ctx.flags["keywords"] as KeywordSet | undefined;
  let unformatted = 0;
  let broken = 0;
  for (const path of rubricFiles(ctx.positionals)) {
    const text = readRubricText(path);
    const result = format(text, keywords ? { keywords } : {});
    if (result.text === null) {
      broken++;
      ctx.out(renderDiagnostics(sourceFile(path, text), result.diagnostics, { lang: ctx.lang, color: ctx.color }));
      continue;
    }
    if (result.text === text) continue;
    unformatted++;
    if (ctx.flags["check"]) ctx.out(ctx.lang === "zh" ? `未格式化：${path}` : `not formatted: ${path}`);
    else writeFileSync(path, result.text);
  }
  if (broken > 0) return EXIT.findings;
  return ctx.flags["check"] && unformatted > 0 ? EXIT.findings : EXIT.ok;
}

export const fmtCommand: Command = {
  name: "fmt",
  summary: { zh: "把评分细则改写为规范格式", en: "rewrite rubrics in the canonical layout" },
  description: {
    zh: "把每个评分细则文件改写为规范的缩进和换行；文件有语法错误时不改动，只显示错误。\n--keywords 把关键字改写为另一套（中文 评分细则/项目/细则…，英文 rubric/item/criterion…）。",
    en: "Rewrites every rubric file with the canonical indentation and line breaks; a file with syntax errors is\nleft as it is and its errors shown. --keywords rewrites the keywords in the other set (Chinese\n评分细则/项目/细则…, English rubric/item/criterion…).",
  },
  arguments: [rubricPaths],
  options: [
    {
      name: "check",
      description: {
        zh: "只列出未格式化的文件，不改写",
        en: "only list the files that are not formatted; change nothing",
      },
    },
    {
      name: "keywords",
      value: { placeholder: { zh: "关键字", en: "keywords" }, choices: ["zh", "en"] },
      description: {
        zh: "关键字用中文（zh）或英文（en）书写",
        en: "write the keywords in Chinese (zh) or English (en)",
      },
    },
  ],
  examples: [
    {
      command: "kaoping fmt rubrics/",
      description: { zh: "格式化 rubrics/ 下的全部评分细则", en: "format every rubric below rubrics/" },
    },
    {
      command: "kaoping fmt --check rubrics/",
      description: { zh: "在持续集成中检查格式", en: "check the layout in CI" },
    },
    {
      command: "kaoping fmt --keywords en village.rubric",
      description: { zh: "改写为英文关键字", en: "rewrite with English keywords" },
    },
  ],
  exits: [
    {
      code: EXIT.ok,
      meaning: { zh: "已格式化（--check：全部已是规范格式）", en: "formatted (--check: every file already is)" },
    },
    {
      code: EXIT.findings,
      meaning: {
        zh: "--check 发现未格式化的文件，或文件有语法错误",
        en: "--check found a file not formatted, or a file has syntax errors",
      },
    },
    usageExit,
  ],
  run: runFmt,
};
