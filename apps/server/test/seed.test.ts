// First start seeds the demo data, all or nothing: an admin and a demo user per role, the rubrics,
// the period and its subjects and assessments. (examples/ runs the API examples against the same.)
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { POSTGRES_SKIP_NOTE, testDatabaseTargets, type DatabaseHandle } from "@kaoping/db";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/config.ts";
import { seedIfEmpty, type SeedOutcome } from "../src/seed.ts";
import { serve, trpcHttp, type Running } from "./helpers.ts";

const RUBRICS = resolve(REPO_ROOT, "rubrics");

/** rubrics/ plus a rubric whose own test fails, so that publishing it (after the real ones) fails. */
function rubricsThatFailHalfWay(): string {
  const dir = mkdtempSync(join(tmpdir(), "kaoping-rubrics-"));
  // The files the seed reads (rubrics/examples/ is a folder of examples, not seeded).
  for (const entry of readdirSync(RUBRICS, { withFileTypes: true })) {
    if (entry.isFile()) copyFileSync(join(RUBRICS, entry.name), join(dir, entry.name));
  }
  const source = readFileSync(join(RUBRICS, "village-quality.rubric"), "utf8");
  const broken = source
    .replace("评分细则 village_quality", "评分细则 village_broken")
    .replace("总分 = 96", "总分 = 95");
  expect(broken).not.toBe(source);
  writeFileSync(join(dir, "zz-broken.rubric"), broken);
  return dir;
}

const quiet = pino({ level: "silent" });
const targets = testDatabaseTargets();
if (!targets.some((t) => t.kind === "postgres" && t.available)) console.warn(POSTGRES_SKIP_NOTE);

describe.each(targets)("first start on $kind", (target) => {
  let database: DatabaseHandle;
  let failure: unknown;
  let leftByFailure: Record<string, number>;
  let outcome: SeedOutcome;
  let running: Running;

  const counts = async () => {
    const count = async (table: "app_user" | "rubric_version" | "subject" | "period" | "assessment" | "audit_log") =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      users: await count("app_user"),
      rubrics: await count("rubric_version"),
      periods: await count("period"),
      subjects: await count("subject"),
      assessments: await count("assessment"),
      audit: await count("audit_log"),
    };
  };

  beforeAll(async () => {
    if (!target.available) return;
    database = await target.open();
    // The first try dies half way: after the users and the real rubrics, publishing the broken one.
    const failing = rubricsThatFailHalfWay();
    failure = await seedIfEmpty(database, { logger: quiet, rubricsDir: failing }).catch((error: unknown) => error);
    rmSync(failing, { recursive: true, force: true });
    leftByFailure = await counts();
    outcome = await seedIfEmpty(database, { logger: quiet, rubricsDir: RUBRICS });
    running = await serve(database);
  }, 120_000);
  afterAll(async () => {
    // Closing the app closes the database too (and drops a PostgreSQL test schema).
    await running?.app.close();
  });

  it.skipIf(!target.available)(
    "writes nothing when the first seeding fails half way, so the next start seeds whole",
    async () => {
      expect(String(failure)).toMatch(/own tests fail/);
      expect(leftByFailure).toEqual({ users: 0, rubrics: 0, periods: 0, subjects: 0, assessments: 0, audit: 0 });
      expect(outcome.seeded).toBe(true);
      expect(await counts()).toMatchObject({ users: 5, rubrics: 2, periods: 1, subjects: 32, assessments: 32 });
    },
  );

  it.skipIf(!target.available)(
    "seeds the demo data once, with an admin and one demo user per role, passwords generated",
    async () => {
      expect(outcome.accounts.map((a) => [a.username, a.role])).toEqual([
        ["admin", "admin"],
        ["policy", "policy"],
        ["assessor", "assessor"],
        ["reviewer", "reviewer"],
        ["viewer", "viewer"],
      ]);
      for (const account of outcome.accounts) expect(account.password).toMatch(/^[\w-]{16}$/);
      expect(new Set(outcome.accounts.map((a) => a.password)).size).toBe(5);
      expect(await seedIfEmpty(database, { logger: quiet, rubricsDir: RUBRICS })).toEqual({
        seeded: false,
        accounts: [],
      });
      const cookies = new Map<string, string>();
      for (const account of outcome.accounts) {
        const login = await trpcHttp(running.url, "auth.login", {
          username: account.username,
          password: account.password,
        });
        expect(login.status, account.username).toBe(200);
        const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
        cookies.set(account.username, cookie);
        const me = await trpcHttp(running.url, "auth.me", null, { method: "GET", headers: { cookie } });
        expect(me.body.result?.data).toMatchObject({ user: { username: account.username, role: account.role } });
      }
      // Each role did its own part of the seeding, so the audit log shows who does what.
      const done = await database.db
        .selectFrom("audit_log")
        .select(["actor", "procedure"])
        .distinct()
        .orderBy("procedure")
        .execute();
      const byProcedure = Object.fromEntries(done.map((d) => [d.procedure, d.actor]));
      expect(byProcedure).toMatchObject({
        "users.create": "admin",
        "rubrics.publish": "policy",
        "subjects.import": "admin",
        "assessments.saveFacts": "assessor",
        "assessments.submit": "assessor",
        "assessments.approve": "reviewer",
        "assessments.return": "reviewer",
      });
      const headers = { cookie: cookies.get("viewer")! };
      const rubrics = (await trpcHttp(running.url, "rubrics.list", null, { method: "GET", headers })).body.result
        ?.data as { key: string; published: { version: number } | null }[];
      expect(rubrics.map((r) => [r.key, r.published?.version])).toEqual([
        ["enterprise_quality", 1],
        ["village_quality", 1],
      ]);
      const periods = (await trpcHttp(running.url, "periods.list", null, { method: "GET", headers })).body.result
        ?.data as { name: string }[];
      expect(periods.map((p) => p.name)).toEqual(["2026年度"]);
      const list = (await trpcHttp(running.url, "assessments.list", { limit: 100 }, { method: "GET", headers })).body
        .result?.data as {
        rows: { subjectKind: string; status: string; total: number | null }[];
      };
      const kinds = list.rows.reduce<Record<string, number>>(
        (n, r) => ({ ...n, [r.subjectKind]: (n[r.subjectKind] ?? 0) + 1 }),
        {},
      );
      expect(kinds).toEqual({ 行政村: 12, 规模以上工业企业: 20 });
      const statuses = new Set(list.rows.map((r) => r.status));
      expect([...statuses].sort()).toEqual(["approved", "draft", "returned", "submitted"]);
      const totals = list.rows.flatMap((r) => (r.total === null ? [] : [r.total]));
      expect(new Set(totals).size).toBeGreaterThan(10);
      expect(list.rows.some((r) => r.total === null)).toBe(true);
    },
  );
});
