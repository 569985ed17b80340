// The database goes away under load: every backend of the server is terminated, and PostgreSQL is
// stopped for a while and started again. The server process never exits; while the database is
// away it answers 503 with a plain message (not 500, not a hang) and /readyz says not ready while
// /livez stays alive; it reconnects by itself and serves again; and every acknowledged save is
// stored. These tests run on a private PostgreSQL server (scripts/pg-test.sh instance), so that
// stopping it does not disturb other tests on the shared one.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { DATABASE_UNAVAILABLE, serverMessage } from "@kaoping/api";
import { openDatabase, POSTGRES_SKIP_NOTE, sql } from "@kaoping/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newStore, prepare } from "./fixtures.ts";
import { REPO_ROOT } from "../src/config.ts";
import { trpcHttp } from "./helpers.ts";
import { PROCESS_TEST_MS, startServer, type ServerProcess } from "./process.ts";
import { checkSaves } from "./saves.ts";

/** The 503 of an API call without Accept-Language: in Chinese (the probes say it in both). */
const UNAVAILABLE_ZH = serverMessage("databaseUnavailable", {}, "zh");

// A private server needs PostgreSQL's programs and root (pg-test.sh runs them as postgres);
// DATABASE_URL says the PostgreSQL tests were asked for (scripts/pg-test.sh run).
const available = Boolean(process.env.DATABASE_URL) && process.getuid?.() === 0;
if (!available) console.warn(`${POSTGRES_SKIP_NOTE} (the fault tests also need root for a private server)`);

const CLIENTS = 4;
/** Saves acknowledged before the fault, and again after it, to show the server serves. */
const SAVES_AROUND_FAULT = 30;
/** No answer in this long counts as a hang (the pool gives up connecting after 5 s). */
const HANG_MS = 10_000;

interface Load {
  readonly acked: Map<number, number>;
  /** Every answer's status, and "hang" or "no answer" (the process gone) for those without. */
  readonly outcomes: (number | string)[];
  /** Bodies of the 503 answers. */
  readonly unavailableMessages: string[];
  /** Saves acknowledged so far. */
  saves(): number;
  /** Whether some answer was neither 200, 503 nor 409, or there was none. */
  failed(): boolean;
  stop(): Promise<void>;
}

/**
 * One client per subject saving it over and over. A 503 is retried after a pause; a CONFLICT
 * means a save whose answer was lost did land, so the client goes on from the revision it names.
 */
function startLoad(server: ServerProcess, subjects: number[], headers: Record<string, string>): Load {
  const acked = new Map<number, number>(subjects.map((id) => [id, 1]));
  const outcomes: (number | string)[] = [];
  const unavailableMessages: string[] = [];
  let total = 0;
  let running = true;
  const client = async (id: number, index: number) => {
    let revision = acked.get(id)!;
    while (running) {
      let answer: Awaited<ReturnType<typeof trpcHttp>>;
      try {
        answer = await trpcHttp(
          server.url,
          "subjects.update",
          { id, revision, name: `c${index}-r${revision + 1}` },
          {
            headers,
            signal: AbortSignal.timeout(HANG_MS),
          },
        );
      } catch (error) {
        outcomes.push((error as Error).name === "TimeoutError" ? "hang" : "no answer");
        return;
      }
      outcomes.push(answer.status);
      if (answer.status === 200) {
        revision += 1;
        acked.set(id, revision);
        total += 1;
      } else if (answer.status === 503) {
        unavailableMessages.push(answer.body.error?.message ?? "");
        await new Promise((r) => setTimeout(r, 50));
      } else if (answer.status === 409 && typeof answer.body.error?.data.currentRevision === "number") {
        revision = answer.body.error.data.currentRevision;
      } else {
        return; // Anything else is a failure the test reports through `outcomes`.
      }
    }
  };
  const clients = Promise.all(subjects.map((id, i) => client(id, i)));
  return {
    acked,
    outcomes,
    unavailableMessages,
    saves: () => total,
    failed: () => outcomes.some((o) => o !== 200 && o !== 503 && o !== 409),
    stop: async () => {
      running = false;
      await clients;
    },
  };
}

