// Database errors reach a client only as a plain message by kind, never in the database's words.
import { describe, expect, it } from "vitest";
import { fromDatabaseError, INTERNAL_MESSAGE, isDatabaseError } from "./errors.ts";
import { ServerError } from "./messages.ts";

function dbError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}

describe("fromDatabaseError", () => {
  it("maps SQLSTATE classes to plain errors, keeping the original as the cause", () => {
    const cases: [string, string][] = [
      ["22021", "BAD_REQUEST"],
      ["22003", "BAD_REQUEST"],
      ["23505", "CONFLICT"],
      ["23503", "BAD_REQUEST"],
      ["40001", "CONFLICT"],
      ["XX000", "INTERNAL_SERVER_ERROR"],
    ];
    for (const [state, code] of cases) {
      const original = dbError(state, 'value "2147483648" is out of range for type integer in relation "subject"');
      const mapped = fromDatabaseError(original);
      expect(mapped.code).toBe(code);
      expect(mapped.message).not.toMatch(/relation|integer|2147483648/);
      // A message key for each kind but the last, which the formatter says as an internal error.
      expect(mapped instanceof ServerError).toBe(state !== "XX000");
      expect(mapped.cause).toBe(original);
    }
    expect(fromDatabaseError(dbError("XX000", "boom")).message).toBe(INTERNAL_MESSAGE);
  });
  it("knows a database error by its SQLSTATE", () => {
    expect(isDatabaseError(dbError("22P05", "x"))).toBe(true);
    expect(isDatabaseError(new Error("x"))).toBe(false);
    expect(isDatabaseError(dbError("ENOENT", "x"))).toBe(false);
  });
});
