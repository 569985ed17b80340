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
