// Load benchmark (not a timed test): throughput and p50/p99 latency of score-preview and
// save-facts over HTTP on loopback, against a server process on PGlite and on PostgreSQL
// (DATABASE_URL), with the in-process engine's scoring rate beside it as the reference.
//
//   pnpm --filter @kaoping/server bench            (BENCH_SECONDS=8 BENCH_CONNECTIONS=8 by default)
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { hashSecret, newApiToken } from "@kaoping/api";
import { dropSchema, openDatabase, type DatabaseHandle } from "@kaoping/db";
import { compile } from "@kaoping/engine";
import autocannon from "autocannon";
import { pino } from "pino";
import { REPO_ROOT } from "../src/config.ts";
import { seedIfEmpty } from "../src/seed.ts";
import { startServer } from "../test/process.ts";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);

interface Target {
  readonly name: string;
  readonly env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  remove(): Promise<void>;
}

interface Draft {
  readonly id: number;
  revision: number;
  readonly facts: Record<string, unknown>;
}

interface Row {
  readonly target: string;
  readonly scenario: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

function targets(): Target[] {
  const dir = mkdtempSync(join(tmpdir(), "kaoping-bench-"));
  const list: Target[] = [
    {
      name: "PGlite (on disk)",
      env: { KAOPING_DATA_DIR: dir, DATABASE_URL: "" },
      open: () => openDatabase({ dataDir: dir }),
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `kp_bench_${randomBytes(4).toString("hex")}`;
    list.push({
      name: "PostgreSQL",
      env: { DATABASE_URL: url, KAOPING_DB_SCHEMA: schema },
      open: () => openDatabase({ url, schema }),
      remove: () => dropSchema(url, schema),
    });
  } else {
    console.log(
      "PostgreSQL: SKIPPED (DATABASE_URL is not set; scripts/pg-test.sh run pnpm --filter @kaoping/server bench)",
    );
  }
  return list;
}

/** Seeds the demo data and makes a token; returns the editable drafts that have complete facts. */
async function prepare(target: Target): Promise<{ token: string; drafts: Draft[] }> {
  const database = await target.open();
  try {
    await seedIfEmpty(database, {
      logger: pino({ level: "silent" }),
      rubricsDir: resolve(REPO_ROOT, "rubrics"),
      adminPassword: "benchmark-password",
    });
    const admin = await database.db
      .selectFrom("app_user")
      .select("id")
      .where("username", "=", "admin")
      .executeTakeFirstOrThrow();
    const { token, prefix } = newApiToken();
    await database.db
      .insertInto("api_token")
      .values({ user_id: admin.id, name: "bench", prefix, token_hash: hashSecret(token) })
      .execute();
    const rows = await database.db
      .selectFrom("assessment")
      .select(["id", "revision", "facts"])
      .where("status", "in", ["draft", "returned"])
      .where("total", "is not", null)
      .orderBy("id")
      .execute();
    return { token, drafts: rows.map((r) => ({ id: r.id, revision: r.revision, facts: r.facts })) };
  } finally {
    await database.close();
  }
}

async function load(
  url: string,
  options: Omit<autocannon.Options, "url" | "duration" | "connections">,
  connections = CONNECTIONS,
  duration = SECONDS,
): Promise<autocannon.Result> {
  return autocannon({ url, duration, connections, ...options });
}

function row(target: string, scenario: string, r: autocannon.Result): Row {
  return {
    target,
    scenario,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

async function benchTarget(target: Target): Promise<Row[]> {
  const { token, drafts } = await prepare(target);
  if (drafts.length === 0) throw new Error("no scored drafts to load");
  const server = await startServer({ ...target.env, KAOPING_SEED: "0", LOG_LEVEL: "warn" });
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  try {
    const sample = drafts[0]!;
    const previewUrl = `${server.url}/trpc/assessments.preview?input=${encodeURIComponent(JSON.stringify({ id: sample.id, facts: sample.facts }))}`;
    // Warm up: compile caches, JIT, connection pool.
    await load(previewUrl, { method: "GET", headers }, CONNECTIONS, 1);
    const preview = await load(previewUrl, { method: "GET", headers });

    // A request takes an assessment no other request has in flight and gives it back with the
    // revision its answer returns, so saves do not conflict with one another (a conflict would
    // show as a 409 in non-2xx). autocannon resets a connection's context after every request,
    // so the free list lives out here.
    const connections = Math.min(CONNECTIONS, drafts.length);
    const free = [...drafts];
    const failures = new Map<string, number>();
    const save = await load(
      server.url,
      {
        requests: [
          {
            method: "POST",
            path: "/trpc/assessments.saveFacts",
            headers,
            setupRequest: (request, context) => {
              const ctx = context as { draft?: Draft };
              ctx.draft = free.shift()!;
              const facts = { ...ctx.draft.facts, 查实线索数: ctx.draft.revision % 3 };
              return { ...request, body: JSON.stringify({ id: ctx.draft.id, revision: ctx.draft.revision, facts }) };
            },
            onResponse: (status, body, context) => {
              const ctx = context as { draft?: Draft };
              if (!ctx.draft) return;
              if (status === 200)
                ctx.draft.revision = (
                  JSON.parse(body) as { result: { data: { revision: number } } }
                ).result.data.revision;
              free.push(ctx.draft);
              if (status !== 200)
                failures.set(
                  `${status} ${body.slice(0, 160)}`,
                  (failures.get(`${status} ${body.slice(0, 160)}`) ?? 0) + 1,
                );
            },
          },
        ],
      },
      connections,
    );
    for (const [what, n] of failures) console.log(`save-facts: ${n} × ${what}`);
    return [
      row(target.name, "score-preview (GET)", preview),
      row(target.name, `save-facts (POST, ${connections} writers)`, save),
    ];
  } finally {
    server.child.kill("SIGTERM");
    await server.exited;
    await target.remove();
  }
}

/** Scores per second of the compiled rubric in this process: the ceiling the server is measured against. */
function engineRate(): { plain: number; explain: number } {
  const source = readFileSync(resolve(REPO_ROOT, "rubrics/village-quality.rubric"), "utf8");
  const { rubric } = compile(source);
  if (!rubric) throw new Error("village rubric does not compile");
  const facts = JSON.parse(
    JSON.stringify({
      及时调整工作机构: true,
      工作机构正常开展活动: true,
      参加政府会议活动: true,
      制定工作方案: true,
      应签责任状企业数: 10,
      已签责任状企业数: 8,
      责任书评分: { value: 3.2, reason: "应签 10 家，已签 8 家" },
      有检查考核总结: true,
      辖区企业数: 40,
      培训人数: 30,
      法规培训期数: 2,
      及时申报名牌产品: true,
      新增省级名牌数: 1,
      新增中国名牌数: 0,
      五百万以上工业企业数: 30,
      通过认证企业数: 12,
      新增认证企业数: 1,
      质量建档率: 100,
      企业标准覆盖率: 99,
      完成标准复审: true,
      标准复审率: 98,
      新增计量确认单位数: 2,
      新增采标单位数: 0,
      省抽不合格数: 1,
      国抽不合格数: 0,
      建立打假责任制: true,
      明确打假联络员: true,
      一般违法案件数: 1,
      严重违法案件数: 0,
      发生重大制假售假案件: false,
      被省级以上媒体曝光: false,
      查实线索数: 1,
      台帐按要求分类: true,
      资料齐全: true,
      数据准确: true,
    }),
  ) as Record<string, unknown>;
  const rate = (explain: boolean) => {
    let n = 0;
    const end = performance.now() + 1000;
    while (performance.now() < end) {
      for (let i = 0; i < 100; i++) rubric.score(facts, { explain });
      n += 100;
    }
    return n;
  };
  rate(false);
  return { plain: rate(false), explain: rate(true) };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  console.log(
    `Kaoping server load: ${SECONDS} s per scenario, ${CONNECTIONS} connections, Node ${process.version}, ${cpus().length} CPUs (load generator and server share them)`,
  );
  const engine = engineRate();
  console.log(
    `in-process engine (village rubric): ${fmt(engine.plain)} scores/s plain, ${fmt(engine.explain)} scores/s with explanations`,
  );
  const rows: Row[] = [];
  for (const target of targets()) rows.push(...(await benchTarget(target)));
  console.log("");
  console.log("| database | scenario | req/s | p50 ms | p99 ms | non-2xx | errors | engine (explain) ÷ req/s |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(
      `| ${r.target} | ${r.scenario} | ${fmt(r.rps)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${r.non2xx} | ${r.errors} | ${fmt(engine.explain / Math.max(r.rps, 1))}× |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
