// Password guessing through the API: attempts are counted before the password is checked, so that
// a batch, or hundreds of calls at once, check no more passwords than the limit. The password check
// is wrapped to count how many were really checked.
import { POSTGRES_SKIP_NOTE, testDatabaseTargets } from "@kaoping/db";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { failure, setUpApi, TEST_PASSWORD, TEST_SETTINGS, type TestApi } from "../test-support.ts";
import { verifyPassword } from "./passwords.ts";

vi.mock("./passwords.ts", async (original) => {
  const real = await original<typeof import("./passwords.ts")>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const checked = vi.mocked(verifyPassword);

const GUESSES = 200;
const LIMITS = TEST_SETTINGS.throttle!;
const targets = testDatabaseTargets();
if (!targets.some((t) => t.kind === "postgres" && t.available)) console.warn(POSTGRES_SKIP_NOTE);

/** How many calls ended with each error code (OK when they succeeded). */
async function tally(calls: readonly Promise<unknown>[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const outcome of await Promise.allSettled(calls)) {
    const key = outcome.status === "fulfilled" ? "OK" : ((outcome.reason as { code?: string }).code ?? "thrown");
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe.each(targets)("password guessing on $kind", (target) => {
  let api: TestApi;
  beforeAll(async () => {
    if (target.available) api = await setUpApi(target);
  });
  afterAll(async () => {
    await api?.close();
  });
  beforeEach(() => {
    checked.mockClear();
  });

  it.skipIf(!target.available)(
    `checks ${LIMITS.accountLimit} of ${GUESSES} parallel guesses at one account`,
    async () => {
      const outcomes = await tally(
        Array.from({ length: GUESSES }, (_, i) =>
          api.as(null, { address: `10.2.${i % 250}.1` }).auth.login({ username: "policy1", password: `guess ${i}` }),
        ),
      );
      expect(checked).toHaveBeenCalledTimes(LIMITS.accountLimit);
      expect(outcomes).toEqual({ UNAUTHORIZED: LIMITS.accountLimit, TOO_MANY_REQUESTS: GUESSES - LIMITS.accountLimit });
      // Locked for the right password too, and the lock says for how long.
      const locked = await failure(
        api.as(null, { address: "10.3.0.1" }).auth.login({ username: "policy1", password: TEST_PASSWORD }),
      );
      expect(locked.code).toBe("TOO_MANY_REQUESTS");
      expect(locked.message).toMatch(/^too many wrong passwords; try again in \d+ s$/);
    },
  );

  it.skipIf(!target.available)(
    `checks ${LIMITS.addressLimit} of ${GUESSES} parallel guesses from one address at many accounts`,
    async () => {
      const outcomes = await tally(
        Array.from({ length: GUESSES }, (_, i) =>
          api.as(null, { address: "10.4.0.1" }).auth.login({ username: `sprayed${i}`, password: "123456" }),
        ),
      );
      expect(checked).toHaveBeenCalledTimes(LIMITS.addressLimit);
      expect(outcomes).toEqual({ UNAUTHORIZED: LIMITS.addressLimit, TOO_MANY_REQUESTS: GUESSES - LIMITS.addressLimit });
    },
  );

  it.skipIf(!target.available)(`checks none of ${GUESSES} guesses sent in one batch`, async () => {
    const outcomes = await tally(
      Array.from({ length: GUESSES }, (_, i) =>
        api
          .as(null, { address: "10.5.0.1", callsInRequest: GUESSES })
          .auth.login({ username: "viewer1", password: `guess ${i}` }),
      ),
    );
    expect(checked).not.toHaveBeenCalled();
    expect(outcomes).toEqual({ BAD_REQUEST: GUESSES });
    const batched = await failure(
      api
        .as("viewer", { callsInRequest: 2 })
        .auth.changePassword({ current: TEST_PASSWORD, next: "a new long password" }),
    );
    expect(batched.message).toBe("auth.changePassword must be sent on its own, not in a batch of 2 calls");
    await api.as(null, { address: "10.5.0.1" }).auth.login({ username: "viewer1", password: TEST_PASSWORD });
  });

  it.skipIf(!target.available)("throttles changePassword like login, on the same count", async () => {
    const outcomes = await tally(
      Array.from({ length: GUESSES }, (_, i) =>
        api
          .as("reviewer", { address: `10.6.${i % 250}.1` })
          .auth.changePassword({ current: `guess ${i}`, next: "a new long password" }),
      ),
    );
    expect(checked).toHaveBeenCalledTimes(LIMITS.accountLimit);
    expect(outcomes).toEqual({ BAD_REQUEST: LIMITS.accountLimit, TOO_MANY_REQUESTS: GUESSES - LIMITS.accountLimit });
    expect(
      (
        await failure(
          api.as(null, { address: "10.6.9.9" }).auth.login({ username: "reviewer1", password: TEST_PASSWORD }),
        )
      ).code,
    ).toBe("TOO_MANY_REQUESTS");
  });

  it.skipIf(!target.available)(
    "forgets an account's wrong passwords after a right one, and locks one at a time past the limit",
    async () => {
      let clock = new Date("2026-06-01T08:00:00Z");
      // A window longer than the lock, as by default: a lock can end while its window goes on.
      const throttle = { ...LIMITS, windowMs: 15 * LIMITS.lockMs, maxLockMs: 4 * LIMITS.lockMs };
      const from = (address: string) => api.as(null, { address, now: () => clock, settings: { throttle } });
      for (let i = 0; i < LIMITS.accountLimit - 1; i++) {
        expect((await failure(from("10.7.0.1").auth.login({ username: "assessor1", password: "wrong" }))).code).toBe(
          "UNAUTHORIZED",
        );
      }
      await from("10.7.0.1").auth.login({ username: "assessor1", password: TEST_PASSWORD });
      // The count started again: the limit's worth of wrong passwords before the lock.
      for (let i = 0; i < LIMITS.accountLimit; i++) {
        expect((await failure(from(`10.7.1.${i}`).auth.login({ username: "assessor1", password: "wrong" }))).code).toBe(
          "UNAUTHORIZED",
        );
      }
      expect(
        (await failure(from("10.7.2.1").auth.login({ username: "assessor1", password: TEST_PASSWORD }))).code,
      ).toBe("TOO_MANY_REQUESTS");
      // When the lock ends, one more guess is checked and the lock comes back at once.
      clock = new Date(clock.getTime() + LIMITS.lockMs + 1);
      checked.mockClear();
      const racing = await tally(
        Array.from({ length: 20 }, () => from("10.7.3.1").auth.login({ username: "assessor1", password: "wrong" })),
      );
      expect(racing).toEqual({ UNAUTHORIZED: 1, TOO_MANY_REQUESTS: 19 });
      expect(checked).toHaveBeenCalledTimes(1);
      // That lock is twice as long: half of it later, still locked.
      clock = new Date(clock.getTime() + LIMITS.lockMs + 1);
      expect(
        (await failure(from("10.7.4.1").auth.login({ username: "assessor1", password: TEST_PASSWORD }))).code,
      ).toBe("TOO_MANY_REQUESTS");
      // Once the window is over, the count starts again.
      clock = new Date(clock.getTime() + throttle.windowMs);
      await from("10.7.5.1").auth.login({ username: "assessor1", password: TEST_PASSWORD });
    },
  );
});
