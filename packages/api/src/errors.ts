// Errors the routers share.
import { TRPCError } from "@trpc/server";
import { entityWord, refuse, serverMessage } from "./messages.ts";

/**
 * The database cannot be reached (HTTP 503), in both languages: for the probes and plain-text
 * answers an operator reads. API errors say it in the request's language (key databaseUnavailable).
 */
export const DATABASE_UNAVAILABLE =
  serverMessage("databaseUnavailable", {}, "zh") + serverMessage("databaseUnavailable", {}, "en");

/** A stale write: names the current revision so that the client can reload and retry. */
export function conflict(entity: string, id: number, current: number, sent: number): TRPCError {
  return refuse(
    "CONFLICT",
    "revisionConflict",
    { entity: entityWord(entity), id, current, sent },
    new RevisionConflict(current),
  );
}

/** Carried as the cause of a CONFLICT so that the error shape can expose `currentRevision`. */
export class RevisionConflict extends Error {
  constructor(readonly currentRevision: number) {
    super(`current revision ${currentRevision}`);
  }
}

/** A PostgreSQL (or PGlite) error: it has a five-character SQLSTATE. */
export function isDatabaseError(error: unknown): error is Error & { code: string } {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code);
}

/** What a client is told of an error it cannot act on; the details go to the server's log. */
export const INTERNAL_MESSAGE = "服务器内部错误，已记录 / internal server error (logged on the server)";

/**
 * The plain error a client gets for a database error: its kind by SQLSTATE class, never the
 * database's own text (which names tables, columns and values).
 */
export function fromDatabaseError(error: Error & { code: string }): TRPCError {
  const state = error.code;
  if (state === "23505") return refuse("CONFLICT", "duplicateRecord", {}, error);
  if (state === "23503") return refuse("BAD_REQUEST", "referencedRecord", {}, error);
  if (state.startsWith("22") || state.startsWith("23")) return refuse("BAD_REQUEST", "valueNotStorable", {}, error);
  if (state === "40001" || state === "40P01") return refuse("CONFLICT", "clashed", {}, error);
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: INTERNAL_MESSAGE, cause: error });
}
