// GET /files/evidence/:id — an evidence file as an attachment. Never rendered inline: the answer
// says "attachment", forbids sniffing and sandboxes anything a browser might still open.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readEvidence, type Context } from "@kaoping/api";
import { TRPCError } from "@trpc/server";

const STATUS: Partial<Record<TRPCError["code"], number>> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/** The handler, given how to make the request's context (who is asking). */
export function evidenceDownloadHandler(
  contextFor: (req: IncomingMessage, res: ServerResponse) => Promise<Context>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const match = /^\/files\/evidence\/(\d{1,9})$/.exec((req.url ?? "").split("?")[0] ?? "");
    if (!match || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("not found\n");
      return;
    }
    const ctx = await contextFor(req, res);
    try {
      const file = await readEvidence(ctx, Number(match[1]));
      const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, "_");
      res.writeHead(200, {
        "Content-Type": file.contentType,
        "Content-Length": file.bytes.byteLength,
        "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox; default-src 'none'",
        "Cache-Control": "private, no-store",
      });
      res.end(req.method === "HEAD" ? undefined : Buffer.from(file.bytes));
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      res.writeHead(STATUS[error.code] ?? 400, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`${error.message}\n`);
    }
  };
}
