// Two server processes on one PostgreSQL database, the way Kaoping scales out: a save through one
// is read through the other, and a stale save across them is refused with CONFLICT. Login
// sessions work on both, since they live in the database. Two servers starting together on an
// empty database migrate once and seed once.
import { POSTGRES_SKIP_NOTE } from "@kaoping/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newStore, prepare, type Store } from "./fixtures.ts";
import { trpcHttp } from "./helpers.ts";
import { startServer, type ServerProcess } from "./process.ts";

const hasPostgres = Boolean(process.env.DATABASE_URL);
if (!hasPostgres) console.warn(POSTGRES_SKIP_NOTE);

describe.skipIf(!hasPostgres)("two servers on one PostgreSQL", () => {
  let store: Store;
  let a: ServerProcess;
  let b: ServerProcess;
  let headers: Record<string, string>;
  let subjectId: number;

  beforeAll(async () => {
    store = newStore("postgres");
    const prepared = await prepare(store, 1);
    headers = { authorization: `Bearer ${prepared.token}` };
    subjectId = prepared.subjects[0]!;
    [a, b] = await Promise.all([
      startServer({ ...store.env, KAOPING_SEED: "0" }),
      startServer({ ...store.env, KAOPING_SEED: "0" }),
    ]);
  }, 120_000);

  afterAll(async () => {
    a?.child.kill("SIGTERM");
    b?.child.kill("SIGTERM");
    await Promise.all([a?.exited, b?.exited]);
    await store?.remove();
  });

  it("reads through one what was saved through the other", async () => {
    expect(a.child.pid).not.toBe(b.child.pid);
    const saved = await trpcHttp(a.url, "subjects.update", { id: subjectId, revision: 1, name: "经A保存" }, { headers });
    expect(saved.status).toBe(200);
    const read = await trpcHttp(b.url, "subjects.get", { id: subjectId }, { method: "GET", headers });
    expect(read.body.result?.data).toMatchObject({ name: "经A保存", revision: 2 });
  });

  it("refuses a stale save across processes with CONFLICT naming the current revision", async () => {
    const viaB = await trpcHttp(b.url, "subjects.update", { id: subjectId, revision: 2, name: "经B保存" }, { headers });
    expect(viaB.status).toBe(200);
    const staleViaA = await trpcHttp(a.url, "subjects.update", { id: subjectId, revision: 2, name: "过期的A" }, { headers });
    expect(staleViaA.status).toBe(409);
    expect(staleViaA.body.error?.data.code).toBe("CONFLICT");
    expect(staleViaA.body.error?.data.currentRevision).toBe(3);
    expect(staleViaA.body.error?.message).toContain("current revision is 3");
    const read = await trpcHttp(a.url, "subjects.get", { id: subjectId }, { method: "GET", headers });
    expect(read.body.result?.data).toMatchObject({ name: "经B保存", revision: 3 });
  });

  it("lets exactly one of two simultaneous saves through two processes win", async () => {
    const [x, y] = await Promise.all([
      trpcHttp(a.url, "subjects.update", { id: subjectId, revision: 3, name: "同时A" }, { headers }),
      trpcHttp(b.url, "subjects.update", { id: subjectId, revision: 3, name: "同时B" }, { headers }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const read = await trpcHttp(b.url, "subjects.get", { id: subjectId }, { method: "GET", headers });
    const winner = x.status === 200 ? "同时A" : "同时B";
    expect(read.body.result?.data).toMatchObject({ name: winner, revision: 4 });
  });
});

describe.skipIf(!hasPostgres)("two servers starting together on an empty PostgreSQL database", () => {
  let store: Store;
  let a: ServerProcess;
  let b: ServerProcess;
  const password = "scale-out-password";

  beforeAll(async () => {
    store = newStore("postgres");
    // Both migrate and try to seed at once: one seeds, the other waits for the migration lock
    // and finds the data there.
    [a, b] = await Promise.all([
      startServer({ ...store.env, KAOPING_ADMIN_PASSWORD: password }),
      startServer({ ...store.env, KAOPING_ADMIN_PASSWORD: password }),
    ]);
  }, 180_000);

  afterAll(async () => {
    a?.child.kill("SIGTERM");
    b?.child.kill("SIGTERM");
    await Promise.all([a?.exited, b?.exited]);
    await store?.remove();
  });

  it("seeds once, and assessment saves cross processes with CONFLICT on a stale revision", async () => {
    expect([a.output(), b.output()].filter((o) => o.includes("demo data seeded"))).toHaveLength(1);
    const login = await trpcHttp(a.url, "auth.login", { username: "admin", password });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const headers = { cookie };
    // The session made through A works on B: sessions live in the database.
    const list = await trpcHttp(b.url, "assessments.list", { status: "draft", limit: 100 }, { method: "GET", headers });
    const rows = (list.body.result?.data as { rows: { id: number; total: number | null }[]; total: number }).rows;
    expect(rows.length).toBeGreaterThan(0);
    const target = rows.find((r) => r.total !== null)!;
    const got = (await trpcHttp(b.url, "assessments.get", { id: target.id }, { method: "GET", headers })).body.result?.data as {
      revision: number;
      facts: Record<string, unknown>;
    };
    const facts = { ...got.facts, 省抽不合格数: 3 };
    const saved = await trpcHttp(a.url, "assessments.saveFacts", { id: target.id, revision: got.revision, facts }, { headers });
    expect(saved.status).toBe(200);
    const readBack = (await trpcHttp(b.url, "assessments.get", { id: target.id }, { method: "GET", headers })).body.result?.data as {
      revision: number;
      facts: Record<string, unknown>;
    };
    expect(readBack.revision).toBe(got.revision + 1);
    expect(readBack.facts).toEqual(facts);
    const stale = await trpcHttp(b.url, "assessments.saveFacts", { id: target.id, revision: got.revision, facts: got.facts }, { headers });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.data.currentRevision).toBe(got.revision + 1);
  });
});
