// Paths on the command line: a file is itself; a directory means every .rubric file below it.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

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
