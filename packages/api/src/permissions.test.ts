// The permission table: every procedure, under every role and anonymously, is allowed, FORBIDDEN
// or UNAUTHORIZED exactly as this one table says. A procedure missing from the table (or a table
// row for a procedure that no longer exists) fails the test, so new procedures must be placed here.
// Where ownership applies on top of the role, the row says so, and the rule is tried on a real
// assessment: its owner gets past it, someone else of the same role is FORBIDDEN.
import { ROLES, testDatabaseTargets, type Role } from "@kaoping/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./root.ts";
import type { AuthUser } from "./context.ts";
import { setUpApi, TEST_PASSWORD, VILLAGE, WORKED_EXAMPLE, type Caller, type TestApi } from "./test-support.ts";

type Who = Role | "anonymous";
const ALL: readonly Role[] = ["admin", "policy", "assessor", "reviewer", "viewer"];
const PUBLIC = "public" as const;

interface Row {
  /** Roles allowed; "public" also lets anonymous callers in. */
  readonly allow: readonly Role[] | typeof PUBLIC;
  /** A plausible input (allowed calls may still fail for business reasons, never for auth). */
  readonly input: unknown;
  /**
   * A rule on top of the role. "owner": an assessor only on an assessment they opened or are
   * assigned (unless the period opens editing; admins always). "not submitter": not by whoever
   * submitted the assessment, admins included (unless the period turns four-eyes off).
   */
  readonly also?: { readonly rule: "owner" | "not submitter"; readonly input: (f: Fixture) => unknown };
}

/** Real objects for the ownership rules: an assessment opened by assessor1, with a file, and one submitted by admin1. */
interface Fixture {
  readonly owned: { id: number; revision: number };
  readonly file: number;
  readonly submitted: { id: number; revision: number };
}

const PDF = Buffer.from("%PDF-1.4").toString("base64");

const MISSING = 999_999;

