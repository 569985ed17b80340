import type { AppRouter } from "@kaoping/api";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** The typed API client: batched HTTP to /trpc on the same origin, with the session cookie. */
export function createApiClient(baseUrl = "") {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl}/trpc`,
        // Batched queries travel in the URL; split them well below Node's 16 KB header limit.
        maxURLLength: 4000,
        fetch: (url, init) => fetch(url, { ...init, credentials: "same-origin" }),
      }),
    ],
  });
}

export type ApiClient = ReturnType<typeof createApiClient>;
