// Test set-up shared by the API tests: a fresh database with one user per role, and callers that
// act as each of them (or as nobody) through `createCaller`, the same path HTTP requests take.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ROLES, type DatabaseHandle, type Role, type TestDatabaseTarget } from "@kaoping/db";
import { TRPCError } from "@trpc/server";
import { hashPassword } from "./auth/passwords.ts";
import { createInnerContext, type ApiSettings, type AuthUser, type InnerContextOptions } from "./context.ts";
import { createCaller } from "./root.ts";

export type Caller = ReturnType<typeof createCaller>;

/** What a test may set about the request: where it comes from, its cookies, batch size, clock and settings. */
export type CallerOptions = Pick<InnerContextOptions, "address" | "cookies" | "callsInRequest" | "now" | "settings">;

export interface TestApi {
  readonly handle: DatabaseHandle;
  readonly users: Record<Role, AuthUser>;
  /** A caller acting as `role` (or as another user, such as a second assessor), or as nobody when null. */
  as(role: Role | AuthUser | null, options?: CallerOptions): Caller;
  close(): Promise<void>;
}

export const TEST_PASSWORD = "correct horse battery";

/** The village rubric (Annex 1) as shipped. */
export const VILLAGE = readFileSync(resolve(import.meta.dirname, "../../../rubrics/village-quality.rubric"), "utf8");

/** READING.md's worked example (Annex 1): 109.2 points; the engine's fixture, also the rubric's own test. */
export const WORKED_EXAMPLE: Record<string, unknown> = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../../engine/test/fixtures/facts/village-worked-example.json"), "utf8"),
);

/** Fast throttle settings so that tests of the lock-out do not wait for seconds. */
export const TEST_SETTINGS: Partial<ApiSettings> = {
  throttle: {
    accountLimit: 3,
    addressLimit: 6,
    windowMs: 60_000,
    lockMs: 60_000,
    maxLockMs: 60_000,
    delayPerFailureMs: 1,
    maxDelayMs: 5,
  },
};

/** Opens a fresh database on `target` and makes one user per role. */
export async function setUpApi(target: TestDatabaseTarget): Promise<TestApi> {
  const handle = await target.open();
  const hash = await hashPassword(TEST_PASSWORD);
  const users = {} as Record<Role, AuthUser>;
  for (const role of ROLES) {
    const row = await handle.db
      .insertInto("app_user")
      .values({ username: `${role}1`, display_name: `${role} one`, role, password_hash: hash })
      .returning(["id", "username", "display_name", "role"])
      .executeTakeFirstOrThrow();
    users[role] = {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      via: "internal",
    };
  }
  return {
    handle,
    users,
    as: (role, options = {}) =>
      createCaller(
        createInnerContext({
          db: handle.db,
          dbKind: handle.kind,
          user: role === null ? null : typeof role === "string" ? users[role] : role,
          ...options,
          settings: { ...TEST_SETTINGS, ...options.settings },
        }),
      ),
    close: () => handle.close(),
  };
}

/** The error a call rejects with; fails the test when the call succeeds or throws something else. */
export async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}
