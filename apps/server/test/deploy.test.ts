// The server as it is deployed: the built package (dist/: the bundle, the web app, the rubrics)
// put in a folder by `pnpm deploy --prod` with only what cannot be bundled under node_modules,
// copied to a clean folder with no node_modules above it, and started with plain node, no tsx and
// no environment but its settings: ready, the web app at /, the API answering, SIGTERM exit 0.
// Needs the build (`pnpm turbo run test` builds first; alone: pnpm turbo run build --filter=@kaoping/server).
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { POSTGRES_SKIP_NOTE } from "@kaoping/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newStore, type Store } from "./fixtures.ts";
import { trpcHttp } from "./helpers.ts";
import { PROCESS_TEST_MS, startServer } from "./process.ts";

const SERVER_DIR = resolve(import.meta.dirname, "..");
const REPO = resolve(SERVER_DIR, "../..");
const ADMIN_PASSWORD = "deployed-admin-9f3k";
const hasPostgres = Boolean(process.env.DATABASE_URL);
if (!hasPostgres) console.warn(POSTGRES_SKIP_NOTE);

let clean: string;
let deployed: string;

beforeAll(async () => {
  if (!existsSync(join(SERVER_DIR, "dist/main.js")))
    throw new Error("apps/server/dist is not built: pnpm turbo run build --filter=@kaoping/server");
  const staging = mkdtempSync(join(tmpdir(), "kaoping-deploy-"));
  await promisify(execFile)(
    "pnpm",
    ["--filter", "@kaoping/server", "deploy", "--prod", join(staging, "kaoping-server")],
    { cwd: REPO },
  );
  // Copied as an operator would (pnpm's links inside node_modules are relative), and the staging
  // folder removed, so nothing can point back to it or to the repository.
  clean = mkdtempSync(join(tmpdir(), "kaoping-deployed-"));
  deployed = join(clean, "kaoping-server");
  cpSync(join(staging, "kaoping-server"), deployed, { recursive: true, verbatimSymlinks: true });
  rmSync(staging, { recursive: true, force: true });
}, PROCESS_TEST_MS);

afterAll(() => {
  if (clean) rmSync(clean, { recursive: true, force: true });
});

describe("the deploy folder", () => {
  it("has no node_modules above it to borrow from", () => {
    for (let dir = dirname(deployed); dir !== dirname(dir); dir = dirname(dir))
      expect(existsSync(join(dir, "node_modules")), `${dir}/node_modules`).toBe(false);
  });

  it("holds the bundle, the web app and the rubrics, and installs only what the bundle imports", () => {
    expect(readdirSync(join(deployed, "dist")).sort()).toEqual(["main.js", "main.js.map", "rubrics", "web"]);
    expect(existsSync(join(deployed, "dist/web/index.html"))).toBe(true);
    expect(readdirSync(join(deployed, "dist/rubrics")).sort()).toEqual(readdirSync(join(REPO, "rubrics")).sort());
    const manifest = JSON.parse(readFileSync(join(deployed, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const installed = readdirSync(join(deployed, "node_modules")).flatMap((entry) =>
      entry.startsWith("@")
        ? readdirSync(join(deployed, "node_modules", entry)).map((name) => `${entry}/${name}`)
        : entry.startsWith(".")
          ? []
          : [entry],
    );
    expect(installed.sort()).toEqual(Object.keys(manifest.dependencies).sort());
    // No TypeScript to run: not tsx, not the compiler, not the workspace packages' sources.
    const store = readdirSync(join(deployed, "node_modules/.pnpm"));
    expect(store.filter((name) => /^(tsx|typescript|@kaoping)[@+]/.test(name))).toEqual([]);
  });
});

describe.each([
  { kind: "pglite" as const, available: true },
  { kind: "postgres" as const, available: hasPostgres },
])("the deployed server on plain node ($kind)", ({ kind, available }) => {
  let store: Store | undefined;
  afterAll(async () => {
    await store?.remove();
  });

  it.skipIf(!available)(
    "seeds, is ready, serves the web app and the API, and stops on SIGTERM with exit 0",
    async () => {
      // PGlite in the bundle's default place (beside dist/), PostgreSQL in a schema of its own.
      store = kind === "postgres" ? newStore("postgres") : undefined;
      const server = await startServer(
        { ...store?.env, KAOPING_ADMIN_PASSWORD: ADMIN_PASSWORD, LOG_FORMAT: "json" },
        { deployed },
      );
      try {
        const ready = await fetch(`${server.url}/readyz`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toMatchObject({ ready: true, database: kind });
        if (kind === "pglite") expect(existsSync(join(deployed, "data/PG_VERSION"))).toBe(true);

        // The web app: its page at / and at a client-side route, and the script the page loads.
        const index = readFileSync(join(deployed, "dist/web/index.html"), "utf8");
        for (const path of ["/", "/assessments"]) {
          const page = await fetch(`${server.url}${path}`);
          expect(page.status).toBe(200);
          expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
          expect(await page.text()).toBe(index);
        }
        const script = /<script type="module" crossorigin src="([^"]+)"/.exec(index)?.[1];
        expect(script).toBeDefined();
        const asset = await fetch(`${server.url}${script}`);
        expect(asset.status).toBe(200);
        expect(asset.headers.get("content-type")).toBe("text/javascript; charset=utf-8");

        // The API, with the demo data seeded from dist/rubrics on this first start.
        const login = await trpcHttp(server.url, "auth.login", { username: "admin", password: ADMIN_PASSWORD });
        expect(login.status).toBe(200);
        const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
        const rubrics = await trpcHttp(server.url, "rubrics.list", undefined, { method: "GET", headers: { cookie } });
        expect(rubrics.status).toBe(200);
        const published = (rubrics.body.result?.data ?? []) as { key: string }[];
        expect(published.map((r) => r.key).sort()).toEqual(["enterprise_quality", "village_quality"]);
        const metrics = await fetch(`${server.url}/metrics`);
        expect(await metrics.text()).toContain("kaoping_scores_computed_total");
      } finally {
        server.child.kill("SIGTERM");
      }
      expect(await server.exited).toBe(0);
      expect(server.output()).toContain("stopped cleanly");
    },
    PROCESS_TEST_MS,
  );
});
