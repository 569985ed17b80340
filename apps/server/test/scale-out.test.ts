// Two server processes on one PostgreSQL database, the way Kaoping scales out: a save through one
// is read through the other, and a stale save across them is refused with CONFLICT naming the
// current revision, for subjects and for assessment facts. Login sessions work on both, since they
// live in the database. Two servers starting together on an empty database migrate once and seed
// once.
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
    const saved = await trpcHttp(
      a.url,
      "subjects.update",
      { id: subjectId, revision: 1, name: "经A保存" },
      { headers },
    );
    expect(saved.status).toBe(200);
    const read = await trpcHttp(b.url, "subjects.get", { id: subjectId }, { method: "GET", headers });
    expect(read.body.result!.data).toMatchObject({ name: "经A保存", revision: 2 });
  });

  it("refuses a stale save across processes with CONFLICT naming the current revision", async () => {
    const viaB = await trpcHttp(b.url, "subjects.update", { id: subjectId, revision: 2, name: "经B保存" }, { headers });
    expect(viaB.status).toBe(200);
    const staleViaA = await trpcHttp(
      a.url,
      "subjects.update",
      { id: subjectId, revision: 2, name: "过期的A" },
      { headers },
    );
    expect(staleViaA.status).toBe(409);
    expect(staleViaA.body.error?.data.code).toBe("CONFLICT");
    expect(staleViaA.body.error?.data.currentRevision).toBe(3);
    expect(staleViaA.body.error?.message).toContain("当前版本号为 3"); // zh: no Accept-Language
    const read = await trpcHttp(a.url, "subjects.get", { id: subjectId }, { method: "GET", headers });
    expect(read.body.result!.data).toMatchObject({ name: "经B保存", revision: 3 });
  });

  it("lets exactly one of two simultaneous saves through two processes win", async () => {
    const [x, y] = await Promise.all([
      trpcHttp(a.url, "subjects.update", { id: subjectId, revision: 3, name: "同时A" }, { headers }),
      trpcHttp(b.url, "subjects.update", { id: subjectId, revision: 3, name: "同时B" }, { headers }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const read = await trpcHttp(b.url, "subjects.get", { id: subjectId }, { method: "GET", headers });
    const winner = x.status === 200 ? "同时A" : "同时B";
    expect(read.body.result!.data).toMatchObject({ name: winner, revision: 4 });
  });
});

describe.skipIf(!hasPostgres)("two servers starting together on an empty PostgreSQL database", () => {
  let store: Store;
  let a: ServerProcess;
  let b: ServerProcess;
  const password = "scale-out-password";
  let target: number;

  interface Assessment {
    revision: number;
    facts: Record<string, unknown>;
    total: number | null;
  }
  const getAssessment = async (server: ServerProcess, id: number, headers: Record<string, string>) =>
    (await trpcHttp(server.url, "assessments.get", { id }, { method: "GET", headers })).body.result!.data as Assessment;
  /** Signs in as the seeded admin through A; the cookie works on B too. */
  const signIn = async () => {
    const login = await trpcHttp(a.url, "auth.login", { username: "admin", password });
    expect(login.status).toBe(200);
    return { cookie: (login.headers.get("set-cookie") ?? "").split(";")[0]! };
  };

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

  it("seeds once: one server prints the first-start accounts, the other finds them there", async () => {
    expect([a.output(), b.output()].filter((o) => o.includes("demo data seeded"))).toHaveLength(1);
    expect([a.output(), b.output()].filter((o) => o.includes("Kaoping 考评 is running at"))).toHaveLength(1);
    expect([a.output(), b.output()].filter((o) => o.includes("and sign in with your account"))).toHaveLength(1);
    // Both see the one admin and one demo user per role.
    const headers = await signIn();
    const users = (await trpcHttp(b.url, "users.list", {}, { method: "GET", headers })).body.result!.data as {
      username: string;
    }[];
    expect(users.map((u) => u.username).sort()).toEqual(["admin", "assessor", "policy", "reviewer", "viewer"]);
  });

  it("reads through one the facts saved through the other, with the score computed there", async () => {
    const headers = await signIn();
    // The session made through A works on B: sessions live in the database.
    const list = await trpcHttp(b.url, "assessments.list", { status: "draft", limit: 100 }, { method: "GET", headers });
    const rows = (list.body.result!.data as { rows: { id: number; total: number | null }[]; total: number }).rows;
    expect(rows.length).toBeGreaterThan(0);
    target = rows.find((r) => r.total !== null)!.id;
    const got = await getAssessment(b, target, headers);
    const facts = { ...got.facts, 省抽不合格数: 3 };
    const saved = await trpcHttp(
      a.url,
      "assessments.saveFacts",
      { id: target, revision: got.revision, facts },
      { headers },
    );
    expect(saved.status).toBe(200);
    const savedTotal = (saved.body.result!.data as Assessment).total;
    const readBack = await getAssessment(b, target, headers);
    expect(readBack).toMatchObject({ revision: got.revision + 1, facts, total: savedTotal });
  });

  it("refuses a stale saveFacts across processes with CONFLICT naming the current revision, and keeps the newer facts", async () => {
    const headers = await signIn();
    const current = await getAssessment(a, target, headers);
    const stale = await trpcHttp(
      b.url,
      "assessments.saveFacts",
      { id: target, revision: current.revision - 1, facts: { ...current.facts, 省抽不合格数: 0 } },
      { headers },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error?.data.code).toBe("CONFLICT");
    expect(stale.body.error?.data.currentRevision).toBe(current.revision);
    expect(stale.body.error?.message).toContain(`当前版本号为 ${current.revision}`); // zh: no Accept-Language
    expect(await getAssessment(a, target, headers)).toEqual(current);
  });

  it("lets exactly one of two simultaneous saveFacts through two processes win", async () => {
    const headers = await signIn();
    const current = await getAssessment(a, target, headers);
    const [x, y] = await Promise.all([
      trpcHttp(
        a.url,
        "assessments.saveFacts",
        { id: target, revision: current.revision, facts: { ...current.facts, 省抽不合格数: 1 } },
        { headers },
      ),
      trpcHttp(
        b.url,
        "assessments.saveFacts",
        { id: target, revision: current.revision, facts: { ...current.facts, 省抽不合格数: 2 } },
        { headers },
      ),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const loser = x.status === 409 ? x : y;
    expect(loser.body.error?.data.currentRevision).toBe(current.revision + 1);
    const after = await getAssessment(b, target, headers);
    expect(after.revision).toBe(current.revision + 1);
    expect(after.facts.省抽不合格数).toBe(x.status === 200 ? 1 : 2);
  });
});
