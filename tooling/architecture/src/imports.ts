// Every import of every TypeScript file under packages/ and apps/ of a repository: who imports
// what, whether only types, and which workspace package each file belongs to. Reads files as text
// (no TypeScript compiler): static imports, re-exports and dynamic import() calls.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

export interface WorkspacePackage {
  /** The package name, e.g. "@kaoping/engine". */
  readonly name: string;
  /** Its folder, relative to the repository root, e.g. "packages/engine". */
  readonly dir: string;
  /** "packages" or "apps". */
  readonly group: "packages" | "apps";
  /** The subpaths its package.json exports ("." and e.g. "./stdio"). */
  readonly exports: readonly string[];
}

export interface Import {
  /** The importing file, relative to the repository root. */
  readonly from: string;
  readonly line: number;
  /** The specifier as written. */
  readonly specifier: string;
  /** True when nothing but types is imported (`import type`, or every name marked `type`). */
  readonly typeOnly: boolean;
  /** A relative import's target file, relative to the root; null for package imports. */
  readonly file: string | null;
}

export interface Workspace {
  readonly root: string;
  readonly packages: readonly WorkspacePackage[];
  /** Every scanned file, relative to the root. */
  readonly files: readonly string[];
  readonly imports: readonly Import[];
}

const skipped = new Set(["node_modules", "dist", "fixtures", "coverage"]);

/** Reads the workspace packages under packages/ and apps/ and every import of their files. */
export function readWorkspace(root: string): Workspace {
  const packages: WorkspacePackage[] = [];
  const files: string[] = [];
  for (const group of ["packages", "apps"] as const) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const entry of readdirSync(groupDir)) {
      const dir = join(groupDir, entry);
      const manifest = join(dir, "package.json");
      if (!existsSync(manifest)) continue;
      const json = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; exports?: unknown };
      if (!json.name) continue;
      packages.push({ name: json.name, dir: relative(root, dir), group, exports: exportPaths(json.exports) });
      collectFiles(dir, root, files);
    }
  }
  const imports = files.flatMap((f) => importsOf(root, f));
  return { root, packages, files, imports };
}

function exportPaths(exports: unknown): string[] {
  if (typeof exports === "string") return ["."];
  if (exports && typeof exports === "object") return Object.keys(exports).filter((k) => k.startsWith("."));
  return ["."];
}

function collectFiles(dir: string, root: string, into: string[]): void {
  for (const entry of readdirSync(dir)) {
    if (skipped.has(entry) || entry.startsWith(".")) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) collectFiles(path, root, into);
    else if (/\.(ts|tsx|mts|cts)$/.test(entry) && !entry.endsWith(".d.ts")) into.push(relative(root, path));
  }
}

// `import … from "x"` and `export … from "x"`: the part between is names, braces, commas and `*`,
// never `=` or `;`, so that a declaration is not read as the start of an import.
const fromClause =
  /^[ \t]*(import|export)[ \t]+(type[ \t]+)?((?:[\w$*, \t\r\n]|\{[^}]*\})*?)[ \t]*from[ \t]*["']([^"']+)["']/gm;
const bareImport = /^[ \t]*import[ \t]*["']([^"']+)["']/gm;
const dynamicImport = /\bimport\(\s*["']([^"']+)["']\s*\)/g;

/** The imports of one file (path relative to the root). */
export function importsOf(root: string, file: string): Import[] {
  const text = readFileSync(join(root, file), "utf8");
  const out: Import[] = [];
  const add = (index: number, specifier: string, typeOnly: boolean) => {
    const line = text.slice(0, index).split("\n").length;
    out.push({ from: file, line, specifier, typeOnly, file: resolveRelative(root, file, specifier) });
  };
  for (const m of text.matchAll(fromClause)) {
    const names = m[3] ?? "";
    add(m.index, m[4] as string, m[2] !== undefined || onlyTypes(names));
  }
  for (const m of text.matchAll(bareImport)) add(m.index, m[1] as string, false);
  for (const m of text.matchAll(dynamicImport)) add(m.index, m[1] as string, false);
  return out;
}

/** `{ type A, type B }` imports only types; a default or namespace import, or an unmarked name, does not. */
function onlyTypes(names: string): boolean {
  const braces = /^\s*\{([^}]*)\}\s*$/.exec(names);
  if (!braces) return false;
  const list = (braces[1] ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return list.length > 0 && list.every((s) => s.startsWith("type "));
}

function resolveRelative(root: string, file: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const base = resolve(root, dirname(file), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate);
  }
  return relative(root, base);
}
