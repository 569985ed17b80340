// Who owns an assessment and who submitted it (ownership checks and four-eyes approval), each
// period's policy for both, and an expiry on every API token. Existing rows are filled in from
// the audit log, which recorded every create and submit.
import { sql, type Kysely } from "kysely";

export const name = "accountability";

const STATEMENTS: readonly string[] = [
  "alter table assessment add column created_by integer references app_user(id)",
  "alter table assessment add column assigned_to integer references app_user(id)",
  "alter table assessment add column submitted_by integer references app_user(id)",
  "create index assessment_owner on assessment(created_by)",
  "create index assessment_assignee on assessment(assigned_to)",
  `
    update assessment set created_by = (
      select a.user_id from audit_log a
      where a.entity = 'assessment' and a.entity_id = assessment.id::text and a.procedure = 'assessments.create'
      order by a.id limit 1
    )
  `,
  `
    update assessment set submitted_by = (
      select a.user_id from audit_log a
      where a.entity = 'assessment' and a.entity_id = assessment.id::text and a.procedure = 'assessments.submit'
      order by a.id desc limit 1
    )
    where status in ('submitted', 'approved')
  `,
  // Four-eyes on by default; an office may turn it off for a period. Assessors edit only their own
  // assessments unless the period opens editing to every assessor.
  "alter table period add column four_eyes boolean not null default true",
  "alter table period add column open_editing boolean not null default false",
  // Tokens made before expiry existed get the default lifetime from now, rather than breaking today;
  // so does any token written without one (the API always names it).
  "alter table api_token add column expires_at timestamptz not null default now() + interval '90 days'",
  "create index api_token_by_user on api_token(user_id)",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
