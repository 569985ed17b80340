import { POSTGRES_SKIP_NOTE, testDatabaseTargets } from "@kaoping/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, setUpApi, TEST_PASSWORD, type TestApi } from "./test-support.ts";

const targets = testDatabaseTargets();
if (!targets.some((t) => t.kind === "postgres" && t.available)) console.warn(POSTGRES_SKIP_NOTE);

describe.each(targets)("api basics on $kind", (target) => {
  let api: TestApi;
  beforeAll(async () => {
    if (target.available) api = await setUpApi(target);
  });
  afterAll(async () => {
    await api?.close();
  });

  it.skipIf(!target.available)("logs in with a session cookie and never returns the hash", async () => {
    const set: Record<string, string> = {};
    const caller = api.as(null, { cookies: { set: (n, v) => void (set[n] = v), clear: (n) => void delete set[n] } });
    const { user } = await caller.auth.login({ username: "viewer1", password: TEST_PASSWORD });
    expect(user.role).toBe("viewer");
    expect(JSON.stringify(user)).not.toContain("scrypt");
    expect(set.kp_session).toMatch(/^[\w-]{40,}$/);
    const stored = await api.handle.db.selectFrom("user_session").select("id").execute();
    expect(stored.map((s) => s.id)).not.toContain(set.kp_session);
  });

  it.skipIf(!target.available)("slows and then locks out wrong passwords per account", async () => {
    const caller = api.as(null, { address: "10.0.0.9" });
    for (let i = 0; i < 3; i++) {
      expect((await failure(caller.auth.login({ username: "policy1", password: "wrong" }))).code).toBe("UNAUTHORIZED");
    }
    const locked = await failure(caller.auth.login({ username: "policy1", password: TEST_PASSWORD }));
    expect(locked.code).toBe("TOO_MANY_REQUESTS");
    // Another account from another address is not affected.
    await api.as(null, { address: "10.0.0.10" }).auth.login({ username: "reviewer1", password: TEST_PASSWORD });
  });

  it.skipIf(!target.available)("refuses a stale subject update with CONFLICT naming the revision", async () => {
    const admin = api.as("admin");
    const s = await admin.subjects.create({ kind: "行政村", code: "V-001", name: "东村", attributes: {} });
    await admin.subjects.update({ id: s.id, revision: 1, name: "东村委会" });
    const stale = await failure(admin.subjects.update({ id: s.id, revision: 1, name: "西村" }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.message).toContain("current revision is 2");
    expect((await admin.subjects.get({ id: s.id })).name).toBe("东村委会");
  });

  it.skipIf(!target.available)("refuses a bad import whole, naming every failing row", async () => {
    const admin = api.as("admin");
    const before = await admin.subjects.list({ limit: 500, offset: 0 });
    const error = await failure(
      admin.subjects.import({
        rows: [
          { kind: "行政村", code: "V-100", name: "甲", attributes: {} },
          { kind: "行政村", code: "V-100", name: "乙", attributes: {} },
          { kind: "行政村", code: "V-102", name: "丙", attributes: {} },
        ],
      }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("rows.1.code");
    expect((await admin.subjects.list({ limit: 500, offset: 0 })).total).toBe(before.total);
  });

  it.skipIf(!target.available)("audits changes with who, procedure, before and after", async () => {
    const entries = await api.as("admin").audit.list({ entity: "subject", limit: 10 });
    const update = entries.find((e) => e.procedure === "subjects.update");
    expect(update?.actor).toBe("admin1");
    expect(update?.before).toMatchObject({ name: "东村", revision: 1 });
    expect(update?.after).toMatchObject({ name: "东村委会", revision: 2 });
  });
});
