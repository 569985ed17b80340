// The network to PostgreSQL goes silent: packets are dropped, no reset, no error, so neither side
// hears anything (a cable pulled, a firewall dropping). A TCP proxy between the server and
// PostgreSQL stops forwarding without closing a socket. Every request in that time must still get
// its answer, a 503, within a bounded time (the statement timeout plus its margin, or the connect
// timeout: connect.ts), the process stays up, and it serves again once the network is back.
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { serverMessage } from "@kaoping/api";
import { CONNECT_TIMEOUT_MS, POSTGRES_SKIP_NOTE, QUERY_TIMEOUT_MARGIN_MS } from "@kaoping/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newStore, prepare, type Store } from "./fixtures.ts";
import { trpcHttp } from "./helpers.ts";
import { PROCESS_TEST_MS, startServer, type ServerProcess } from "./process.ts";

/** The 503 of an API call without Accept-Language: in Chinese (the probes say it in both). */
const UNAVAILABLE_ZH = serverMessage("databaseUnavailable", {}, "zh");

const url = process.env.DATABASE_URL;
if (!url) console.warn(POSTGRES_SKIP_NOTE);

/** The statement timeout the server gets here; a query unanswered QUERY_TIMEOUT_MARGIN_MS later is given up. */
const STATEMENT_TIMEOUT_MS = 1_000;
/**
 * The longest a request may wait for its 503: a connection's query timeout, then a new connection's
 * connect timeout (pool waits are bounded by the same), with a second of slack for a busy machine.
 */
const BOUND_MS = STATEMENT_TIMEOUT_MS + QUERY_TIMEOUT_MARGIN_MS + CONNECT_TIMEOUT_MS + 1_000;

/** A TCP proxy that can go silent: paused, it holds every byte in both directions and closes nothing. */
interface SilentProxy {
  readonly port: number;
  /** Connections accepted while paused (a connect through the cut). */
  readonly acceptedWhilePaused: () => number;
  pause(): void;
  /** Delivers what was held (as TCP retransmission would once the path is back) and forwards again. */
  resume(): void;
  close(): Promise<void>;
}

async function silentProxy(target: { host: string; port: number }): Promise<SilentProxy> {
  let paused = false;
  let acceptedWhilePaused = 0;
  const held: (() => void)[] = [];
  const sockets = new Set<Socket>();
  const forward = (from: Socket, to: Socket) => {
    from.on("data", (chunk: Buffer) => {
      if (paused) held.push(() => to.write(chunk));
      else to.write(chunk);
    });
    from.on("close", () => to.destroy());
    from.on("error", () => to.destroy());
  };
  const server: Server = createServer((client) => {
    if (paused) acceptedWhilePaused++;
    const upstream = createConnection(target);
    sockets.add(client).add(upstream);
    client.on("close", () => sockets.delete(client));
    upstream.on("close", () => sockets.delete(upstream));
    forward(client, upstream);
    forward(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : 0,
    acceptedWhilePaused: () => acceptedWhilePaused,
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
      for (const deliver of held.splice(0)) deliver();
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe.skipIf(!url)("a silent network cut between the server and PostgreSQL", () => {
  let proxy: SilentProxy;
  let store: Store;
  let server: ServerProcess;
  let headers: Record<string, string>;
  let subject: number;
  let revision = 1;

  beforeAll(async () => {
    const real = new URL(url as string);
    proxy = await silentProxy({ host: real.hostname, port: Number(real.port || 5432) });
    store = newStore("postgres", url);
    const prepared = await prepare(store, 1);
    headers = { authorization: `Bearer ${prepared.token}` };
    subject = prepared.subjects[0] as number;
    const viaProxy = new URL(real);
    viaProxy.port = String(proxy.port);
    server = await startServer({
      ...store.env,
      DATABASE_URL: viaProxy.toString(),
      KAOPING_DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      KAOPING_SEED: "0",
    });
  }, PROCESS_TEST_MS);
  afterAll(async () => {
    server?.child.kill("SIGKILL");
    await server?.exited;
    proxy?.resume();
    await proxy?.close();
    await store?.remove();
  });

  /** One save of the subject's name; the time it took to be answered. */
  async function save(): Promise<{ status: number; message: string | undefined; ms: number }> {
    const started = Date.now();
    const answer = await trpcHttp(
      server.url,
      "subjects.update",
      { id: subject, revision, name: `r${revision + 1}` },
      { headers, signal: AbortSignal.timeout(60_000) },
    );
    if (answer.status === 200) revision++;
    return { status: answer.status, message: answer.body.error?.message, ms: Date.now() - started };
  }

  it(
    "answers 503 within a bounded time while packets are dropped, and serves again when they flow",
    async () => {
      for (let i = 0; i < 3; i++) expect((await save()).status).toBe(200);
      proxy.pause();
      // In turn: the first hits a pooled connection that no longer answers (query timeout), later
      // ones a new connection through the cut (connect timeout); some at once, to fill the pool.
      const answers = [await save(), await save(), ...(await Promise.all([save(), save(), save()])), await save()];
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 503));
      expect(new Set(answers.map((a) => a.message))).toEqual(new Set([UNAVAILABLE_ZH]));
      const slowest = Math.max(...answers.map((a) => a.ms));
      console.info(`network cut: 503 answers in ${answers.map((a) => a.ms).join(", ")} ms (bound ${BOUND_MS} ms)`);
      expect(slowest).toBeLessThan(BOUND_MS);
      expect(proxy.acceptedWhilePaused()).toBeGreaterThan(0);
      const live = await fetch(`${server.url}/livez`, { signal: AbortSignal.timeout(5_000) });
      expect(live.status).toBe(200);
      expect(server.child.exitCode).toBeNull();

      proxy.resume();
      const deadline = Date.now() + 30_000;
      let after = await save();
      while (after.status === 503 && Date.now() < deadline) after = await save();
      expect(after.status).toBe(200);
      // Saves go on, and the name read back is the last one saved.
      for (let i = 0; i < 3; i++) expect((await save()).status).toBe(200);
      const read = await trpcHttp(server.url, "subjects.get", { id: subject }, { method: "GET", headers });
      expect(read.body.result?.data).toMatchObject({ name: `r${revision}`, revision });
      expect(server.child.exitCode).toBeNull();
    },
    PROCESS_TEST_MS,
  );
});
