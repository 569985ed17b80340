// Opens the database: PGlite persisted in a directory by default, a PostgreSQL server through a
// pool when a URL is given. Both speak the same SQL, so the rest of the code does not care.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import { migrate } from "./migrate.ts";
import { durablePglite } from "./pglite-durable.ts";
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
  /**
   * PostgreSQL: how long one statement may run (the server cancels it), in ms; a query without an
   * answer QUERY_TIMEOUT_MARGIN_MS later (a silent network cut) is abandoned and its connection
   * dropped. Default 30 000.
   */
  readonly statementTimeoutMs?: number | undefined;
  /** Apply missing migrations before returning (default true). */
  readonly migrate?: boolean | undefined;
  /**
   * Told of connection errors that no query is waiting for (PostgreSQL dropped an idle or
   * checked-out connection). They never end the process: the pool drops that connection and makes
   * a new one when next needed. Default: ignored.
   */
  readonly onConnectionError?: ((error: Error) => void) | undefined;
}

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  /** Where the data lives, for logs: a directory or the server's host/database (no password). */
  readonly location: string;
  /** Closes the pool or PGlite cleanly (PGlite writes a clean shutdown checkpoint). */
  close(): Promise<void>;
  /** PostgreSQL's connection pool now, for metrics; null for PGlite (one connection in the process). */
  poolStats(): PoolStats | null;
}

export interface PoolStats {
  /** Connections open. */
  readonly total: number;
  /** Open and not lent to a query. */
  readonly idle: number;
  /** Queries waiting for a connection. */
  readonly waiting: number;
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
  const unlock = memory ? () => {} : lockDirectory(location);
  let client: PGlite;
  try {
    client = memory ? new PGlite() : durablePglite(location);
    await client.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: "pglite",
    location,
    poolStats: () => null,
    // Kysely's destroy closes the PGlite instance through the dialect's driver.
    close: async () => {
      try {
        await db.destroy();
      } finally {
        unlock();
      }
    },
  };
}

/**
 * PGlite is one process's database: a second process opening the same directory would corrupt
 * it. A lock file with the owner's pid refuses that clearly; a lock left by a process that no
 * longer runs (kill -9) is taken over.
 */
function lockDirectory(dir: string): () => void {
  const file = join(dir, "kaoping.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
      const owner = Number(readFileSync(file, "utf8").trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
        throw new Error(
          `the database in ${dir} is in use by process ${owner}; stop it first, or use DATABASE_URL for several servers`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`invalid schema name: ${schema}`);
  }
  const onError = reportOnce(options.onConnectionError);
  if (schema !== undefined) {
    const setup = new pg.Client({ connectionString: url });
    setup.on("error", onError);
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
  const statementTimeout = options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // A database that is away answers "unavailable" within seconds instead of holding requests
    // until the operating system gives up on the connection (minutes, on a cut network). The
    // timeout runs until the server is ready for queries, so a cut during connecting is covered.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // The server cancels a statement that runs too long (an answer, so the connection stays good);
    // the client gives up a little later when no answer comes at all: packets dropped without a
    // reset reach neither side, and TCP keep-alive would notice only after minutes.
    statement_timeout: statementTimeout,
    query_timeout: statementTimeout + QUERY_TIMEOUT_MARGIN_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  // node-postgres emits `error` when the server drops a connection (terminated backend, restart,
  // network cut); unheard, an `error` event ends the process. The pool hears it for idle clients;
  // a client checked out by a request has no listener of the pool's, so each gets its own from
  // the start. The query that was running fails and the pool replaces the broken client.
  pool.on("error", onError);
  pool.on("connect", (client) => client.on("error", onError));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: droppingTimedOut(pool) }) });
  const parsed = new URL(url);
  return {
    db,
    kind: "postgres",
    location: `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}${schema ? ` (schema ${schema})` : ""}`,
    close: () => db.destroy(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

/** How long connecting may take, up to the server being ready for queries. */
export const CONNECT_TIMEOUT_MS = 5_000;
/** How long a statement may run unless the caller says otherwise. */
const DEFAULT_STATEMENT_TIMEOUT_MS = 30_000;
/** How much longer than the statement timeout the client waits for any answer. */
export const QUERY_TIMEOUT_MARGIN_MS = 2_000;

/**
 * The pool as Kysely sees it, where a connection whose query timed out on the client is never
 * used again: node-postgres leaves the unanswered query in place, so the connection's next query
 * (Kysely's ROLLBACK, or the next request's) would wait behind it for ever. It refuses further
 * queries at once and is destroyed, not returned to the pool, when released.
 */
function droppingTimedOut(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    let broken: Error | null = null;
    const query = async (...args: unknown[]): Promise<unknown> => {
      if (broken) throw broken;
      try {
        return await (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        if (error instanceof Error && error.message === "Query read timeout") broken = error;
        throw error;
      }
    };
    return {
      query: query as PostgresPoolClient["query"],
      release: (destroy) => client.release(broken ?? destroy),
      get processID() {
        return (client as { processID?: number }).processID;
      },
    };
  };
  return {
    options: pool.options,
    connect: async () => {
      const client = await pool.connect();
      let out = wrapped.get(client);
      if (!out) {
        out = wrap(client);
        wrapped.set(client, out);
      }
      return out;
    },
    end: () => pool.end(),
  };
}

/** `listener` called once per error, though a pooled client's error reaches both the pool and the client. */
function reportOnce(listener: ((error: Error) => void) | undefined): (error: Error) => void {
  const seen = new WeakSet<Error>();
  return (error) => {
    if (seen.has(error)) return;
    seen.add(error);
    listener?.(error);
  };
}

/** Drops a schema made for a test run (PostgreSQL only). */
export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name: ${schema}`);
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {}); // A dropped connection fails the query below; it must not end the process.
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
