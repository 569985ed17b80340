// Data that the process tests put in a database before the server starts: an admin with an API
// token and some subjects, written directly so that these tests do not depend on seeding.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashSecret, newApiToken } from "@kaoping/api";
import { dropSchema, openDatabase, type DatabaseHandle } from "@kaoping/db";

export interface Store {
  readonly kind: "pglite" | "postgres";
  /** Environment for a server process that uses this store. */
  readonly env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  remove(): Promise<void>;
}

/** A fresh on-disk PGlite directory, or a fresh schema on `url` (default DATABASE_URL). */
export function newStore(kind: "pglite" | "postgres", url = process.env.DATABASE_URL): Store {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "kaoping-crash-"));
    return {
      kind,
      env: { KAOPING_DATA_DIR: dir, DATABASE_URL: "" },
      open: () => openDatabase({ dataDir: dir }),
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!url) throw new Error("DATABASE_URL is not set");
  const schema = `kp_proc_${randomBytes(5).toString("hex")}`;
  return {
    kind,
    env: { DATABASE_URL: url, KAOPING_DB_SCHEMA: schema },
    open: () => openDatabase({ url, schema, poolSize: 2 }),
    remove: () => dropSchema(url, schema),
  };
}

/** Adds an admin with an API token and `count` subjects; returns the token and subject ids. */
export async function prepare(store: Store, count: number): Promise<{ token: string; subjects: number[] }> {
  const database = await store.open();
  try {
    const user = await database.db
      .insertInto("app_user")
      .values({ username: "admin", display_name: "admin", role: "admin", password_hash: "scrypt$x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { token, prefix } = newApiToken();
    await database.db
      .insertInto("api_token")
      .values({ user_id: user.id, name: "test", prefix, token_hash: hashSecret(token) })
      .execute();
    const subjects = await database.db
      .insertInto("subject")
      .values(
        Array.from({ length: count }, (_, i) => ({
          kind: "行政村",
          code: `C${i}`,
          name: `c${i}-r1`,
          attributes: "{}",
        })),
      )
      .returning("id")
      .execute();
    return { token, subjects: subjects.map((s) => s.id) };
  } finally {
    await database.close();
  }
}
