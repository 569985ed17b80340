import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address.ts";

describe("client address", () => {
  it("ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddress("203.0.113.5", "198.51.100.1", 0)).toBe("203.0.113.5");
  });

  it("takes the entry the outermost trusted proxy wrote, never one the client could write", () => {
    // Client 203.0.113.7 sends a forged header through one proxy (10.0.0.2), which appends.
    expect(clientAddress("10.0.0.2", "1.2.3.4, 203.0.113.7", 1)).toBe("203.0.113.7");
    // Two proxies: the outer (10.0.0.1) appends the client, the inner (10.0.0.2) the outer one.
    expect(clientAddress("10.0.0.2", "forged, 203.0.113.7, 10.0.0.1", 2)).toBe("203.0.113.7");
    // Repeated headers arrive joined by commas; spaces do not matter.
    expect(clientAddress("10.0.0.2", "a,b ,  203.0.113.7", 1)).toBe("203.0.113.7");
  });

  it("takes the furthest entry present when the request passed fewer proxies than declared", () => {
    expect(clientAddress("10.0.0.2", "203.0.113.7", 3)).toBe("203.0.113.7");
    expect(clientAddress("10.0.0.2", undefined, 2)).toBe("10.0.0.2");
    expect(clientAddress(undefined, "", 1)).toBe("unknown");
  });
});
