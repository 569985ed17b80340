// Starting the real HTTP server in-process for tests, on a free port, with a quiet logger.
import { mkdtempSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashPassword, type ApiSettings } from "@kaoping/api";
import type { DatabaseHandle, Role } from "@kaoping/db";
import { pino, type Logger } from "pino";
import { createApp, type App } from "../src/app.ts";

export const PASSWORD = "correct horse battery";

export interface Running {
  readonly app: App;
  readonly url: string;
  readonly database: DatabaseHandle;
}

/** Serves `database` on a free loopback port. */
export async function serve(
  database: DatabaseHandle,
  options: {
    webDist?: string;
    trustedProxies?: number;
    settings?: Partial<ApiSettings>;
    logger?: Logger;
    metricsToken?: string;
  } = {},
): Promise<Running> {
  const app = createApp({ database, logger: pino({ level: "silent" }), ...options });
  const address = await app.listen(0, "127.0.0.1");
  return { app, url: `http://127.0.0.1:${address.port}`, database };
}

/** Adds a user with PASSWORD. */
export async function addUser(database: DatabaseHandle, username: string, role: Role): Promise<number> {
  const row = await database.db
    .insertInto("app_user")
    .values({ username, display_name: username, role, password_hash: await hashPassword(PASSWORD) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A tiny built web app: index.html and one hashed asset. */
export function fakeWebDist(): string {
  const dir = mkdtempSync(join(tmpdir(), "kaoping-web-"));
  mkdirSync(join(dir, "assets"));
  writeFileSync(join(dir, "index.html"), "<!doctype html><title>考评</title><div id=root></div>");
  writeFileSync(join(dir, "assets", "app-abc123.js"), "console.log('kaoping')");
  return dir;
}

/** POSTs a tRPC mutation (or GETs a query) as plain HTTP/JSON, the way curl would. */
export async function trpcHttp(
  url: string,
  path: string,
  input: unknown,
  options: { method?: "GET" | "POST"; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<{
  status: number;
  body: {
    result?: { data: unknown };
    error?: {
      message: string;
      data: { code: string; issues?: unknown; currentRevision?: number | null; requestId?: string | null };
    };
  };
  headers: Headers;
}> {
  const method = options.method ?? "POST";
  const target =
    method === "GET"
      ? `${url}/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`}`
      : `${url}/trpc/${path}`;
  const response = await fetch(target, {
    method,
    headers: { "content-type": "application/json", ...options.headers },
    ...(options.signal ? { signal: options.signal } : {}),
    ...(method === "POST" ? { body: JSON.stringify(input ?? null) } : {}),
  });
  return { status: response.status, body: (await response.json()) as never, headers: response.headers };
}
