// Every request's id and its log line. The id is echoed in the X-Request-Id header and put in API
// error data, so that a user can quote it and an operator can find every line the request logged.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";

export const REQUEST_ID_HEADER = "X-Request-Id";

/**
 * Ids accepted from a proxy: what proxies generate (UUIDs, hex, nginx's $request_id, base64),
 * short, with no spaces, quotes or control characters to forge log lines or headers with.
 */
const ACCEPTED_ID = /^[A-Za-z0-9._:+/=-]{1,128}$/;

/**
 * The request's id: the proxy's X-Request-Id when the request came through a trusted proxy and
 * the id is well-formed, else a new UUID. Without a trusted proxy a client could choose its own
 * id (and collide with another request's on purpose), so the header is ignored.
 */
export function requestIdFor(header: string | readonly string[] | undefined, fromTrustedProxy: boolean): string {
  // A repeated header is ambiguous: none of them is believed.
  if (fromTrustedProxy && typeof header === "string" && ACCEPTED_ID.test(header)) return header;
  return randomUUID();
}

/** What is known of a request as it is handled, for its log line (and its metrics). */
export interface RequestRecord {
  readonly id: string;
  /** A child logger: every line carries the request's id. */
  readonly log: Logger;
  /** The signed-in user's name, once the API context knows it. */
  user: string | undefined;
  /** The tRPC procedures the request called (several in a batch). */
  procedures: readonly string[];
}

/** What a finished request reports (to the metrics). */
export interface FinishedRequest {
  readonly record: RequestRecord;
  readonly status: number;
  readonly seconds: number;
}

const records = new WeakMap<IncomingMessage, RequestRecord>();

/**
 * Gives `req` its id, echoes it in the answer's header, and logs one line when the answer is done
 * (or the connection dropped) with the status, time, user and procedures; then calls `finished`.
 */
export function startRequest(
  req: IncomingMessage,
  res: ServerResponse,
  options: {
    readonly logger: Logger;
    readonly trustedProxies: number;
    readonly finished?: (request: FinishedRequest) => void;
  },
): RequestRecord {
  const id = requestIdFor(req.headers["x-request-id"], options.trustedProxies > 0);
  const record: RequestRecord = { id, log: options.logger.child({ requestId: id }), user: undefined, procedures: [] };
  records.set(req, record);
  res.setHeader(REQUEST_ID_HEADER, id);
  const started = process.hrtime.bigint();
  res.on("close", () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    record.log.info(
      {
        method: req.method,
        url: req.url?.split("?")[0],
        status: res.statusCode,
        ms: Math.round(seconds * 1e4) / 10,
        ...(record.user !== undefined ? { user: record.user } : {}),
        ...(record.procedures.length > 0 ? { procedure: record.procedures.join(",") } : {}),
      },
      "request",
    );
    options.finished?.({ record, status: res.statusCode, seconds });
  });
  return record;
}

/** The record startRequest made for `req`. */
export function requestRecord(req: IncomingMessage): RequestRecord {
  const record = records.get(req);
  if (record === undefined) throw new Error("requestRecord: the request was not started with startRequest");
  return record;
}
