// Property-based fuzz of every procedure of the API (found by walking the router, never listed by
// hand) through the real HTTP server, plain and batched, on PGlite and on PostgreSQL: hostile
// strings, numbers and shapes never get a 500, never show the database's own words, and change
// no stored data (a dump of every table before and after). A fixed seed and a small budget in the
// normal run; FC_NUM_RUNS=5000 for a long one. It prints its figures.
import { appRouter } from "@kaoping/api";
import { POSTGRES_SKIP_NOTE, sql, testDatabaseTargets, type DatabaseHandle } from "@kaoping/db";
import fc from "fast-check";
import { pino } from "pino";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../src/config.ts";
import { seedIfEmpty } from "../src/seed.ts";
import { serve, trpcHttp, type Running } from "./helpers.ts";

const RUNS = Number(process.env.FC_NUM_RUNS ?? 80);
const SEED = 20261216;
const ADMIN_PASSWORD = "fuzz admin password";

/** What a database says in its own words (PostgreSQL's and PGlite's messages, stack traces). */
const LEAK =
  /invalid byte sequence|violates|syntax error|relation "|column "|out of range for type|duplicate key|invalid input syntax|SQLSTATE|pglite|node_modules|Maximum call stack|\bat .+\.(ts|js):\d+/i;

interface Procedure {
  readonly path: string;
  readonly type: "query" | "mutation";
  /** A valid input, made from its schema, so that a hostile value in one place reaches deep. */
  readonly valid: unknown;
}

type Schema = { _zod: { def: Def }; safeParse(v: unknown): { success: boolean } };
type Def = {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  in?: Schema;
  options?: Schema[];
  element?: Schema;
  entries?: Record<string, string>;
  values?: unknown[];
  getter?: () => Schema;
};

// Strings a schema may take: plain text, a date, a code, a username, a password.
const CANDIDATES = ["村1", "2026-01-01", "village_quality", "admin", "correct horse battery", "x"];

/** A value the schema accepts (ids are 1: the seed has a row 1 of everything), or undefined. */
function validSample(schema: Schema, depth = 0): unknown {
  const def = schema._zod.def;
  if (depth > 12) return undefined;
  const inner = (s: Schema | undefined) => (s ? validSample(s, depth + 1) : undefined);
  switch (def.type) {
    case "string":
      return CANDIDATES.find((c) => schema.safeParse(c).success) ?? "x";
    case "number":
      return 1;
    case "boolean":
      return true;
    case "enum":
      return Object.values(def.entries ?? {})[0];
    case "literal":
      return def.values?.[0];
    case "object":
      return Object.fromEntries(Object.entries(def.shape ?? {}).map(([k, v]) => [k, inner(v)]));
    case "array":
      return [inner(def.element)];
    case "record":
      return {};
    case "union":
      return inner(def.options?.[0]);
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
      return inner(def.innerType);
    case "pipe":
      return inner(def.in);
    case "lazy":
      return inner(def.getter?.());
    default:
      return undefined;
  }
}

const procedures: Procedure[] = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: "query" | "mutation"; inputs: Schema[] } }>,
).map(([path, p]) => ({
  path,
  type: p._def.type,
  valid: p._def.inputs[0] ? validSample(p._def.inputs[0]) : undefined,
}));

/** The paths of every value inside `value` (the root is []). */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (typeof value === "object" && value !== null)
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return here;
}

/** `value` with the value at `path` replaced (a copy; own data properties, even for "__proto__"). */
function replaced(value: unknown, path: readonly (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...(value as unknown[])] : { ...(value as object) }) as Record<
    string | number,
    unknown
  >;
  Object.defineProperty(copy, head, {
    value: replaced(copy[head], rest, by),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
}

// ---- hostile values ----

/** Strings known to have hurt: control and invalid characters, look-alikes, lengths, injections. */
const nastyStrings = fc.constantFrom(
  "a\u0000b",
  "\uD800",
  "x\uDFFFy",
  "'; drop table app_user; --",
  "\uF900\uF901", // compatibility ideographs
  "ＡＢＣ１２３％",
  "\u202Eevil",
  "e\u0301",
  "𠀀𪚥",
  " ",
  "",
  "null",
  "1e999",
  '{"__proto__":1}',
  "x".repeat(70_000),
  "理由".repeat(300_000),
);
const hostileString = fc.oneof(
  { arbitrary: nastyStrings, weight: 3 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }), weight: 1 },
);
/** Numbers at the edges: int4's, JavaScript's safe integers, doubles, fractions, signs. */
const nastyNumbers = fc.constantFrom(
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  -1,
  0,
  -0,
  0.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  2 ** 53 + 2,
  1e-7,
  2 ** 63,
);
const hostileNumber = fc.oneof(
  { arbitrary: nastyNumbers, weight: 3 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
);
const { hostile } = fc.letrec<{ hostile: unknown }>((tie) => ({
  hostile: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { arbitrary: hostileString, weight: 4 },
    { arbitrary: hostileNumber, weight: 4 },
    { arbitrary: fc.constantFrom(true, false, null), weight: 1 },
    { arbitrary: fc.array(tie("hostile"), { maxLength: 4 }), weight: 1 },
    { arbitrary: fc.dictionary(hostileString, tie("hostile"), { maxKeys: 4 }), weight: 1 },
  ),
}));

