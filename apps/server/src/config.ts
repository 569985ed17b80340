// Server settings from the environment, validated once at start (zod), with the defaults that make
// `pnpm start` just work. A bad value stops the start with a message naming the variable and what
// it may be, never a stack trace; `--check-config` shows what the server would run with.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { MAX_TRUSTED_PROXIES } from "./client-address.ts";
import type { LogFormat } from "./logger.ts";

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root (apps/server/src → ../../..), when running from source. */
export const REPO_ROOT = resolve(here, "../../..");

/** True in the built server (scripts/build.ts defines it); not defined when running from source. */
declare const KAOPING_BUILT: boolean | undefined;

/**
 * Where the data, the web app and the rubrics are unless the environment says: in the built server
 * the web app and the rubrics are copied beside the bundle (dist/web, dist/rubrics) and the data
 * goes beside dist/; from source, the repository's own folders.
 */
const DEFAULT_PLACES =
  typeof KAOPING_BUILT !== "undefined" && KAOPING_BUILT
    ? { data: resolve(here, "../data"), web: resolve(here, "web"), rubrics: resolve(here, "rubrics") }
    : {
        data: resolve(REPO_ROOT, "data"),
        web: resolve(REPO_ROOT, "apps/web/dist"),
        rubrics: resolve(REPO_ROOT, "rubrics"),
      };

/** Exit code of a start refused for its configuration (1 stays for failures at run time). */
export const CONFIG_EXIT_CODE = 2;

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const MIN_PASSWORD_LENGTH = 10;

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  /** PostgreSQL schema to use (created if missing); tests give each server run its own. */
  readonly databaseSchema: string | undefined;
  /** PostgreSQL: how long a statement may run; a query unanswered 2 s longer is abandoned (a cut network). */
  readonly databaseStatementTimeoutMs: number;
  readonly dataDir: string;
  readonly webDist: string;
  readonly rubricsDir: string;
  readonly adminPassword: string | undefined;
  /** Password of the demo users (policy, assessor, reviewer, viewer); generated per user when unset. */
  readonly demoPassword: string | undefined;
  readonly secureCookies: boolean;
  /** Reverse proxies in front of the server, whose X-Forwarded-For entries are believed (0: none). */
  readonly trustedProxies: number;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** LOG_FORMAT: json, pretty, or unset for pretty on a terminal and JSON otherwise. */
  readonly logFormat: LogFormat | undefined;
  readonly seed: boolean;
  /** When set, /metrics answers only requests that carry it as a Bearer token. */
  readonly metricsToken: string | undefined;
}

/** One environment variable: what it may hold (said in the refusal), and how it is read. */
interface Variable {
  readonly allowed: string;
  /** Its value is never printed (passwords), or only with the secret part masked (DATABASE_URL). */
  readonly secret?: "whole" | "password";
  readonly schema: z.ZodType;
}

const integer = (min: number, max: number, fallback: number) =>
  z.string().trim().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max)).default(fallback);

/** true/false/1/0 in any case; unset is `fallback`. */
const boolean = (fallback: boolean) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["true", "false", "1", "0"]))
    .transform((value) => value === "true" || value === "1")
    .default(fallback);

const path = (fallback: string) =>
  z
    .string()
    .transform((value) => resolve(value))
    .default(fallback);

const POSTGRES_URL = z.url({ protocol: /^postgres(ql)?$/ });

const password = z.string().min(MIN_PASSWORD_LENGTH).optional();

/** Every variable the server reads, by name; the keys are the names users set. */
const VARIABLES = {
  PORT: { allowed: "a port number, 0 to 65535", schema: integer(0, 65535, 3000) },
  HOST: {
    allowed: "an address or host name to listen on, such as 127.0.0.1 or 0.0.0.0",
    schema: z
      .string()
      .regex(/^[^\s/]+$/)
      .default("127.0.0.1"),
  },
  DATABASE_URL: {
    allowed: "a PostgreSQL URL, postgres://user:password@host:port/database (unset: PGlite in KAOPING_DATA_DIR)",
    secret: "password",
    schema: POSTGRES_URL.optional(),
  },
  KAOPING_DB_SCHEMA: {
    allowed:
      "a PostgreSQL schema name: lower-case letters, digits and _, not starting with a digit, at most 63 characters",
    schema: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/)
      .optional(),
  },
  KAOPING_DB_STATEMENT_TIMEOUT_MS: {
    allowed: "milliseconds a database statement may run, 100 to 3600000",
    schema: integer(100, 3_600_000, 30_000),
  },
  KAOPING_DATA_DIR: { allowed: "a directory", schema: path(DEFAULT_PLACES.data) },
  KAOPING_WEB_DIST: { allowed: "a directory", schema: path(DEFAULT_PLACES.web) },
  KAOPING_RUBRICS_DIR: { allowed: "a directory", schema: path(DEFAULT_PLACES.rubrics) },
  KAOPING_ADMIN_PASSWORD: {
    allowed: `a password of at least ${MIN_PASSWORD_LENGTH} characters`,
    secret: "whole",
    schema: password,
  },
  KAOPING_DEMO_PASSWORD: {
    allowed: `a password of at least ${MIN_PASSWORD_LENGTH} characters`,
    secret: "whole",
    schema: password,
  },
  KAOPING_SECURE_COOKIES: { allowed: "true, false, 1 or 0", schema: boolean(false) },
  KAOPING_TRUST_PROXY: {
    allowed: `the number of reverse proxies in front of the server, 0 to ${MAX_TRUSTED_PROXIES}`,
    schema: integer(0, MAX_TRUSTED_PROXIES, 0),
  },
  KAOPING_SEED: { allowed: "true, false, 1 or 0", schema: boolean(true) },
  KAOPING_METRICS_TOKEN: {
    allowed: `a token of at least 16 characters, letters, digits and - . _ ~ + / = (unset: /metrics is open)`,
    secret: "whole",
    schema: z
      .string()
      .regex(/^[A-Za-z0-9._~+/=-]{16,}$/)
      .optional(),
  },
  LOG_LEVEL: { allowed: LOG_LEVELS.join(", "), schema: z.enum(LOG_LEVELS).default("info") },
  LOG_FORMAT: {
    allowed: "json or pretty (unset: pretty on a terminal, json otherwise)",
    schema: z.enum(["json", "pretty"]).optional(),
  },
} satisfies Record<string, Variable>;

