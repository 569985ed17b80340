// The databases that store and API tests run against: PGlite in memory always, and PostgreSQL
// (a fresh schema per call) when DATABASE_URL is set. Tests say so when the second is skipped.
import { randomBytes } from "node:crypto";
import { dropSchema, openDatabase, type DatabaseHandle, type DatabaseKind } from "./connect.ts";

export interface TestDatabaseTarget {
  readonly kind: DatabaseKind;
  /** Whether this target can run here; PostgreSQL needs DATABASE_URL. */
  readonly available: boolean;
  /** Opens a fresh, migrated, empty database; close() also removes it. */
  open(): Promise<DatabaseHandle>;
}

/** PGlite and PostgreSQL targets for `describe.each`; check `available` and skip with a note. */
export function testDatabaseTargets(env: NodeJS.ProcessEnv = process.env): TestDatabaseTarget[] {
  const url = env.DATABASE_URL || undefined;
  return [
    { kind: "pglite", available: true, open: () => openDatabase({ dataDir: "memory://" }) },
    {
      kind: "postgres",
      available: url !== undefined,
      open: async () => {
        if (url === undefined) throw new Error("DATABASE_URL is not set");
        const schema = `kp_test_${randomBytes(6).toString("hex")}`;
        const handle = await openDatabase({ url, schema, poolSize: 4 });
        return {
          ...handle,
          close: async () => {
            await handle.close();
            await dropSchema(url, schema);
          },
        };
      },
    },
  ];
}

/** A line for the test log when PostgreSQL is not reachable. */
export const POSTGRES_SKIP_NOTE =
  "PostgreSQL tests SKIPPED: DATABASE_URL is not set (run scripts/pg-test.sh to start a server)";