const TABLE: Record<string, Row> = {
  "auth.login": { allow: PUBLIC, input: { username: "viewer1", password: TEST_PASSWORD } },
  "auth.logout": { allow: PUBLIC, input: undefined },
  "auth.logoutEverywhere": { allow: ALL, input: undefined },
  "auth.me": { allow: ALL, input: undefined },
  "auth.changePassword": { allow: ALL, input: { current: "not the password", next: "a new long password" } },

  "users.list": { allow: ["admin"], input: {} },
  "users.create": {
    allow: ["admin"],
    input: { username: "newuser", displayName: "新用户", role: "viewer", password: "a long password" },
  },
  "users.update": { allow: ["admin"], input: { id: MISSING, displayName: "x" } },

  "tokens.list": { allow: ["admin"], input: {} },
  "tokens.create": { allow: ["admin"], input: { userId: MISSING, name: "t" } },
  "tokens.revoke": { allow: ["admin"], input: { id: MISSING } },

  "subjects.list": { allow: ALL, input: { limit: 10, offset: 0 } },
  "subjects.get": { allow: ALL, input: { id: MISSING } },
  "subjects.create": { allow: ["admin"], input: { kind: "行政村", code: "P-1", name: "权限村", attributes: {} } },
  "subjects.update": { allow: ["admin"], input: { id: MISSING, revision: 1, name: "x" } },
  "subjects.delete": { allow: ["admin"], input: { id: MISSING, revision: 1 } },
  "subjects.import": {
    allow: ["admin"],
    input: { rows: [{ kind: "行政村", code: "P-2", name: "导入村", attributes: {} }] },
  },

  "periods.list": { allow: ALL, input: undefined },
  "periods.update": { allow: ["admin"], input: { id: MISSING, fourEyes: false } },
  "periods.create": {
    allow: ["admin"],
    input: { code: "P2027", name: "2027年度", startsOn: "2027-01-01", endsOn: "2027-12-31" },
  },

  "rubrics.list": { allow: ALL, input: undefined },
  "rubrics.versions": { allow: ALL, input: { key: "nothing" } },
  "rubrics.get": { allow: ALL, input: { id: MISSING } },
  "rubrics.check": { allow: ALL, input: { source: "评分细则 x" } },
  "rubrics.saveDraft": {
    allow: ["admin", "policy"],
    input: { key: "nothing", source: "评分细则 nothing", revision: MISSING },
  },
  "rubrics.publish": { allow: ["admin", "policy"], input: { key: "nothing", revision: 1 } },
  "rubrics.diff": { allow: ALL, input: { fromId: MISSING, toId: MISSING, periodId: MISSING } },

  "assessments.list": { allow: ALL, input: { limit: 10, offset: 0 } },
  "assessments.get": { allow: ALL, input: { id: MISSING } },
  "assessments.history": { allow: ALL, input: { assessmentId: MISSING } },
  "assessments.create": { allow: ["admin", "assessor"], input: { subjectId: MISSING, periodId: MISSING } },
  "assessments.saveFacts": {
    allow: ["admin", "assessor"],
    input: { id: MISSING, revision: 1, facts: {} },
    also: { rule: "owner", input: (f) => ({ id: f.owned.id, revision: MISSING, facts: {} }) },
  },
  "assessments.preview": { allow: ALL, input: { id: MISSING, facts: {} } },
  "assessments.submit": {
    allow: ["admin", "assessor"],
    input: { id: MISSING, revision: 1 },
    also: { rule: "owner", input: (f) => ({ id: f.owned.id, revision: MISSING }) },
  },
  "assessments.approve": {
    allow: ["admin", "reviewer"],
    input: { id: MISSING, revision: 1 },
    also: { rule: "not submitter", input: (f) => ({ id: f.submitted.id, revision: MISSING }) },
  },
  "assessments.assign": { allow: ["admin"], input: { id: MISSING, assessorId: null } },
  "assessments.return": { allow: ["admin", "reviewer"], input: { id: MISSING, revision: 1, comment: "请补充" } },

  "reports.ranking": { allow: ALL, input: { periodId: MISSING } },
  "reports.itemStats": { allow: ALL, input: { periodId: MISSING, rubricKey: "nothing" } },

  "evidence.list": { allow: ALL, input: { assessmentId: MISSING } },
  "evidence.upload": {
    allow: ["admin", "assessor"],
    input: { assessmentId: MISSING, name: "a.pdf", contentType: "application/pdf", dataBase64: PDF },
    also: {
      rule: "owner",
      input: (f) => ({ assessmentId: f.owned.id, name: "b.pdf", contentType: "application/pdf", dataBase64: PDF }),
    },
  },
  "evidence.download": { allow: ALL, input: { id: MISSING } },
  "evidence.delete": {
    allow: ["admin", "assessor"],
    input: { id: MISSING },
    also: { rule: "owner", input: (f) => ({ id: f.file }) },
  },

  "audit.list": { allow: ["admin"], input: {} },
};

type Outcome = "allowed" | "FORBIDDEN" | "UNAUTHORIZED";

function expected(row: Row, who: Who): Outcome {
  if (row.allow === PUBLIC) return "allowed";
  if (who === "anonymous") return "UNAUTHORIZED";
  return row.allow.includes(who) ? "allowed" : "FORBIDDEN";
}

async function call(caller: Caller, path: string, input: unknown): Promise<Outcome> {
  // Walk the caller proxy along the path: caller.assessments.saveFacts(input).
  let target: unknown = caller;
  for (const part of path.split(".")) target = (target as Record<string, unknown>)[part];
  try {
    await (target as (input: unknown) => Promise<unknown>)(input);
    return "allowed";
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "FORBIDDEN" || error.code === "UNAUTHORIZED")) return error.code;
    // Any other answer (NOT_FOUND, BAD_REQUEST, CONFLICT, …) got past the permission check.
    return "allowed";
  }
}

