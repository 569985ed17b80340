// One all-or-nothing unit of work around code that opens its own transactions. Every API
// procedure calls `db.transaction().execute(…)`, which Kysely refuses inside a transaction; the
// handle given here turns those inner transactions into savepoints, so a caller such as first-start
// seeding can run many procedures and still commit all of them or none.
import { sql, type Kysely, type Transaction } from "kysely";

/** Serialises units that must not run twice at once on one database (first-start seeding). */
export type AtomicLock = number;

export interface AtomicOptions {
  /**
   * Take this transaction-scoped advisory lock first: a second caller with the same key waits
   * until the first one commits or rolls back, then sees what it wrote.
   */
  readonly lock?: AtomicLock | undefined;
}

/**
 * Runs `work` in one transaction and commits only if it returns; if it throws, or the process dies
 * on the way, nothing it wrote is kept. Transactions that `work` opens through the handle nest as
 * savepoints (a caught inner failure rolls back only that inner part). Use the handle sequentially,
 * as one would a transaction.
 */
export async function runAtomically<DB, T>(
  db: Kysely<DB>,
  work: (db: Kysely<DB>) => Promise<T>,
  options: AtomicOptions = {},
): Promise<T> {
  return db.transaction().execute(async (tx) => {
    if (options.lock !== undefined) await sql`select pg_advisory_xact_lock(${options.lock})`.execute(tx);
    return work(nestingHandle(tx));
  });
}

/** `tx` whose `transaction()` makes a savepoint instead of failing. */
function nestingHandle<DB>(tx: Transaction<DB>): Transaction<DB> {
  let counter = 0;
  const savepoints = {
    execute: async <R>(callback: (inner: Transaction<DB>) => Promise<R>): Promise<R> => {
      counter += 1;
      const name = sql.id(`kp_nested_${counter}`);
      await sql`savepoint ${name}`.execute(tx);
      try {
        const result = await callback(handle);
        await sql`release savepoint ${name}`.execute(tx);
        return result;
      } catch (error) {
        await sql`rollback to savepoint ${name}`.execute(tx);
        throw error;
      }
    },
    // A savepoint runs with its transaction's settings; asking for others cannot be honoured.
    setIsolationLevel: () => refuse("an isolation level"),
    setAccessMode: () => refuse("an access mode"),
  };
  const handle: Transaction<DB> = new Proxy(tx, {
    get(target, property) {
      if (property === "transaction") return () => savepoints;
      // Kysely keeps its state in private fields, which only the real object can read.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return handle;
}

function refuse(what: string): never {
  throw new Error(`a nested transaction cannot set ${what}; it runs inside its outer transaction`);
}
