// Every key the source asks for exists in both catalogues, and no call to t() is left as text: a
// `{t("…")}` inside a template literal prints itself (the print page showed {t("common.colon")}).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { zhCN } from "./zh-cn.ts";

const root = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [path] : [];
  });
}

function has(catalogue: unknown, key: string): boolean {
  let node: unknown = catalogue;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}

/** `{t(` inside a one-line template literal, not as `${t(`: the call would show as text. */
function rawCalls(line: string): boolean {
  let inTemplate = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "`") inTemplate = !inTemplate;
    else if (inTemplate && line.startsWith("{t(", i) && line[i - 1] !== "$") return true;
  }
  return false;
}

describe("translations", () => {
  const files = sources(root).map((path) => ({ path: relative(root, path), text: readFileSync(path, "utf8") }));

  it("every literal key is in the Chinese and the English catalogue", () => {
    const missing: string[] = [];
    let seen = 0;
    for (const { path, text } of files) {
      for (const m of text.matchAll(/\bt\(\s*"([A-Za-z][\w.]*)"/g)) {
        seen++;
        const key = m[1] ?? "";
        if (!has(zhCN, key)) missing.push(`${path}: ${key} (zh-CN)`);
        if (!has(en, key)) missing.push(`${path}: ${key} (en)`);
      }
    }
    expect(missing).toEqual([]);
    // The scan finds the app's calls (a broken pattern would pass by finding none).
    expect(seen).toBeGreaterThan(300);
  });

  it("no call to t() is written as text inside a template literal", () => {
    const raw = files.flatMap(({ path, text }) =>
      text.split("\n").flatMap((line, i) => (rawCalls(line) ? [`${path}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(raw).toEqual([]);
  });

  it("finds the slip it is for", () => {
    expect(rawCalls('`（${t("assessment.grade")}{t("common.colon")}${grade}）`')).toBe(true);
    expect(rawCalls('`（${t("assessment.grade")}${t("common.colon")}${grade}）`')).toBe(false);
  });
});
