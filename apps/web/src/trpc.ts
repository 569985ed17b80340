import type { AppRouter } from "@kaoping/api";
import { createTRPCClient, httpBatchLink, httpLink, splitLink, TRPCClientError } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

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
      splitLink({
        condition: (op) => op.type === "mutation",
        true: httpLink({ url, fetch: sameOrigin }),
        // Batched queries travel in the URL; split them well below Node's 16 KB header limit.
        false: httpBatchLink({ url, maxURLLength: 4000, fetch: sameOrigin }),
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** The server's code of a failed call ("NOT_FOUND", "CONFLICT", …); undefined for a network failure or a bug. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
}
