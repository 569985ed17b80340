// Server settings from the environment, with the defaults that make `pnpm start` just work.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { trustedProxiesFrom } from "./client-address.ts";

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root (apps/server/src → ../../..). */
export const REPO_ROOT = resolve(here, "../../..");

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string | undefined;
  /** PostgreSQL schema to use (created if missing); tests give each server run its own. */
  readonly databaseSchema: string | undefined;
  readonly dataDir: string;
  readonly webDist: string;
  readonly rubricsDir: string;
  readonly adminPassword: string | undefined;
  /** Password of the demo users (policy, assessor, reviewer, viewer); generated per user when unset. */
  readonly demoPassword: string | undefined;
  readonly secureCookies: boolean;
  /** Reverse proxies in front of the server, whose X-Forwarded-For entries are believed (0: none). */
  readonly trustedProxies: number;
  readonly logLevel: string;
  /** LOG_FORMAT: json, pretty, or unset for pretty on a terminal and JSON otherwise. */
  readonly logFormat: string | undefined;
  readonly seed: boolean;
}

/** Reads PORT, HOST, DATABASE_URL, KAOPING_DB_SCHEMA, KAOPING_DATA_DIR, KAOPING_WEB_DIST, KAOPING_RUBRICS_DIR, KAOPING_ADMIN_PASSWORD, KAOPING_DEMO_PASSWORD, KAOPING_SECURE_COOKIES, KAOPING_TRUST_PROXY, LOG_LEVEL, LOG_FORMAT, KAOPING_SEED. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env.PORT}`);
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    databaseUrl: env.DATABASE_URL || undefined,
    databaseSchema: env.KAOPING_DB_SCHEMA || undefined,
    dataDir: resolve(env.KAOPING_DATA_DIR ?? resolve(REPO_ROOT, "data")),
    webDist: resolve(env.KAOPING_WEB_DIST ?? resolve(REPO_ROOT, "apps/web/dist")),
    rubricsDir: resolve(env.KAOPING_RUBRICS_DIR ?? resolve(REPO_ROOT, "rubrics")),
    adminPassword: env.KAOPING_ADMIN_PASSWORD || undefined,
    demoPassword: env.KAOPING_DEMO_PASSWORD || undefined,
    secureCookies: env.KAOPING_SECURE_COOKIES === "1",
    trustedProxies: trustedProxiesFrom(env.KAOPING_TRUST_PROXY),
    logLevel: env.LOG_LEVEL ?? "info",
    logFormat: env.LOG_FORMAT || undefined,
    seed: env.KAOPING_SEED !== "0",
  };
}
