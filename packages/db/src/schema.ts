// The database's tables as Kysely types. One interface per table; `Generated` marks columns the
// database fills in. JSON columns are read as parsed values and written as JSON text, which both
// drivers (pg and PGlite) pass to a jsonb column unchanged.
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** A JSON value as stored in a jsonb column. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** jsonb: read as a value, written as JSON text (see `toJson`). */
export type JsonColumn<T extends Json = Json> = ColumnType<T, string, string>;

/** timestamptz: read as a Date; written as a Date or left to its default. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export const ROLES = ["admin", "policy", "assessor", "reviewer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ASSESSMENT_STATUSES = ["draft", "submitted", "approved", "returned"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const RUBRIC_STATUSES = ["draft", "published"] as const;
export type RubricStatus = (typeof RUBRIC_STATUSES)[number];

export interface MigrationTable {
  version: number;
  name: string;
  applied_at: Generated<Date>;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SessionTable {
  /** sha256 of the cookie value: a stolen database does not give working sessions. */
  id: string;
  user_id: number;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** First characters of the token, shown in lists so that people can tell tokens apart. */
  prefix: string;
  /** sha256 of the whole token. */
  token_hash: string;
  created_at: Generated<Date>;
  /** Written at most once a minute (see authenticate), not on every request. */
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
  /** Chosen at creation, within the API's maximum (the column defaults to 90 days); an expired token is refused. */
  expires_at: Timestamp;
}

export interface LoginAttemptTable {
  /** "user:<name>" or "addr:<address>". */
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: NullableTimestamp;
}

export interface RubricVersionTable {
  id: Generated<number>;
  /** The rubric's id as written in its header, e.g. village_quality. */
  rubric_key: string;
  /** 1, 2, … for published versions; null for the draft. */
  version: number | null;
  status: RubricStatus;
  title: string;
  subject_kind: string;
  effective: string | null;
  source: string;
  /** sha256 of the source text. */
  content_hash: string;
  author_id: number | null;
  note: string;
  revision: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  published_at: NullableTimestamp;
}

export interface SubjectTable {
  id: Generated<number>;
  kind: string;
  code: string;
  name: string;
  attributes: JsonColumn<{ [key: string]: Json }>;
  revision: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PeriodTable {
  id: Generated<number>;
  code: string;
  name: string;
  starts_on: string;
  ends_on: string;
  /** The submitter of an assessment may not approve it (on unless the office turns it off). */
  four_eyes: Generated<boolean>;
  /** Every assessor may edit every assessment of the period, not only their own. */
  open_editing: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface AssessmentTable {
  id: Generated<number>;
  subject_id: number;
  period_id: number;
  rubric_version_id: number;
  facts: JsonColumn<{ [key: string]: Json }>;
  status: AssessmentStatus;
  return_comment: string | null;
  /** The engine's result with its explanation, computed on the server; null when facts are incomplete. */
  result: JsonColumn<Json>;
  /** The total as an exact decimal string, for ranking; null when not scorable yet. */
  total: string | null;
  grade: string | null;
  revision: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  updated_by: number | null;
  submitted_at: NullableTimestamp;
  approved_at: NullableTimestamp;
  approved_by: number | null;
  /** Who opened it; with `assigned_to`, the assessors who may edit it (see the period's open_editing). */
  created_by: number | null;
  assigned_to: number | null;
  /** Who submitted it last: under four-eyes, not the one who approves it. */
  submitted_by: number | null;
}

export interface EvidenceTable {
  id: Generated<number>;
  assessment_id: number;
  item: number | null;
  criterion: number | null;
  name: string;
  content_type: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
  uploaded_by: number | null;
  created_at: Generated<Date>;
}

export interface AuditTable {
  id: Generated<number>;
  at: Generated<Date>;
  user_id: number | null;
  /** Who, as shown: the username, and the token name when a token was used. */
  actor: string;
  procedure: string;
  entity: string;
  entity_id: string | null;
  before: JsonColumn<Json>;
  after: JsonColumn<Json>;
}

export interface Database {
  kp_migration: MigrationTable;
  app_user: UserTable;
  user_session: SessionTable;
  api_token: ApiTokenTable;
  login_attempt: LoginAttemptTable;
  rubric_version: RubricVersionTable;
  subject: SubjectTable;
  period: PeriodTable;
  assessment: AssessmentTable;
  evidence: EvidenceTable;
  audit_log: AuditTable;
}

export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type RubricVersion = Selectable<RubricVersionTable>;
export type Subject = Selectable<SubjectTable>;
export type SubjectUpdate = Updateable<SubjectTable>;
export type Period = Selectable<PeriodTable>;
export type Assessment = Selectable<AssessmentTable>;
export type Evidence = Selectable<EvidenceTable>;
export type AuditEntry = Selectable<AuditTable>;
export type ApiToken = Selectable<ApiTokenTable>;

/** JSON text for a jsonb column. */
export function toJson(value: Json | undefined): string {
  return JSON.stringify(value ?? null);
}
