// Builds the extension: the client and the server bundled (no node_modules ship), the TextMate
// grammar from the keyword table, and the .vsix, all in dist/. Runs offline.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { buildGrammar } from "../src/grammar.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = `${root}dist/`;
export const vsixPath = `${dist}kaoping-rubric.vsix`;

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  minify: true,
  sourcemap: false,
  logLevel: "warning",
} as const;
await build({
  ...common,
  entryPoints: [`${root}src/extension.ts`],
  outfile: `${dist}extension.cjs`,
  external: ["vscode"],
});
await build({ ...common, entryPoints: [`${root}src/server.ts`], outfile: `${dist}server.cjs` });
writeFileSync(`${dist}kaoping-rubric.tmLanguage.json`, `${JSON.stringify(buildGrammar(), null, 2)}\n`);

// --no-dependencies: everything is bundled; vsce must not walk the pnpm workspace's node_modules.
execFileSync(
  `${root}node_modules/.bin/vsce`,
  ["package", "--no-dependencies", "--allow-missing-repository", "--skip-license", "--out", vsixPath],
  { cwd: root, stdio: "inherit" },
);
