// Is the database there? Two questions a server asks: whether an error means "the database is
// away" (answer 503 and let the pool reconnect) rather than "this request is wrong", and whether
// the database is ready to serve (answers, and has every migration this code expects).
import { sql, type Kysely } from "kysely";
import { MIGRATIONS } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

// Socket-level failures: the server is down, restarting, or the network between is cut.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

// SQLSTATEs that say the server, not the statement, is the problem: class 08 (connection
// exception), 57P01–57P05 (terminated by an administrator, crash or shutdown, cannot connect now,
// idle session timeout) and 53300 (too many connections).
const SERVER_STATES = /^(08...|57P0[1-5]|53300)$/;

// node-postgres reports a dropped socket and an exhausted pool with plain messages, no code.
const DRIVER_MESSAGES = [
  "Connection terminated",
  "Client has encountered a connection error",
  "timeout exceeded when trying to connect",
  "Client was closed and is not queryable",
  // No answer within the query timeout: the network is cut without a reset (connect.ts).
  "Query read timeout",
];

/**
 * Whether `error` (or what caused it) means the database could not be reached or dropped the
 * connection, so that retrying later can succeed; false for errors in the statement itself.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== "object" || error === null) return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === "string" && (NETWORK_CODES.has(code) || SERVER_STATES.test(code))) return true;
  if (typeof message === "string" && DRIVER_MESSAGES.some((m) => message.includes(m))) return true;
  // A host with several addresses fails with an AggregateError of one error per address.
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}

export type Readiness =
  | { readonly ready: true }
  | { readonly ready: false; readonly reason: "unreachable" | "migrations"; readonly detail: string };

/** Ready when the database answers and has every migration this code knows, no fewer. */
export async function checkReadiness(db: Kysely<Database>): Promise<Readiness> {
  let applied: Set<number>;
  try {
    const rows = await sql<{ version: number }>`select version from kp_migration`.execute(db);
    applied = new Set(rows.rows.map((r) => r.version));
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { ready: false, reason: "unreachable", detail: describe(error) };
    // Reachable but without the migration table: an empty or foreign database.
    if ((error as { code?: unknown }).code === "42P01") {
      return { ready: false, reason: "migrations", detail: "no migrations applied" };
    }
    throw error;
  }
  const missing = MIGRATIONS.filter((m) => !applied.has(m.version)).map((m) => m.version);
  if (missing.length > 0)
    return { ready: false, reason: "migrations", detail: `missing migrations ${missing.join(", ")}` };
  return { ready: true };
}

function describe(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const text = typeof message === "string" && message ? message : String(error);
  return typeof code === "string" ? `${code}: ${text}` : text;
}