async function until(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function probe(server: ServerProcess, path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(HANG_MS) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.skipIf(!available)("the database goes away under load (PostgreSQL)", () => {
  const dataDir = `/tmp/kaoping-pg-fault-${randomBytes(4).toString("hex")}`;
  const instance = async (action: string) =>
    (await promisify(execFile)(resolve(REPO_ROOT, "scripts/pg-test.sh"), ["instance", action, dataDir])).stdout.trim();
  let url: string;

  beforeAll(async () => {
    url = await instance("start");
  });
  afterAll(async () => {
    await instance("remove");
  });

  /** A server on a fresh schema with CLIENTS subjects, under load until SAVES_AROUND_FAULT saves. */
  async function serverUnderLoad() {
    const store = newStore("postgres", url);
    const { token, subjects } = await prepare(store, CLIENTS);
    const headers = { authorization: `Bearer ${token}` };
    const server = await startServer({ ...store.env, KAOPING_SEED: "0" });
    const load = startLoad(server, subjects, headers);
    await until(`${SAVES_AROUND_FAULT} saves before the fault`, () => load.saves() >= SAVES_AROUND_FAULT);
    return { store, server, load, subjects, headers };
  }

  /** Load goes on until it saved SAVES_AROUND_FAULT more; then the checks every fault shares. */
  async function expectRecovered(setup: Awaited<ReturnType<typeof serverUnderLoad>>, savesAtFault: number) {
    const { store, server, load, subjects, headers } = setup;
    try {
      await until("saves after the fault", () => load.saves() >= savesAtFault + SAVES_AROUND_FAULT || load.failed());
      await load.stop();
      expect(server.child.exitCode).toBeNull();
      // 200, 503 while the database was away, 409 after a save whose answer was lost: nothing else.
      expect(load.outcomes.filter((o) => o !== 200 && o !== 503 && o !== 409)).toEqual([]);
      expect(new Set(load.unavailableMessages)).toEqual(
        new Set(load.unavailableMessages.length ? [UNAVAILABLE_ZH] : []),
      );
      expect(load.saves()).toBeGreaterThanOrEqual(savesAtFault + SAVES_AROUND_FAULT);
      await checkSaves(server.url, subjects, load.acked, headers);
      expect((await probe(server, "/readyz")).status).toBe(200);
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
    } finally {
      await load.stop();
      server.child.kill("SIGKILL"); // Only if a check above failed; a process that exited ignores it.
      await server.exited;
      await store.remove();
    }
  }

  it(
    "survives every backend being terminated, again and again, and loses no acknowledged save",
    async () => {
      const setup = await serverUnderLoad();
      const admin = await openDatabase({ url, migrate: false, poolSize: 1 });
      let terminated = 0;
      try {
        for (let round = 0; round < 5; round++) {
          const result = await sql<{ done: boolean }>`
          select pg_terminate_backend(pid) as done from pg_stat_activity
          where backend_type = 'client backend' and pid <> pg_backend_pid()`.execute(admin.db);
          terminated += result.rows.filter((r) => r.done).length;
          await new Promise((r) => setTimeout(r, 150));
        }
      } finally {
        await admin.close();
      }
      expect(terminated).toBeGreaterThan(0);
      await expectRecovered(setup, setup.load.saves());
    },
    PROCESS_TEST_MS,
  );

  it(
    "answers 503 while PostgreSQL is stopped, is live but not ready, and serves again once it is back",
    async () => {
      const setup = await serverUnderLoad();
      const { server, load } = setup;
      const unavailableBefore = load.unavailableMessages.length;
      await instance("down");
      let savesAtFault: number;
      try {
        await until("a save answered 503", () => load.unavailableMessages.length > unavailableBefore);
        // Saves the server committed before it lost the database have all been answered by now.
        savesAtFault = load.saves();
        const live = await probe(server, "/livez");
        expect(live).toEqual({ status: 200, body: { live: true } });
        const ready = await probe(server, "/readyz");
        expect(ready.status).toBe(503);
        expect(ready.body).toMatchObject({ ready: false, reason: "unreachable", message: DATABASE_UNAVAILABLE });
        expect((await probe(server, "/healthz")).body).toMatchObject({ ok: false, live: true, ready: false });
        // Away for a while: every request in this time gets its 503, none waits for the database.
        await new Promise((r) => setTimeout(r, 2_000));
        expect(load.saves()).toBe(savesAtFault);
      } finally {
        await instance("up");
      }
      await until("ready again", async () => (await probe(server, "/readyz")).status === 200);
      await expectRecovered(setup, savesAtFault);
    },
    PROCESS_TEST_MS,
  );
});