/** Values the input policy refuses wherever they are: NUL, lone surrogates, prototype keys, deep nesting. */
const poison = fc.oneof(
  fc.constantFrom("a\u0000b", "\u0000", "\uD800", "x\uDFFFy", "\uDBFF\uDBFF"),
  fc
    .constantFrom("__proto__", "constructor", "prototype")
    .map((k) => JSON.parse(`{${JSON.stringify(k)}: 1}`) as unknown),
  fc.integer({ min: 17, max: 1000 }).map((n) => {
    const deep = JSON.parse("[".repeat(n) + "]".repeat(n)) as object;
    // fast-check prints a failing input recursively: show this one short.
    Object.defineProperty(deep, fc.toStringMethod, { value: () => `(${n} nested arrays)` });
    return deep;
  }),
);

/** Mostly values of the same kind as the one they replace (an id gets 2^31), sometimes anything. */
function hostileFor(current: unknown): fc.Arbitrary<unknown> {
  const same = typeof current === "number" ? nastyNumbers : typeof current === "string" ? nastyStrings : hostile;
  return fc.oneof({ arbitrary: same, weight: 3 }, { arbitrary: hostile, weight: 1 });
}

/** A valid input for `p` with a bad value put in one place (or beside one, under a hostile key). */
function spoiled(p: Procedure, bad: (current: unknown) => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const paths = pathsOf(p.valid);
  const objectInput = typeof p.valid === "object" && p.valid !== null;
  return fc.nat(paths.length - 1).chain((n) => {
    const at = paths[n] as (string | number)[];
    const current = at.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], p.valid);
    return fc
      .tuple(bad(current), fc.option(hostileString, { nil: undefined, freq: 4 }))
      .map(([value, key]) =>
        replaced(p.valid, key !== undefined && at.length === 0 && objectInput ? [key] : at, value),
      );
  });
}

/** Hostile values or shapes anywhere in an otherwise valid input. */
const inputFor = (p: Procedure): fc.Arbitrary<unknown> => spoiled(p, hostileFor);
/** One poisoned value somewhere in an otherwise valid input: the whole call must be refused. */
const poisonedInputFor = (p: Procedure): fc.Arbitrary<unknown> => spoiled(p, () => poison);

type Call = { readonly procedure: Procedure; readonly input: unknown };
const callOf = (make: (p: Procedure) => fc.Arbitrary<unknown>, only?: Procedure["type"]) =>
  fc
    .constantFrom(...procedures.filter((p) => !only || p.type === only))
    .chain((procedure) => make(procedure).map((input): Call => ({ procedure, input })));

/** A request of one call, or a batch of calls of one type. */
function requests(make: (p: Procedure) => fc.Arbitrary<unknown>, only?: Procedure["type"]) {
  return fc.oneof(
    callOf(make, only).map((c) => [c]),
    fc
      .array(callOf(make, only), { minLength: 2, maxLength: 8 })
      .map((calls) => calls.filter((c) => c.procedure.type === calls[0]!.procedure.type)),
  );
}

const targets = testDatabaseTargets();
if (!targets.some((t) => t.kind === "postgres" && t.available)) console.warn(POSTGRES_SKIP_NOTE);

