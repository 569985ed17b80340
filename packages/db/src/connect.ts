// Opens the database: PGlite persisted in a directory by default, a PostgreSQL server through a
// pool when a URL is given. Both speak the same SQL, so the rest of the code does not care.
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { migrate } from "./migrate.ts";
import type { Database } from "./schema.ts";

export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseOptions {
  /** postgres://… to use a server; otherwise PGlite. */
  readonly url?: string | undefined;
  /** PGlite's directory; "memory://" keeps it in memory. Default ./data. */
  readonly dataDir?: string | undefined;
  /** PostgreSQL schema to work in (tests use one per run to stay apart). Created if missing. */
  readonly schema?: string | undefined;
  /** Pool size for PostgreSQL. */
  readonly poolSize?: number | undefined;
  /** Apply missing migrations before returning (default true). */
  readonly migrate?: boolean | undefined;
}

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** Where the data lives, for logs: a directory or the server's host/database (no password). */
  readonly location: string;
  /** Closes the pool or PGlite cleanly (PGlite writes a clean shutdown checkpoint). */
  close(): Promise<void>;
}

/** Options from the environment: DATABASE_URL, KAOPING_DATA_DIR. */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  return { url: env.DATABASE_URL || undefined, dataDir: env.KAOPING_DATA_DIR || undefined };
}

/** Opens (and by default migrates) the database described by `options`. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<DatabaseHandle> {
  const handle = options.url ? await openPostgres(options.url, options) : await openPglite(options);
  if (options.migrate !== false) {
    try {
      await migrate(handle.db);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

async function openPglite(options: DatabaseOptions): Promise<DatabaseHandle> {
  const dir = options.dataDir ?? "./data";
  const memory = dir.startsWith("memory://");
  const location = memory ? dir : resolve(dir);
  if (!memory) mkdirSync(location, { recursive: true });
  const client = memory ? new PGlite() : new PGlite(location);
  await client.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: "pglite",
    location,
    // Kysely's destroy closes the PGlite instance through the dialect's driver.
    close: () => db.destroy(),
  };
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`invalid schema name: ${schema}`);
  }
  if (schema !== undefined) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`create schema if not exists ${schema}`);
    } catch (error) {
      // Two servers starting together may both try to create it; the loser sees a unique
      // violation on the catalog, and the schema is there all the same.
      if ((error as { code?: string }).code !== "23505") throw error;
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const parsed = new URL(url);
  return {
    db,
    kind: "postgres",
    location: `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}${schema ? ` (schema ${schema})` : ""}`,
    close: () => db.destroy(),
  };
}

/** Drops a schema made for a test run (PostgreSQL only). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
