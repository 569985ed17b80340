// The input policy holds for every procedure of the router, found by walking it (no list kept by
// hand): each runs the raw-input guard, and each input schema bounds its strings and integers.
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { guardInput, INPUT_LIMITS, translateZodIssue } from "./input-policy.ts";
import { appRouter } from "./root.ts";
import { inputGuard } from "./trpc.ts";

type Schema = z.core.$ZodType;

/** Largest string any input field may declare: an evidence file's base64 under the body limit. */
const LONGEST_STRING = 12 * 1024 * 1024;

function checksOf(
  schema: Schema,
): { check: string; maximum?: number; value?: unknown; format?: string; inclusive?: boolean }[] {
  const checks = (schema._zod.def as { checks?: { _zod: { def: unknown } }[] }).checks ?? [];
  return checks.map((c) => c._zod.def as never);
}

/** Where a schema accepts what the policy forbids: an unbounded string or integer, or anything at all. */
function violations(schema: Schema, at: string, seen = new Set<Schema>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = (key: string, where = at): string[] => violations(def[key] as Schema, where, seen);
  switch (def.type) {
    case "string": {
      const max = checksOf(schema).find((c) => c.check === "max_length")?.maximum;
      return max !== undefined && max <= LONGEST_STRING ? [] : [`${at}: a string without a length limit`];
    }
    case "number": {
      const checks = checksOf(schema);
      if (!checks.some((c) => c.check === "number_format")) return [];
      const max = checks.find((c) => c.check === "less_than")?.value;
      return typeof max === "number" && max <= INPUT_LIMITS.int4 ? [] : [`${at}: an integer without the int4 limit`];
    }
    case "boolean":
    case "null":
    case "void":
    case "undefined":
    case "literal":
    case "enum":
      return [];
    case "object":
      return Object.entries(def.shape as Record<string, Schema>).flatMap(([k, s]) => violations(s, `${at}.${k}`, seen));
    case "array":
      return inner("element", `${at}[]`);
    case "record":
      return [...inner("keyType", `${at}{key}`), ...inner("valueType", `${at}{}`)];
    case "union":
      return (def.options as Schema[]).flatMap((s) => violations(s, at, seen));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "nonoptional":
      return inner("innerType");
    case "pipe": {
      // Transforms (NFC, trim) come after a bounded schema; preprocessors before one.
      const input = def.in as Schema;
      return input._zod.def.type === "transform" ? inner("out") : inner("in");
    }
    case "lazy":
      return violations((def.getter as () => Schema)(), at, seen);
    default:
      return [`${at}: a ${def.type} schema accepts anything`];
  }
}

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { inputs: Schema[]; middlewares: unknown[] } }>,
);

describe("the input policy", () => {
  it("finds the procedures by walking the router", () => {
    expect(procedures.length).toBeGreaterThan(30);
  });

  it.each(procedures.map(([path, p]) => [path, p] as const))("%s runs the raw-input guard", (_path, procedure) => {
    const guard = (inputGuard as unknown as { _middlewares: unknown[] })._middlewares;
    expect(guard.every((m) => procedure._def.middlewares.includes(m))).toBe(true);
  });

  it.each(procedures.map(([path, p]) => [path, p] as const))(
    "%s bounds every string and integer of its input",
    (path, procedure) => {
      expect(procedure._def.inputs.flatMap((s) => violations(s, path))).toEqual([]);
    },
  );

  it("the walk itself finds what the policy forbids", () => {
    const bad = z.object({ a: z.string(), b: z.number().int(), c: z.unknown(), d: z.string().max(5), e: z.number() });
    expect(violations(bad, "x")).toEqual([
      "x.a: a string without a length limit",
      "x.b: an integer without the int4 limit",
      "x.c: a unknown schema accepts anything",
    ]);
  });
});

describe("guardInput", () => {
  it("refuses NUL and lone surrogates in values and keys, naming the path", () => {
    expect(guardInput({ a: ["x", "a\u0000b"] })).toMatchObject({
      ok: false,
      issue: { path: ["a", 1], message: expect.stringContaining("NUL") },
    });
    expect(guardInput({ name: "\uD800" })).toMatchObject({
      ok: false,
      issue: { path: ["name"], zh: expect.stringContaining("代理项") },
    });
    expect(guardInput({ ["k\uDC00"]: 1 })).toMatchObject({ ok: false });
    expect(guardInput({ ok: "😀 是 \uD83D\uDE00" })).toEqual({ ok: true, input: { ok: "😀 是 \uD83D\uDE00" } });
  });

  it("refuses prototype keys, twins under NFC, and puts keys in NFC", () => {
    expect(guardInput(JSON.parse('{"facts": {"__proto__": 1}}'))).toMatchObject({
      ok: false,
      issue: { path: ["facts", "__proto__"] },
    });
    expect(guardInput({ constructor: 1 })).toMatchObject({ ok: false });
    expect(guardInput({ "e\u0301": 1, "\u00e9": 2 })).toMatchObject({
      ok: false,
      issue: { message: expect.stringContaining("normalisation") },
    });
    const r = guardInput({ "e\u0301": 1 });
    expect(r.ok && Object.keys(r.input as object)).toEqual(["\u00e9"]);
  });

  it("refuses deep nesting and too many values without using the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(guardInput(deep)).toMatchObject({
      ok: false,
      issue: { message: expect.stringContaining("nested too deeply") },
    });
    expect(guardInput(new Array(2_000_001).fill(0))).toMatchObject({
      ok: false,
      issue: { message: expect.stringContaining("too many values") },
    });
  });

  it("refuses what is not JSON", () => {
    expect(guardInput(new Date())).toMatchObject({ ok: false });
    expect(guardInput({ f: () => 1 })).toMatchObject({ ok: false });
  });
});

describe("zod messages", () => {
  it("are given in Chinese and English", () => {
    const r = z.object({ name: z.string().max(3) }).safeParse({ name: "long" });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(translateZodIssue(r.error.issues[0] as z.core.$ZodIssue)).toEqual({
        zh: "最多 3 个字符",
        en: "at most 3 characters",
      });
  });
});
