// The web editor runs this package in a worker: no source file may import a Node built-in, and it
// depends on nothing but the language and engine packages.
import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const srcDir = fileURLToPath(new URL("../src/", import.meta.url));
const files = readdirSync(srcDir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"));
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

describe("browser-safe", () => {
  it.each(files)("%s imports only the language, the engine and its own files", (file) => {
    const text = readFileSync(srcDir + file, "utf8");
    const specifiers = [...text.matchAll(/\bfrom\s*["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']/g)].map(
      (m) => m[1] ?? m[2] ?? "",
    );
    for (const s of specifiers) {
      expect(builtins.has(s), `${file} imports ${s}`).toBe(false);
      expect(s.startsWith("./") || s === "@kaoping/language" || s === "@kaoping/engine", `${file} imports ${s}`).toBe(
        true,
      );
    }
    expect(text).not.toMatch(/\bprocess\.|\bBuffer\b|\brequire\(/);
  });

  it("declares no other runtime dependency", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(["@kaoping/engine", "@kaoping/language"]);
  });
});
