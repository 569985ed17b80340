import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { createApiClient, errorCode, TRPCProvider } from "../trpc.ts";
import { routes } from "./routes.tsx";

/** Whether an error is the server saying "log in first" or "not yours": retrying will not help. */
function isFinal(error: unknown): boolean {
  const code = errorCode(error);
  return (
    code === "UNAUTHORIZED" ||
    code === "FORBIDDEN" ||
    code === "NOT_FOUND" ||
    code === "BAD_REQUEST" ||
    code === "CONFLICT"
  );
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        retry: (count, error) => !isFinal(error) && count < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

const router = createBrowserRouter(routes);

/** The root: API client, query cache and the router; everything visible loads lazily below it. */
export function App() {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() => createApiClient());
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <RouterProvider router={router} />
      </TRPCProvider>
    </QueryClientProvider>
  );
}
