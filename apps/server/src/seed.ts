// First start: an empty database gets an admin and one demo user per role, the rubrics in
// rubrics/*.rubric published, the period 2026年度, 12 villages and 20 enterprises with facts, some
// still drafts, some submitted, returned or approved. Everything after the admin goes through the
// API as the role that would do it (policy publishes, assessors fill in, reviewers approve), so it
// is validated, permission-checked and audited like any other change, and all of it is one
// transaction.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createCaller, createInnerContext, generatePassword, hashPassword, type AuthUser } from "@kaoping/api";
import {
  runAtomically,
  type Database,
  type DatabaseHandle,
  type DatabaseKind,
  type Kysely,
  type Role,
} from "@kaoping/db";
import { TRPCError } from "@trpc/server";
import type { Logger } from "pino";
import { enterpriseFacts, villageFacts, type Profile } from "./demo-facts.ts";

const VILLAGES = [
  "东湖村",
  "西山村",
  "南岗村",
  "北塘村",
  "青石村",
  "柳营村",
  "梨园村",
  "桃源村",
  "新华村",
  "红旗村",
  "长安村",
  "永丰村",
];
const STREETS = ["高新街道", "创新街道", "科技城街道"];
const ENTERPRISES: readonly [string, string][] = [
  ["高新精密机械有限公司", "通用设备制造"],
  ["华宇电子科技有限公司", "电子元件制造"],
  ["恒达新材料股份有限公司", "新材料"],
  ["瑞丰食品有限公司", "食品制造"],
  ["天成汽车零部件有限公司", "汽车零部件"],
  ["博远医疗器械有限公司", "医疗器械"],
  ["金桥电缆有限公司", "电线电缆"],
  ["中科光电有限公司", "光电子器件"],
  ["顺通塑业有限公司", "塑料制品"],
  ["宏图纺织有限公司", "纺织"],
  ["安泰化工有限公司", "化学原料"],
  ["鑫源铸造有限公司", "金属铸造"],
  ["嘉禾药业有限公司", "医药制造"],
  ["卓越智能装备有限公司", "专用设备"],
  ["绿源环保科技有限公司", "环保设备"],
  ["长城建材有限公司", "建筑材料"],
  ["东方印刷包装有限公司", "印刷包装"],
  ["明辉照明电器有限公司", "照明电器"],
  ["星河家具有限公司", "家具制造"],
  ["云帆新能源有限公司", "电池制造"],
];
const PROFILES: readonly Profile[] = ["strong", "typical", "typical", "weak", "typical", "strong", "typical", "weak"];

type DemoRole = Exclude<Role, "admin">;

/** The demo accounts besides the admin: one per role, so that whoever tries the app can sign in as each. */
export const DEMO_USERS: Readonly<Record<DemoRole, { readonly username: string; readonly displayName: string }>> = {
  policy: { username: "policy", displayName: "规则编制员（演示）" },
  assessor: { username: "assessor", displayName: "评分员（演示）" },
  reviewer: { username: "reviewer", displayName: "审核员（演示）" },
  viewer: { username: "viewer", displayName: "查看者（演示）" },
};

/** Key of the advisory lock that lets one process at a time seed (any constant unique to Kaoping). */
const SEED_LOCK = 727_274_002;

export interface SeedOptions {
  readonly logger: Logger;
  /** Directory with *.rubric files. */
  readonly rubricsDir: string;
  /** The admin's password; generated when absent (and returned, for the caller to show once). */
  readonly adminPassword?: string | undefined;
  /** The password of every demo user; one is generated per user when absent. */
  readonly demoPassword?: string | undefined;
}

/** An account the seed made, for the start-up message. */
export interface SeededAccount {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** The generated password: never stored in clear, so this is the only time it exists. Absent when it was configured. */
  readonly password?: string;
}

export interface SeedOutcome {
  readonly seeded: boolean;
  /** The admin first, then the demo users; empty when nothing was seeded. */
  readonly accounts: readonly SeededAccount[];
}

/**
 * Seeds an empty database, all or nothing: everything is written in one transaction, so a start
 * that dies half way leaves the database empty and the next start seeds it whole. An advisory
 * lock makes a second server starting at the same time wait, then find the data there. Does
 * nothing (seeded: false) when the database already has users.
 */
export async function seedIfEmpty(database: DatabaseHandle, options: SeedOptions): Promise<SeedOutcome> {
  const nothing: SeedOutcome = { seeded: false, accounts: [] };
  if (await hasUsers(database.db)) return nothing;
  if (options.demoPassword !== undefined && options.demoPassword.length < 10) {
    // users.create would refuse it half way through; say so before anything starts.
    throw new Error("KAOPING_DEMO_PASSWORD must be at least 10 characters");
  }
  const started = Date.now();
  const outcome = await runAtomically(
    database.db,
    async (db) => {
      // Checked again under the lock: another server may have seeded while this one waited.
      if (await hasUsers(db)) return nothing;
      return seedAll(db, database.kind, options);
    },
    { lock: SEED_LOCK },
  );
  if (outcome.seeded) options.logger.info({ ms: Date.now() - started }, "demo data seeded");
  return outcome;
}

async function hasUsers(db: Kysely<Database>): Promise<boolean> {
  return (await db.selectFrom("app_user").select("id").limit(1).executeTakeFirst()) !== undefined;
}

