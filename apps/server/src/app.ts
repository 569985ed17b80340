// The HTTP host: /trpc for the API, /healthz, evidence downloads, and the built web app at /.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  appRouter,
  createRequestContext,
  type ApiSettings,
  type CookieJar,
  type CookieOptions,
} from "@kaoping/api";
import { sql, type DatabaseHandle } from "@kaoping/db";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { Logger } from "pino";
import { evidenceDownloadHandler } from "./evidence-download.ts";
import { staticHandler } from "./static-files.ts";

export interface AppOptions {
  readonly database: DatabaseHandle;
  readonly logger: Logger;
  /** The built web app; served at / when it exists. */
  readonly webDist?: string | undefined;
  /** Add `Secure` to cookies (behind HTTPS). */
  readonly secureCookies?: boolean;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  readonly trustProxy?: boolean;
  readonly settings?: Partial<ApiSettings>;
}

export interface App {
  readonly server: Server;
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Stops taking requests, lets the ones in flight finish, then closes the database. */
  close(timeoutMs?: number): Promise<void>;
}

function cookieJar(res: ServerResponse, secure: boolean): CookieJar {
  const add = (cookie: string) => {
    const prev = res.getHeader("Set-Cookie");
    const list = Array.isArray(prev) ? prev : typeof prev === "string" ? [prev] : [];
    res.setHeader("Set-Cookie", [...list, cookie]);
  };
  const attrs = `Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
  return {
    set(name: string, value: string, options: CookieOptions = {}) {
      const age = options.maxAgeSeconds !== undefined ? `; Max-Age=${options.maxAgeSeconds}` : "";
      add(`${name}=${encodeURIComponent(value)}; ${attrs}${age}`);
    },
    clear(name: string) {
      add(`${name}=; ${attrs}; Max-Age=0`);
    },
  };
}

function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  if (trustProxy && typeof forwarded === "string" && forwarded.trim()) return forwarded.split(",")[0]!.trim();
  return req.socket.remoteAddress ?? "unknown";
}

/** Builds the server (not yet listening). */
export function createApp(options: AppOptions): App {
  const { database, logger } = options;
  const secure = options.secureCookies ?? false;
  const trustProxy = options.trustProxy ?? false;
  const contextFor = (req: IncomingMessage, res: ServerResponse) =>
    createRequestContext({
      db: database.db,
      dbKind: database.kind,
      cookieHeader: req.headers.cookie,
      authorization: req.headers.authorization,
      address: clientAddress(req, trustProxy),
      cookies: cookieJar(res, secure),
      ...(options.settings ? { settings: options.settings } : {}),
    });

  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    // Evidence arrives base64-encoded in JSON: allow the file limit plus the encoding's third.
    maxBodySize: 8 * 1024 * 1024,
    createContext: ({ req, res }) => contextFor(req, res),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") logger.error({ err: error, path }, "procedure failed");
    },
  });
  const web = options.webDist ? staticHandler(options.webDist) : null;
  const evidence = evidenceDownloadHandler((req, res) => contextFor(req, res));

  let inFlight = 0;
  const server = createServer((req, res) => {
    const started = process.hrtime.bigint();
    inFlight += 1;
    res.on("close", () => {
      inFlight -= 1;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info({ method: req.method, url: req.url?.split("?")[0], status: res.statusCode, ms: Math.round(ms * 10) / 10 }, "request");
    });
    // The admin app is never meant to be framed by another site (clickjacking), nor to leak its
    // URLs (which carry ids) to other sites.
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    const url = req.url ?? "/";
    if (url.startsWith("/trpc/")) {
      trpc(req, res);
      return;
    }
    if (url === "/healthz" || url === "/health") {
      sql`select 1`
        .execute(database.db)
        .then(() => {
          res.writeHead(200, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ ok: true, database: database.kind }));
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, "health check failed");
          res.writeHead(503, { "Content-Type": "application/json" });
          res.end(JSON.stringify({ ok: false }));
        });
      return;
    }
    if (url.startsWith("/files/evidence/")) {
      evidence(req, res).catch((error: unknown) => {
        logger.error({ err: error }, "evidence download failed");
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    if (web?.(req, res)) return;
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(web ? "not found\n" : "not found (the web app is not built: pnpm --filter @kaoping/web build)\n");
  });
  // Slow clients must not hold the server open for ever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          resolve(server.address() as AddressInfo);
        });
      });
    },
    async close(timeoutMs = 10_000) {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = setTimeout(() => {
        logger.warn({ inFlight }, "shutdown timeout: closing remaining connections");
        server.closeAllConnections();
      }, timeoutMs);
      await closed;
      clearTimeout(timer);
      await database.close();
    },
  };
}
