// Kill -9 in the middle of a burst of saves, start again: the database opens, every acknowledged
// save is there, and none is half-written (each row matches its own revision and audit entry).
// Then SIGTERM: the server stops cleanly (exit 0) and the data opens again.
import { POSTGRES_SKIP_NOTE } from "@kaoping/db";
import { afterAll, describe, expect, it } from "vitest";
import { newStore, prepare, type Store } from "./fixtures.ts";
import { trpcHttp } from "./helpers.ts";
import { startServer } from "./process.ts";

const hasPostgres = Boolean(process.env.DATABASE_URL);
if (!hasPostgres) console.warn(POSTGRES_SKIP_NOTE);

const CLIENTS = 6;

describe.each([
  { kind: "pglite" as const, available: true },
  { kind: "postgres" as const, available: hasPostgres },
])("crash safety on $kind", ({ kind, available }) => {
  const stores: Store[] = [];
  afterAll(async () => {
    for (const s of stores) await s.remove();
  });

  it.skipIf(!available)("keeps every acknowledged save across kill -9", async () => {
    const store = newStore(kind);
    stores.push(store);
    const { token, subjects } = await prepare(store, CLIENTS);
    const headers = { authorization: `Bearer ${token}` };
    const first = await startServer({ ...store.env, KAOPING_SEED: "0" });

    // Each client saves its own subject over and over; the name always names the revision it
    // creates, so a half-written row would show a name that disagrees with its revision.
    const acked = new Map<number, number>(subjects.map((id) => [id, 1]));
    let killed = false;
    let total = 0;
    const client = async (id: number, index: number) => {
      let revision = 1;
      while (!killed) {
        try {
          const r = await trpcHttp(first.url, "subjects.update", { id, revision, name: `c${index}-r${revision + 1}` }, { headers });
          if (r.status !== 200) throw new Error(`save failed: ${JSON.stringify(r.body)}`);
          revision += 1;
          acked.set(id, revision);
          total += 1;
        } catch (error) {
          if (killed) return;
          throw error;
        }
      }
    };
    const burst = Promise.all(subjects.map((id, i) => client(id, i)));
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (total >= 120) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    killed = true;
    first.child.kill("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");
    await burst;

    const second = await startServer({ ...store.env, KAOPING_SEED: "0" });
    try {
      for (const [index, id] of subjects.entries()) {
        const got = await trpcHttp(second.url, "subjects.get", { id }, { method: "GET", headers });
        const subject = got.body.result?.data as { name: string; revision: number };
        // Acknowledged saves are all there; at most one more landed whose answer was lost.
        expect(subject.revision).toBeGreaterThanOrEqual(acked.get(id)!);
        expect(subject.revision).toBeLessThanOrEqual(acked.get(id)! + 1);
        expect(subject.name).toBe(`c${index}-r${subject.revision}`);
        const audit = await trpcHttp(second.url, "audit.list", { entity: "subject", entityId: id, limit: 1 }, { method: "GET", headers });
        const [last] = audit.body.result?.data as { after: { revision: number; name: string } }[];
        expect(last?.after).toMatchObject({ revision: subject.revision, name: subject.name });
      }
    } finally {
      second.child.kill("SIGTERM");
    }
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain("stopped cleanly");
    expect(total).toBeGreaterThanOrEqual(120);
  }, 120_000);
});
