// The whole API: one router per area. The web app imports `type AppRouter` from here.
import { assessmentsRouter } from "./routers/assessments.ts";
import { auditRouter } from "./routers/audit.ts";
import { authRouter } from "./routers/auth.ts";
import { evidenceRouter } from "./routers/evidence.ts";
import { periodsRouter } from "./routers/periods.ts";
import { reportsRouter } from "./routers/reports.ts";
import { rubricsRouter } from "./routers/rubrics.ts";
import { subjectsRouter } from "./routers/subjects.ts";
import { tokensRouter } from "./routers/tokens.ts";
import { usersRouter } from "./routers/users.ts";
import { createCallerFactory, createTRPCRouter } from "./trpc.ts";

export const appRouter = createTRPCRouter({
  auth: authRouter,
  users: usersRouter,
  tokens: tokensRouter,
  subjects: subjectsRouter,
  periods: periodsRouter,
  rubrics: rubricsRouter,
  assessments: assessmentsRouter,
  reports: reportsRouter,
  evidence: evidenceRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures in-process with a given context (tests, seeding, scripts). */
export const createCaller = createCallerFactory(appRouter);
