// A refusal over HTTP is written in the language the request asks for (Accept-Language, Chinese
// by default), never as "中文 / English"; its data carries the message key and parameters for
// clients that say it in their own words.
import { openDatabase } from "@kaoping/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, PASSWORD, serve, trpcHttp, type Running } from "./helpers.ts";

const HAN = /[\u3000-\u9fff\uff00-\uffef]/;
const LATIN = /[A-Za-z]/;

describe("refusals in the request's language", () => {
  let running: Running;
  let cookie: string;
  beforeAll(async () => {
    const database = await openDatabase({ dataDir: "memory://" });
    await addUser(database, "viewer", "viewer");
    running = await serve(database);
    const login = await trpcHttp(running.url, "auth.login", { username: "viewer", password: PASSWORD });
    cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  });
  afterAll(async () => {
    await running?.app.close();
  });

  /** A viewer creating a user: refused for the role (FORBIDDEN). */
  const refusal = (language?: string) =>
    trpcHttp(
      running.url,
      "users.create",
      { username: "x1", displayName: "x", role: "viewer", password: "long enough password" },
      { headers: { cookie, ...(language ? { "accept-language": language } : {}) } },
    );

  it("says the same refusal in Chinese and in English, each without a character of the other", async () => {
    const zh = await refusal("zh-CN,zh;q=0.9");
    const en = await refusal("en-US,en;q=0.9");
    const unset = await refusal();
    expect([zh.status, en.status, unset.status]).toEqual([403, 403, 403]);
    const zhMessage = zh.body.error?.message ?? "";
    const enMessage = en.body.error?.message ?? "";
    expect(zhMessage).toBe("此操作需要以下角色之一：管理员；您的角色是只读");
    expect(zhMessage).not.toMatch(LATIN);
    expect(enMessage).toBe("this needs one of the roles admin; you are viewer");
    expect(enMessage).not.toMatch(HAN);
    expect(unset.body.error?.message).toBe(zhMessage);
    // The key and the parameters in the request's language, for the web app's catalogue.
    expect(zh.body.error?.data).toMatchObject({
      code: "FORBIDDEN",
      messageKey: "roleRequired",
      messageParams: { roles: "管理员", role: "只读" },
    });
    expect(en.body.error?.data).toMatchObject({
      messageKey: "roleRequired",
      messageParams: { roles: "admin", role: "viewer" },
    });
  });

  it("writes input errors in one language too, and leaves tRPC's own errors without a key", async () => {
    const signedOut = await trpcHttp(running.url, "auth.me", undefined, {
      method: "GET",
      headers: { "accept-language": "en" },
    });
    expect(signedOut.body.error?.message).toBe("sign in first");
    const bad = await trpcHttp(
      running.url,
      "auth.login",
      { username: "", password: "" },
      {
        headers: { "accept-language": "zh-CN" },
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error?.data).toMatchObject({ messageKey: "invalidInput" });
    expect(bad.body.error?.message).not.toContain(" / ");
    const unknown = await trpcHttp(running.url, "no.such", undefined, { method: "GET" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.data).toMatchObject({ messageKey: null, messageParams: null });
  });
});
