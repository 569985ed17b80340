// First start: an empty database gets an admin, the rubrics in rubrics/*.rubric published, the
// period 2026年度, 12 villages and 20 enterprises with facts, some still drafts, some submitted,
// some approved. Everything after the admin goes through the API, so it is validated and audited
// like any other change.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createCaller, createInnerContext, generatePassword, hashPassword, type AuthUser } from "@kaoping/api";
import type { DatabaseHandle } from "@kaoping/db";
import { TRPCError } from "@trpc/server";
import type { Logger } from "pino";
import { enterpriseFacts, villageFacts, type Profile } from "./demo-facts.ts";

const VILLAGES = ["东湖村", "西山村", "南岗村", "北塘村", "青石村", "柳营村", "梨园村", "桃源村", "新华村", "红旗村", "长安村", "永丰村"];
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

export interface SeedOptions {
  readonly logger: Logger;
  /** Directory with *.rubric files. */
  readonly rubricsDir: string;
  /** The admin's password; generated when absent (and returned, for the caller to show once). */
  readonly adminPassword?: string | undefined;
}

export interface SeedOutcome {
  readonly seeded: boolean;
  /** The generated admin password; never stored in clear, so this is the only time it exists. */
  readonly adminPassword?: string;
}

/** Seeds an empty database; does nothing (seeded: false) when it already has users. */
export async function seedIfEmpty(database: DatabaseHandle, options: SeedOptions): Promise<SeedOutcome> {
  const { db } = database;
  const any = await db.selectFrom("app_user").select("id").limit(1).executeTakeFirst();
  if (any) return { seeded: false };
  const generated = !options.adminPassword;
  const password = options.adminPassword || generatePassword();
  // Only the process whose insert wins seeds: two servers starting together on one database
  // must not seed twice.
  const admin = await db
    .insertInto("app_user")
    .values({ username: "admin", display_name: "管理员", role: "admin", password_hash: await hashPassword(password) })
    .onConflict((oc) => oc.column("username").doNothing())
    .returning(["id", "username", "display_name", "role"])
    .executeTakeFirst();
  if (!admin) return { seeded: false };
  const user: AuthUser = { id: admin.id, username: admin.username, displayName: admin.display_name, role: admin.role, via: "internal" };
  const api = createCaller(createInnerContext({ db, dbKind: database.kind, user }));
  const log = options.logger;

  const files = readdirSync(options.rubricsDir).filter((f) => f.endsWith(".rubric")).sort();
  for (const file of files) {
    const source = readFileSync(join(options.rubricsDir, file), "utf8");
    const check = await api.rubrics.check({ source });
    if (!check.ok || !check.info) {
      log.error({ file, diagnostics: check.diagnostics.filter((d) => d.severity === "error").slice(0, 5) }, "rubric does not compile; not published");
      continue;
    }
    const { draft } = await api.rubrics.saveDraft({ key: check.info.key, source, note: `${file}（演示数据）`, revision: null });
    await api.rubrics.publish({ key: check.info.key, revision: draft.revision });
    log.info({ file, key: check.info.key }, "rubric published");
  }

  const period = await api.periods.create({ code: "2026", name: "2026年度", startsOn: "2026-01-01", endsOn: "2026-12-31" });
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
  await api.subjects.import({ rows: [...villages, ...enterprises] });
  const subjects = (await api.subjects.list({ limit: 500, offset: 0 })).rows;

  let index = 0;
  for (const subject of subjects) {
    index += 1;
    const profile = PROFILES[index % PROFILES.length]!;
    let assessment;
    try {
      assessment = await api.assessments.create({ subjectId: subject.id, periodId: period.id });
    } catch (error) {
      log.warn({ subject: subject.code, err: error }, "no assessment for this subject");
      continue;
    }
    const facts = subject.kind === "行政村" ? villageFacts(1000 + index, profile) : enterpriseFacts(2000 + index, profile);
    // Every third subject is still being filled in: leave some facts out.
    const stage = index % 6;
    const entries = Object.entries(facts);
    const given = stage === 0 ? Object.fromEntries(entries.slice(0, Math.ceil(entries.length / 2))) : facts;
    const saved = await saveDemoFacts(api, assessment.id, assessment.revision, given, log);
    if (stage === 0 || stage === 1) continue; // drafts
    if (saved.missing.length > 0) {
      log.warn({ assessment: saved.id, missing: saved.missing }, "demo assessment left as a draft: facts missing");
      continue;
    }
    const submitted = await api.assessments.submit({ id: saved.id, revision: saved.revision });
    if (stage === 2) continue; // submitted, waiting for review
    if (stage === 3 && index % 12 === 3) {
      await api.assessments.return({ id: submitted.id, revision: submitted.revision, comment: "请补充第2项签订责任状的佐证材料。" });
      continue;
    }
    await api.assessments.approve({ id: submitted.id, revision: submitted.revision });
  }
  log.info({ subjects: subjects.length, period: period.name }, "demo data seeded");
  return { seeded: true, ...(generated ? { adminPassword: password } : {}) };
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
    const issues = error instanceof TRPCError ? (error as TRPCError & { issues?: { path: (string | number)[] }[] }).issues : undefined;
    if (!issues) throw error;
    const bad = new Set(issues.map((i) => String(i.path[1])));
    log.warn({ assessment: id, facts: [...bad] }, "demo facts that do not fit the rubric were left out");
    return api.assessments.saveFacts({ id, revision, facts: Object.fromEntries(Object.entries(facts).filter(([k]) => !bad.has(k))) });
  }
}
