import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAtomically } from "./atomic.ts";
import { appendAudit } from "./audit.ts";
import { openDatabase, type DatabaseHandle } from "./connect.ts";
import { migrate } from "./migrate.ts";
import { MIGRATIONS } from "./migrations/index.ts";
import { toJson } from "./schema.ts";
import { POSTGRES_SKIP_NOTE, testDatabaseTargets } from "./test-databases.ts";

const targets = testDatabaseTargets();
if (!targets.some((t) => t.kind === "postgres" && t.available)) console.warn(POSTGRES_SKIP_NOTE);

describe.each(targets)("store on $kind", (target) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    if (target.available) handle = await target.open();
  });
  afterAll(async () => {
    await handle?.close();
  });

  it.skipIf(!target.available)("records migrations and applies none twice", async () => {
    const rows = await handle.db.selectFrom("kp_migration").selectAll().execute();
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(handle.db)).toEqual([]);
  });

  it.skipIf(!target.available)("round-trips jsonb, numeric and timestamps", async () => {
    const { db } = handle;
    const subject = await db
      .insertInto("subject")
      .values({ kind: "行政村", code: "V-T1", name: "测试村", attributes: toJson({ 企业数: 40, 备注: "甲" }) })
      .returning(["id", "attributes", "created_at", "revision"])
      .executeTakeFirstOrThrow();
    expect(subject.attributes).toEqual({ 企业数: 40, 备注: "甲" });
    expect(subject.created_at).toBeInstanceOf(Date);
    expect(subject.revision).toBe(1);
  });

  it.skipIf(!target.available)("refuses to change the audit log or a published rubric", async () => {
    const { db } = handle;
    await appendAudit(db, {
      userId: null,
      actor: "system",
      procedure: "test",
      entity: "x",
      entityId: 1,
      before: null,
      after: { a: 1 },
    });
    await expect(db.updateTable("audit_log").set({ actor: "mallory" }).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("audit_log").execute()).rejects.toThrow(/append-only/);
    const published = await db
      .insertInto("rubric_version")
      .values({
        rubric_key: "r",
        version: 1,
        status: "published",
        title: "t",
        subject_kind: "行政村",
        effective: null,
        source: "s",
        content_hash: "h",
        author_id: null,
        note: "",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await expect(
      db.updateTable("rubric_version").set({ source: "changed" }).where("id", "=", published.id).execute(),
    ).rejects.toThrow(/cannot be changed/);
  });

  it.skipIf(!target.available)("a failing transaction writes nothing", async () => {
    const { db } = handle;
    await expect(
      db.transaction().execute(async (tx) => {
        await tx
          .insertInto("period")
          .values({ code: "P-X", name: "x", starts_on: "2026-01-01", ends_on: "2026-12-31" })
          .execute();
        await tx
          .insertInto("period")
          .values({ code: "P-X", name: "dup", starts_on: "2026-01-01", ends_on: "2026-12-31" })
          .execute();
      }),
    ).rejects.toThrow();
    expect(await db.selectFrom("period").selectAll().where("code", "=", "P-X").execute()).toEqual([]);
  });

  it.skipIf(!target.available)("runs code that opens its own transactions all or nothing", async () => {
    const { db } = handle;
    const period = (code: string) => ({ code, name: code, starts_on: "2026-01-01", ends_on: "2026-12-31" });
    const codes = async () =>
      (await db.selectFrom("period").select("code").where("code", "like", "A-%").orderBy("code").execute()).map(
        (r) => r.code,
      );
    // Inner transactions that committed are undone when the unit around them fails later.
    await expect(
      runAtomically(db, async (unit) => {
        await unit.transaction().execute((tx) => tx.insertInto("period").values(period("A-1")).execute());
        await unit.transaction().execute((tx) => tx.insertInto("period").values(period("A-2")).execute());
        throw new Error("died half way");
      }),
    ).rejects.toThrow("died half way");
    expect(await codes()).toEqual([]);
    // A failed inner transaction that the unit catches rolls back only itself (a savepoint), and
    // the unit still commits the rest.
    await runAtomically(db, async (unit) => {
      await unit.transaction().execute((tx) => tx.insertInto("period").values(period("A-1")).execute());
      await expect(
        unit.transaction().execute(async (tx) => {
          await tx.insertInto("period").values(period("A-3")).execute();
          await tx.insertInto("period").values(period("A-1")).execute();
        }),
      ).rejects.toThrow();
      await unit.transaction().execute((tx) => tx.insertInto("period").values(period("A-2")).execute());
    });
    expect(await codes()).toEqual(["A-1", "A-2"]);
  });

  it.skipIf(!target.available)("lets one locked unit at a time run, the next seeing what the first wrote", async () => {
    const { db } = handle;
    // Each unit reads how many there are, pauses, then adds the next: two at once without the lock
    // would both add L-0 and one would fail on the unique code.
    const next = () =>
      runAtomically(
        db,
        async (unit) => {
          const n = (await unit.selectFrom("period").select("id").where("code", "like", "L-%").execute()).length;
          await new Promise((resolve) => setTimeout(resolve, 50));
          await unit
            .insertInto("period")
            .values({ code: `L-${n}`, name: "l", starts_on: "2026-01-01", ends_on: "2026-12-31" })
            .execute();
        },
        { lock: 727_274_999 },
      );
    await Promise.all([next(), next()]);
    const rows = await db.selectFrom("period").select("code").where("code", "like", "L-%").orderBy("code").execute();
    expect(rows.map((r) => r.code)).toEqual(["L-0", "L-1"]);
  });
});

