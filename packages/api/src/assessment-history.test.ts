// An assessment's history from the audit log, through the API: every role may read it, each entry
// names the step, who took it (display name and role only) and, for saves, what changed; entries
// of another assessment (another period's included) never appear.
import { POSTGRES_SKIP_NOTE, ROLES, testDatabaseTargets } from "@kaoping/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changedFacts } from "./assessment-history.ts";
import { createInnerContext } from "./context.ts";
import { createCaller } from "./root.ts";
import { failure, setUpApi, VILLAGE, WORKED_EXAMPLE, type TestApi } from "./test-support.ts";

const TOKEN_NAME = "夜间导入-token";
const PDF = Buffer.from("%PDF-1.4\n%%EOF\n").toString("base64");

describe("changedFacts", () => {
  it("lists added, removed and changed facts, not unchanged ones", () => {
    expect(
      changedFacts(
        { a: 1, b: true, c: { value: 3, reason: "x" } },
        { a: 1, b: false, d: 2, c: { value: 3, reason: "y" } },
      ),
    ).toEqual([
      { fact: "b", before: true, after: false },
      { fact: "c", before: { value: 3, reason: "x" }, after: { value: 3, reason: "y" } },
      { fact: "d", before: null, after: 2 },
    ]);
    expect(changedFacts({ a: 1 }, { a: 1 })).toEqual([]);
  });
});

const targets = testDatabaseTargets();
if (!targets.some((t) => t.kind === "postgres" && t.available)) console.warn(POSTGRES_SKIP_NOTE);

