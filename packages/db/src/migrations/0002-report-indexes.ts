// Indexes for the questions asked at scale: a period's ranking (by total), picking the published
// rubric of a subject kind, and the audit log filtered by procedure or user.
import { sql, type Kysely } from "kysely";

export const name = "report-indexes";

const STATEMENTS: readonly string[] = [
  "create index assessment_ranking on assessment(period_id, total desc) where total is not null",
  "create index rubric_version_kind on rubric_version(subject_kind, status, published_at desc)",
  "create index audit_log_procedure on audit_log(procedure, id desc)",
  "create index audit_log_user on audit_log(user_id, id desc)",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
