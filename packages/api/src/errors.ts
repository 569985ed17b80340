// Errors the routers share.
import { TRPCError } from "@trpc/server";

/** What a client is told while the database cannot be reached (HTTP 503), in both languages. */
export const DATABASE_UNAVAILABLE = "数据库暂时不可用，请稍后再试。The database is unavailable; try again in a moment.";

/** A stale write: names the current revision so that the client can reload and retry. */
export function conflict(entity: string, id: number, current: number, sent: number): TRPCError {
  return new TRPCError({
    code: "CONFLICT",
    message: `${entity} ${id} was changed by someone else: current revision is ${current}, you sent ${sent}`,
    cause: new RevisionConflict(current),
  });
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
  const plain = (code: TRPCError["code"], zh: string, en: string) =>
    new TRPCError({ code, message: `${zh} / ${en}`, cause: error });
  if (state === "23505") return plain("CONFLICT", "已有相同的记录", "a record with the same key already exists");
  if (state === "23503")
    return plain(
      "BAD_REQUEST",
      "引用的记录不存在或仍被使用",
      "a record it refers to does not exist, or is still in use",
    );
  if (state.startsWith("22") || state.startsWith("23")) {
    return plain(
      "BAD_REQUEST",
      "数据库无法保存这个值（超出范围或格式不对）",
      "a value cannot be stored (out of range or malformed)",
    );
  }
  if (state === "40001" || state === "40P01")
    return plain("CONFLICT", "与另一个修改冲突，请重试", "this clashed with another change: try again");
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: INTERNAL_MESSAGE, cause: error });
}
