// The first schema. Migrations are append-only: never edit a migration that has shipped; add the
// next numbered file instead. Each runs inside the migrator's transaction.
import { sql, type Kysely } from "kysely";

export const name = "initial";

// One statement per entry: the extended query protocol (PGlite's and pg's with parameters)
// takes one statement at a time.
const STATEMENTS: readonly string[] = [
  `
    create table app_user (
      id integer generated always as identity primary key,
      username text not null unique,
      display_name text not null,
      role text not null check (role in ('admin', 'policy', 'assessor', 'reviewer', 'viewer')),
      password_hash text not null,
      disabled boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
  `,
  `
    create table user_session (
      id text primary key,
      user_id integer not null references app_user(id) on delete cascade,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
  `,
  `
    create index user_session_by_user on user_session(user_id);
  `,
  `
    create table api_token (
      id integer generated always as identity primary key,
      user_id integer not null references app_user(id) on delete cascade,
      name text not null,
      prefix text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
  `,
  `
    create table login_attempt (
      key text primary key,
      failures integer not null,
      window_started_at timestamptz not null,
      locked_until timestamptz
    );
  `,
  `
    create table rubric_version (
      id integer generated always as identity primary key,
      rubric_key text not null,
      version integer,
      status text not null check (status in ('draft', 'published')),
      title text not null,
      subject_kind text not null,
      effective text,
      source text not null,
      content_hash text not null,
      author_id integer references app_user(id),
      note text not null default '',
      revision integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      published_at timestamptz,
      check ((status = 'published') = (version is not null))
    );
  `,
  `
    create unique index rubric_version_number on rubric_version(rubric_key, version) where version is not null;
  `,
  `
    -- One working draft per rubric.
    create unique index rubric_version_draft on rubric_version(rubric_key) where status = 'draft';
  `,
  `
    -- A published version is what assessments were scored with: it must never change.
    create function rubric_version_frozen() returns trigger language plpgsql as $$
    begin
      if old.status = 'published' then
        raise exception 'published rubric version % cannot be changed', old.id;
      end if;
      if tg_op = 'DELETE' then return old; end if;
      return new;
    end $$;
  `,
  `
    create trigger rubric_version_frozen before update or delete on rubric_version
      for each row execute function rubric_version_frozen();
  `,
  `
    create table subject (
      id integer generated always as identity primary key,
      kind text not null,
      code text not null unique,
      name text not null,
      attributes jsonb not null default '{}',
      revision integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
  `,
  `
    create index subject_kind on subject(kind);
  `,
  `
    create table period (
      id integer generated always as identity primary key,
      code text not null unique,
      name text not null,
      starts_on text not null,
      ends_on text not null,
      created_at timestamptz not null default now()
    );
  `,
  `
    create table assessment (
      id integer generated always as identity primary key,
      subject_id integer not null references subject(id),
      period_id integer not null references period(id),
      rubric_version_id integer not null references rubric_version(id),
      facts jsonb not null default '{}',
      status text not null check (status in ('draft', 'submitted', 'approved', 'returned')),
      return_comment text,
      result jsonb,
      total numeric(16, 4),
      grade text,
      revision integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by integer references app_user(id),
      submitted_at timestamptz,
      approved_at timestamptz,
      approved_by integer references app_user(id),
      unique (subject_id, period_id)
    );
  `,
  `
    create index assessment_period on assessment(period_id, status);
  `,
  `
    create table evidence (
      id integer generated always as identity primary key,
      assessment_id integer not null references assessment(id) on delete cascade,
      item integer,
      criterion integer,
      name text not null,
      content_type text not null,
      size integer not null check (size > 0),
      sha256 text not null,
      bytes bytea not null,
      uploaded_by integer references app_user(id),
      created_at timestamptz not null default now()
    );
  `,
  `
    create index evidence_assessment on evidence(assessment_id);
  `,
  `
    create table audit_log (
      id integer generated always as identity primary key,
      at timestamptz not null default now(),
      user_id integer references app_user(id),
      actor text not null,
      procedure text not null,
      entity text not null,
      entity_id text,
      before jsonb,
      after jsonb
    );
  `,
  `
    create index audit_log_entity on audit_log(entity, entity_id);
  `,
  `
    create index audit_log_at on audit_log(at);
  `,
  `
    -- The audit log is append-only, enforced by the database and not only by the code.
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the audit log is append-only';
    end $$;
  `,
  `
    create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_append_only();
  `,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
}
