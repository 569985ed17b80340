import { describe, expect, it } from "vitest";
import { checkReadiness, isDatabaseUnavailable } from "./availability.ts";
import { openDatabase } from "./connect.ts";

const withCode = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["refused connection", withCode("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432")],
    ["reset connection", withCode("ECONNRESET")],
    ["one error per address of the host", new AggregateError([withCode("ECONNREFUSED"), withCode("ECONNREFUSED")])],
    ["terminated by an administrator", withCode("57P01", "terminating connection due to administrator command")],
    ["server shutting down", withCode("57P03", "the database system is shutting down")],
    ["connection failure", withCode("08006")],
    ["too many connections", withCode("53300")],
    ["dropped socket", new Error("Connection terminated unexpectedly")],
    ["a client that broke earlier", new Error("Client has encountered a connection error and is not queryable")],
    ["pool gave up connecting", new Error("timeout exceeded when trying to connect")],
    ["wrapped as the cause", new Error("procedure failed", { cause: withCode("57P01") })],
  ])("is true for a %s", (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["unique violation", withCode("23505")],
    ["missing table", withCode("42P01")],
    ["syntax error", withCode("42601")],
    ["invalid text (a NUL byte)", withCode("22021")],
    ["plain error", new Error("something else")],
    ["non-error", "ECONNREFUSED"],
    ["nothing", null],
  ])("is false for a %s", (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("checkReadiness", () => {
  it("is not ready before the migrations and ready after", async () => {
    const bare = await openDatabase({ dataDir: "memory://", migrate: false });
    try {
      expect(await checkReadiness(bare.db)).toMatchObject({ ready: false, reason: "migrations" });
    } finally {
      await bare.close();
    }
    const migrated = await openDatabase({ dataDir: "memory://" });
    try {
      expect(await checkReadiness(migrated.db)).toEqual({ ready: true });
      await migrated.db.deleteFrom("kp_migration").where("version", "=", 1).execute();
      expect(await checkReadiness(migrated.db)).toEqual({
        ready: false,
        reason: "migrations",
        detail: "missing migrations 1",
      });
    } finally {
      await migrated.close();
    }
  });
});
