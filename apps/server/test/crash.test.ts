// Kill -9 in the middle of a burst of saves, start again: the database opens, every acknowledged
// save is there, and none is half-written (each row matches its own revision and audit entry).
// SIGTERM in the middle of a burst: the server stops taking requests, lets those in flight
// finish, closes the database and exits 0; the same checks hold on the next start.
import { POSTGRES_SKIP_NOTE } from "@kaoping/db";
import { afterAll, describe, expect, it } from "vitest";
import { newStore, prepare, type Store } from "./fixtures.ts";
import { trpcHttp } from "./helpers.ts";
import { checkSaves } from "./saves.ts";
import { PROCESS_TEST_MS, startServer, type ServerProcess } from "./process.ts";

const hasPostgres = Boolean(process.env.DATABASE_URL);
if (!hasPostgres) console.warn(POSTGRES_SKIP_NOTE);

const CLIENTS = 6;
const SAVES_BEFORE_SIGNAL = 120;

/**
 * Saves each subject over and over from its own client until the server goes away, then sends
 * `signal` once SAVES_BEFORE_SIGNAL saves were acknowledged. The name always names the revision
 * the save creates, so a half-written row would show a name that disagrees with its revision.
 */
async function burst(
  server: ServerProcess,
  subjects: number[],
  headers: Record<string, string>,
  signal: NodeJS.Signals,
) {
  const acked = new Map<number, number>(subjects.map((id) => [id, 1]));
  const statuses: number[] = [];
  let signalled = false;
  let total = 0;
  const client = async (id: number, index: number) => {
    let revision = 1;
    for (;;) {
      let status: number;
      try {
        status = (
          await trpcHttp(
            server.url,
            "subjects.update",
            { id, revision, name: `c${index}-r${revision + 1}` },
            { headers },
          )
        ).status;
      } catch (error) {
        // The server is gone (killed, or closed after SIGTERM): stop this client.
        if (signalled) return;
        throw error;
      }
      statuses.push(status);
      if (status !== 200) return;
      revision += 1;
      acked.set(id, revision);
      total += 1;
      if (total >= SAVES_BEFORE_SIGNAL && !signalled) {
        signalled = true;
        server.child.kill(signal);
      }
    }
  };
  await Promise.all(subjects.map((id, i) => client(id, i)));
  return { acked, statuses, total };
}

/**
 * Starts the server again on the same store: every acknowledged save is there, every row agrees
 * with itself and its audit entry, and the server then stops cleanly.
 */
async function checkAfterRestart(
  store: Store,
  subjects: number[],
  acked: Map<number, number>,
  headers: Record<string, string>,
) {
  const server = await startServer({ ...store.env, KAOPING_SEED: "0" });
  try {
    await checkSaves(server.url, subjects, acked, headers);
  } finally {
    server.child.kill("SIGTERM");
  }
  expect(await server.exited).toBe(0);
}

describe.each([
  { kind: "pglite" as const, available: true },
  { kind: "postgres" as const, available: hasPostgres },
])("crash safety on $kind", ({ kind, available }) => {
  const stores: Store[] = [];
  afterAll(async () => {
    for (const s of stores) await s.remove();
  });

  it.skipIf(!available)(
    "keeps every acknowledged save across kill -9",
    async () => {
      const store = newStore(kind);
      stores.push(store);
      const { token, subjects } = await prepare(store, CLIENTS);
      const headers = { authorization: `Bearer ${token}` };
      const first = await startServer({ ...store.env, KAOPING_SEED: "0" });
      const { acked, statuses, total } = await burst(first, subjects, headers, "SIGKILL");
      expect(await first.exited).toBe("SIGKILL");
      expect(total).toBeGreaterThanOrEqual(SAVES_BEFORE_SIGNAL);
      expect(statuses.every((s) => s === 200)).toBe(true);

      await checkAfterRestart(store, subjects, acked, headers);
    },
    PROCESS_TEST_MS,
  );

  it.skipIf(!available)(
    "finishes in-flight saves on SIGTERM, exits 0, and opens cleanly again",
    async () => {
      const store = newStore(kind);
      stores.push(store);
      const { token, subjects } = await prepare(store, CLIENTS);
      const headers = { authorization: `Bearer ${token}` };
      const first = await startServer({ ...store.env, KAOPING_SEED: "0" });
      const { acked, statuses } = await burst(first, subjects, headers, "SIGTERM");
      expect(await first.exited).toBe(0);
      expect(first.output()).toContain("stopped cleanly");
      // Requests the server had taken were answered, and answered successfully.
      expect(statuses.every((s) => s === 200)).toBe(true);

      await checkAfterRestart(store, subjects, acked, headers);
    },
    PROCESS_TEST_MS,
  );
});