/** Writes the demo data through `db`, the seeding transaction; each role does its own part. */
async function seedAll(db: Kysely<Database>, dbKind: DatabaseKind, options: SeedOptions): Promise<SeedOutcome> {
  const log = options.logger;
  const adminPassword = options.adminPassword || generatePassword();
  const adminRow = await db
    .insertInto("app_user")
    .values({
      username: "admin",
      display_name: "管理员",
      role: "admin",
      password_hash: await hashPassword(adminPassword),
    })
    .returning(["id", "username", "display_name", "role"])
    .executeTakeFirstOrThrow();
  const callerFor = (row: { id: number; username: string; displayName: string; role: Role }) => {
    const user: AuthUser = {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      role: row.role,
      via: "internal",
    };
    return createCaller(createInnerContext({ db, dbKind, user }));
  };
  const admin = callerFor({
    id: adminRow.id,
    username: adminRow.username,
    displayName: adminRow.display_name,
    role: adminRow.role,
  });
  const accounts: SeededAccount[] = [
    {
      username: "admin",
      displayName: adminRow.display_name,
      role: "admin",
      ...(options.adminPassword ? {} : { password: adminPassword }),
    },
  ];
  const addDemoUser = async (role: DemoRole): Promise<Api> => {
    const password = options.demoPassword || generatePassword();
    const made = await admin.users.create({ ...DEMO_USERS[role], role, password });
    accounts.push({ ...DEMO_USERS[role], role, ...(options.demoPassword ? {} : { password }) });
    return callerFor(made);
  };
  const as = {
    policy: await addDemoUser("policy"),
    assessor: await addDemoUser("assessor"),
    reviewer: await addDemoUser("reviewer"),
  };
  await addDemoUser("viewer"); // reads only: nothing to seed as the viewer

  const files = readdirSync(options.rubricsDir)
    .filter((f) => f.endsWith(".rubric"))
    .sort();
  for (const file of files) {
    const source = readFileSync(join(options.rubricsDir, file), "utf8");
    const check = await as.policy.rubrics.check({ source });
    if (!check.ok || !check.info) {
      log.error(
        { file, diagnostics: check.diagnostics.filter((d) => d.severity === "error").slice(0, 5) },
        "rubric does not compile; not published",
      );
      continue;
    }
    const { draft } = await as.policy.rubrics.saveDraft({
      key: check.info.key,
      source,
      note: `${file}（演示数据）`,
      revision: null,
    });
    await as.policy.rubrics.publish({ key: check.info.key, revision: draft.revision });
    log.info({ file, key: check.info.key }, "rubric published");
  }

  const period = await admin.periods.create({
    code: "2026",
    name: "2026年度",
    startsOn: "2026-01-01",
    endsOn: "2026-12-31",
  });
  const villages = VILLAGES.map((name, i) => ({
    kind: "行政村",
    code: `V${String(i + 1).padStart(3, "0")}`,
    name,
    attributes: { 街道: STREETS[i % STREETS.length]! },
  }));
  const enterprises = ENTERPRISES.map(([name, industry], i) => ({
    kind: "规模以上工业企业",
    code: `E${String(i + 1).padStart(3, "0")}`,
    name,
    attributes: { 行业: industry, 所在村: VILLAGES[i % VILLAGES.length]! },
  }));
  await admin.subjects.import({ rows: [...villages, ...enterprises] });
  const subjects = (await admin.subjects.list({ limit: 500, offset: 0 })).rows;

  let index = 0;
  for (const subject of subjects) {
    index += 1;
    const profile = PROFILES[index % PROFILES.length]!;
    let assessment: Awaited<ReturnType<typeof as.assessor.assessments.create>>;
    try {
      assessment = await as.assessor.assessments.create({ subjectId: subject.id, periodId: period.id });
    } catch (error) {
      log.warn({ subject: subject.code, err: error }, "no assessment for this subject");
      continue;
    }
    const facts =
      subject.kind === "行政村" ? villageFacts(1000 + index, profile) : enterpriseFacts(2000 + index, profile);
    // Every third subject is still being filled in: leave some facts out.
    const stage = index % 6;
    const entries = Object.entries(facts);
    const given = stage === 0 ? Object.fromEntries(entries.slice(0, Math.ceil(entries.length / 2))) : facts;
    const saved = await saveDemoFacts(as.assessor, assessment.id, assessment.revision, given, log);
    if (stage === 0 || stage === 1) continue; // drafts
    if (saved.missing.length > 0) {
      log.warn({ assessment: saved.id, missing: saved.missing }, "demo assessment left as a draft: facts missing");
      continue;
    }
    const submitted = await as.assessor.assessments.submit({ id: saved.id, revision: saved.revision });
    if (stage === 2) continue; // submitted, waiting for review
    if (stage === 3 && index % 12 === 3) {
      await as.reviewer.assessments.return({
        id: submitted.id,
        revision: submitted.revision,
        comment: "请补充第2项签订责任状的佐证材料。",
      });
      continue;
    }
    await as.reviewer.assessments.approve({ id: submitted.id, revision: submitted.revision });
  }
  log.info({ subjects: subjects.length, period: period.name, users: accounts.length }, "demo data written; committing");
  return { seeded: true, accounts };
}

type Api = ReturnType<typeof createCaller>;

/**
 * Saves demo facts; when the rubric has changed so that some of them no longer fit (a renamed or
 * retyped input), saves the rest and says which were left out, rather than failing the start.
 */
async function saveDemoFacts(api: Api, id: number, revision: number, facts: Record<string, unknown>, log: Logger) {
  try {
    return await api.assessments.saveFacts({ id, revision, facts });
  } catch (error) {
    const issues =
      error instanceof TRPCError
        ? (error as TRPCError & { issues?: { path: (string | number)[] }[] }).issues
        : undefined;
    if (!issues) throw error;
    const bad = new Set(issues.map((i) => String(i.path[1])));
    log.warn({ assessment: id, facts: [...bad] }, "demo facts that do not fit the rubric were left out");
    return api.assessments.saveFacts({
      id,
      revision,
      facts: Object.fromEntries(Object.entries(facts).filter(([k]) => !bad.has(k))),
    });
  }
}
