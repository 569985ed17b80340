// Both examples run as a developer would run them: against a server seeded as on first start,
// with an API token an admin made for the demo assessor. On PGlite, and on PostgreSQL when
// DATABASE_URL is set.
import { execFile } from "node:child_process";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { POSTGRES_SKIP_NOTE, testDatabaseTargets, type DatabaseHandle } from "@kaoping/db";
import { createApp, REPO_ROOT, seedIfEmpty, type App } from "@kaoping/server";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const ADMIN_PASSWORD = "examples-admin-password";
const quiet = pino({ level: "silent" });

const targets = testDatabaseTargets();
if (!targets.some((t) => t.kind === "postgres" && t.available)) console.warn(POSTGRES_SKIP_NOTE);

/** Calls a tRPC mutation (or with `query`, a query) over plain HTTP/JSON; fails on an error answer. */
async function call(url: string, path: string, input: unknown, headers: Record<string, string> = {}, query = false) {
  const response = query
    ? await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
    : await fetch(`${url}/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(input),
      });
  const body = (await response.json()) as { result?: { data: unknown }; error?: { message: string } };
  if (!response.ok || !body.result) throw new Error(`${path}: ${response.status} ${body.error?.message}`);
  return { data: body.result.data, cookie: (response.headers.get("set-cookie") ?? "").split(";")[0]! };
}

describe.each(targets)("the API examples on $kind", (target) => {
  let database: DatabaseHandle;
  let app: App;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    if (!target.available) return;
    database = await target.open();
    await seedIfEmpty(database, {
      logger: quiet,
      rubricsDir: resolve(REPO_ROOT, "rubrics"),
      adminPassword: ADMIN_PASSWORD,
    });
    app = createApp({ database, logger: quiet });
    const url = `http://127.0.0.1:${(await app.listen(0, "127.0.0.1")).port}`;
    // The way the README says to get a token: an admin makes one for a user, and sees it once.
    const { cookie } = await call(url, "auth.login", { username: "admin", password: ADMIN_PASSWORD });
    const users = (await call(url, "users.list", {}, { cookie }, true)).data as { id: number; username: string }[];
    const assessor = users.find((u) => u.username === "assessor")!;
    const made = (await call(url, "tokens.create", { userId: assessor.id, name: "examples" }, { cookie })).data as {
      token: string;
    };
    env = { ...process.env, KAOPING_URL: url, KAOPING_TOKEN: made.token };
  });
  afterAll(async () => {
    // Closing the app closes the database too (and drops a PostgreSQL test schema).
    await app?.close();
  });

  it.skipIf(!target.available)("runs the typed tRPC client example with an API token", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "typed-client.ts"], { cwd: HERE, env });
    expect(stdout).toContain("signed in as assessor (assessor)");
    expect(stdout).toMatch(/2026年度: \d+ draft assessment\(s\)/);
    expect(stdout).toMatch(/saved: [\d.]+ points, revision \d+/);
    expect(stdout).toMatch(/stale save refused: CONFLICT \(current revision \d+\)/);
  });

  it.skipIf(!target.available)("runs the curl example over plain HTTP/JSON", async () => {
    const { stdout } = await run("bash", ["curl.sh"], { cwd: HERE, env });
    expect(stdout).toContain("signed in as assessor");
    expect(stdout).toMatch(/preview: [\d.]+ points/);
    expect(stdout).toMatch(/saved: [\d.]+ points, revision \d+/);
    expect(stdout).toMatch(/stale save refused: HTTP 409, current revision \d+/);
  });
});
