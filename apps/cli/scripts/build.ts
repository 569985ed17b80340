// Builds the installable command: src/main.ts, the workspace packages and the npm packages they use
// bundled by esbuild (the transform tsx runs in development) into one ES module, dist/kaoping.js.
// One file with no dependencies: `npm i -g kaoping-cli-*.tgz` needs no registry, and a start reads
// one file instead of resolving hundreds.
import { chmodSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const outfile = `${root}dist/kaoping.js`;

/**
 * Runs before any bundled module: the dependencies' own code needs Node 24 (chevrotain calls
 * Object.groupBy at load), so an older Node gets a plain message and exit 2, not a stack. And
 * vscode-languageserver is CommonJS that requires Node's modules: an ES module has no `require`.
 */
const banner = `
if (Number(process.versions.node.split(".")[0]) < 24) {
  const en = /^en/i.test(process.env.KAOPING_LANG ?? "") || process.argv.some((a, i, all) => a === "--lang=en" || (a === "--lang" && all[i + 1] === "en"));
  process.stderr.write(en
    ? \`kaoping needs Node.js 24 or later; this is Node.js \${process.version}.\\n\`
    : \`kaoping 需要 Node.js 24 或更高版本，当前是 Node.js \${process.version}。\\n\`);
  process.exit(2);
}
import { createRequire as kaopingCreateRequire } from "node:module";
const require = kaopingCreateRequire(import.meta.url);`;

rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  entryPoints: [`${root}src/main.ts`],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  // Not minified: a stack trace (KAOPING_DEBUG=1) names real functions on readable lines; the
  // tarball is compressed anyway.
  legalComments: "eof",
  banner: { js: banner },
  logLevel: "warning",
});
chmodSync(outfile, 0o755);
