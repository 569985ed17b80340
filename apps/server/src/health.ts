// The probes: /livez says the process is alive and answering (restart it when this fails);
// /readyz says it can serve (the database answers and has every migration), so a load balancer
// sends requests elsewhere while it is 503; /healthz is /readyz under its older name, with `ok`.
import type { IncomingMessage, ServerResponse } from "node:http";
import { DATABASE_UNAVAILABLE } from "@kaoping/api";
import { checkReadiness, type DatabaseHandle, type Readiness } from "@kaoping/db";
import type { Logger } from "pino";

/** A readiness check waits no longer than this: a database behind a cut network never answers. */
const READY_TIMEOUT_MS = 3_000;

export const PROBE_PATHS = new Set(["/livez", "/readyz", "/healthz", "/health"]);

type ProbeReadiness =
  | Readiness
  | { readonly ready: false; readonly reason: "stopping" | "timeout"; readonly detail: string };

/** Answers a probe; `stopping()` is true once shutdown began (not ready, still alive). */
export function probeHandler(
  database: DatabaseHandle,
  logger: Logger,
  stopping: () => boolean,
): (req: IncomingMessage, res: ServerResponse, path: string) => void {
  let wasReady = true;
  return (_req, res, path) => {
    if (path === "/livez") {
      send(res, 200, { live: true });
      return;
    }
    void readiness(database, stopping)
      .catch((error: unknown): ProbeReadiness => ({ ready: false, reason: "unreachable", detail: String(error) }))
      .then((state) => {
        // One log line per change, not per probe: a load balancer asks every few seconds.
        if (state.ready !== wasReady) {
          if (state.ready) logger.info("ready: the database answers again");
          else logger.warn({ reason: state.reason, detail: state.detail }, "not ready");
          wasReady = state.ready;
        }
        const body = {
          ...(path === "/readyz" ? {} : { ok: state.ready, live: true }),
          ready: state.ready,
          database: database.kind,
          ...(state.ready ? {} : { reason: state.reason }),
          ...(!state.ready && (state.reason === "unreachable" || state.reason === "timeout")
            ? { message: DATABASE_UNAVAILABLE }
            : {}),
        };
        send(res, state.ready ? 200 : 503, body);
      });
  };
}

async function readiness(database: DatabaseHandle, stopping: () => boolean): Promise<ProbeReadiness> {
  if (stopping()) return { ready: false, reason: "stopping", detail: "shutting down" };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<ProbeReadiness>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({ ready: false, reason: "timeout", detail: `no answer from the database in ${READY_TIMEOUT_MS} ms` }),
      READY_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([checkReadiness(database.db), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function send(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
}
