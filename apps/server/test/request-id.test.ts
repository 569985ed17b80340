// Request ids end to end over HTTP: made or taken from a trusted proxy, echoed in X-Request-Id,
// on every log line of the request with its user and procedure, and in the API's error answers.
import { openDatabase, type DatabaseHandle } from "@kaoping/db";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUser, PASSWORD, serve, trpcHttp, type Running } from "./helpers.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface LogLine {
  readonly msg: string;
  readonly requestId?: string;
  readonly user?: string;
  readonly procedure?: string;
  readonly status?: number;
}

/** A server on a fresh database with an admin, keeping its JSON log lines. */
async function start(
  trustedProxies: number,
): Promise<{ running: Running; database: DatabaseHandle; lines: LogLine[] }> {
  const lines: LogLine[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  const database = await openDatabase({ dataDir: "memory://" });
  await addUser(database, "admin", "admin");
  return { running: await serve(database, { trustedProxies, logger }), database, lines };
}

// One server reached directly and one behind a (declared) proxy, for all the tests: opening a
// database is the slow part.
let direct: Awaited<ReturnType<typeof start>>;
let proxied: Awaited<ReturnType<typeof start>>;
beforeAll(async () => {
  [direct, proxied] = await Promise.all([start(0), start(1)]);
});
afterAll(async () => {
  await Promise.all([direct?.running.app.close(), proxied?.running.app.close()]);
});

async function signIn(url: string): Promise<string> {
  const login = await trpcHttp(url, "auth.login", { username: "admin", password: PASSWORD });
  expect(login.status).toBe(200);
  return (login.headers.get("set-cookie") ?? "").split(";")[0]!;
}

/** Log lines are written when the answer is done; the client may see it a moment before. */
async function requestLine(lines: LogLine[], requestId: string): Promise<LogLine> {
  for (let i = 0; i < 100; i++) {
    const line = lines.find((l) => l.msg === "request" && l.requestId === requestId);
    if (line) return line;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no request line for ${requestId}`);
}

describe("request ids", () => {
  it("are made per request, echoed, and logged with the user and the procedure", async () => {
    const { running, lines } = direct;
    const cookie = await signIn(running.url);
    const me = await trpcHttp(running.url, "auth.me", undefined, { method: "GET", headers: { cookie } });
    const id = me.headers.get("x-request-id")!;
    expect(id).toMatch(UUID);
    expect(await requestLine(lines, id)).toMatchObject({ status: 200, user: "admin", procedure: "auth.me" });
    // Every answer has one, probes and files included, and no two are alike.
    const other = await fetch(`${running.url}/livez`);
    expect(other.headers.get("x-request-id")).toMatch(UUID);
    expect(other.headers.get("x-request-id")).not.toBe(id);
  });

  it("ignore a client's X-Request-Id unless a trusted proxy sent it", async () => {
    const { running } = direct;
    const answer = await fetch(`${running.url}/livez`, { headers: { "x-request-id": "chosen-by-client" } });
    expect(answer.headers.get("x-request-id")).toMatch(UUID);
  });

  it("take a trusted proxy's X-Request-Id when it is well-formed, and replace it otherwise", async () => {
    const { running, lines } = proxied;
    for (const given of ["3f2a9c1e0d5b4a7f8e6d", "req:abc/DEF+1=", "a".repeat(128)]) {
      const answer = await fetch(`${running.url}/livez`, { headers: { "x-request-id": given } });
      expect(answer.headers.get("x-request-id")).toBe(given);
      expect(await requestLine(lines, given)).toMatchObject({ status: 200 });
    }
    for (const bad of ["has space", "", 'quote"', "a".repeat(129), "ünïcode", "semi;colon"]) {
      const answer = await fetch(`${running.url}/livez`, { headers: { "x-request-id": bad } });
      expect(answer.headers.get("x-request-id")).toMatch(UUID);
    }
  });

  it("are in the answers to bodies refused before parsing: too large, not JSON, nested too deeply, not UTF-8", async () => {
    const { running, lines } = direct;
    const refusals: { type: string; body: string | Uint8Array; status: number }[] = [
      { type: "application/json", body: `{"kind":"${"x".repeat(9 * 1024 * 1024)}"}`, status: 413 },
      { type: "application/x-www-form-urlencoded", body: "kind=x", status: 415 },
      { type: "application/json", body: `${"[".repeat(40)}${"]".repeat(40)}`, status: 400 },
      { type: "application/json", body: new Uint8Array([0x22, 0xff, 0x22]), status: 400 },
    ];
    for (const { type, body, status } of refusals) {
      const answer = await fetch(`${running.url}/trpc/subjects.create`, {
        method: "POST",
        headers: { "content-type": type },
        body,
      });
      expect(answer.status).toBe(status);
      const id = answer.headers.get("x-request-id")!;
      expect(id).toMatch(UUID);
      const json = (await answer.json()) as { error: { data: { httpStatus: number; requestId: string } } };
      expect(json.error.data).toMatchObject({ httpStatus: status, requestId: id });
      expect(await requestLine(lines, id)).toMatchObject({ status });
    }
  });

  it("are in the data of every API error, and in the message of a failure of ours", async () => {
    const { running, database, lines } = direct;
    const cookie = await signIn(running.url);
    const refused = await trpcHttp(running.url, "subjects.list", undefined, { method: "GET" });
    expect(refused.status).toBe(401);
    expect(refused.body.error?.data.requestId).toBe(refused.headers.get("x-request-id"));
    const bad = await trpcHttp(running.url, "auth.login", { username: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.data.requestId).toBe(bad.headers.get("x-request-id"));

    // A broken database (a table gone) is an internal error: the message says what to quote.
    await database.db.schema.dropTable("subject").cascade().execute();
    const failed = await trpcHttp(running.url, "subjects.list", {}, { method: "GET", headers: { cookie } });
    const id = failed.headers.get("x-request-id")!;
    expect(failed.status).toBe(500);
    expect(failed.body.error?.data.requestId).toBe(id);
    expect(failed.body.error?.message).toContain(`（请求编号：${id}）`);
    // The failure's own log line carries the same id as the request's line.
    expect(lines.find((l) => l.msg === "procedure failed")).toMatchObject({ requestId: id });
    expect(await requestLine(lines, id)).toMatchObject({ status: 500, user: "admin", procedure: "subjects.list" });
  });
});
