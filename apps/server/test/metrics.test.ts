// /metrics over HTTP: Prometheus's text format, read by a strict parser of it; the series exist and
// move after requests; the web app's index.html is never served in its place; an optional token.
import { resolve } from "node:path";
import { openDatabase } from "@kaoping/db";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/config.ts";
import { seedIfEmpty } from "../src/seed.ts";
import { newStore } from "./fixtures.ts";
import { fakeWebDist, PASSWORD, serve, trpcHttp, type Running } from "./helpers.ts";

type Samples = Map<string, number>;

const NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
const LABEL = `[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\["\\\\n])*"`;
// Values as Go's ParseFloat reads them (Prometheus's parser): NaN and Inf in any case (prom-client writes "Nan").
const SAMPLE = new RegExp(
  `^(${NAME})(\\{(?:${LABEL})(?:,${LABEL})*\\})? ([+-]?(?:[0-9]*\\.?[0-9]+(?:e[+-]?[0-9]+)?|inf|nan))$`,
  "i",
);
const TYPES = new Set(["counter", "gauge", "histogram", "summary", "untyped"]);

/**
 * Parses the text exposition format (0.0.4) strictly: every line is a HELP, a TYPE, a sample or empty;
 * every sample belongs to a family declared by a TYPE before it (histograms through their
 * _bucket, _sum and _count). Samples are keyed by name and labels as written.
 */
function parseExposition(text: string): Samples {
  expect(text.endsWith("\n")).toBe(true);
  const families = new Map<string, string>();
  const samples: Samples = new Map();
  for (const line of text.slice(0, -1).split("\n")) {
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) {
      expect(TYPES.has(type[2]!), line).toBe(true);
      expect(families.has(type[1]!), `family declared twice: ${line}`).toBe(false);
      families.set(type[1]!, type[2]!);
      continue;
    }
    // The format ignores empty lines (prom-client puts one between families).
    if (line === "" || /^# HELP \S+ .*$/.test(line)) continue;
    const sample = SAMPLE.exec(line);
    expect(sample, `not a sample: ${JSON.stringify(line)}`).not.toBeNull();
    const name = sample![1]!;
    const family = [name, name.replace(/_(bucket|sum|count)$/, "")].find((f) => families.has(f));
    expect(family, `sample of no declared family: ${line}`).toBeDefined();
    if (family !== name) expect(["histogram", "summary"]).toContain(families.get(family!));
    const key = `${name}${sample![2] ?? ""}`;
    expect(samples.has(key), `sample repeated: ${line}`).toBe(false);
    samples.set(key, Number(sample![3]!.replace(/inf$/i, "Infinity")));
  }
  return samples;
}

async function scrape(url: string, headers: Record<string, string> = {}): Promise<Samples> {
  const answer = await fetch(`${url}/metrics`, { headers });
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
  return parseExposition(await answer.text());
}

describe("/metrics", () => {
  let running: Running;
  let guarded: Running;
  const web = fakeWebDist();
  beforeAll(async () => {
    const database = await openDatabase({ dataDir: "memory://" });
    // The demo data has assessments to score.
    await seedIfEmpty(database, {
      logger: pino({ level: "silent" }),
      rubricsDir: resolve(REPO_ROOT, "rubrics"),
      adminPassword: PASSWORD,
    });
    running = await serve(database, { webDist: web });
    guarded = await serve(await openDatabase({ dataDir: "memory://" }), { metricsToken: "s3cret-metrics-token" });
  });
  afterAll(async () => {
    await Promise.all([running?.app.close(), guarded?.app.close()]);
  });

  it("is Prometheus text, never the web app's page, with the process's own figures", async () => {
    const samples = await scrape(running.url);
    for (const name of [
      "process_cpu_user_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_eventloop_lag_seconds",
      "kaoping_scores_computed_total",
    ]) {
      expect(samples.has(name), name).toBe(true);
    }
    // PGlite has no pool: no such series (PostgreSQL's are read from node-postgres, see below).
    expect([...samples.keys()].some((key) => key.startsWith("kaoping_db_pool"))).toBe(false);
    expect(await (await fetch(`${running.url}/metrics/`)).text()).toContain("<!doctype html>");
  });

  it("counts requests per procedure, errors by code, and scores computed", async () => {
    const login = await trpcHttp(running.url, "auth.login", { username: "admin", password: PASSWORD });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
    const before = await scrape(running.url);
    const count = (samples: Samples, key: string) => samples.get(key) ?? 0;

    for (let i = 0; i < 3; i++)
      expect((await trpcHttp(running.url, "auth.me", undefined, { method: "GET" })).status).toBe(401);
    await trpcHttp(running.url, "no.such.procedure", undefined, { method: "GET" });
    const row = await running.database.db
      .selectFrom("assessment")
      .select(["id", "facts"])
      .where("status", "=", "approved")
      .executeTakeFirstOrThrow();
    const preview = await trpcHttp(
      running.url,
      "assessments.preview",
      { id: row.id, facts: row.facts },
      { method: "GET", headers: { cookie } },
    );
    expect(preview.status).toBe(200);

    const after = await scrape(running.url);
    const me = 'kaoping_request_duration_seconds_count{procedure="auth.me",status="401"}';
    expect(count(after, me) - count(before, me)).toBe(3);
    expect(after.get('kaoping_request_duration_seconds_bucket{le="+Inf",procedure="auth.me",status="401"}')).toBe(
      after.get(me),
    );
    expect(after.get('kaoping_request_duration_seconds_sum{procedure="auth.me",status="401"}')).toBeGreaterThan(0);
    // A made-up procedure makes no series of its own.
    expect(count(after, 'kaoping_request_duration_seconds_count{procedure="(unknown)",status="404"}')).toBe(1);
    expect([...after.keys()].some((key) => key.includes("no.such.procedure"))).toBe(false);
    // The scrape before this one is a request like any other.
    expect(
      count(after, 'kaoping_request_duration_seconds_count{procedure="(http)",status="200"}'),
    ).toBeGreaterThanOrEqual(1);
    const unauthorized = 'kaoping_api_errors_total{code="UNAUTHORIZED"}';
    expect(count(after, unauthorized) - count(before, unauthorized)).toBe(3);
    expect(
      count(after, 'kaoping_api_errors_total{code="NOT_FOUND"}') -
        count(before, 'kaoping_api_errors_total{code="NOT_FOUND"}'),
    ).toBe(1);
    expect(count(after, "kaoping_scores_computed_total") - count(before, "kaoping_scores_computed_total")).toBe(1);
    expect(count(after, 'kaoping_request_duration_seconds_count{procedure="assessments.preview",status="200"}')).toBe(
      1,
    );
  });

  it("answers only the token's bearer when KAOPING_METRICS_TOKEN is set", async () => {
    expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${guarded.url}/metrics`, { headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    const samples = await scrape(guarded.url, { authorization: "Bearer s3cret-metrics-token" });
    expect(samples.has("process_resident_memory_bytes")).toBe(true);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("/metrics on PostgreSQL", () => {
  it("reports the connection pool", async () => {
    const store = newStore("postgres");
    const server = await serve(await store.open());
    try {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      const samples = await scrape(server.url);
      expect(samples.get("kaoping_db_pool_connections")).toBeGreaterThanOrEqual(1);
      expect(samples.get("kaoping_db_pool_idle_connections")).toBeGreaterThanOrEqual(0);
      expect(samples.get("kaoping_db_pool_waiting_queries")).toBe(0);
    } finally {
      await server.app.close();
      await store.remove();
    }
  });
});
