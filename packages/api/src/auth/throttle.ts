// Limits password guessing, per account and per client address. An attempt is counted before the
// password is checked, in one locked database row per key, so that concurrent or batched attempts
// (also from other server processes on one PostgreSQL) cannot check more passwords than the limit
// allows; a correct password gives the attempt back.
import type { TRPCError } from "@trpc/server";
import type { Database, Kysely } from "@kaoping/db";
import { refuse } from "../messages.ts";

export interface ThrottleSettings {
  /** Wrong passwords allowed in the window before an account is locked. */
  readonly accountLimit: number;
  /** Wrong passwords allowed from one address (across accounts) before it is locked. */
  readonly addressLimit: number;
  /** Window in which attempts add up. */
  readonly windowMs: number;
  /** First lock duration; doubles with every further attempt past the limit, up to `maxLockMs`. */
  readonly lockMs: number;
  readonly maxLockMs: number;
  /** Delay added to every wrong-password answer per attempt so far, up to `maxDelayMs`. */
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

interface Key {
  readonly key: string;
  readonly limit: number;
}

function keysFor(username: string, address: string, settings: ThrottleSettings): { account: Key; address: Key } {
  return {
    account: { key: `user:${username.normalize("NFC").toLowerCase()}`, limit: settings.accountLimit },
    address: { key: `addr:${address}`, limit: settings.addressLimit },
  };
}

/** A counted attempt: settle it once the secret has been checked. */
export interface Attempt {
  /** Attempts so far in the window (the larger of account and address), for the delay. */
  readonly count: number;
  /** The secret was right: forget the account's failures and give the address its attempt back. */
  succeeded(): Promise<void>;
  /** The secret was wrong: the attempt stays counted; wait the growing delay. */
  failed(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Counts one attempt at `username`'s secret from `address`, before the secret is checked. Refuses
 * with TOO_MANY_REQUESTS (counting nothing) while the account or the address is locked. The attempt
 * that reaches a limit locks its key at once, so that attempts racing it are refused; if its secret
 * turns out right, the lock is lifted again.
 */
export async function countAttempt(
  db: Kysely<Database>,
  username: string,
  address: string,
  settings: ThrottleSettings,
  now: Date,
): Promise<Attempt> {
  const keys = keysFor(username, address, settings);
  const counts = await db.transaction().execute(async (tx) => {
    const counted: number[] = [];
    for (const key of [keys.address, keys.account]) {
      const outcome = await bump(tx, key, settings, now);
      // Throwing rolls back the other key's count too: a refused attempt counts nothing.
      if ("lockedUntil" in outcome) throw tooMany(outcome.lockedUntil, now);
      counted.push(outcome.count);
    }
    return counted;
  });
  const count = Math.max(...counts);
  return {
    count,
    async succeeded() {
      // Address first, then account: the order countAttempt locks them in, so the two never deadlock.
      await db.transaction().execute(async (tx) => {
        await giveBack(tx, keys.address);
        await tx.deleteFrom("login_attempt").where("key", "=", keys.account.key).execute();
      });
    },
    async failed() {
      await sleep(Math.min(settings.delayPerFailureMs * count, settings.maxDelayMs));
    },
  };
}

/**
 * Adds one attempt to `key` (a new window when the old one is over) and locks the key when the
 * count reaches its limit; returns the lock's end instead when the key is locked already.
 */
async function bump(
  tx: Kysely<Database>,
  key: Key,
  settings: ThrottleSettings,
  now: Date,
): Promise<{ count: number } | { lockedUntil: Date }> {
  // The upsert takes the row's lock, so that attempts at one key queue here until this commits.
  await tx
    .insertInto("login_attempt")
    .values({ key: key.key, failures: 0, window_started_at: now, locked_until: null })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await tx
    .selectFrom("login_attempt")
    .select(["failures", "window_started_at", "locked_until"])
    .where("key", "=", key.key)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (row.locked_until && row.locked_until > now) return { lockedUntil: row.locked_until };
  const fresh = row.window_started_at.getTime() < now.getTime() - settings.windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  const lockMs = Math.min(settings.lockMs * 2 ** (failures - key.limit), settings.maxLockMs);
  await tx
    .updateTable("login_attempt")
    .set({
      failures,
      window_started_at: fresh ? now : row.window_started_at,
      locked_until: failures >= key.limit ? new Date(now.getTime() + lockMs) : null,
    })
    .where("key", "=", key.key)
    .execute();
  return { count: failures };
}

/** Takes a right answer's attempt off `key`, and the lock with it when the count falls below the limit. */
async function giveBack(tx: Kysely<Database>, key: Key): Promise<void> {
  const row = await tx
    .selectFrom("login_attempt")
    .select("failures")
    .where("key", "=", key.key)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return;
  const failures = Math.max(row.failures - 1, 0);
  await tx
    .updateTable("login_attempt")
    .set({ failures, ...(failures < key.limit ? { locked_until: null } : {}) })
    .where("key", "=", key.key)
    .execute();
}

function tooMany(until: Date, now: Date): TRPCError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return refuse("TOO_MANY_REQUESTS", "tooManyPasswords", { seconds });
}
