// Limits on an API request before anything parses it: the body's size, its encoding, and how deep
// its JSON nests. JSON.parse copes with a million nested arrays but takes seconds over it, and
// whatever walks the result recursively then overflows the stack; a linear scan stops that first.
// The API's input policy (@kaoping/api input-policy.ts) checks each call's input in detail.
import type { IncomingMessage, ServerResponse } from "node:http";

export const REQUEST_LIMITS = {
  /** Evidence arrives base64-encoded in JSON: the file limit plus the encoding's third, and some. */
  bodyBytes: 8 * 1024 * 1024,
  /** Brackets inside brackets; a batch adds one level around each call's input. */
  jsonDepth: 32,
} as const;

/** Whether JSON text nests deeper than `limit` (strings skipped); stops at the first level too deep. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

type Refusal = { readonly status: 400 | 413 | 415; readonly zh: string; readonly en: string };

const CODES = {
  400: ["BAD_REQUEST", -32600],
  413: ["PAYLOAD_TOO_LARGE", -32413],
  415: ["UNSUPPORTED_MEDIA_TYPE", -32415],
} as const;

/**
 * Answers a refused request in the API's own error shape, with the request's id in its data like
 * every other API error (the X-Request-Id header is already set), so that clients read it alike.
 */
export function refuse(res: ServerResponse, refusal: Refusal, requestId: string): void {
  const [code, rpc] = CODES[refusal.status];
  res.writeHead(refusal.status, { "Content-Type": "application/json", Connection: "close" });
  res.end(
    JSON.stringify({
      error: {
        message: `${refusal.zh} / ${refusal.en}`,
        code: rpc,
        data: { code, httpStatus: refusal.status, requestId },
      },
    }),
  );
}

const tooDeep: Refusal = {
  status: 400,
  zh: `JSON 嵌套过深（最多 ${REQUEST_LIMITS.jsonDepth} 层）`,
  en: `the JSON nests too deeply (at most ${REQUEST_LIMITS.jsonDepth} levels)`,
};

/**
 * Reads and checks an API request's body (POST) or input parameter (GET): the body's text when it
 * passes, or why not. Reading stops as soon as the body is over the limit.
 */
export async function readApiRequest(req: IncomingMessage): Promise<{ body: string | undefined } | Refusal> {
  if (req.method === "GET" || req.method === "HEAD") {
    const input = new URL(req.url ?? "/", "http://localhost").searchParams.get("input");
    return input !== null && nestsDeeperThan(input, REQUEST_LIMITS.jsonDepth) ? tooDeep : { body: undefined };
  }
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    req.resume();
    return {
      status: 415,
      zh: "请求内容应为 JSON（application/json）",
      en: "send the request body as JSON (application/json)",
    };
  }
  const tooLarge: Refusal = {
    status: 413,
    zh: `请求过大（最多 ${REQUEST_LIMITS.bodyBytes / 1024 / 1024} MB）`,
    en: `the request is too large (at most ${REQUEST_LIMITS.bodyBytes / 1024 / 1024} MB)`,
  };
  if (Number(req.headers["content-length"] ?? 0) > REQUEST_LIMITS.bodyBytes) {
    req.resume();
    return tooLarge;
  }
  const bytes = await new Promise<Buffer | null>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Over the limit: keep reading (and dropping) so that the client gets the answer, not a reset.
      if (size > REQUEST_LIMITS.bodyBytes) resolve(null);
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
  if (bytes === null) return tooLarge;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { status: 400, zh: "请求内容不是有效的 UTF-8 文本", en: "the request body is not valid UTF-8" };
  }
  if (nestsDeeperThan(text, REQUEST_LIMITS.jsonDepth)) return tooDeep;
  // An empty body is no input (curl -X POST without -d), as JSON says it: null.
  return { body: text.trim() === "" ? "null" : text };
}