export type VariableName = keyof typeof VARIABLES;
const NAMES = Object.keys(VARIABLES) as VariableName[];

const ENVIRONMENT = z.object(
  Object.fromEntries(NAMES.map((name) => [name, VARIABLES[name].schema])) as {
    [K in VariableName]: (typeof VARIABLES)[K]["schema"];
  },
);

/** A value as it may be shown: passwords hidden, the password inside a URL masked. */
export function shownValue(name: VariableName, value: string): string {
  const secret: Variable["secret"] = (VARIABLES[name] as Variable).secret;
  if (secret === "whole") return "********";
  if (secret === "password") return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/@:]*:)[^/@]*@/i, "$1********@");
  return value;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The server's configuration is not valid:\n${problems.map((line) => `  ${line}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Reads and checks every variable in the table above. Unset and empty are the same (compose files
 * and systemd units write `NAME=` for "not set"). Throws a ConfigError listing each bad variable.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const given = Object.fromEntries(NAMES.map((name) => [name, env[name] === "" ? undefined : env[name]]));
  const parsed = ENVIRONMENT.safeParse(given);
  if (!parsed.success) {
    const bad = [...new Set(parsed.error.issues.map((issue) => issue.path[0] as VariableName))];
    throw new ConfigError(
      bad.map(
        (name) =>
          `${name}=${JSON.stringify(shownValue(name, String(given[name])))} is not allowed: it must be ${VARIABLES[name].allowed}.`,
      ),
    );
  }
  const v = parsed.data;
  return {
    port: v.PORT,
    host: v.HOST,
    databaseUrl: v.DATABASE_URL,
    databaseSchema: v.KAOPING_DB_SCHEMA,
    databaseStatementTimeoutMs: v.KAOPING_DB_STATEMENT_TIMEOUT_MS,
    dataDir: v.KAOPING_DATA_DIR,
    webDist: v.KAOPING_WEB_DIST,
    rubricsDir: v.KAOPING_RUBRICS_DIR,
    adminPassword: v.KAOPING_ADMIN_PASSWORD,
    demoPassword: v.KAOPING_DEMO_PASSWORD,
    secureCookies: v.KAOPING_SECURE_COOKIES,
    trustedProxies: v.KAOPING_TRUST_PROXY,
    logLevel: v.LOG_LEVEL,
    logFormat: v.LOG_FORMAT,
    seed: v.KAOPING_SEED,
    metricsToken: v.KAOPING_METRICS_TOKEN,
  };
}

/** Each variable with the value the server resolved for it (secrets masked) and where it came from. */
export function describeConfig(config: ServerConfig, env: NodeJS.ProcessEnv = process.env): string {
  const resolved: Record<VariableName, string | number | boolean | undefined> = {
    PORT: config.port,
    HOST: config.host,
    DATABASE_URL: config.databaseUrl,
    KAOPING_DB_SCHEMA: config.databaseSchema,
    KAOPING_DB_STATEMENT_TIMEOUT_MS: config.databaseStatementTimeoutMs,
    KAOPING_DATA_DIR: config.dataDir,
    KAOPING_WEB_DIST: config.webDist,
    KAOPING_RUBRICS_DIR: config.rubricsDir,
    KAOPING_ADMIN_PASSWORD: config.adminPassword,
    KAOPING_DEMO_PASSWORD: config.demoPassword,
    KAOPING_SECURE_COOKIES: config.secureCookies,
    KAOPING_TRUST_PROXY: config.trustedProxies,
    KAOPING_SEED: config.seed,
    KAOPING_METRICS_TOKEN: config.metricsToken,
    LOG_LEVEL: config.logLevel,
    LOG_FORMAT: config.logFormat,
  };
  const width = Math.max(...NAMES.map((name) => name.length));
  const lines = NAMES.map((name) => {
    const value = resolved[name];
    const shown = value === undefined ? "(unset)" : shownValue(name, String(value));
    const from = env[name] === undefined || env[name] === "" ? "  (default)" : "";
    return `  ${name.padEnd(width)}  ${shown}${from}`;
  });
  return `Kaoping server configuration (secrets masked):\n${lines.join("\n")}\n`;
}
