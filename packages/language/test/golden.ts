// Golden files: what users read (rendered diagnostics, formatted rubrics) is kept as text beside
// its input and compared exactly. `pnpm --filter @kaoping/language record` (KAOPING_RECORD=1)
// writes them instead, for review in the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

export const recording = process.env["KAOPING_RECORD"] === "1";

/** The package root, so that paths in goldens are relative and the same on every machine. */
export const packageRoot = fileURLToPath(new URL("..", import.meta.url));
export const fixturesDir = join(packageRoot, "test", "fixtures");
export const rubricsDir = join(packageRoot, "..", "..", "rubrics");

/** A path as written in goldens: relative to the package, with forward slashes. */
export function displayPath(path: string): string {
  return relative(packageRoot, path).split("\\").join("/");
}

/** The `.rubric` files directly in a directory, sorted, or [] when it does not exist. */
export function rubricFilesIn(dir: string, suffix = ".rubric"): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => join(dir, f));
}

export function read(path: string): string {
  return readFileSync(path, "utf8");
}

/** Compares `actual` with the golden file, or writes it when recording. */
export function matchGolden(path: string, actual: string): void {
  if (recording) {
    if (!existsSync(path) || read(path) !== actual) writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `missing golden ${displayPath(path)}: run pnpm --filter @kaoping/language record`).toBe(
    true,
  );
  expect(
    actual,
    `golden ${displayPath(path)} differs: run pnpm --filter @kaoping/language record and review the diff`,
  ).toBe(read(path));
}
