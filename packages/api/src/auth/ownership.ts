// Ownership on top of roles. The role says what kind of thing a user may do; for an assessment's
// facts and evidence it must also be theirs: an assessor edits an assessment they opened or that is
// assigned to them, unless its period opens editing to every assessor. Admins may edit any.
//
// The check runs inside the transaction that writes, on the locked row (FOR UPDATE of the
// assessment, FOR SHARE of its period): a reassignment or a period change committed while the
// write is under way waits for it or is seen by it, never slips between the check and the write.
import type { Database, Transaction } from "@kaoping/db";
import type { AuthUser } from "../context.ts";
import { refuse } from "../messages.ts";

/**
 * Refuses (FORBIDDEN) unless `user` may change assessment `id`; NOT_FOUND when there is none. Call
 * it first in the transaction that writes: it locks the assessment until that transaction ends.
 */
export async function assertMayEdit(tx: Transaction<Database>, user: AuthUser, id: number): Promise<void> {
  const row = await tx
    .selectFrom("assessment")
    .innerJoin("period", "period.id", "assessment.period_id")
    .select(["assessment.created_by", "assessment.assigned_to", "period.open_editing", "period.name"])
    .where("assessment.id", "=", id)
    .forUpdate("assessment")
    .forShare("period")
    .executeTakeFirst();
  if (!row) throw refuse("NOT_FOUND", "assessmentNotFound", { id });
  if (user.role === "admin" || row.open_editing || row.created_by === user.id || row.assigned_to === user.id) return;
  throw refuse("FORBIDDEN", "notYourAssessment", { id, period: row.name });
}

/**
 * Refuses (FORBIDDEN) when four-eyes applies to assessment `id` and `user` submitted it: the one
 * who submits does not approve, whatever their role, unless the period turned four-eyes off.
 * Returns who submitted it, for the audit entry.
 */
export async function assertSecondPair(
  tx: Transaction<Database>,
  user: AuthUser,
  id: number,
): Promise<{ id: number; username: string } | null> {
  const row = await tx
    .selectFrom("assessment")
    .innerJoin("period", "period.id", "assessment.period_id")
    .leftJoin("app_user as submitter", "submitter.id", "assessment.submitted_by")
    .select(["assessment.submitted_by", "submitter.username", "period.four_eyes", "period.name"])
    .where("assessment.id", "=", id)
    .forUpdate("assessment")
    .forShare("period")
    .executeTakeFirst();
  if (!row) throw refuse("NOT_FOUND", "assessmentNotFound", { id });
  if (row.four_eyes && row.submitted_by === user.id) {
    throw refuse("FORBIDDEN", "fourEyes", { id, period: row.name });
  }
  return row.submitted_by !== null && row.username !== null ? { id: row.submitted_by, username: row.username } : null;
}
