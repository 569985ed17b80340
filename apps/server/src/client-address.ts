// Which address a request comes from, for login throttling. Behind reverse proxies the socket's
// peer is the nearest proxy; each proxy appends the address it received from to X-Forwarded-For,
// so only the last `trustedProxies` entries were written by proxies we trust. Anything before
// them the client may have written itself (and could change with every request), so it is never used.

/** Most reverse proxies a deployment may declare; more is a configuration mistake. */
export const MAX_TRUSTED_PROXIES = 10;

/**
 * The client address: the socket's peer when no proxy is trusted, otherwise the entry that the
 * outermost trusted proxy wrote (or the furthest one present when fewer proxies were passed).
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | readonly string[] | undefined,
  trustedProxies: number,
): string {
  const hops = [forwardedFor ?? ""]
    .flat()
    .join(",")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "")
    .reverse();
  const chain = [socketAddress ?? "unknown", ...hops];
  return chain[Math.min(trustedProxies, chain.length - 1)]!;
}
