// Ending a user's ways in. A changed or reset password, a changed role and a disabled account all
// mean that what was signed in before may no longer be trusted: sessions end and tokens are revoked.
import type { Database, Transaction } from "@kaoping/db";

export interface Revoked {
  readonly sessions: number;
  readonly tokens: number;
}

/** Deletes `userId`'s sessions (all but `keepSession`, when given) and revokes their API tokens. */
export async function revokeAccess(
  tx: Transaction<Database>,
  userId: number,
  now: Date,
  options: { readonly keepSession?: string | undefined; readonly tokens: boolean },
): Promise<Revoked> {
  let sessions = tx.deleteFrom("user_session").where("user_id", "=", userId);
  if (options.keepSession) sessions = sessions.where("id", "!=", options.keepSession);
  const ended = await sessions.executeTakeFirst();
  const tokens = options.tokens
    ? await tx
        .updateTable("api_token")
        .set({ revoked_at: now })
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null)
        .executeTakeFirst()
    : null;
  return { sessions: Number(ended.numDeletedRows), tokens: Number(tokens?.numUpdatedRows ?? 0) };
}
