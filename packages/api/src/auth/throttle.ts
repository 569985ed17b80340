// Slows and limits wrong-password attempts, per account and per client address. State lives in
// the database so that every server process behind one PostgreSQL sees the same counts.
import { sql, type Kysely, type Database } from "@kaoping/db";

export interface ThrottleSettings {
  /** Failures allowed in the window before an account is locked. */
  readonly accountLimit: number;
  /** Failures allowed from one address (across accounts) before it is locked. */
  readonly addressLimit: number;
  /** Window in which failures add up. */
  readonly windowMs: number;
  /** First lock duration; doubles with every further failure, up to `maxLockMs`. */
  readonly lockMs: number;
  readonly maxLockMs: number;
  /** Delay added to every wrong-password answer per failure so far, up to `maxDelayMs`. */
  readonly delayPerFailureMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  accountLimit: 5,
  addressLimit: 20,
  windowMs: 15 * 60_000,
  lockMs: 60_000,
  maxLockMs: 15 * 60_000,
  delayPerFailureMs: 250,
  maxDelayMs: 2_000,
};

export function throttleKeys(username: string, address: string): { account: string; address: string } {
  return { account: `user:${username.normalize("NFC").toLowerCase()}`, address: `addr:${address}` };
}

/** The time until which any of `keys` is locked, or null when none is. */
export async function lockedUntil(db: Kysely<Database>, keys: readonly string[], now: Date): Promise<Date | null> {
  const rows = await db
    .selectFrom("login_attempt")
    .select("locked_until")
    .where("key", "in", [...keys])
    .where("locked_until", ">", now)
    .execute();
  const times = rows.map((r) => r.locked_until).filter((d): d is Date => d !== null);
  return times.length === 0 ? null : new Date(Math.max(...times.map((d) => d.getTime())));
}

/** Counts a failure against `key`; returns the failures in the current window. */
export async function recordFailure(
  db: Kysely<Database>,
  key: string,
  limit: number,
  settings: ThrottleSettings,
  now: Date,
): Promise<number> {
  const windowStart = new Date(now.getTime() - settings.windowMs);
  // One upsert, so that concurrent failures (also from other processes) all count.
  const row = await db
    .insertInto("login_attempt")
    .values({ key, failures: 1, window_started_at: now, locked_until: null })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: sql<number>`case when login_attempt.window_started_at < ${windowStart} then 1 else login_attempt.failures + 1 end`,
        window_started_at: sql<Date>`case when login_attempt.window_started_at < ${windowStart} then ${now} else login_attempt.window_started_at end`,
      }),
    )
    .returning("failures")
    .executeTakeFirstOrThrow();
  if (row.failures >= limit) {
    const lockMs = Math.min(settings.lockMs * 2 ** (row.failures - limit), settings.maxLockMs);
    await db
      .updateTable("login_attempt")
      .set({ locked_until: new Date(now.getTime() + lockMs) })
      .where("key", "=", key)
      .execute();
  }
  return row.failures;
}

/** Forgets an account's failures after a successful login. */
export async function clearFailures(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom("login_attempt").where("key", "=", key).execute();
}
