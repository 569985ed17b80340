// Builds the server for production, into dist/:
// - main.js: src/main.ts, the workspace packages it imports (@kaoping/api, db, engine and language
//   export TypeScript source) and the npm packages that are plain ES modules (tRPC, zod, kysely,
//   chevrotain), bundled by esbuild, the transform tsx runs in development. What cannot be bundled
//   stays an import and is this package's `dependencies`, which `pnpm deploy` installs beside
//   dist/: PGlite (loads its WebAssembly and data files from its own folder), pg (an optional
//   native part), pino and pino-pretty (worker-thread transports found by path) and prom-client.
// - web/: the built web app (apps/web/dist; turbo builds it first), served at /.
// - rubrics/: the rubrics seeded on a first start with demo data.
import { cpSync, existsSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const repo = fileURLToPath(new URL("../../..", import.meta.url));
const dist = `${root}dist/`;
const manifest = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as { dependencies: Record<string, string> };
const webDist = `${repo}apps/web/dist/`;

if (!existsSync(`${webDist}index.html`)) {
  process.stderr.write(
    `${webDist}index.html is missing: build the web app first (pnpm turbo run build --filter=@kaoping/server builds both).\n`,
  );
  process.exit(1);
}

// The workspace packages export TypeScript source: compiled in, never installed beside the bundle.
const workspaceDependencies = Object.entries(manifest.dependencies).filter(([, range]) =>
  range.startsWith("workspace:"),
);
if (workspaceDependencies.length > 0) {
  process.stderr.write(
    `${workspaceDependencies.map(([name]) => name).join(", ")}: workspace packages are bundled into dist/main.js; list them under devDependencies in apps/server/package.json.\n`,
  );
  process.exit(1);
}

rmSync(dist, { recursive: true, force: true });
const result = await build({
  entryPoints: [`${root}src/main.ts`],
  outfile: `${dist}main.js`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node24",
  external: Object.keys(manifest.dependencies),
  // config.ts: the web app and the rubrics are beside the bundle, not in a repository.
  define: { KAOPING_BUILT: "true" },
  sourcemap: "linked",
  metafile: true,
  logLevel: "warning",
});

// A CommonJS package compiled into an ES module calls a `require` that does not exist there and
// fails only when that path runs: stop here instead, naming it for `dependencies`.
const commonJs = Object.entries(result.metafile.inputs)
  .filter(([, input]) => input.format === "cjs")
  .map(([path]) => /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1] ?? path);
if (commonJs.length > 0) {
  process.stderr.write(
    `CommonJS bundled into dist/main.js: ${[...new Set(commonJs)].join(", ")}; list it under dependencies in apps/server/package.json.\n`,
  );
  process.exit(1);
}

cpSync(webDist, `${dist}web`, { recursive: true });
cpSync(`${repo}rubrics`, `${dist}rubrics`, { recursive: true });
