import type { AppRouter } from "@kaoping/api";
import { createTRPCClient, httpBatchLink, httpLink, splitLink, TRPCClientError, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import i18next from "i18next";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/**
 * The server writes its refusals in the language the request asks for, and sends the message key
 * and parameters beside (@kaoping/api messages.ts): say them in the app's current language from
 * its catalogue, keeping the server's words for a key the catalogue lacks or an error without one.
 */
export function sayInAppLanguage(error: unknown): void {
  if (!(error instanceof TRPCClientError)) return;
  const data = error.data as { messageKey?: unknown; messageParams?: unknown } | undefined;
  const key = data?.messageKey;
  if (typeof key !== "string" || !i18next.exists(`server.${key}`)) return;
  const params = typeof data?.messageParams === "object" && data.messageParams !== null ? data.messageParams : {};
  error.message = i18next.t(`server.${key}`, params as Record<string, string | number>);
}

const inAppLanguage: TRPCLink<AppRouter> =
  () =>
  ({ next, op }) =>
    observable((observer) =>
      next(op).subscribe({
        next: (value) => observer.next(value),
        error: (error) => {
          sayInAppLanguage(error);
          observer.error(error);
        },
        complete: () => observer.complete(),
      }),
    );

/** The app's language for the server's messages (Accept-Language). */
const languageHeader = () => ({ "accept-language": i18next.language || "zh-CN" });

/**
 * The typed API client: HTTP to /trpc on the same origin, with the session cookie. Queries are
 * batched; mutations go one per request, as the server requires of those that check a secret
 * (login, changing a password, creating a token).
 */
export function createApiClient(baseUrl = "") {
  const url = `${baseUrl}/trpc`;
  const sameOrigin = (input: RequestInfo | URL, init?: RequestInit) =>
    fetch(input, { ...init, credentials: "same-origin" });
  return createTRPCClient<AppRouter>({
    links: [
      inAppLanguage,
      splitLink({
        condition: (op) => op.type === "mutation",
        true: httpLink({ url, fetch: sameOrigin, headers: languageHeader }),
        // Batched queries travel in the URL; split them well below Node's 16 KB header limit.
        false: httpBatchLink({ url, maxURLLength: 4000, fetch: sameOrigin, headers: languageHeader }),
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The server's code of a failed call ("NOT_FOUND", "CONFLICT", …); undefined for a network failure or a bug. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
}