const target = testDatabaseTargets()[0]!;

describe("permission table", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await setUpApi(target);
  });
  afterAll(async () => {
    await api?.close();
  });

  it("lists every procedure of the router, and nothing else", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(TABLE).sort()).toEqual(procedures);
  });

  it("allows, forbids or asks to sign in exactly as the table says", async () => {
    const whos: Who[] = [...ROLES, "anonymous"];
    const actual: Record<string, Record<Who, Outcome>> = {};
    const want: Record<string, Record<Who, Outcome>> = {};
    for (const [path, row] of Object.entries(TABLE)) {
      actual[path] = {} as Record<Who, Outcome>;
      want[path] = {} as Record<Who, Outcome>;
      for (const who of whos) {
        want[path][who] = expected(row, who);
        actual[path][who] = await call(
          api.as(who === "anonymous" ? null : who, { address: `10.1.0.${whos.indexOf(who)}` }),
          path,
          row.input,
        );
      }
    }
    expect(actual).toEqual(want);
  });

  it("applies ownership and four-eyes where the table says", async () => {
    const admin = api.as("admin");
    const period = await admin.periods.create({
      code: "OWN",
      name: "所有权",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
    });
    await admin.subjects.import({
      rows: ["甲", "乙"].map((name, i) => ({ kind: "行政村", code: `OWN-${i}`, name, attributes: {} })),
    });
    const subjects = (await admin.subjects.list({ search: "OWN-", limit: 10, offset: 0 })).rows.map((s) => s.id);
    const { draft } = await api
      .as("policy")
      .rubrics.saveDraft({ key: "village_quality", source: VILLAGE, revision: null });
    await api.as("policy").rubrics.publish({ key: "village_quality", revision: draft.revision });
    const owned = await api.as("assessor").assessments.create({ subjectId: subjects[0]!, periodId: period.id });
    const file = await api
      .as("assessor")
      .evidence.upload({ assessmentId: owned.id, name: "a.pdf", contentType: "application/pdf", dataBase64: PDF });
    const opened = await admin.assessments.create({ subjectId: subjects[1]!, periodId: period.id });
    const saved = await admin.assessments.saveFacts({
      id: opened.id,
      revision: opened.revision,
      facts: WORKED_EXAMPLE,
    });
    const submitted = await admin.assessments.submit({ id: opened.id, revision: saved.revision });
    const fixture: Fixture = { owned, file: file.id, submitted };
    const made = await admin.users.create({
      username: "assessor2",
      displayName: "另一评分员",
      role: "assessor",
      password: TEST_PASSWORD,
    });
    const otherAssessor: AuthUser = {
      id: made.id,
      username: made.username,
      displayName: made.displayName,
      role: "assessor",
      via: "internal",
    };

    // Refused first, then allowed (the owner's delete of the file comes last: it removes it).
    const ruled = Object.entries(TABLE).flatMap(([path, row]) => (row.also ? [{ path, ...row.also }] : []));
    const refusedAs = { owner: api.as(otherAssessor), "not submitter": api.as("admin") };
    const allowedAs = { owner: api.as("assessor"), "not submitter": api.as("reviewer") };
    const actual: Record<string, [Outcome, Outcome]> = {};
    for (const { path, rule, input } of ruled)
      actual[path] = [await call(refusedAs[rule], path, input(fixture)), "allowed"];
    for (const { path, rule, input } of ruled) actual[path]![1] = await call(allowedAs[rule], path, input(fixture));
    expect(actual).toEqual(Object.fromEntries(ruled.map(({ path }) => [path, ["FORBIDDEN", "allowed"]])));
    expect(ruled.map((r) => r.path).sort()).toEqual([
      "assessments.approve",
      "assessments.saveFacts",
      "assessments.submit",
      "evidence.delete",
      "evidence.upload",
    ]);
  });
});
