// tRPC set-up: the error shape, and every procedure builder. Permissions live here and only here:
// a router picks the builder of the least role that may call a procedure.
import { initTRPC, TRPCError } from "@trpc/server";
import type { Role, Transaction, Database } from "@kaoping/db";
import { appendAudit, isDatabaseUnavailable, type Json } from "@kaoping/db";
import { ZodError } from "zod";
import type { AuthUser, Context } from "./context.ts";
import {
  DATABASE_UNAVAILABLE,
  fromDatabaseError,
  INTERNAL_MESSAGE,
  isDatabaseError,
  RevisionConflict,
} from "./errors.ts";
import { bilingualIssue, guardInput, translateZodIssue, type FieldIssue } from "./input-policy.ts";

/** Every failing path of a zod error, in both languages. */
function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) =>
    bilingualIssue(
      issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
      translateZodIssue(issue),
    ),
  );
}

/** One line per issue: its path, then the message in Chinese and English where it has both. */
function issueLines(issues: readonly FieldIssue[]): string {
  return issues
    .map(
      (i) =>
        `${i.path.join(".") || "(input)"}: ${i.zh !== undefined && i.zh !== i.message ? `${i.zh} / ${i.message}` : i.message}`,
    )
    .join("; ");
}

/** A BAD_REQUEST naming every failing field. */
export class ValidationError extends TRPCError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super({
      code: "BAD_REQUEST",
      message: issueLines(issues),
    });
    this.issues = issues;
  }
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error, ctx }) {
    // The request's id lets a user quote a failure and an operator find its log lines.
    const requestId = ctx?.requestId ?? null;
    // The database is away (restart, dropped connection): a 503 in plain words, never its raw
    // error; the request can be sent again once it is back.
    if (isDatabaseUnavailable(error.cause)) {
      return {
        ...shape,
        message: DATABASE_UNAVAILABLE,
        data: {
          ...shape.data,
          code: "SERVICE_UNAVAILABLE" as const,
          httpStatus: 503,
          issues: null,
          currentRevision: null,
          requestId,
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
    // What went wrong inside the server (a bug, the database's own words) stays in its log.
    const message =
      issues && !(error instanceof ValidationError)
        ? issueLines(issues)
        : error.code === "INTERNAL_SERVER_ERROR"
          ? // A failure of ours: whatever shows the message shows what to quote when reporting it.
            requestId !== null
            ? `${INTERNAL_MESSAGE} (请求编号 request id: ${requestId})`
            : INTERNAL_MESSAGE
          : shape.message;
    const currentRevision = error.cause instanceof RevisionConflict ? error.cause.currentRevision : null;
    // No stack traces to clients: they show file paths and say nothing the message does not.
    return { ...shape, message, data: { ...shape.data, issues, currentRevision, requestId, stack: undefined } };
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
export const publicProcedure = t.procedure.use(databaseErrors).use(withPath).use(inputGuard);

const requireUser = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

function requireRole(roles: readonly Role[]) {
  return t.middleware(({ ctx, next }) => {
    const user = ctx.user as AuthUser;
    if (!roles.includes(user.role)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `this needs one of the roles ${roles.join(", ")}; you are ${user.role}`,
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
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `${path} must be sent on its own, not in a batch of ${ctx.callsInRequest} calls`,
    });
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
