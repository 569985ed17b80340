// Sessions and API tokens end when trust in them ends: a changed or reset password, a changed role,
// a disabled account, signing out everywhere, and a token's expiry. A token's last use is recorded
// to the minute, not written on every request.
import { POSTGRES_SKIP_NOTE, testDatabaseTargets, type Role } from "@kaoping/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate, createInnerContext, SESSION_COOKIE, type AuthUser } from "../context.ts";
import { failure, setUpApi, TEST_PASSWORD, type TestApi } from "../test-support.ts";

const targets = testDatabaseTargets();
if (!targets.some((t) => t.kind === "postgres" && t.available)) console.warn(POSTGRES_SKIP_NOTE);

describe.each(targets)("sessions and tokens on $kind", (target) => {
  let api: TestApi;
  let serial = 0;
  beforeAll(async () => {
    if (target.available) api = await setUpApi(target);
  });
  afterAll(async () => {
    await api?.close();
  });

  /** Who a session cookie or a token is, right now (null: no longer accepted). */
  async function who(credential: { cookie?: string; token?: string }, now = new Date()): Promise<AuthUser | null> {
    const ctx = createInnerContext({ db: api.handle.db, now: () => now });
    return authenticate(ctx, credential.token ? `Bearer ${credential.token}` : undefined, credential.cookie);
  }

  /** A fresh user with `role`, signed in twice (two sessions), with one API token. */
  async function signedInUser(role: Role): Promise<{ user: AuthUser; cookies: [string, string]; token: string }> {
    serial += 1;
    const made = await api
      .as("admin")
      .users.create({ username: `u${serial}`, displayName: `用户${serial}`, role, password: TEST_PASSWORD });
    const cookies: string[] = [];
    for (const address of ["10.8.0.1", "10.8.0.2"]) {
      let value = "";
      await api
        .as(null, { address, cookies: { set: (_n, v) => void (value = v), clear() {} } })
        .auth.login({ username: made.username, password: TEST_PASSWORD });
      cookies.push(value);
    }
    const { token } = await api.as("admin").tokens.create({ userId: made.id, name: "程序" });
    const user = await who({ cookie: cookies[0] });
    expect(user?.id).toBe(made.id);
    expect((await who({ token }))?.id).toBe(made.id);
    return { user: user!, cookies: [cookies[0]!, cookies[1]!], token };
  }

  async function allEnded(s: { cookies: [string, string]; token: string }): Promise<void> {
    expect(await who({ cookie: s.cookies[0] })).toBeNull();
    expect(await who({ cookie: s.cookies[1] })).toBeNull();
    expect(await who({ token: s.token })).toBeNull();
  }

  it.skipIf(!target.available)("ends every session and token when an admin resets the password", async () => {
    const s = await signedInUser("assessor");
    await api.as("admin").users.update({ id: s.user.id, password: "a brand new password" });
    await allEnded(s);
  });

  it.skipIf(!target.available)(
    "ends every session and token when the role changes or the account is disabled",
    async () => {
      const changed = await signedInUser("assessor");
      await api.as("admin").users.update({ id: changed.user.id, role: "reviewer" });
      await allEnded(changed);
      const disabled = await signedInUser("viewer");
      await api.as("admin").users.update({ id: disabled.user.id, disabled: true });
      await allEnded(disabled);
      // Re-enabling does not bring them back.
      await api.as("admin").users.update({ id: disabled.user.id, disabled: false });
      await allEnded(disabled);
    },
  );

  it.skipIf(!target.available)("keeps sessions and tokens when only the display name changes", async () => {
    const s = await signedInUser("viewer");
    await api.as("admin").users.update({ id: s.user.id, displayName: "新名字" });
    expect((await who({ cookie: s.cookies[1] }))?.id).toBe(s.user.id);
    expect((await who({ token: s.token }))?.id).toBe(s.user.id);
  });

  it.skipIf(!target.available)("on a password change keeps only the session that changed it", async () => {
    const s = await signedInUser("policy");
    await api.as(s.user).auth.changePassword({ current: TEST_PASSWORD, next: "another long password" });
    expect((await who({ cookie: s.cookies[0] }))?.id).toBe(s.user.id);
    expect(await who({ cookie: s.cookies[1] })).toBeNull();
    expect(await who({ token: s.token })).toBeNull();
    const [entry] = await api
      .as("admin")
      .audit.list({ entity: "user", entityId: s.user.id, procedure: "auth.changePassword" });
    expect(entry?.after).toMatchObject({ password: "(changed)", sessions: 1, tokens: 1 });
  });

  it.skipIf(!target.available)(
    "signs a user out everywhere, this session included, and clears the cookie",
    async () => {
      const s = await signedInUser("reviewer");
      const cleared: string[] = [];
      const result = await api
        .as(s.user, { cookies: { set() {}, clear: (name) => void cleared.push(name) } })
        .auth.logoutEverywhere();
      expect(result).toEqual({ ok: true, sessions: 2 });
      expect(cleared).toEqual([SESSION_COOKIE]);
      expect(await who({ cookie: s.cookies[0] })).toBeNull();
      expect(await who({ cookie: s.cookies[1] })).toBeNull();
      // API tokens are for programs and are managed by admins: they stay.
      expect((await who({ token: s.token }))?.id).toBe(s.user.id);
    },
  );

  it.skipIf(!target.available)(
    "expires tokens: the default lifetime, a chosen one, and never past the maximum",
    async () => {
      const admin = api.as("admin");
      const now = Date.now();
      const standard = await admin.tokens.create({ userId: api.users.viewer.id, name: "默认" });
      const days = (iso: string) => Math.round((Date.parse(iso) - now) / 86_400_000);
      expect(days(standard.expiresAt)).toBe(90);
      const short = await admin.tokens.create({ userId: api.users.viewer.id, name: "一天", expiresInDays: 1 });
      expect(days(short.expiresAt)).toBe(1);
      expect((await who({ token: short.token }, new Date(now + 23 * 3_600_000)))?.role).toBe("viewer");
      expect(await who({ token: short.token }, new Date(now + 25 * 3_600_000))).toBeNull();
      const tooLong = await failure(
        admin.tokens.create({ userId: api.users.viewer.id, name: "太长", expiresInDays: 366 }),
      );
      expect(tooLong.code).toBe("BAD_REQUEST");
      expect(tooLong.message).toBe("expiresInDays: a token may live at most 365 days");
      const listed = await admin.tokens.list({ userId: api.users.viewer.id });
      expect(listed.find((t) => t.id === short.id)?.expiresAt).toBe(short.expiresAt);
    },
  );

  it.skipIf(!target.available)("records a token's last use at most once a minute", async () => {
    const { id, token } = await api.as("admin").tokens.create({ userId: api.users.viewer.id, name: "计时" });
    const lastUsed = async () =>
      (
        await api.handle.db
          .selectFrom("api_token")
          .select("last_used_at")
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).last_used_at?.getTime();
    const start = Date.now();
    expect(await lastUsed()).toBeUndefined();
    await who({ token }, new Date(start));
    expect(await lastUsed()).toBe(start);
    for (let s = 1; s < 60; s += 7) await who({ token }, new Date(start + s * 1000));
    expect(await lastUsed()).toBe(start);
    await who({ token }, new Date(start + 61_000));
    expect(await lastUsed()).toBe(start + 61_000);
  });
});
