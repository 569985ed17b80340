// The web editor runs this package in the browser: no source file may import `node:` or a Node
// built-in, nor lean on Node's globals, and the only runtime dependency is Chevrotain.
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "./golden.ts";

const srcDir = join(packageRoot, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, statically or dynamically. */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(
    /\b(?:import|export)\b[^;"'`]*?\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']|\bimport\s+["']([^"']+)["']|\brequire\s*\(\s*["']([^"']+)["']/g,
  )) {
    found.push((m[1] ?? m[2] ?? m[3] ?? m[4]) as string);
  }
  return found;
}

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const files = sourceFiles(srcDir);

describe("browser safety of packages/language/src", () => {
  it("finds the sources", () => {
    expect(files.length).toBeGreaterThan(10);
    expect(
      specifiers('import { a } from "node:fs";\nexport * from "./x.ts";\nconst m = await import("path");'),
    ).toEqual(["node:fs", "./x.ts", "path"]);
  });

  it.each(files.map((f) => [relative(srcDir, f), f]))(
    "%s imports no Node built-in and uses no Node global",
    (_name, path) => {
      const text = readFileSync(path, "utf8");
      const imports = specifiers(text);
      expect(imports.filter((s) => s.startsWith("node:") || builtins.has(s))).toEqual([]);
      expect(imports.filter((s) => !s.startsWith(".") && s !== "chevrotain")).toEqual([]);
      // Comments may mention them; code may not.
      const code = text.replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, "");
      expect(code.match(/\b(?:process\.|Buffer\b|__dirname|__filename|require\()/g) ?? []).toEqual([]);
    },
  );

  it("depends at run time on Chevrotain only", () => {
    const manifest = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(["chevrotain"]);
  });
});
