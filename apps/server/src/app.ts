// The HTTP host: /trpc for the API, the probes (/livez, /readyz, /healthz), evidence downloads,
// and the built web app at /.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  appRouter,
  createRequestContext,
  DATABASE_UNAVAILABLE,
  isDatabaseError,
  languageFrom,
  type ApiSettings,
  type CookieJar,
  type CookieOptions,
} from "@kaoping/api";
import { isDatabaseUnavailable, type DatabaseHandle } from "@kaoping/db";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import type { Logger } from "pino";
import { clientAddress } from "./client-address.ts";
import { evidenceDownloadHandler } from "./evidence-download.ts";
import { PROBE_PATHS, probeHandler } from "./health.ts";
import { createMetrics, METRICS_PATH } from "./metrics.ts";
import { OPENAPI_PATH, openApiHandler } from "./openapi.ts";
import { readApiRequest, refuse, REQUEST_LIMITS } from "./request-limits.ts";
import { requestRecord, startRequest, type RequestRecord } from "./request-log.ts";
import { staticHandler } from "./static-files.ts";

export interface AppOptions {
  readonly database: DatabaseHandle;
  readonly logger: Logger;
  /** The built web app; served at / when it exists. */
  readonly webDist?: string | undefined;
  /** Add `Secure` to cookies (behind HTTPS). */
  readonly secureCookies?: boolean;
  /** Reverse proxies in front of the server: the client address is taken from their X-Forwarded-For entries. */
  readonly trustedProxies?: number;
  readonly settings?: Partial<ApiSettings>;
  /** When set, /metrics answers only `Authorization: Bearer <metricsToken>`. */
  readonly metricsToken?: string | undefined;
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

/** Builds the server (not yet listening). */
export function createApp(options: AppOptions): App {
  const { database, logger } = options;
  const secure = options.secureCookies ?? false;
  const trustedProxies = options.trustedProxies ?? 0;
  const metrics = createMetrics(database, options.metricsToken);
  const openApi = openApiHandler();
  const contextFor = async (req: IncomingMessage, res: ServerResponse, callsInRequest = 1) => {
    const record = requestRecord(req);
    const context = await createRequestContext({
      db: database.db,
      dbKind: database.kind,
      cookieHeader: req.headers.cookie,
      authorization: req.headers.authorization,
      address: clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trustedProxies),
      callsInRequest,
      cookies: cookieJar(res, secure),
      requestId: record.id,
      lang: languageFrom(req.headers["accept-language"]),
      ...(options.settings ? { settings: options.settings } : {}),
    });
    record.user = context.user?.username;
    return context;
  };

  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    maxBodySize: REQUEST_LIMITS.bodyBytes,
    // A batch is a few queries of one page; hundreds in one request are an attack, not a page.
    maxBatchSize: 50,
    // The number of calls lets procedures that check a secret refuse to run inside a batch.
    createContext: ({ req, res, info }) => {
      requestRecord(req).procedures = info.calls.map((call) => call.path);
      return contextFor(req, res, info.calls.length);
    },
    onError({ error, path, req }) {
      metrics.apiError(error.code);
      // Clients get a plain message; the log keeps what happened (a bug, the database's own words).
      if (
        isDatabaseError(error.cause) &&
        error.code !== "INTERNAL_SERVER_ERROR" &&
        !isDatabaseUnavailable(error.cause)
      ) {
        requestRecord(req).log.warn({ err: error.cause, path }, "database refused a request");
      }
      if (error.code !== "INTERNAL_SERVER_ERROR") return;
      const { log } = requestRecord(req);
      // Answered 503 (see the API's error formatter); one line, not a stack per request.
      if (isDatabaseUnavailable(error.cause)) log.warn({ path, cause: error.cause?.message }, "database unavailable");
      else log.error({ err: error, path }, "procedure failed");
    },
  });
  const web = options.webDist ? staticHandler(options.webDist) : null;
  const evidence = evidenceDownloadHandler((req, res) => contextFor(req, res));
  let stopping = false;
  const probe = probeHandler(database, logger, () => stopping);

  /** The answer to a request whose handler failed: 503 while the database is away, else 500. */
  const fail = (res: ServerResponse, request: RequestRecord, error: unknown, what: string) => {
    const unavailable = isDatabaseUnavailable(error);
    if (unavailable) request.log.warn({ cause: (error as Error).message }, `${what}: database unavailable`);
    else request.log.error({ err: error }, `${what} failed`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.writeHead(unavailable ? 503 : 500, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(
      unavailable ? `${DATABASE_UNAVAILABLE}\n` : `内部错误。Internal error. (请求编号 request id: ${request.id})\n`,
    );
  };

  let inFlight = 0;
  const handle = (req: IncomingMessage, res: ServerResponse, request: RequestRecord) => {
    inFlight += 1;
    res.on("close", () => void (inFlight -= 1));
    // The admin app is never meant to be framed by another site (clickjacking), nor to leak its
    // URLs (which carry ids) to other sites.
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    const url = req.url ?? "/";
    if (url.startsWith("/trpc/")) {
      readApiRequest(req).then(
        (read) => {
          if ("status" in read) return refuse(res, read, request.id);
          // tRPC takes a body already read from `req.body`.
          if (read.body !== undefined) Object.assign(req, { body: read.body });
          void trpc(req, res);
        },
        (error: unknown) => {
          request.log.warn({ err: error }, "request body unreadable");
          if (!res.headersSent)
            refuse(res, { status: 400, zh: "请求内容无法读取", en: "the request body could not be read" }, request.id);
          else res.end();
        },
      );
      return;
    }
    const path = url.split("?")[0] ?? "/";
    if (PROBE_PATHS.has(path)) {
      probe(req, res, path);
      return;
    }
    if (path === METRICS_PATH) {
      metrics.handle(req, res);
      return;
    }
    if (path === OPENAPI_PATH) {
      openApi(req, res);
      return;
    }
    if (url.startsWith("/files/evidence/")) {
      evidence(req, res).catch((error: unknown) => fail(res, request, error, "evidence download"));
      return;
    }
    if (web?.(req, res)) return;
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(web ? "not found\n" : "not found (the web app is not built: pnpm --filter @kaoping/web build)\n");
  };
  // A handler that throws must fail its request, not the process with every other request in it.
  const server = createServer((req, res) => {
    const request = startRequest(req, res, { logger, trustedProxies, finished: metrics.requestFinished });
    try {
      handle(req, res, request);
    } catch (error) {
      fail(res, request, error, "request");
    }
  });
  // Slow clients must not hold the server open for ever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  // Once listening, a failed accept (out of file descriptors) is an `error` on the server; unheard
  // it would end the process. It passes: the next connection is accepted again.
  server.on("error", (error) => {
    if (server.listening) logger.error({ err: error }, "server error");
  });

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
      stopping = true;
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
