// The architecture test: every import in packages/ and apps/ goes down the layers (rules.ts) and
// no files import each other in a circle. The planted fixture proves the check can fail: each
// kind of wrong import is there once and must be found, and the right ones must not be.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readWorkspace } from "./imports.ts";
import { allowed, checkArchitecture } from "./rules.ts";

const repository = fileURLToPath(new URL("../../..", import.meta.url));
const planted = fileURLToPath(new URL("../fixtures/planted", import.meta.url));

describe("the repository", () => {
  const ws = readWorkspace(repository);

  it("has every workspace package in the layer table", () => {
    expect(ws.packages.length).toBeGreaterThan(8);
    for (const p of ws.packages) expect(Object.keys(allowed), `${p.name} has no layer`).toContain(p.name);
  });

  it("reads the imports it checks", () => {
    expect(ws.imports.some((i) => i.from.startsWith("packages/engine/") && i.specifier === "@kaoping/language")).toBe(
      true,
    );
    expect(ws.imports.some((i) => i.from.startsWith("apps/web/") && i.specifier === "@kaoping/api" && i.typeOnly)).toBe(
      true,
    );
  });

  it("imports down the layers only, and without cycles", () => {
    const found = checkArchitecture(ws).map((v) => `${v.file}:${v.line}: ${v.message}`);
    expect(found).toEqual([]);
  });
});

describe("the planted fixture", () => {
  const found = checkArchitecture(readWorkspace(planted));
  const at = (file: string) => found.filter((v) => v.file === file).map((v) => v.message);

  it("finds an import up the layers", () => {
    expect(at("packages/engine/src/uses-api.ts")).toEqual([
      "@kaoping/engine may not import @kaoping/api (allowed: @kaoping/language)",
    ]);
  });
  it("finds an import of an app, dynamic ones too", () => {
    expect(at("packages/api/src/from-app.ts")).toEqual([
      "@kaoping/api imports the app @kaoping/server: nothing imports an app",
    ]);
  });
  it("finds the web app bundling the api instead of taking its types", () => {
    expect(at("apps/web/src/page.ts")).toEqual([
      "@kaoping/web may import only types from @kaoping/api: write `import type`",
    ]);
    expect(at("apps/web/src/client.ts")).toEqual([]);
  });
  it("finds a path into another package, and a deep import past its entry", () => {
    expect(at("packages/engine/src/by-path.ts")).toEqual([
      'reaches outside @kaoping/engine by path: "../../language/src/a.ts"',
    ]);
    expect(at("packages/engine/src/deep.ts")).toEqual([
      '"@kaoping/language/src/a.ts" is not an entry @kaoping/language exports: import "@kaoping/language"',
    ]);
  });
  it("finds a cycle of type-only imports", () => {
    expect(at("packages/language/src/a.ts")).toEqual([
      "import cycle: packages/language/src/a.ts → packages/language/src/b.ts → packages/language/src/a.ts",
    ]);
  });
  it("finds nothing else", () => {
    expect(found).toHaveLength(6);
  });
});
