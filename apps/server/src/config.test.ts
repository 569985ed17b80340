import { describe, expect, it } from "vitest";
import { ConfigError, configFromEnv, describeConfig } from "./config.ts";

/** The problems configFromEnv reports for `env`. */
function problems(env: Record<string, string>): readonly string[] {
  try {
    configFromEnv(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
}

describe("the environment", () => {
  it("has defaults that start a local server", () => {
    const config = configFromEnv({});
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      secureCookies: false,
      trustedProxies: 0,
      seed: true,
      logLevel: "info",
    });
    expect(config.logFormat).toBeUndefined();
  });

  it("reads booleans as true/false/1/0 in any case, empty as unset", () => {
    for (const on of ["true", "1", "TRUE", " True "])
      expect(configFromEnv({ KAOPING_SECURE_COOKIES: on }).secureCookies).toBe(true);
    for (const off of ["false", "0", "False", ""])
      expect(configFromEnv({ KAOPING_SECURE_COOKIES: off }).secureCookies).toBe(false);
    expect(configFromEnv({ KAOPING_SEED: "0" }).seed).toBe(false);
    expect(configFromEnv({ KAOPING_SEED: "" }).seed).toBe(true);
  });

  it("reads numbers, URLs, names and paths", () => {
    const config = configFromEnv({
      PORT: "0",
      HOST: "0.0.0.0",
      DATABASE_URL: "postgresql://kaoping:pw@db:5432/kaoping",
      KAOPING_DB_SCHEMA: "run_1",
      KAOPING_TRUST_PROXY: " 2 ",
      KAOPING_DATA_DIR: "/var/lib/kaoping",
      LOG_LEVEL: "debug",
      LOG_FORMAT: "json",
    });
    expect(config).toMatchObject({
      port: 0,
      host: "0.0.0.0",
      databaseSchema: "run_1",
      trustedProxies: 2,
      dataDir: "/var/lib/kaoping",
      logLevel: "debug",
      logFormat: "json",
    });
  });

  it.each([
    ["PORT", "http", 'PORT="http" is not allowed: it must be a port number, 0 to 65535.'],
    ["PORT", "65536", "a port number, 0 to 65535"],
    ["PORT", "-1", "a port number"],
    ["PORT", "80.5", "a port number"],
    ["HOST", "local host", "an address or host name"],
    ["DATABASE_URL", "mysql://u:secret@db/k", "a PostgreSQL URL"],
    ["DATABASE_URL", "not a url", "a PostgreSQL URL"],
    ["KAOPING_DB_SCHEMA", "Drop;Table", "a PostgreSQL schema name"],
    ["KAOPING_DB_SCHEMA", "1abc", "a PostgreSQL schema name"],
    ["KAOPING_ADMIN_PASSWORD", "short", "a password of at least 10 characters"],
    ["KAOPING_DEMO_PASSWORD", "123456789", "a password of at least 10 characters"],
    ["KAOPING_SECURE_COOKIES", "yes", 'KAOPING_SECURE_COOKIES="yes" is not allowed: it must be true, false, 1 or 0.'],
    ["KAOPING_SECURE_COOKIES", "on", "true, false, 1 or 0"],
    ["KAOPING_SEED", "2", "true, false, 1 or 0"],
    ["KAOPING_DB_STATEMENT_TIMEOUT_MS", "99", "milliseconds a database statement may run, 100 to 3600000"],
    ["KAOPING_DB_STATEMENT_TIMEOUT_MS", "30s", "milliseconds a database statement may run"],
    ...["yes", "true", "-1", "1.5", "11", "0x1", "1e1"].map((bad) => [
      "KAOPING_TRUST_PROXY",
      bad,
      "the number of reverse proxies in front of the server, 0 to 10",
    ]),
    ["KAOPING_METRICS_TOKEN", "too-short", "a token of at least 16 characters"],
    ["KAOPING_METRICS_TOKEN", "has spaces in it, sixteen+", "a token of at least 16 characters"],
    ["LOG_LEVEL", "verbose", "fatal, error, warn, info, debug, trace, silent"],
    ["LOG_FORMAT", "yaml", "json or pretty"],
  ])("refuses %s=%j, naming it and what it may be", (name, value, message) => {
    const [problem, ...others] = problems({ [name]: value });
    expect(others).toEqual([]);
    expect(problem).toContain(`${name}=`);
    expect(problem).toContain(message);
  });

  it("lists every bad variable at once and never shows a password", () => {
    const found = problems({
      PORT: "x",
      KAOPING_ADMIN_PASSWORD: "short",
      DATABASE_URL: "mysql://u:secret@db/k",
      LOG_LEVEL: "loud",
    });
    expect(found.map((line) => line.split("=")[0])).toEqual([
      "PORT",
      "DATABASE_URL",
      "KAOPING_ADMIN_PASSWORD",
      "LOG_LEVEL",
    ]);
    const text = found.join("\n");
    expect(text).not.toContain("short");
    expect(text).not.toContain("secret");
    expect(text).toContain('DATABASE_URL="mysql://u:********@db/k"');
  });

  it("is described with secrets masked and defaults marked", () => {
    const env = {
      DATABASE_URL: "postgres://kaoping:s3cret%40x@db/kaoping",
      KAOPING_ADMIN_PASSWORD: "a long admin password",
      KAOPING_SECURE_COOKIES: "true",
    };
    const text = describeConfig(configFromEnv(env), env);
    expect(text).not.toContain("s3cret");
    expect(text).not.toContain("a long admin password");
    expect(text).toMatch(/DATABASE_URL +postgres:\/\/kaoping:\*{8}@db\/kaoping\n/);
    expect(text).toMatch(/KAOPING_ADMIN_PASSWORD +\*{8}\n/);
    expect(text).toMatch(/KAOPING_DEMO_PASSWORD +\(unset\) +\(default\)\n/);
    expect(text).toMatch(/KAOPING_SECURE_COOKIES +true\n/);
    expect(text).toMatch(/PORT +3000 +\(default\)\n/);
  });
});
