// Rubric files named on the command line: paths expanded (a directory means every .rubric file
// below it) and files compiled, their diagnostics shown when they do not compile.
import { readdirSync, readFileSync, type Stats, statSync } from "node:fs";
import { join } from "node:path";
import { compile, type CompiledRubric } from "@kaoping/engine";
import { renderDiagnostics, sourceFile } from "@kaoping/language";
import type { ArgumentSpec, CommandContext } from "./command.ts";
import { UsageError } from "./usage-error.ts";

/** The argument of check, fmt and test: rubric files or directories. */
export const rubricPaths: ArgumentSpec = {
  placeholder: { zh: "路径", en: "path" },
  required: false,
  variadic: true,
  complete: "rubric",
  description: {
    zh: "评分细则文件或目录（默认当前目录）",
    en: "rubric files or directories (default: the current directory)",
  },
};

/** Expands paths into rubric files, sorted; throws a readable error for a missing path. */
export function rubricFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths.length > 0 ? paths : ["."]) {
    let stat: Stats;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError({ zh: `没有这个文件或目录：${path}`, en: `no such file or directory: ${path}` });
    }
    if (stat.isDirectory()) files.push(...walk(path));
    else files.push(path);
  }
  return files;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.name.endsWith(".rubric")) out.push(path);
  }
  return out;
}

/** The text of a rubric file; a readable error when it cannot be read. */
export function readRubricText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    throw new UsageError({ zh: `无法读取文件：${path}`, en: `cannot read the file: ${path}` });
  }
}

/** Compiles a rubric file; prints its diagnostics (errors and warnings) when it has errors. */
export function loadRubric(path: string, ctx: CommandContext): CompiledRubric | null {
  const text = readRubricText(path);
  const { rubric, diagnostics } = compile(text);
  if (!rubric) {
    ctx.out(renderDiagnostics(sourceFile(path, text), diagnostics, { lang: ctx.lang, color: ctx.color }));
  }
  return rubric;
}
