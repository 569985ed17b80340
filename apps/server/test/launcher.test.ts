// Started the way people start it (`pnpm --filter @kaoping/server start`, which scripts/start.sh
// execs), a SIGTERM or SIGINT sent to the launcher reaches the server: a request in flight (taken,
// its body sent only after the signal) is answered, the server exits 0, the launcher with it, and no server
// process is left behind.
import { request } from "node:http";
import { POSTGRES_SKIP_NOTE } from "@kaoping/db";
import { afterAll, describe, expect, it } from "vitest";
import { newStore, prepare, type Store } from "./fixtures.ts";
import { PROCESS_TEST_MS, startServer, waitForOutput, type ServerProcess } from "./process.ts";

const hasPostgres = Boolean(process.env.DATABASE_URL);
if (!hasPostgres) console.warn(POSTGRES_SKIP_NOTE);

/**
 * Posts `body` only once the server has taken the request: with `Expect: 100-continue` Node's
 * server answers "100 Continue" as it hands the request to its handler. `between` runs then, with
 * the request in flight and its body not yet sent.
 */
function postInFlight(url: string, body: string, headers: Record<string, string>, between: () => Promise<void>) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: {
          ...headers,
          expect: "100-continue",
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => void (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.on("continue", () => between().then(() => req.end(body), reject));
    req.flushHeaders();
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Signals the launcher while a save is in flight: the save is answered, all exit cleanly. */
async function expectSignalPassedOn(
  server: ServerProcess,
  serverPid: number,
  signal: NodeJS.Signals,
  token: string,
  subject: number,
) {
  const answer = await postInFlight(
    `${server.url}/trpc/subjects.update`,
    JSON.stringify({ id: subject, revision: 1, name: "c0-r2" }),
    { authorization: `Bearer ${token}` },
    async () => {
      server.child.kill(signal);
      await waitForOutput(server, "shutting down");
    },
  );
  expect(answer.status).toBe(200);
  expect(await server.exited).toBe(0);
  expect(server.output()).toContain("stopped cleanly");
  expect(isRunning(serverPid)).toBe(false);
}

describe.each([
  { kind: "pglite" as const, available: true },
  { kind: "postgres" as const, available: hasPostgres },
])("the launcher passes signals on ($kind)", ({ kind, available }) => {
  const stores: Store[] = [];
  afterAll(async () => {
    for (const s of stores) await s.remove();
  });

  it.skipIf(!available).each(["SIGTERM", "SIGINT"] as const)(
    "%s to pnpm: the request in flight completes, exit 0, no orphan",
    async (signal) => {
      const store = newStore(kind);
      stores.push(store);
      const { token, subjects } = await prepare(store, 1);
      const server = await startServer({ ...store.env, KAOPING_SEED: "0", LOG_FORMAT: "json" }, "package-script");
      // The server logs its own pid on every line; the launcher's child is pnpm.
      const serverPid = Number(/"pid":(\d+)/.exec(server.output())?.[1]);
      expect(serverPid).toBeGreaterThan(0);
      expect(serverPid).not.toBe(server.child.pid);

      try {
        await expectSignalPassedOn(server, serverPid, signal, token, subjects[0]!);
      } finally {
        if (isRunning(serverPid)) process.kill(serverPid, "SIGKILL"); // An orphan: the failure above says so.
      }

      const database = await store.open();
      try {
        const row = await database.db
          .selectFrom("subject")
          .select(["name", "revision"])
          .where("id", "=", subjects[0]!)
          .executeTakeFirstOrThrow();
        expect(row).toEqual({ name: "c0-r2", revision: 2 });
      } finally {
        await database.close();
      }
    },
    PROCESS_TEST_MS,
  );
});
