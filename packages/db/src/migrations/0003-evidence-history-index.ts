// An assessment's history also lists its evidence files, whose audit entries are keyed by the file
// and name the assessment inside the recorded row: index that, so a history read does not scan
// every evidence entry ever written.
import { sql, type Kysely } from "kysely";

export const name = "evidence-history-index";

const STATEMENTS: readonly string[] = [
  "create index audit_log_evidence_added on audit_log ((after->>'assessmentId')) where entity = 'evidence'",
  "create index audit_log_evidence_removed on audit_log ((before->>'assessmentId')) where entity = 'evidence'",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
