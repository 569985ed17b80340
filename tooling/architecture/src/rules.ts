// The architecture as data, and the check of a workspace's imports against it. Arrows point down
// only: language ← engine ← api ← server; the editor tools sit on language and engine; the web app
// runs the engine in the page and takes only types from the api; no package imports an app.
import type { Workspace, WorkspacePackage } from "./imports.ts";

/** Which workspace packages each one may import (its own files aside). */
export const allowed: Readonly<Record<string, readonly string[]>> = {
  "@kaoping/seeded-random": [],
  "@kaoping/db": [],
  "@kaoping/csv": [],
  // The hostile-input test draws its garbage from the seeded generator.
  "@kaoping/language": ["@kaoping/seeded-random"],
  "@kaoping/engine": ["@kaoping/language"],
  "@kaoping/api": ["@kaoping/engine", "@kaoping/language", "@kaoping/db"],
  "@kaoping/language-service": ["@kaoping/engine", "@kaoping/language"],
  "@kaoping/language-server": ["@kaoping/language-service", "@kaoping/engine", "@kaoping/language"],
  "@kaoping/bench": ["@kaoping/engine", "@kaoping/language", "@kaoping/language-service", "@kaoping/seeded-random"],
  "@kaoping/server": ["@kaoping/api", "@kaoping/db", "@kaoping/engine", "@kaoping/language", "@kaoping/seeded-random"],
  // `kaoping lsp` starts the language server.
  "@kaoping/cli": [
    "@kaoping/csv",
    "@kaoping/engine",
    "@kaoping/language",
    "@kaoping/language-service",
    "@kaoping/language-server",
  ],
  "@kaoping/web": ["@kaoping/csv", "@kaoping/engine", "@kaoping/language", "@kaoping/api"],
  "kaoping-rubric": ["@kaoping/language", "@kaoping/language-server"],
};

/** Imports allowed only as types: the web app must not bundle the server's code. */
export const typeOnly: Readonly<Record<string, readonly string[]>> = {
  "@kaoping/web": ["@kaoping/api"],
};

export interface Violation {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

/** Every import that crosses a layer the wrong way, and every import cycle between files. */
export function checkArchitecture(ws: Workspace): Violation[] {
  return [...checkLayers(ws), ...checkCycles(ws)];
}

function packageOf(ws: Workspace, file: string): WorkspacePackage | undefined {
  return ws.packages.find((p) => file === p.dir || file.startsWith(`${p.dir}/`));
}

function checkLayers(ws: Workspace): Violation[] {
  const out: Violation[] = [];
  const byName = new Map(ws.packages.map((p) => [p.name, p]));
  for (const imp of ws.imports) {
    const own = packageOf(ws, imp.from);
    if (!own) continue;
    const at = { file: imp.from, line: imp.line };
    if (imp.file !== null) {
      const target = packageOf(ws, imp.file);
      if (target !== own) out.push({ ...at, message: `reaches outside ${own.name} by path: "${imp.specifier}"` });
      continue;
    }
    const name = workspaceName(imp.specifier, byName);
    if (name === null || name === own.name) continue;
    const target = byName.get(name) as WorkspacePackage;
    const subpath = `.${imp.specifier.slice(name.length)}`;
    if (target.group === "apps") {
      out.push({ ...at, message: `${own.name} imports the app ${name}: nothing imports an app` });
    } else if (!(allowed[own.name] ?? []).includes(name)) {
      out.push({ ...at, message: `${own.name} may not import ${name} (allowed: ${listed(allowed[own.name])})` });
    } else if ((typeOnly[own.name] ?? []).includes(name) && !imp.typeOnly) {
      out.push({ ...at, message: `${own.name} may import only types from ${name}: write \`import type\`` });
    }
    if (subpath !== "." && !target.exports.includes(subpath)) {
      out.push({ ...at, message: `"${imp.specifier}" is not an entry ${name} exports: import "${name}"` });
    }
  }
  return out;
}

function workspaceName(specifier: string, byName: ReadonlyMap<string, WorkspacePackage>): string | null {
  for (const name of byName.keys()) if (specifier === name || specifier.startsWith(`${name}/`)) return name;
  return null;
}

function listed(names: readonly string[] | undefined): string {
  return names && names.length > 0 ? names.join(", ") : "none";
}

/** File-level cycles (type-only imports count: they are arrows too), one violation per cycle. */
function checkCycles(ws: Workspace): Violation[] {
  const edges = new Map<string, { to: string; line: number }[]>();
  for (const imp of ws.imports) {
    if (imp.file === null || !ws.files.includes(imp.file)) continue;
    const list = edges.get(imp.from) ?? [];
    list.push({ to: imp.file, line: imp.line });
    edges.set(imp.from, list);
  }
  const out: Violation[] = [];
  for (const component of stronglyConnected(ws.files, edges)) {
    const members = new Set(component);
    const first = [...component].sort()[0] as string;
    const cycle = pathBack(first, members, edges);
    const line = edges.get(first)?.find((e) => e.to === cycle[1])?.line ?? 1;
    out.push({ file: first, line, message: `import cycle: ${cycle.join(" → ")}` });
  }
  return out;
}

/** Tarjan's strongly connected components with more than one file, or a file importing itself. */
function stronglyConnected(files: readonly string[], edges: ReadonlyMap<string, { to: string }[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const { to } of edges.get(v) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(v, Math.min(low.get(v) as number, low.get(to) as number));
      } else if (onStack.has(to)) {
        low.set(v, Math.min(low.get(v) as number, index.get(to) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      const selfLoop = (edges.get(v) ?? []).some((e) => e.to === v);
      if (component.length > 1 || selfLoop) result.push(component);
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return result;
}

/** One cycle through `start` inside its component, as a path that ends where it began. */
function pathBack(start: string, members: ReadonlySet<string>, edges: ReadonlyMap<string, { to: string }[]>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift() as string;
    for (const { to } of edges.get(v) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let w: string | undefined = v; w !== undefined && w !== start; w = previous.get(w)) path.splice(1, 0, w);
        return [...path, start];
      }
      if (!previous.has(to)) {
        previous.set(to, v);
        queue.push(to);
      }
    }
  }
  return [start, start];
}
