// Session ids and API tokens: random secrets given to the client once; only their sha256 is stored.
import { createHash, randomBytes } from "node:crypto";

/** sha256 hex of a secret, the form in which sessions and tokens are stored and looked up. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A new session cookie value. */
export function newSessionSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** A new API token; `prefix` is safe to show in lists. */
export function newApiToken(): { token: string; prefix: string } {
  const token = `kp_${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, 10) };
}
