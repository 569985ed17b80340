// tRPC set-up: the error shape, and every procedure builder. Permissions live here and only here:
// a router picks the builder of the least role that may call a procedure.
import { initTRPC, TRPCError } from "@trpc/server";
import type { Role, Transaction, Database } from "@kaoping/db";
import { appendAudit, isDatabaseUnavailable, type Json } from "@kaoping/db";
import { ZodError, z } from "zod";
import type { AuthUser, Context } from "./context.ts";
import { fromDatabaseError, isDatabaseError, RevisionConflict } from "./errors.ts";
import { bilingualIssue, guardInput, translateZodIssue, type FieldIssue } from "./input-policy.ts";
import {
  type Lang,
  type MessageParams,
  paramsIn,
  refuse,
  roleWord,
  SERVER_MESSAGE_KEYS,
  ServerError,
  type ServerMessageKey,
  serverMessage,
} from "./messages.ts";

/** Every failing path of a zod error, in both languages. */
function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) =>
    bilingualIssue(
      issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
      translateZodIssue(issue),
    ),
  );
}

/** One line per issue: its path, then the message in `lang` (English where an issue has no Chinese). */
function issueLines(issues: readonly FieldIssue[], lang: Lang): string {
  return issues
    .map((i) => `${i.path.join(".") || "(input)"}: ${lang === "zh" ? (i.zh ?? i.message) : i.message}`)
    .join(lang === "zh" ? "；" : "; ");
}

/** A BAD_REQUEST naming every failing field (its own message in English; over HTTP, the request's language). */
export class ValidationError extends TRPCError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super({
      code: "BAD_REQUEST",
      message: issueLines(issues, "en"),
    });
    this.issues = issues;
  }
}

/**
 * What every API error's data says of its message, beside tRPC's own fields: the message key
 * (messages.ts) and its parameters in the request's language, so that a client can say it in its
 * own words; null for errors without a key (tRPC's own, such as an unknown procedure).
 */
export const ErrorMessageDataSchema = z.object({
  messageKey: z.enum(SERVER_MESSAGE_KEYS as [ServerMessageKey, ...ServerMessageKey[]]).nullable(),
  messageParams: z.record(z.string(), z.union([z.string(), z.number()])).nullable(),
});
export type ErrorMessageData = z.infer<typeof ErrorMessageDataSchema>;

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    // The request's id lets a user quote a failure and an operator find its log lines.
    const requestId = ctx?.requestId ?? null;
    // One language per answer: the request's (Accept-Language), Chinese by default.
    const lang: Lang = ctx?.lang ?? "zh";
    const say = <K extends ServerMessageKey>(key: K, params: MessageParams<K>) => ({
      message: serverMessage(key, params, lang),
      ...ErrorMessageDataSchema.parse({ messageKey: key, messageParams: paramsIn(params, lang) }),
    });
    // The database is away (restart, dropped connection): a 503 in plain words, never its raw
    // error; the request can be sent again once it is back.
    if (isDatabaseUnavailable(error.cause)) {
      const { message, ...words } = say("databaseUnavailable", {});
      return {
        ...shape,
        message,
        data: {
          ...shape.data,
          code: "SERVICE_UNAVAILABLE" as const,
          httpStatus: 503,
          issues: null,
          currentRevision: null,
          requestId,
          ...words,
          stack: undefined,
        },
      };
    }
    // A ZodError behind anything but BAD_REQUEST is the server's own output check failing.
    const issues =
      error instanceof ValidationError
        ? error.issues
        : error.code === "BAD_REQUEST" && error.cause instanceof ZodError
          ? zodIssues(error.cause)
          : null;
    // What went wrong inside the server (a bug, the database's own words) stays in its log; the
    // message shows what to quote when reporting it.
    const { message, ...words } = issues
      ? say("invalidInput", { details: issueLines(issues, lang) })
      : error.code === "INTERNAL_SERVER_ERROR"
        ? say("internalError", { requestId: requestId ?? "-" })
        : error instanceof ServerError
          ? say(error.key, error.params)
          : { message: shape.message, messageKey: null, messageParams: null };
    const currentRevision = error.cause instanceof RevisionConflict ? error.cause.currentRevision : null;
    // No stack traces to clients: they show file paths and say nothing the message does not.
    return {
      ...shape,
      message,
      data: { ...shape.data, issues, currentRevision, requestId, ...words, stack: undefined },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Who may call what. Each builder below allows the roles listed here; admin may do everything.
 * The permission-table test reads this table's effect through real calls, not this object.
 */
export const PERMISSIONS = {
  signedIn: ["admin", "policy", "assessor", "reviewer", "viewer"],
  policy: ["admin", "policy"],
  assessor: ["admin", "assessor"],
  reviewer: ["admin", "reviewer"],
  admin: ["admin"],
} as const satisfies Record<string, readonly Role[]>;

// Every procedure knows its own path, which the audit log records.
const withPath = t.middleware(({ ctx, path, next }) => next({ ctx: { ...ctx, procedure: path } }));

/** The database was away when the request was authenticated (context.ts): answer that (a 503). */
const databaseReached = t.middleware(({ ctx, next }) => {
  if (ctx.unavailable !== undefined) throw ctx.unavailable;
  return next();
});

/** The input policy's guard (input-policy.ts): every call's raw input, before any schema. */
export const inputGuard = t.middleware(async ({ getRawInput, next }) => {
  let raw: unknown;
  try {
    raw = await getRawInput();
  } catch {
    throw new ValidationError([
      bilingualIssue([], { zh: "请求内容不是有效的 JSON", en: "the request body is not valid JSON" }),
    ]);
  }
  const guarded = guardInput(raw);
  if (!guarded.ok) throw new ValidationError([guarded.issue]);
  return next({ getRawInput: () => Promise.resolve(guarded.input) });
});

/** Database errors become plain errors by kind; the database's own words never reach a client. */
const databaseErrors = t.middleware(async ({ next }) => {
  const result = await next();
  // The database being away is the formatter's to say (a 503); this is for what it refused.
  const cause = result.ok ? undefined : result.error.cause;
  if (isDatabaseError(cause) && !isDatabaseUnavailable(cause)) throw fromDatabaseError(cause);
  return result;
});

/** Anyone, signed in or not. Every other builder starts here, so every procedure has the guard. */
export const publicProcedure = t.procedure.use(databaseErrors).use(databaseReached).use(withPath).use(inputGuard);

const requireUser = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw refuse("UNAUTHORIZED", "signInFirst", {});
  return next({ ctx: { ...ctx, user: ctx.user } });
});

