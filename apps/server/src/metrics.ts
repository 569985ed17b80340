// /metrics in Prometheus's text format: request durations per procedure, API errors by code, the
// PostgreSQL pool, scores computed, and the process's own figures (CPU, memory, event loop, GC).
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { appRouter, scoresComputed } from "@kaoping/api";
import type { DatabaseHandle, PoolStats } from "@kaoping/db";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { FinishedRequest } from "./request-log.ts";

export const METRICS_PATH = "/metrics";

/** Every procedure's name: labels take only these, so a client cannot make up new series. */
const PROCEDURES = new Set(Object.keys(appRouter._def.procedures));
/** The label of a request that called no procedure (probes, files, the web app) or an unknown one. */
const NOT_A_PROCEDURE = "(http)";
const UNKNOWN_PROCEDURE = "(unknown)";

export interface Metrics {
  /** Counts a finished request in the duration histogram, once per procedure it called. */
  requestFinished(request: FinishedRequest): void;
  /** Counts an API error by its tRPC code. */
  apiError(code: string): void;
  /** Answers GET /metrics; with `token` set, only to `Authorization: Bearer <token>`. */
  handle(req: IncomingMessage, res: ServerResponse): void;
}

/** The metrics of one server (its own registry: tests run several servers in one process). */
export function createMetrics(database: DatabaseHandle, token: string | undefined): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const durations = new Histogram({
    name: "kaoping_request_duration_seconds",
    help: "Time to answer an HTTP request, by tRPC procedure ((http) for other paths) and status",
    labelNames: ["procedure", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: "kaoping_api_errors_total",
    help: "API errors answered, by tRPC code",
    labelNames: ["code"],
    registers: [registry],
  });
  new Counter({
    name: "kaoping_scores_computed_total",
    help: "Scores computed by the engine in this process",
    registers: [registry],
    collect() {
      this.reset();
      this.inc(scoresComputed());
    },
  });
  // PGlite is one connection inside the process: no pool to report.
  if (database.poolStats() !== null) {
    const pool = (name: string, help: string, read: (stats: PoolStats) => number) =>
      new Gauge({
        name,
        help: `${help} (PostgreSQL)`,
        registers: [registry],
        collect() {
          const stats = database.poolStats();
          if (stats !== null) this.set(read(stats));
        },
      });
    pool("kaoping_db_pool_connections", "Connections open in the database pool", (s) => s.total);
    pool("kaoping_db_pool_idle_connections", "Open connections not lent to a query", (s) => s.idle);
    pool("kaoping_db_pool_waiting_queries", "Queries waiting for a connection from the pool", (s) => s.waiting);
  }

  const expected = token === undefined ? null : Buffer.from(`Bearer ${token}`);
  const allowed = (req: IncomingMessage) => {
    if (expected === null) return true;
    const given = Buffer.from(req.headers.authorization ?? "");
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  return {
    requestFinished({ record, status, seconds }) {
      const names = record.procedures.length > 0 ? record.procedures : [NOT_A_PROCEDURE];
      for (const name of names) {
        const procedure = name === NOT_A_PROCEDURE || PROCEDURES.has(name) ? name : UNKNOWN_PROCEDURE;
        durations.observe({ procedure, status: String(status) }, seconds);
      }
    },
    apiError(code) {
      errors.inc({ code });
    },
    handle(req, res) {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
        res.end("GET /metrics\n");
        return;
      }
      if (!allowed(req)) {
        res.writeHead(401, {
          "WWW-Authenticate": 'Bearer realm="metrics"',
          "Content-Type": "text/plain; charset=utf-8",
        });
        res.end("/metrics needs Authorization: Bearer <KAOPING_METRICS_TOKEN>\n");
        return;
      }
      registry.metrics().then(
        (text) => {
          res.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" });
          res.end(req.method === "HEAD" ? undefined : text);
        },
        (error: unknown) => {
          res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
          res.end(`metrics failed: ${(error as Error).message}\n`);
        },
      );
    },
  };
}