describe("migrations", () => {
  it("upgrade a database made by an older version, and roll back whole when one fails", async () => {
    const handle = await openDatabase({ dataDir: "memory://", migrate: false });
    try {
      expect(await migrate(handle.db, MIGRATIONS.slice(0, 1))).toEqual([1]);
      const failing = {
        version: 99,
        name: "broken",
        up: async () => {
          throw new Error("boom");
        },
      };
      await expect(migrate(handle.db, [...MIGRATIONS, failing])).rejects.toThrow("boom");
      // The failed run applied nothing, not even the good migration before it.
      const versions = (await handle.db.selectFrom("kp_migration").select("version").execute()).map((r) => r.version);
      expect(versions).toEqual([1]);
      expect(await migrate(handle.db)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
    } finally {
      await handle.close();
    }
  });
});

describe("migration 4 (accountability) on a database in use", () => {
  it("fills in who opened and submitted each assessment from the audit log, and gives old tokens an expiry", async () => {
    const handle = await openDatabase({ dataDir: "memory://", migrate: false });
    try {
      const { db } = handle;
      await migrate(
        db,
        MIGRATIONS.filter((m) => m.version < 4),
      );
      // Rows as version 3 wrote them (columns of migration 4 do not exist yet: plain SQL).
      await sql`insert into app_user (username, display_name, role, password_hash) values ('a', 'A', 'assessor', 'x'), ('b', 'B', 'assessor', 'x')`.execute(
        db,
      );
      await sql`insert into api_token (user_id, name, prefix, token_hash) values (1, 'old', 'kp_old', 'h')`.execute(db);
      await sql`insert into subject (kind, code, name) values ('行政村', 'S1', '一村'), ('行政村', 'S2', '二村')`.execute(
        db,
      );
      await sql`insert into period (code, name, starts_on, ends_on) values ('2026', '2026年度', '2026-01-01', '2026-12-31')`.execute(
        db,
      );
      await sql`insert into rubric_version (rubric_key, version, status, title, subject_kind, source, content_hash) values ('r', 1, 'published', 't', '行政村', 's', 'h')`.execute(
        db,
      );
      await sql`insert into assessment (subject_id, period_id, rubric_version_id, status) values (1, 1, 1, 'approved'), (2, 1, 1, 'draft')`.execute(
        db,
      );
      const step = (user: number, procedure: string, id: number) =>
        appendAudit(db, {
          userId: user,
          actor: "x",
          procedure,
          entity: "assessment",
          entityId: id,
          before: null,
          after: null,
        });
      await step(1, "assessments.create", 1);
      await step(1, "assessments.submit", 1);
      await step(2, "assessments.submit", 1); // returned and resubmitted by someone else: the last one counts
      await step(2, "assessments.create", 2);
      await step(2, "assessments.submit", 2); // then returned: a draft has no submitter
      expect(await migrate(db)).toEqual([4]);
      const rows = await db
        .selectFrom("assessment")
        .select(["id", "created_by", "submitted_by", "assigned_to"])
        .orderBy("id")
        .execute();
      expect(rows).toEqual([
        { id: 1, created_by: 1, submitted_by: 2, assigned_to: null },
        { id: 2, created_by: 2, submitted_by: null, assigned_to: null },
      ]);
      const period = await db.selectFrom("period").select(["four_eyes", "open_editing"]).executeTakeFirstOrThrow();
      expect(period).toEqual({ four_eyes: true, open_editing: false });
      const token = await db.selectFrom("api_token").select("expires_at").executeTakeFirstOrThrow();
      const days = (token.expires_at.getTime() - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(89);
      expect(days).toBeLessThanOrEqual(90);
    } finally {
      await handle.close();
    }
  });
});

describe("PGlite on disk", () => {
  const dir = mkdtempSync(join(tmpdir(), "kaoping-db-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("keeps data across close and reopen", async () => {
    const first = await openDatabase({ dataDir: dir });
    await first.db
      .insertInto("period")
      .values({ code: "2026", name: "2026年度", starts_on: "2026-01-01", ends_on: "2026-12-31" })
      .execute();
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    const rows = await second.db.selectFrom("period").select("name").execute();
    await second.close();
    expect(rows).toEqual([{ name: "2026年度" }]);
  });

  it("refuses a directory that another running process holds, and takes over a dead one's lock", async () => {
    // The lock names a live process (this test runner's parent): opening must be refused.
    writeFileSync(join(dir, "kaoping.lock"), String(process.ppid));
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by process/);
    // A pid that cannot be running: the lock is stale and is taken over.
    writeFileSync(join(dir, "kaoping.lock"), "2147483646");
    const handle = await openDatabase({ dataDir: dir });
    await handle.close();
  });
});
