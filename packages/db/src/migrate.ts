// Applies the migrations that a database lacks, all in one transaction, and records each one.
// An advisory lock serialises servers that start at the same time on one PostgreSQL database.
import { sql, type Kysely } from "kysely";
import { MIGRATIONS, type Migration } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

/** Lock key for migrations: any constant unique to this application. */
const MIGRATION_LOCK = 727_274_001;

/** Brings the schema up to date; returns the versions it applied (empty when none were missing). */
export async function migrate(db: Kysely<Database>, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(tx);
    await sql`
      create table if not exists kp_migration (
        version integer primary key,
        name text not null,
        applied_at timestamptz not null default now()
      )`.execute(tx);
    const applied = new Set((await tx.selectFrom("kp_migration").select("version").execute()).map((r) => r.version));
    const done: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await migration.up(tx as unknown as Kysely<unknown>);
      await tx.insertInto("kp_migration").values({ version: migration.version, name: migration.name }).execute();
      done.push(migration.version);
    }
    return done;
  });
}
