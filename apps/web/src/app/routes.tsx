import type { RouteObject } from "react-router";

// Every screen is its own chunk: the first page a person sees loads only what it needs, and the
// editor (CodeMirror) and charts (echarts) never load before someone opens them.
// Shown while a route's code loads on the first page view.
function Loading() {
  return null;
}

export const routes: RouteObject[] = [
  {
    path: "/login",
    HydrateFallback: Loading,
    lazy: async () => ({ Component: (await import("../pages/login-page.tsx")).LoginPage }),
  },
  {
    path: "/print/:assessmentId",
    HydrateFallback: Loading,
    lazy: async () => ({ Component: (await import("../pages/print-page.tsx")).PrintPage }),
  },
  {
    path: "/",
    HydrateFallback: Loading,
    lazy: async () => ({ Component: (await import("./shell.tsx")).Shell }),
    children: [
      { index: true, lazy: async () => ({ Component: (await import("../pages/dashboard-page.tsx")).DashboardPage }) },
      {
        path: "subjects",
        lazy: async () => ({ Component: (await import("../pages/subjects-page.tsx")).SubjectsPage }),
      },
      {
        path: "assessments/:assessmentId",
        lazy: async () => ({ Component: (await import("../pages/assessment/assessment-page.tsx")).AssessmentPage }),
      },
      {
        path: "rankings",
        lazy: async () => ({ Component: (await import("../pages/rankings-page.tsx")).RankingsPage }),
      },
      {
        path: "rubrics",
        lazy: async () => ({ Component: (await import("../pages/rubrics/rubrics-page.tsx")).RubricsPage }),
      },
      { path: "admin", lazy: async () => ({ Component: (await import("../pages/admin-page.tsx")).AdminPage }) },
      { path: "*", lazy: async () => ({ Component: (await import("../pages/not-found-page.tsx")).NotFoundPage }) },
    ],
  },
];
