// Files named on the command line: rubric paths (a directory means every .rubric file below it),
// rubric files compiled with their diagnostics shown, and facts files (.json or .csv).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { compile, factsFromStrings, type CompiledRubric } from "@kaoping/engine";
import { renderDiagnostics, sourceFile } from "@kaoping/language";
import type { CommandContext } from "./command.ts";

/** Expands paths into rubric files, sorted; throws a readable error for a missing path. */
export function rubricFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths.length > 0 ? paths : ["."]) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`没有这个文件或目录 / no such file or directory: ${path}`);
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

/** A mistake in how the command was called: printed without a stack, exit code 2. */
export class UsageError extends Error {}

/** Compiles a rubric file; prints its diagnostics (errors and warnings) when it has errors. */
export function loadRubric(path: string, ctx: CommandContext): CompiledRubric | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new UsageError(`没有这个文件 / no such file: ${path}`);
  }
  const { rubric, diagnostics } = compile(text);
  if (!rubric) {
    ctx.out(renderDiagnostics(sourceFile(path, text), diagnostics, { lang: ctx.lang, color: ctx.color }));
  }
  return rubric;
}

/** One record of a facts file: a name to show, and its facts. */
export interface FactsRecord {
  readonly name: string;
  readonly facts: unknown;
}

const NAME_COLUMNS = ["名称", "name", "村名", "企业名称"];

/** Excel saves CSV in GBK on Chinese Windows: decode as UTF-8 when it is valid, else as GBK. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gbk").decode(bytes);
  }
}

/** Reads a .json or .csv facts file into records, named by their position or their name column. */
export function readFactsFile(path: string, rubric: CompiledRubric): FactsRecord[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new UsageError(`没有这个文件 / no such file: ${path}`);
  }
  const text = decode(bytes);
  if (extname(path).toLowerCase() === ".csv") {
    let rows: Record<string, string>[];
    try {
      rows = parseCsv(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
    } catch (e) {
      throw new UsageError(`CSV 无法读取 / cannot read the CSV ${path}: ${(e as Error).message}`);
    }
    const inputs = new Set(rubric.inputs.map((i) => i.name));
    return rows.map((row, i) => {
      const nameColumn = NAME_COLUMNS.find((c) => c in row && !inputs.has(c));
      const cells: Record<string, string> = { ...row };
      let name = `#${i + 1}（第 ${i + 2} 行）`;
      if (nameColumn) {
        name = cells[nameColumn] || name;
        delete cells[nameColumn];
      }
      return { name, facts: factsFromStrings(rubric.inputs, cells) };
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UsageError(`JSON 无法读取 / cannot read the JSON ${path}: ${(e as Error).message}`);
  }
  const list = Array.isArray(json) ? json : [json];
  return list.map((facts, i) => ({ name: `#${i + 1}`, facts }));
}