describe.each(targets.filter((t) => t.available))("fuzz of every procedure on $kind", (target) => {
  let database: DatabaseHandle;
  let running: Running;
  let cookie: string;
  const figures = { requests: 0, calls: 0, status500: 0, leaks: 0, dataChanged: 0 };

  /** Every table of the schema, each row in order, as JSON. */
  async function dump(): Promise<string> {
    const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(database.db);
    const out: Record<string, unknown> = {};
    for (const { name } of tables.rows)
      out[name] = (await sql`select * from ${sql.table(name)} order by 1`.execute(database.db)).rows;
    return JSON.stringify(out);
  }

  async function send(calls: readonly Call[]): Promise<{ status: number; text: string; statuses: number[] }> {
    figures.requests += 1;
    figures.calls += calls.length;
    const type = calls[0]!.procedure.type;
    const headers = { "content-type": "application/json", cookie };
    const batch = calls.length > 1;
    const path = calls.map((c) => c.procedure.path).join(",");
    const payload = batch ? Object.fromEntries(calls.map((c, i) => [String(i), c.input])) : calls[0]!.input;
    const query = batch ? "?batch=1" : "";
    const response =
      type === "query"
        ? await fetch(
            `${running.url}/trpc/${path}${query}${batch ? "&" : "?"}input=${encodeURIComponent(JSON.stringify(payload))}`,
            { headers },
          )
        : await fetch(`${running.url}/trpc/${path}${query}`, {
            method: "POST",
            headers,
            body: JSON.stringify(payload),
          });
    const text = await response.text();
    let statuses: number[] = [response.status];
    try {
      const body = JSON.parse(text) as unknown;
      const list = Array.isArray(body) ? body : [body];
      statuses = [
        response.status,
        ...list.map((b) => (b as { error?: { data?: { httpStatus?: number } } }).error?.data?.httpStatus ?? 200),
      ];
    } catch {
      // Not JSON: only the HTTP status counts.
    }
    return { status: response.status, text, statuses };
  }

  function judge(r: { text: string; statuses: number[] }): void {
    if (r.statuses.some((s) => s >= 500)) figures.status500 += 1;
    if (LEAK.test(r.text)) figures.leaks += 1;
    expect(
      r.statuses.filter((s) => s >= 500),
      r.text.slice(0, 500),
    ).toEqual([]);
    expect(r.text, "database text in the answer").not.toMatch(LEAK);
  }

  beforeAll(async () => {
    database = await target.open();
    await seedIfEmpty(database, {
      logger: pino({ level: "silent" }),
      rubricsDir: resolve(REPO_ROOT, "rubrics"),
      adminPassword: ADMIN_PASSWORD,
    });
    running = await serve(database);
    const login = await trpcHttp(running.url, "auth.login", { username: "admin", password: ADMIN_PASSWORD });
    expect(login.status).toBe(200);
    cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
  });
  afterAll(async () => {
    console.log(
      `input fuzz on ${target.kind}: ${procedures.length} procedures, ${figures.requests} requests (${figures.calls} calls) tried, ` +
        `500s = ${figures.status500}, database text shown = ${figures.leaks}, data changed = ${figures.dataChanged}`,
    );
    await running?.app.close();
  });

  it("poisoned input to any procedure: refused with a 4xx, nothing stored changes", async () => {
    const before = await dump();
    await fc.assert(
      fc.asyncProperty(requests(poisonedInputFor), async (calls) => {
        const r = await send(calls);
        judge(r);
        expect(
          r.statuses.slice(1).every((s) => s >= 400 && s < 500),
          r.text.slice(0, 300),
        ).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    const after = await dump();
    if (after !== before) figures.dataChanged += 1;
    expect(after === before, "stored data changed").toBe(true);
  });

  it("hostile input to every query: no 500, no database text, nothing stored changes", async () => {
    const before = await dump();
    await fc.assert(
      fc.asyncProperty(requests(inputFor, "query"), async (calls) => judge(await send(calls))),
      { seed: SEED + 1, numRuns: RUNS, endOnFailure: true },
    );
    const after = await dump();
    if (after !== before) figures.dataChanged += 1;
    expect(after === before, "stored data changed").toBe(true);
  });

  // Last: these may be valid by chance and change data, as a person's own request would.
  it("hostile input to every mutation: no 500, no database text", async () => {
    await fc.assert(
      fc.asyncProperty(requests(inputFor, "mutation"), async (calls) => judge(await send(calls))),
      { seed: SEED + 2, numRuns: RUNS, endOnFailure: true },
    );
  });
});
