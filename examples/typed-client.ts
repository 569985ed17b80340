// A program that uses the Kaoping API with full types: sign in with an API token, list the
// period's assessments, preview a change of facts (scored on the server), and save it with the
// revision it was based on. Run it against a running server:
//
//   KAOPING_URL=http://localhost:3000 KAOPING_TOKEN=kp_… pnpm --filter @kaoping/examples typed-client
import type { AppRouter } from "@kaoping/api";
import { createTRPCClient, httpLink, TRPCClientError } from "@trpc/client";

const url = process.env.KAOPING_URL ?? "http://localhost:3000";
const token = process.env.KAOPING_TOKEN;
if (!token) throw new Error("set KAOPING_TOKEN to an API token (admin → API tokens)");

const kaoping = createTRPCClient<AppRouter>({
  links: [httpLink({ url: `${url}/trpc`, headers: { authorization: `Bearer ${token}` } })],
});

const { user } = await kaoping.auth.me.query();
console.log(`signed in as ${user.username} (${user.role})`);

const [period] = await kaoping.periods.list.query();
if (!period) throw new Error("no period yet");
const { rows, total } = await kaoping.assessments.list.query({
  periodId: period.id,
  status: "draft",
  limit: 50,
  offset: 0,
});
console.log(`${period.name}: ${total} draft assessment(s)`);

// A draft whose facts are complete, so that it has a score.
const summary = rows.find((r) => r.total !== null);
if (!summary) throw new Error("no scored draft to work on");
const assessment = await kaoping.assessments.get.query({ id: summary.id });
console.log(
  `${assessment.subjectName}: ${assessment.result?.total} points (${assessment.result?.grade ?? "no grade"}), revision ${assessment.revision}`,
);

// What if the provincial spot checks had found one more failed product?
const facts = { ...assessment.facts, 省抽不合格数: Number(assessment.facts["省抽不合格数"] ?? 0) + 1 };
const preview = await kaoping.assessments.preview.query({ id: assessment.id, facts });
console.log(`preview: ${preview.result?.total} points`);

const saved = await kaoping.assessments.saveFacts.mutate({ id: assessment.id, revision: assessment.revision, facts });
console.log(`saved: ${saved.result?.total} points, revision ${saved.revision}`);

// Saving again with the old revision is refused: someone (we) changed it in between.
try {
  await kaoping.assessments.saveFacts.mutate({ id: assessment.id, revision: assessment.revision, facts });
} catch (error) {
  if (!(error instanceof TRPCClientError)) throw error;
  console.log(`stale save refused: ${error.data?.code} (current revision ${error.data?.currentRevision})`);
}
