// Ownership on top of roles: an assessor changes only the assessments they opened or were assigned
// (facts, submission, evidence) unless the period opens editing; and four-eyes: whoever submitted an
// assessment does not approve it, an admin included, unless the period turns it off, with the
// audit log naming both people.
import { POSTGRES_SKIP_NOTE, sql, testDatabaseTargets } from "@kaoping/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuthUser } from "../context.ts";
import { failure, setUpApi, TEST_PASSWORD, VILLAGE, WORKED_EXAMPLE, type TestApi } from "../test-support.ts";

const PDF = Buffer.from("%PDF-1.4\n%%EOF\n").toString("base64");
const targets = testDatabaseTargets();
if (!targets.some((t) => t.kind === "postgres" && t.available)) console.warn(POSTGRES_SKIP_NOTE);

describe.each(targets)("ownership and four-eyes on $kind", (target) => {
  let api: TestApi;
  let periodId: number;
  let subjects: number[];
  let other: AuthUser;

  beforeAll(async () => {
    if (!target.available) return;
    api = await setUpApi(target);
    const admin = api.as("admin");
    periodId = (
      await admin.periods.create({ code: "2026", name: "2026年度", startsOn: "2026-01-01", endsOn: "2026-12-31" })
    ).id;
    await admin.subjects.import({
      rows: Array.from({ length: 6 }, (_, i) => ({ kind: "行政村", code: `O${i}`, name: `村${i}`, attributes: {} })),
    });
    subjects = (await admin.subjects.list({ limit: 10, offset: 0 })).rows.map((s) => s.id);
    const policy = api.as("policy");
    const { draft } = await policy.rubrics.saveDraft({ key: "village_quality", source: VILLAGE, revision: null });
    await policy.rubrics.publish({ key: "village_quality", revision: draft.revision });
    const made = await admin.users.create({
      username: "assessor2",
      displayName: "第二评分员",
      role: "assessor",
      password: TEST_PASSWORD,
    });
    other = { id: made.id, username: made.username, displayName: made.displayName, role: "assessor", via: "internal" };
  });
  afterAll(async () => {
    await api?.close();
  });

  it.skipIf(!target.available)("new periods have four-eyes on and editing limited to owners", async () => {
    const [period] = await api.as("viewer").periods.list();
    expect(period).toMatchObject({ fourEyes: true, openEditing: false });
  });

  it.skipIf(!target.available)(
    "lets only the assessor who opened an assessment change it, its evidence included",
    async () => {
      const mine = api.as("assessor");
      const theirs = api.as(other);
      const opened = await mine.assessments.create({ subjectId: subjects[0]!, periodId });
      expect(opened.createdById).toBe(api.users.assessor.id);
      const file = await mine.evidence.upload({
        assessmentId: opened.id,
        name: "a.pdf",
        contentType: "application/pdf",
        dataBase64: PDF,
      });
      // One at a time: a call is made only when its refusal is awaited.
      const refusals = [
        () => theirs.assessments.saveFacts({ id: opened.id, revision: opened.revision, facts: WORKED_EXAMPLE }),
        () => theirs.assessments.submit({ id: opened.id, revision: opened.revision }),
        () =>
          theirs.evidence.upload({
            assessmentId: opened.id,
            name: "b.pdf",
            contentType: "application/pdf",
            dataBase64: PDF,
          }),
        () => theirs.evidence.delete({ id: file.id }),
      ];
      for (const refused of refusals) {
        const error = await failure(refused());
        expect(error.code).toBe("FORBIDDEN");
        expect(error.message).toBe(
          `assessment ${opened.id} is neither assigned to you nor opened by you; in period 2026年度 assessors edit only their own`,
        );
      }
      // Nothing changed; reading stays open to everyone.
      const after = await theirs.assessments.get({ id: opened.id });
      expect(after.revision).toBe(opened.revision);
      expect(await theirs.evidence.list({ assessmentId: opened.id })).toHaveLength(1);
      // The opener and an admin may.
      const saved = await mine.assessments.saveFacts({
        id: opened.id,
        revision: opened.revision,
        facts: WORKED_EXAMPLE,
      });
      await api.as("admin").evidence.delete({ id: file.id });
      expect(saved.total).toBe(109.2);
    },
  );

  it.skipIf(!target.available)("lets an assigned assessor change it, and only while assigned", async () => {
    const opened = await api.as("assessor").assessments.create({ subjectId: subjects[1]!, periodId });
    const assigned = await api.as("admin").assessments.assign({ id: opened.id, assessorId: other.id });
    expect(assigned.assignedToId).toBe(other.id);
    const saved = await api
      .as(other)
      .assessments.saveFacts({ id: opened.id, revision: opened.revision, facts: WORKED_EXAMPLE });
    await api.as("admin").assessments.assign({ id: opened.id, assessorId: null });
    expect((await failure(api.as(other).assessments.submit({ id: opened.id, revision: saved.revision }))).code).toBe(
      "FORBIDDEN",
    );
    // Only active assessors (or admins) can be given an assessment.
    const notAssessor = await failure(
      api.as("admin").assessments.assign({ id: opened.id, assessorId: api.users.viewer.id }),
    );
    expect(notAssessor.message).toBe(`assessorId: user ${api.users.viewer.id} is not an active assessor`);
    const [entry] = await api
      .as("admin")
      .audit.list({ entity: "assessment", entityId: opened.id, procedure: "assessments.assign" });
    expect(entry).toMatchObject({ actor: "admin1", before: { assignedTo: other.id }, after: { assignedTo: null } });
  });

  it.skipIf(!target.available)(
    "lets every assessor change every assessment when the period opens editing",
    async () => {
      const opened = await api.as("assessor").assessments.create({ subjectId: subjects[2]!, periodId });
      const period = await api.as("admin").periods.update({ id: periodId, openEditing: true });
      expect(period).toMatchObject({ openEditing: true, fourEyes: true });
      try {
        await api.as(other).assessments.saveFacts({ id: opened.id, revision: opened.revision, facts: WORKED_EXAMPLE });
      } finally {
        await api.as("admin").periods.update({ id: periodId, openEditing: false });
      }
      const [entry] = await api
        .as("admin")
        .audit.list({ entity: "period", entityId: periodId, procedure: "periods.update" });
      expect(entry).toMatchObject({ before: { openEditing: true }, after: { openEditing: false } });
    },
  );

  it.skipIf(!target.available)(
    "refuses the submitter's own approval, an admin's too, and records both people",
    async () => {
      const admin = api.as("admin");
      const opened = await admin.assessments.create({ subjectId: subjects[3]!, periodId });
      const saved = await admin.assessments.saveFacts({
        id: opened.id,
        revision: opened.revision,
        facts: WORKED_EXAMPLE,
      });
      const submitted = await admin.assessments.submit({ id: opened.id, revision: saved.revision });
      expect(submitted.submittedById).toBe(api.users.admin.id);
      const refused = await failure(admin.assessments.approve({ id: opened.id, revision: submitted.revision }));
      expect(refused.code).toBe("FORBIDDEN");
      expect(refused.message).toBe(
        `four-eyes: you submitted assessment ${opened.id}, so someone else must approve it (period 2026年度)`,
      );
      expect((await admin.assessments.get({ id: opened.id })).status).toBe("submitted");
      const approved = await api.as("reviewer").assessments.approve({ id: opened.id, revision: submitted.revision });
      expect(approved.status).toBe("approved");
      const [entry] = await admin.audit.list({
        entity: "assessment",
        entityId: opened.id,
        procedure: "assessments.approve",
      });
      expect(entry).toMatchObject({
        actor: "reviewer1",
        after: { status: "approved", submittedBy: "admin1", approvedBy: "reviewer1" },
      });
    },
  );

  it.skipIf(!target.available)(
    "lets the submitter approve when the period turns four-eyes off, and still records both",
    async () => {
      const admin = api.as("admin");
      const opened = await admin.assessments.create({ subjectId: subjects[4]!, periodId });
      const saved = await admin.assessments.saveFacts({
        id: opened.id,
        revision: opened.revision,
        facts: WORKED_EXAMPLE,
      });
      const submitted = await admin.assessments.submit({ id: opened.id, revision: saved.revision });
      await admin.periods.update({ id: periodId, fourEyes: false });
      try {
        expect((await admin.assessments.approve({ id: opened.id, revision: submitted.revision })).status).toBe(
          "approved",
        );
      } finally {
        await admin.periods.update({ id: periodId, fourEyes: true });
      }
      const [entry] = await admin.audit.list({
        entity: "assessment",
        entityId: opened.id,
        procedure: "assessments.approve",
      });
      expect(entry?.after).toMatchObject({ submittedBy: "admin1", approvedBy: "admin1" });
    },
  );

  // PGlite runs one transaction at a time, so only PostgreSQL can interleave the two.
  it.skipIf(!target.available || target.kind !== "postgres")(
    "checks ownership on the locked row: a reassignment committed mid-save is seen, not slipped past",
    async () => {
      const admin = api.as("admin");
      const opened = await admin.assessments.create({ subjectId: subjects[5] as number, periodId });
      await admin.assessments.assign({ id: opened.id, assessorId: other.id });
      const db = api.handle.db;
      const lockWaits = async (): Promise<number> => {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
        return rows[0]?.n ?? 0;
      };
      const saves = [
        () => api.as(other).assessments.saveFacts({ id: opened.id, revision: opened.revision, facts: WORKED_EXAMPLE }),
        () =>
          api.as(other).evidence.upload({
            assessmentId: opened.id,
            name: "c.pdf",
            contentType: "application/pdf",
            dataBase64: PDF,
          }),
      ];
      for (const save of saves) {
        await admin.assessments.assign({ id: opened.id, assessorId: other.id });
        let outcome: Promise<unknown> | undefined;
        // An administrator's reassignment, uncommitted while the assessor's save starts.
        await db.transaction().execute(async (tx) => {
          await tx.updateTable("assessment").set({ assigned_to: null }).where("id", "=", opened.id).execute();
          outcome = save();
          outcome.catch(() => undefined);
          for (let i = 0; i < 500 && (await lockWaits()) === 0; i++) await new Promise((r) => setTimeout(r, 10));
        });
        const error = await failure(outcome as Promise<unknown>);
        expect(error.code).toBe("FORBIDDEN");
      }
      const after = await admin.assessments.get({ id: opened.id });
      expect(after.revision).toBe(opened.revision);
      expect(await admin.evidence.list({ assessmentId: opened.id })).toHaveLength(0);
    },
  );

  it.skipIf(!target.available)(
    "refuses a period update that changes nothing, and one of a missing period",
    async () => {
      const admin = api.as("admin");
      const empty = await failure(admin.periods.update({ id: periodId }));
      expect(empty.code).toBe("BAD_REQUEST");
      expect(empty.message).toContain("name a setting to change: fourEyes or openEditing");
      expect((await failure(admin.periods.update({ id: 999_999, fourEyes: false }))).code).toBe("NOT_FOUND");
    },
  );
});
