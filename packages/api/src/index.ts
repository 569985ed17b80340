// @kaoping/api: the tRPC routers and their context. No HTTP here; apps/server hosts it.
export { appRouter, createCaller, type AppRouter } from "./root.ts";
export {
  createInnerContext,
  createRequestContext,
  authenticate,
  readCookie,
  SESSION_COOKIE,
  DEFAULT_SETTINGS,
  type Context,
  type AuthUser,
  type CookieJar,
  type CookieOptions,
  type ApiSettings,
} from "./context.ts";
export { PERMISSIONS, ErrorMessageDataSchema, type ErrorMessageData } from "./trpc.ts";
export type { FieldIssue } from "./input-policy.ts";
export {
  languageFrom,
  serverMessage,
  SERVER_MESSAGE_KEYS,
  type Lang,
  type MessageParams,
  type ServerMessageKey,
} from "./messages.ts";
export { isDatabaseError } from "./errors.ts";
export { INPUT_LIMITS } from "./input-policy.ts";
export { hashPassword, verifyPassword, generatePassword } from "./auth/passwords.ts";
export { hashSecret, newApiToken } from "./auth/secrets.ts";
export { DEFAULT_THROTTLE, type ThrottleSettings } from "./auth/throttle.ts";
export { DATABASE_UNAVAILABLE } from "./errors.ts";
export { readEvidence, checkEvidenceFile, EVIDENCE_TYPES, type EvidenceFile } from "./evidence.ts";
export { scoresComputed } from "./scoring.ts";
