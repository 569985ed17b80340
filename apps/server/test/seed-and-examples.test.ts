// First start seeds the demo data, and the API-consumer examples (typed tRPC client with an API
// token, and curl over plain HTTP/JSON) run against it as a developer would run them.
import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { hashSecret, newApiToken } from "@kaoping/api";
import { openDatabase, type DatabaseHandle } from "@kaoping/db";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/config.ts";
import { seedIfEmpty, type SeedOutcome } from "../src/seed.ts";
import { serve, trpcHttp, type Running } from "./helpers.ts";

const run = promisify(execFile);
const EXAMPLES = resolve(REPO_ROOT, "examples");

describe("first start and the API examples", () => {
  let database: DatabaseHandle;
  let outcome: SeedOutcome;
  let running: Running;
  let token: string;

  beforeAll(async () => {
    database = await openDatabase({ dataDir: "memory://" });
    outcome = await seedIfEmpty(database, { logger: pino({ level: "silent" }), rubricsDir: resolve(REPO_ROOT, "rubrics") });
    running = await serve(database);
    const admin = await database.db.selectFrom("app_user").select("id").where("username", "=", "admin").executeTakeFirstOrThrow();
    const made = newApiToken();
    token = made.token;
    await database.db.insertInto("api_token").values({ user_id: admin.id, name: "examples", prefix: made.prefix, token_hash: hashSecret(token) }).execute();
  }, 120_000);
  afterAll(async () => {
    await running?.app.close();
  });

  it("seeds the demo data once, with a generated admin password", async () => {
    expect(outcome.seeded).toBe(true);
    expect(outcome.adminPassword).toMatch(/^[\w-]{16}$/);
    expect((await seedIfEmpty(database, { logger: pino({ level: "silent" }), rubricsDir: resolve(REPO_ROOT, "rubrics") })).seeded).toBe(false);
    const login = await trpcHttp(running.url, "auth.login", { username: "admin", password: outcome.adminPassword });
    expect(login.status).toBe(200);
    const headers = { authorization: `Bearer ${token}` };
    const rubrics = (await trpcHttp(running.url, "rubrics.list", null, { method: "GET", headers })).body.result?.data as { key: string; published: { version: number } | null }[];
    expect(rubrics.map((r) => [r.key, r.published?.version])).toEqual([
      ["enterprise_quality", 1],
      ["village_quality", 1],
    ]);
    const periods = (await trpcHttp(running.url, "periods.list", null, { method: "GET", headers })).body.result?.data as { name: string }[];
    expect(periods.map((p) => p.name)).toEqual(["2026年度"]);
    const list = (await trpcHttp(running.url, "assessments.list", { limit: 100 }, { method: "GET", headers })).body.result?.data as {
      rows: { subjectKind: string; status: string; total: number | null }[];
    };
    const kinds = list.rows.reduce<Record<string, number>>((n, r) => ({ ...n, [r.subjectKind]: (n[r.subjectKind] ?? 0) + 1 }), {});
    expect(kinds).toEqual({ 行政村: 12, 规模以上工业企业: 20 });
    const statuses = new Set(list.rows.map((r) => r.status));
    expect([...statuses].sort()).toEqual(["approved", "draft", "returned", "submitted"]);
    const totals = list.rows.flatMap((r) => (r.total === null ? [] : [r.total]));
    expect(new Set(totals).size).toBeGreaterThan(10);
    expect(list.rows.some((r) => r.total === null)).toBe(true);
  });

  it("runs the typed tRPC client example with an API token", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "typed-client.ts"], {
      cwd: EXAMPLES,
      env: { ...process.env, KAOPING_URL: running.url, KAOPING_TOKEN: token },
    });
    expect(stdout).toContain("signed in as admin (admin)");
    expect(stdout).toMatch(/2026年度: \d+ draft assessment\(s\)/);
    expect(stdout).toMatch(/saved: [\d.]+ points, revision \d+/);
    expect(stdout).toMatch(/stale save refused: CONFLICT \(current revision \d+\)/);
  });

  it("runs the curl example over plain HTTP/JSON", async () => {
    const { stdout } = await run("bash", ["curl.sh"], { cwd: EXAMPLES, env: { ...process.env, KAOPING_URL: running.url, KAOPING_TOKEN: token } });
    expect(stdout).toContain("signed in as admin");
    expect(stdout).toMatch(/preview: [\d.]+ points/);
    expect(stdout).toMatch(/saved: [\d.]+ points, revision \d+/);
    expect(stdout).toMatch(/stale save refused: HTTP 409, current revision \d+/);
  });
});
