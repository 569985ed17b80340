// Prints the gzip size of the JavaScript a browser loads before the first screen (the entry chunk
// and everything it imports statically), and of each lazy route on top of it. Reads Vite's
// manifest, so run `pnpm build` first. Exits 1 when the initial JavaScript exceeds the budget.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const budgetKb = 350;
const dist = join(import.meta.dirname, "..", "dist");

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8")) as Record<string, Chunk>;

const sizes = new Map<string, number>();
function gzipKb(file: string): number {
  let size = sizes.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(dist, file))).length / 1024;
    sizes.set(file, size);
  }
  return size;
}

/** The chunk and every chunk it imports statically (what loads together with it). */
function closure(key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  into.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(dep, into);
  return into;
}

function total(keys: Iterable<string>): number {
  let sum = 0;
  for (const k of keys) {
    const chunk = manifest[k];
    if (chunk?.file.endsWith(".js")) sum += gzipKb(chunk.file);
  }
  return sum;
}

const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
if (!entry) throw new Error("no entry chunk in the Vite manifest; run the build first");
const initial = closure(entry[0]);
const initialKb = total(initial);

console.log(`initial JavaScript (entry + static imports): ${initialKb.toFixed(1)} KB gzip (budget ${budgetKb} KB)`);
for (const k of initial) {
  const c = manifest[k];
  if (c?.file.endsWith(".js")) console.log(`  ${c.file.padEnd(48)} ${gzipKb(c.file).toFixed(1).padStart(7)} KB`);
}
// Screens inside the shell load it too; the login and print pages stand alone.
const shellKey = Object.keys(manifest).find((k) => k.endsWith("app/shell.tsx"));
console.log("each screen when opened first (all its JavaScript, initial included):");
for (const [key, chunk] of Object.entries(manifest)) {
  const src = chunk.src ?? key;
  if (!chunk.isDynamicEntry || !src.includes("/pages/")) continue;
  const inShell = !/login-page|print-page/.test(src) && shellKey !== undefined;
  const all = new Set([...initial, ...closure(key), ...(inShell ? closure(shellKey) : [])]);
  console.log(`  ${src.padEnd(40)} ${total(all).toFixed(1).padStart(7)} KB`);
}
if (initialKb > budgetKb) {
  console.error(`over budget by ${(initialKb - budgetKb).toFixed(1)} KB`);
  process.exit(1);
}
