// Serves the built web app (apps/web/dist): files as they are, index.html for every other GET
// that asks for a page, so that client-side routes survive a reload.
import { createReadStream, existsSync, statSync } from "node:fs";
import { pipeline } from "node:stream";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".map": "application/json; charset=utf-8",
};

/** A request handler for the built app in `dir`, or null when it has not been built. */
export function staticHandler(dir: string): ((req: IncomingMessage, res: ServerResponse) => boolean) | null {
  const root = resolve(dir);
  const index = join(root, "index.html");
  if (!existsSync(index)) return null;
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      return false;
    }
    const file = normalize(join(root, path));
    // Never serve outside the build directory.
    if (file !== root && !file.startsWith(root + sep)) return false;
    let target = file;
    let isFile = false;
    try {
      isFile = statSync(file).isFile();
    } catch {
      isFile = false;
    }
    if (!isFile) {
      // Missing assets are real 404s; anything else is a client-side route.
      if (extname(path) !== "" && extname(path) !== ".html") return false;
      target = index;
    }
    const stat = statSync(target);
    res.statusCode = 200;
    res.setHeader("Content-Type", TYPES[extname(target)] ?? "application/octet-stream");
    res.setHeader("Content-Length", stat.size);
    res.setHeader("X-Content-Type-Options", "nosniff");
    // Vite puts content hashes in asset names, so those can be cached for good; pages cannot.
    res.setHeader(
      "Cache-Control",
      target.includes(`${sep}assets${sep}`) ? "public, max-age=31536000, immutable" : "no-cache",
    );
    if (req.method === "HEAD") {
      res.end();
      return true;
    }
    // pipeline, not pipe: a file that goes away while it is read (a rebuild) fails this answer
    // instead of raising an unheard 'error' that would end the process.
    pipeline(createReadStream(target), res, (error) => {
      if (error) res.destroy();
    });
    return true;
  };
}
