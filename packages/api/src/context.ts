// The request context. `createInnerContext` needs no HTTP (tests use it with `createCaller`);
// `createRequestContext` adds what an HTTP host knows: the cookie, the Authorization header, the
// client address, and a way to set cookies on the answer.
import type { DatabaseKind, Database, Kysely, Role } from "@kaoping/db";
import { isDatabaseUnavailable } from "@kaoping/db";
import { hashSecret } from "./auth/secrets.ts";
import { DEFAULT_THROTTLE, type ThrottleSettings } from "./auth/throttle.ts";
import type { Lang } from "./messages.ts";

/** The signed-in user as the API sees it; never carries the password hash. */
export interface AuthUser {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** How the request proved who it is ("internal": in-process callers such as seeding and tests). */
  readonly via: "session" | "token" | "internal";
  /** The API token's name when `via` is "token". */
  readonly tokenName?: string;
  /** The hashed session id when `via` is "session" (logout deletes it). */
  readonly sessionId?: string;
}

export interface CookieOptions {
  readonly maxAgeSeconds?: number;
}

/** Where the API sets and clears cookies; the HTTP host implements it, tests record it. */
export interface CookieJar {
  set(name: string, value: string, options?: CookieOptions): void;
  clear(name: string): void;
}

export interface ApiSettings {
  readonly sessionDays: number;
  /** API token lifetime in days: the default when creation names none, and the most it may name. */
  readonly tokenDays: { readonly default: number; readonly max: number };
  /** Largest evidence file accepted, in bytes. */
  readonly maxEvidenceBytes: number;
  readonly throttle: ThrottleSettings;
}

export const DEFAULT_SETTINGS: ApiSettings = {
  sessionDays: 7,
  tokenDays: { default: 90, max: 365 },
  maxEvidenceBytes: 5 * 1024 * 1024,
  throttle: DEFAULT_THROTTLE,
};

export const SESSION_COOKIE = "kp_session";

/** An API token's last use is recorded to this resolution (one write a minute at most, not per request). */
const TOKEN_USE_RESOLUTION_MS = 60_000;

export interface Context {
  readonly db: Kysely<Database>;
  readonly dbKind: DatabaseKind;
  readonly user: AuthUser | null;
  /** The client's address, for login throttling. */
  readonly address: string;
  /** How many procedure calls the HTTP request carries (a tRPC batch has more than one). */
  readonly callsInRequest: number;
  readonly cookies: CookieJar;
  readonly settings: ApiSettings;
  /** The clock, replaceable in tests. */
  readonly now: () => Date;
  /** The HTTP request's id (X-Request-Id), returned in error data for users to quote; null without HTTP. */
  readonly requestId: string | null;
  /** The language of error messages (Accept-Language; Chinese by default). */
  readonly lang: Lang;
  /**
   * The database was away while the request was authenticated: the first middleware throws it, so
   * that the answer (a 503) is written in the request's language like every other.
   */
  readonly unavailable?: unknown;
}

export interface InnerContextOptions {
  readonly db: Kysely<Database>;
  readonly dbKind?: DatabaseKind;
  readonly user?: AuthUser | null;
  readonly address?: string;
  readonly callsInRequest?: number;
  readonly cookies?: CookieJar;
  readonly settings?: Partial<ApiSettings>;
  readonly now?: () => Date;
  readonly requestId?: string;
  readonly lang?: Lang;
}

const NO_COOKIES: CookieJar = { set() {}, clear() {} };

/** A context without HTTP: for tests and scripts (seeding, benchmarks). */
export function createInnerContext(options: InnerContextOptions): Context {
  return {
    db: options.db,
    dbKind: options.dbKind ?? "pglite",
    user: options.user ?? null,
    address: options.address ?? "local",
    callsInRequest: options.callsInRequest ?? 1,
    cookies: options.cookies ?? NO_COOKIES,
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    now: options.now ?? (() => new Date()),
    requestId: options.requestId ?? null,
    lang: options.lang ?? "zh",
  };
}

export interface RequestContextOptions extends Omit<InnerContextOptions, "user"> {
  /** The raw Cookie header. */
  readonly cookieHeader?: string | undefined;
  /** The raw Authorization header. */
  readonly authorization?: string | undefined;
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** A context for an HTTP request: the user comes from a Bearer token or the session cookie. */
export async function createRequestContext(options: RequestContextOptions): Promise<Context> {
  const base = createInnerContext(options);
  try {
    const user = await authenticate(base, options.authorization, readCookie(options.cookieHeader, SESSION_COOKIE));
    return { ...base, user };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return { ...base, unavailable: error };
  }
}

/** Resolves a Bearer token (preferred) or a session cookie to its user; null when neither is valid. */
export async function authenticate(
  ctx: Context,
  authorization: string | undefined,
  sessionCookie: string | undefined,
): Promise<AuthUser | null> {
  const now = ctx.now();
  const bearer = authorization?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (bearer) {
    const row = await ctx.db
      .selectFrom("api_token")
      .innerJoin("app_user", "app_user.id", "api_token.user_id")
      .select([
        "api_token.id as tokenId",
        "api_token.name as tokenName",
        "api_token.last_used_at",
        "app_user.id",
        "app_user.username",
        "app_user.display_name",
        "app_user.role",
      ])
      .where("api_token.token_hash", "=", hashSecret(bearer))
      .where("api_token.revoked_at", "is", null)
      .where("api_token.expires_at", ">", now)
      .where("app_user.disabled", "=", false)
      .executeTakeFirst();
    if (!row) return null;
    // Record use at most once a minute: a write per request would cost more than it tells.
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= TOKEN_USE_RESOLUTION_MS) {
      await ctx.db.updateTable("api_token").set({ last_used_at: now }).where("id", "=", row.tokenId).execute();
    }
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      via: "token",
      tokenName: row.tokenName,
    };
  }
  if (sessionCookie) {
    const sessionId = hashSecret(sessionCookie);
    const row = await ctx.db
      .selectFrom("user_session")
      .innerJoin("app_user", "app_user.id", "user_session.user_id")
      .select(["app_user.id", "app_user.username", "app_user.display_name", "app_user.role"])
      .where("user_session.id", "=", sessionId)
      .where("user_session.expires_at", ">", now)
      .where("app_user.disabled", "=", false)
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      via: "session",
      sessionId,
    };
  }
  return null;
}
