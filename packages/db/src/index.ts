// @kaoping/db: the schema, migrations and connection for PGlite or PostgreSQL.
export * from "./schema.ts";
export { migrate } from "./migrate.ts";
export { MIGRATIONS, type Migration } from "./migrations/index.ts";
export {
  openDatabase,
  databaseOptionsFromEnv,
  dropSchema,
  CONNECT_TIMEOUT_MS,
  QUERY_TIMEOUT_MARGIN_MS,
  type DatabaseHandle,
  type DatabaseKind,
  type DatabaseOptions,
  type PoolStats,
} from "./connect.ts";
export { isDatabaseUnavailable, checkReadiness, type Readiness } from "./availability.ts";
export { runAtomically, type AtomicLock, type AtomicOptions } from "./atomic.ts";
export { appendAudit, type AuditRecord } from "./audit.ts";
export { testDatabaseTargets, POSTGRES_SKIP_NOTE, type TestDatabaseTarget } from "./test-databases.ts";
export { sql, type Kysely, type Transaction } from "kysely";
