// The findings of issue 16 §3, each over real HTTP: bad input gets a 4xx with a plain message in
// both languages, never a 500 and never the database's own words.
import { openDatabase } from "@kaoping/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, PASSWORD, serve, trpcHttp, type Running } from "./helpers.ts";

describe("input limits over HTTP", () => {
  let running: Running;
  let cookie: string;
  beforeAll(async () => {
    const database = await openDatabase({ dataDir: "memory://" });
    await addUser(database, "admin", "admin");
    running = await serve(database);
    const login = await trpcHttp(running.url, "auth.login", { username: "admin", password: PASSWORD });
    cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
  });
  afterAll(() => running?.app.close());

  const post = (path: string, body: string, type = "application/json") =>
    fetch(`${running.url}/trpc/${path}`, { method: "POST", headers: { "content-type": type, cookie }, body });

  it("refuses a NUL character, even in the login name, naming the field", async () => {
    const r = await trpcHttp(running.url, "auth.login", { username: "ad\u0000min", password: PASSWORD });
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toBe("username: 不能含有空字符（U+0000）");
    const s = await trpcHttp(
      running.url,
      "subjects.create",
      { kind: "村", code: "c1", name: "a\u0000" },
      { headers: { cookie } },
    );
    expect(s.status).toBe(400);
  });

  it("refuses a lone surrogate rather than storing a replacement character", async () => {
    const r = await post("subjects.create", '{"kind":"村","code":"c2","name":"\\ud800x"}');
    expect(r.status).toBe(400);
    expect(await r.text()).toContain("lone surrogate");
  });

  it("refuses an id beyond PostgreSQL's int4 with a 400, not the database's error", async () => {
    const r = await trpcHttp(running.url, "subjects.get", { id: 2 ** 31 }, { method: "GET", headers: { cookie } });
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toBe("id: 不能大于 2147483647");
  });

  it("refuses a 1 MB reason", async () => {
    const r = await trpcHttp(
      running.url,
      "assessments.saveFacts",
      { id: 1, revision: 1, facts: { 评分: { value: 1, reason: "理".repeat(1_000_000) } } },
      { headers: { cookie } },
    );
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toContain("最多 2000 个字符");
  });

  it("refuses deep nesting before parsing, with its own message", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const r = await post("subjects.create", `{"kind":${deep}}`);
    expect(r.status).toBe(400);
    const text = await r.text();
    expect(text).toContain("nests too deeply");
    expect(text).not.toMatch(/call stack/i);
    const shallower = await post("subjects.create", `{"kind":${"[".repeat(20)}${"]".repeat(20)}}`);
    expect(shallower.status).toBe(400);
    expect(await shallower.text()).toContain("nested too deeply (at most 16 levels)");
  });

  it("refuses bodies over the limit, bodies that are not JSON, and broken JSON", async () => {
    expect((await post("subjects.create", `{"kind":"${"x".repeat(9 * 1024 * 1024)}"}`)).status).toBe(413);
    expect((await post("subjects.create", "kind=x", "application/x-www-form-urlencoded")).status).toBe(415);
    const broken = await post("subjects.create", '{"kind":');
    expect(broken.status).toBe(400);
    expect(await broken.text()).toContain("not valid JSON");
    const bytes = await fetch(`${running.url}/trpc/subjects.create`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    });
    expect(bytes.status).toBe(400);
  });

  it("takes an empty body as no input", async () => {
    const r = await fetch(`${running.url}/trpc/auth.logout`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "",
    });
    expect(r.status).toBe(200);
  });

  it("refuses prototype keys and keys that collide once normalised", async () => {
    const proto = await post(
      "subjects.create",
      '{"kind":"村","code":"c3","name":"n","attributes":{"__proto__":{"admin":true}}}',
    );
    expect(proto.status).toBe(400);
    expect(await proto.text()).toContain('the key \\"__proto__\\" is not allowed');
    const twins = await post(
      "subjects.create",
      '{"kind":"村","code":"c4","name":"n","attributes":{"e\\u0301":1,"\\u00e9":2}}',
    );
    expect(twins.status).toBe(400);
  });

  it("stores names in NFC", async () => {
    const r = await trpcHttp(
      running.url,
      "subjects.create",
      { kind: "村", code: "c5", name: "Cafe\u0301" },
      { headers: { cookie } },
    );
    expect(r.status).toBe(200);
    expect((r.body.result!.data as { name: string }).name).toBe("Caf\u00e9");
  });
});
