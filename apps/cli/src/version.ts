// The CLI's version, read from its package.json (beside src/ and beside a built dist/ alike).
import { readFileSync } from "node:fs";

/** The version `kaoping --version` prints. */
export function version(): string {
  const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version?: string;
  };
  return manifest.version ?? "0.0.0";
}
