// Password guessing over HTTP: a tRPC batch cannot carry guesses, parallel guesses stop at the
// limit, and behind a trusted proxy a client cannot escape the per-address limit by writing its
// own X-Forwarded-For. A guess counts as checked when its answer is "wrong username or password";
// every other guess was refused before its password was looked at.
import { openDatabase, type DatabaseHandle } from "@kaoping/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, PASSWORD, serve, trpcHttp, type Running } from "./helpers.ts";

const LIMITS = {
  accountLimit: 3,
  addressLimit: 6,
  windowMs: 60_000,
  lockMs: 60_000,
  maxLockMs: 60_000,
  delayPerFailureMs: 1,
  maxDelayMs: 5,
};
const GUESSES = 200;
/** The most calls the server takes in one tRPC batch (app.ts). */
const BATCH_CAP = 50;

type Answer = { error?: { message: string; data: { code: string } } };

function tally(answers: readonly Answer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const a of answers) {
    const key = a.error ? a.error.data.code : "OK";
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe("password guessing over HTTP", () => {
  let database: DatabaseHandle;
  let running: Running;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: "memory://" });
    for (const name of ["viewer", "batch", "parallel"]) await addUser(database, name, "viewer");
    running = await serve(database, { trustedProxies: 1, settings: { throttle: LIMITS } });
  });
  afterAll(async () => {
    await running?.app.close();
  });

  /** Sends `count` logins for the account "batch" in one tRPC batch. */
  async function batchOfLogins(count: number): Promise<unknown> {
    const paths = Array.from({ length: count }, () => "auth.login").join(",");
    const body = Object.fromEntries(
      Array.from({ length: count }, (_, i) => [String(i), { username: "batch", password: `guess ${i}` }]),
    );
    const response = await fetch(`${running.url}/trpc/${paths}?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return response.json();
  }

  it(`refuses logins in a batch, one refusal per call within the batch cap (${BATCH_CAP}) and the whole request above it; no password is checked, nothing is counted`, async () => {
    const answers = (await batchOfLogins(BATCH_CAP)) as Answer[];
    expect(answers).toHaveLength(BATCH_CAP);
    expect(tally(answers)).toEqual({ BAD_REQUEST: BATCH_CAP });
    expect(answers[0]?.error?.message).toBe(`auth.login 须单独发送，不能放在含 ${BATCH_CAP} 个调用的批量请求中`);
    // Above the cap, the request is refused before any call runs.
    const whole = (await batchOfLogins(GUESSES)) as Answer;
    expect(whole.error?.data.code).toBe("BAD_REQUEST");
    expect(await database.db.selectFrom("login_attempt").selectAll().execute()).toEqual([]);
    // The account is not locked by the refused batches: the right password still signs in.
    expect((await trpcHttp(running.url, "auth.login", { username: "batch", password: PASSWORD })).status).toBe(200);
  });

  it(`checks only the account's limit of ${GUESSES} parallel guesses`, async () => {
    const answers = await Promise.all(
      Array.from({ length: GUESSES }, (_, i) =>
        trpcHttp(
          running.url,
          "auth.login",
          { username: "parallel", password: `guess ${i}` },
          { headers: { "x-forwarded-for": `198.51.100.${i % 250}` } },
        ),
      ),
    );
    expect(tally(answers.map((a) => a.body))).toEqual({
      UNAUTHORIZED: LIMITS.accountLimit,
      TOO_MANY_REQUESTS: GUESSES - LIMITS.accountLimit,
    });
    expect(answers.find((a) => a.status === 429)?.body.error?.message).toMatch(/^密码错误次数过多，请 \d+ 秒后再试$/);
  });

  it("keeps the per-address limit when the client rotates its own X-Forwarded-For entry", async () => {
    // One client (203.0.113.7, as the proxy records it) sprays many accounts, forging a new
    // address in front of the proxy's entry each time.
    const answers = [];
    for (let i = 0; i < 40; i++) {
      answers.push(
        await trpcHttp(
          running.url,
          "auth.login",
          { username: `nobody${i}`, password: "guess" },
          { headers: { "x-forwarded-for": `10.9.${i}.1, 203.0.113.7` } },
        ),
      );
    }
    expect(tally(answers.map((a) => a.body))).toEqual({
      UNAUTHORIZED: LIMITS.addressLimit,
      TOO_MANY_REQUESTS: 40 - LIMITS.addressLimit,
    });
    // Another client behind the same proxy is not affected.
    const other = await trpcHttp(
      running.url,
      "auth.login",
      { username: "viewer", password: PASSWORD },
      { headers: { "x-forwarded-for": "203.0.113.8" } },
    );
    expect(other.status).toBe(200);
  });
});
