// The HTTP host: cookies, tokens, health, the web app, evidence downloads, and that nothing
// leaks a password hash or a token.
import { rmSync } from "node:fs";
import { openDatabase } from "@kaoping/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, fakeWebDist, PASSWORD, serve, trpcHttp, type Running } from "./helpers.ts";

describe("HTTP host", () => {
  let running: Running;
  const web = fakeWebDist();
  beforeAll(async () => {
    const database = await openDatabase({ dataDir: "memory://" });
    await addUser(database, "admin", "admin");
    await addUser(database, "viewer", "viewer");
    running = await serve(database, { webDist: web });
  });
  afterAll(async () => {
    await running?.app.close();
    rmSync(web, { recursive: true, force: true });
  });

  it("answers the probes: live, ready, and /healthz as readiness", async () => {
    const answers = await Promise.all(
      ["/livez", "/readyz", "/healthz"].map(async (path) => {
        const response = await fetch(`${running.url}${path}`);
        return { status: response.status, body: (await response.json()) as unknown };
      }),
    );
    expect(answers).toEqual([
      { status: 200, body: { live: true } },
      { status: 200, body: { ready: true, database: "pglite" } },
      { status: 200, body: { ok: true, live: true, ready: true, database: "pglite" } },
    ]);
  });

  it("is live but not ready on a database that lacks migrations", async () => {
    const bare = await serve(await openDatabase({ dataDir: "memory://", migrate: false }));
    try {
      expect((await fetch(`${bare.url}/livez`)).status).toBe(200);
      const ready = await fetch(`${bare.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ ready: false, database: "pglite", reason: "migrations" });
    } finally {
      await bare.app.close();
    }
  });

  it("serves the web app with a fallback for client routes, and 404 for missing assets", async () => {
    const page = await fetch(`${running.url}/assessments/12`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("x-frame-options")).toBe("DENY");
    expect(await page.text()).toContain("考评");
    const asset = await fetch(`${running.url}/assets/app-abc123.js`);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await fetch(`${running.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${running.url}/..%2f..%2fetc%2fpasswd`)).status).not.toBe(500);
  });

  it("signs in with an httpOnly SameSite cookie that then authenticates", async () => {
    const login = await trpcHttp(running.url, "auth.login", { username: "viewer", password: PASSWORD });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^kp_session=[\w-]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    expect(JSON.stringify(login.body)).not.toMatch(/scrypt|password/i);
    const me = await trpcHttp(running.url, "auth.me", undefined, {
      method: "GET",
      headers: { cookie: cookie.split(";")[0]! },
    });
    expect(me.body.result!.data).toMatchObject({ user: { username: "viewer", role: "viewer" }, via: "session" });
    const logout = await trpcHttp(running.url, "auth.logout", undefined, {
      headers: { cookie: cookie.split(";")[0]! },
    });
    expect(logout.body.error).toBeUndefined();
    expect(logout.headers.get("set-cookie")).toContain("Max-Age=0");
    const after = await trpcHttp(running.url, "auth.me", undefined, {
      method: "GET",
      headers: { cookie: cookie.split(";")[0]! },
    });
    expect(after.status).toBe(401);
  });

  it("authenticates API tokens, shows them once, and stops accepting them when revoked", async () => {
    const login = await trpcHttp(running.url, "auth.login", { username: "admin", password: PASSWORD });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const users = await trpcHttp(running.url, "users.list", undefined, { method: "GET", headers: { cookie } });
    expect(JSON.stringify(users.body)).not.toMatch(/scrypt|password_hash/);
    const created = await trpcHttp(running.url, "tokens.create", { userId: 1, name: "ci" }, { headers: { cookie } });
    const { token, id } = created.body.result!.data as { token: string; id: number };
    expect(token).toMatch(/^kp_/);
    const listed = await trpcHttp(running.url, "tokens.list", undefined, { method: "GET", headers: { cookie } });
    expect(JSON.stringify(listed.body)).not.toContain(token);
    const audit = await trpcHttp(running.url, "audit.list", {}, { method: "GET", headers: { cookie } });
    expect(JSON.stringify(audit.body)).toContain("tokens.create");
    expect(JSON.stringify(audit.body)).not.toContain(token);
    expect(JSON.stringify(audit.body)).not.toMatch(/scrypt/);
    const bearer = { authorization: `Bearer ${token}` };
    const me = await trpcHttp(running.url, "auth.me", undefined, { method: "GET", headers: bearer });
    expect(me.body.result!.data).toMatchObject({ via: "token" });
    await trpcHttp(running.url, "tokens.revoke", { id }, { headers: { cookie } });
    expect((await trpcHttp(running.url, "auth.me", undefined, { method: "GET", headers: bearer })).status).toBe(401);
  });

  it("answers a malformed request with BAD_REQUEST naming every failing field", async () => {
    const login = await trpcHttp(running.url, "auth.login", { username: "admin", password: PASSWORD });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const bad = await trpcHttp(
      running.url,
      "subjects.create",
      { kind: "", code: "a b", name: 5 },
      { headers: { cookie } },
    );
    expect(bad.status).toBe(400);
    const paths = (bad.body.error!.data.issues as { path: string[] }[]).map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["kind", "code", "name"]));
    const count = await running.database.db
      .selectFrom("subject")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it("sends evidence as an attachment, never inline, and only to signed-in users", async () => {
    const { db } = running.database;
    const subject = await db
      .insertInto("subject")
      .values({ kind: "行政村", code: "V1", name: "村", attributes: "{}" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const period = await db
      .insertInto("period")
      .values({ code: "p", name: "p", starts_on: "2026-01-01", ends_on: "2026-12-31" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const rubric = await db
      .insertInto("rubric_version")
      .values({
        rubric_key: "r",
        version: null,
        status: "draft",
        title: "t",
        subject_kind: "行政村",
        effective: null,
        source: "x",
        content_hash: "h",
        author_id: null,
        note: "",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const assessment = await db
      .insertInto("assessment")
      .values({
        subject_id: subject.id,
        period_id: period.id,
        rubric_version_id: rubric.id,
        facts: "{}",
        status: "draft",
        result: "null",
        total: null,
        grade: null,
        updated_by: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const login = await trpcHttp(running.url, "auth.login", { username: "admin", password: PASSWORD });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const pdf = Buffer.from("%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF");
    const upload = (name: string, contentType: string, bytes: Buffer) =>
      trpcHttp(
        running.url,
        "evidence.upload",
        { assessmentId: assessment.id, item: 2, criterion: 2, name, contentType, dataBase64: bytes.toString("base64") },
        { headers: { cookie } },
      );
    const ok = await upload("责任状.pdf", "application/pdf", pdf);
    expect(ok.status).toBe(200);
    const { url } = ok.body.result!.data as { url: string };
    expect((await upload("page.html", "text/html", Buffer.from("<html>"))).body.error?.message).toContain(
      '".html" are not accepted',
    );
    expect((await upload("fake.pdf", "application/pdf", Buffer.from("<html>"))).body.error?.message).toContain(
      "not a .pdf file",
    );
    expect((await upload("empty.pdf", "application/pdf", Buffer.alloc(0))).body.error?.message).toContain("文件为空");
    expect(
      (await upload("big.pdf", "application/pdf", Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]))).status,
    ).toBe(400);

    expect((await fetch(`${running.url}${url}`)).status).toBe(401);
    const file = await fetch(`${running.url}${url}`, { headers: { cookie } });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toMatch(
      /^attachment; filename="__+\.pdf"; filename\*=UTF-8''%E8%B4%A3/,
    );
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await file.arrayBuffer())).toEqual(pdf);
  });
});