describe.each(targets)("assessment history on $kind", (target) => {
  let api: TestApi;
  let mine: number;
  let otherPeriod: number;
  let otherSubject: number;

  beforeAll(async () => {
    if (!target.available) return;
    api = await setUpApi(target);
    const admin = api.as("admin");
    const p2026 = (
      await admin.periods.create({ code: "2026", name: "2026年度", startsOn: "2026-01-01", endsOn: "2026-12-31" })
    ).id;
    const p2027 = (
      await admin.periods.create({ code: "2027", name: "2027年度", startsOn: "2027-01-01", endsOn: "2027-12-31" })
    ).id;
    await admin.subjects.import({
      rows: ["东湖村", "西山村"].map((name, i) => ({ kind: "行政村", code: `H${i}`, name, attributes: {} })),
    });
    const [east, west] = (await admin.subjects.list({ limit: 10, offset: 0 })).rows.map((s) => s.id);
    const policy = api.as("policy");
    const { draft } = await policy.rubrics.saveDraft({ key: "village_quality", source: VILLAGE, revision: null });
    await policy.rubrics.publish({ key: "village_quality", revision: draft.revision });

    // The assessment under test: saved by an API token, then by a person, with evidence, and the
    // whole review round.
    const bot = createCaller(
      createInnerContext({
        db: api.handle.db,
        dbKind: api.handle.kind,
        user: { ...api.users.assessor, via: "token", tokenName: TOKEN_NAME },
      }),
    );
    const assessor = api.as("assessor");
    const reviewer = api.as("reviewer");
    const created = await assessor.assessments.create({ subjectId: east!, periodId: p2026 });
    mine = created.id;
    const first = await bot.assessments.saveFacts({ id: mine, revision: created.revision, facts: WORKED_EXAMPLE });
    const file = await assessor.evidence.upload({
      assessmentId: mine,
      item: 2,
      criterion: 1,
      name: "责任书.pdf",
      contentType: "application/pdf",
      dataBase64: PDF,
    });
    await assessor.evidence.delete({ id: file.id });
    await assessor.evidence.upload({
      assessmentId: mine,
      item: 3,
      criterion: null,
      name: "培训签到表.pdf",
      contentType: "application/pdf",
      dataBase64: PDF,
    });
    const second = await assessor.assessments.saveFacts({
      id: mine,
      revision: first.revision,
      facts: { ...WORKED_EXAMPLE, 查实线索数: 2 },
    });
    const submitted = await assessor.assessments.submit({ id: mine, revision: second.revision });
    const returned = await reviewer.assessments.return({
      id: mine,
      revision: submitted.revision,
      comment: "请补充佐证材料",
    });
    const resubmitted = await assessor.assessments.submit({ id: mine, revision: returned.revision });
    await reviewer.assessments.approve({ id: mine, revision: resubmitted.revision });

    // Neighbours whose entries must stay out: the same subject in another period, and another subject.
    const nextYear = await assessor.assessments.create({ subjectId: east!, periodId: p2027 });
    otherPeriod = nextYear.id;
    await assessor.assessments.saveFacts({ id: otherPeriod, revision: nextYear.revision, facts: { 培训人数: 1 } });
    await assessor.evidence.upload({
      assessmentId: otherPeriod,
      name: "别的.pdf",
      contentType: "application/pdf",
      dataBase64: PDF,
    });
    const neighbour = await assessor.assessments.create({ subjectId: west!, periodId: p2026 });
    otherSubject = neighbour.id;
    await assessor.assessments.saveFacts({ id: otherSubject, revision: neighbour.revision, facts: { 培训人数: 2 } });
  });
  afterAll(async () => {
    await api?.close();
  });

  it.skipIf(!target.available)("tells every step in order, with who, what changed and the total", async () => {
    const history = await api.as("viewer").assessments.history({ assessmentId: mine });
    expect(history.map((h) => h.step)).toEqual([
      "created",
      "saved",
      "evidenceAdded",
      "evidenceRemoved",
      "evidenceAdded",
      "saved",
      "submitted",
      "returned",
      "submitted",
      "approved",
    ]);
    expect(history.map((h) => h.id)).toEqual([...history.map((h) => h.id)].sort((a, b) => a - b));
    expect(history.map((h) => h.revision)).toEqual([1, 2, null, null, null, 3, 4, 5, 6, 7]);
    const [created, first, added, removed, , second, , returned, , approved] = history;
    expect(created!.by).toEqual({ displayName: "assessor one", role: "assessor" });
    // The first save fills every fact in: each is a change from nothing.
    expect(first!.changes).toHaveLength(Object.keys(WORKED_EXAMPLE).length);
    expect(first!.changes.every((c) => c.before === null)).toBe(true);
    expect(first!.total).toEqual({ before: null, after: 109.2 });
    expect(added!.evidence).toEqual({ name: "责任书.pdf", item: 2, criterion: 1 });
    expect(removed!.evidence).toEqual({ name: "责任书.pdf", item: 2, criterion: 1 });
    expect(second!.changes).toEqual([{ fact: "查实线索数", before: WORKED_EXAMPLE["查实线索数"] ?? null, after: 2 }]);
    expect(second!.total).toEqual({ before: 109.2, after: 112.2 });
    expect(returned).toMatchObject({
      comment: "请补充佐证材料",
      by: { displayName: "reviewer one", role: "reviewer" },
    });
    expect(approved).toMatchObject({
      comment: null,
      changes: [],
      total: null,
      evidence: null,
      by: { role: "reviewer" },
    });
  });

  it.skipIf(!target.available)("is the same for every role", async () => {
    const seen = await Promise.all(ROLES.map((role) => api.as(role).assessments.history({ assessmentId: mine })));
    for (const history of seen) expect(history).toEqual(seen[0]);
    expect((await failure(api.as(null).assessments.history({ assessmentId: mine }))).code).toBe("UNAUTHORIZED");
  });

  it.skipIf(!target.available)("never shows another assessment's entries, of this period or another", async () => {
    const ids = async (id: number) =>
      (await api.as("viewer").assessments.history({ assessmentId: id })).map((h) => h.id);
    const [a, b, c] = await Promise.all([ids(mine), ids(otherPeriod), ids(otherSubject)]);
    expect(b).toHaveLength(3);
    expect(c).toHaveLength(2);
    expect(a.filter((id) => b.includes(id) || c.includes(id))).toEqual([]);
    expect(b.filter((id) => c.includes(id))).toEqual([]);
    const next = await api.as("viewer").assessments.history({ assessmentId: otherPeriod });
    expect(next.find((h) => h.step === "evidenceAdded")?.evidence?.name).toBe("别的.pdf");
    expect((await failure(api.as("viewer").assessments.history({ assessmentId: 999_999 }))).code).toBe("NOT_FOUND");
  });

  it.skipIf(!target.available)("shows no token names, usernames, hashes or file digests", async () => {
    const history = await api.as("viewer").assessments.history({ assessmentId: mine });
    const text = JSON.stringify(history);
    const [file] = await api.as("viewer").evidence.list({ assessmentId: mine });
    expect(text).not.toContain(TOKEN_NAME);
    expect(text).not.toContain("token");
    expect(text).not.toContain("assessor1");
    expect(text).not.toContain(file!.sha256);
    expect(text).not.toMatch(/\$(argon2|scrypt)|sha256/i);
    // The token's save is still attributed to the person who owns the token.
    expect(history[1]!.by).toEqual({ displayName: "assessor one", role: "assessor" });
  });

  it.skipIf(!target.available)("says who changed the assessment last", async () => {
    expect((await api.as("viewer").assessments.get({ id: mine })).updatedBy).toEqual({
      displayName: "reviewer one",
      role: "reviewer",
    });
    expect((await api.as("viewer").assessments.get({ id: otherSubject })).updatedBy).toEqual({
      displayName: "assessor one",
      role: "assessor",
    });
  });
});