function requireRole(roles: readonly Role[]) {
  return t.middleware(({ ctx, next }) => {
    const user = ctx.user as AuthUser;
    if (!roles.includes(user.role)) {
      throw refuse("FORBIDDEN", "roleRequired", {
        roles: { zh: roles.map((r) => roleWord(r).zh).join("、"), en: roles.join(", ") },
        role: roleWord(user.role),
      });
    }
    return next();
  });
}

/**
 * For procedures that check or hand out a secret (passwords, tokens): refused inside a tRPC batch,
 * where one HTTP request could carry hundreds of guesses. Use with `.use(singleCall)`.
 */
export const singleCall = t.middleware(({ ctx, path, next }) => {
  if (ctx.callsInRequest > 1) {
    throw refuse("BAD_REQUEST", "notInBatch", { path, calls: ctx.callsInRequest });
  }
  return next();
});

/** Any signed-in user (viewer and up). */
export const protectedProcedure = publicProcedure.use(requireUser);
/** Rubric authors. */
export const policyProcedure = protectedProcedure.use(requireRole(PERMISSIONS.policy));
/** People who enter facts. */
export const assessorProcedure = protectedProcedure.use(requireRole(PERMISSIONS.assessor));
/** People who approve or return assessments. */
export const reviewerProcedure = protectedProcedure.use(requireRole(PERMISSIONS.reviewer));
/** Administrators: users, tokens, subjects, periods, the audit log. */
export const adminProcedure = protectedProcedure.use(requireRole(PERMISSIONS.admin));

/** A value as JSON for the audit log: dates as ISO text, bytes left out. */
function auditJson(value: unknown): Json {
  if (value === undefined) return null;
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? `(${v.byteLength} bytes)` : v)),
  ) as Json;
}

/** Appends an audit entry for a change made through the calling procedure, inside `tx`. */
export async function audit(
  tx: Transaction<Database>,
  ctx: { readonly user: AuthUser | null; readonly procedure: string },
  entity: string,
  entityId: string | number | null,
  before: unknown,
  after: unknown,
): Promise<void> {
  const user = ctx.user;
  await appendAudit(tx, {
    userId: user?.id ?? null,
    actor: user ? (user.tokenName ? `${user.username} (token ${user.tokenName})` : user.username) : "anonymous",
    procedure: ctx.procedure,
    entity,
    entityId,
    before: auditJson(before),
    after: auditJson(after),
  });
}
