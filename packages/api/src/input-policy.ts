// One input policy for every procedure. Two halves:
// - `guardInput` walks each call's raw input once, before any schema sees it: no NUL, no lone
//   surrogate (in values or keys), nesting and size within bounds, object keys in NFC and never
//   `__proto__`/`constructor`/`prototype`. It runs in the base procedure (trpc.ts), so no procedure
//   can be without it.
// - The zod building blocks below bound every string's length and every id to PostgreSQL's int4,
//   and normalise names to NFC. A test walks every procedure's input schema and fails on an
//   unbounded string, an unbounded integer or an `unknown` (input-policy.test.ts).
import { z } from "zod";

/** One failing field: its path (e.g. ["facts", "培训人数"]) and what is wrong. */
export interface FieldIssue {
  readonly path: (string | number)[];
  readonly message: string;
  /** The message in Chinese, where the source of the error has one (rubric fact checks). */
  readonly zh?: string;
}

export const INPUT_LIMITS = {
  /** Objects and arrays inside one another. Facts need 3 (record → score → value). */
  depth: 16,
  /** Values (strings, numbers, keys…) in one call's input. */
  values: 2_000_000,
  /** Characters of an object key. */
  keyChars: 200,
  /** The largest id, revision or count: PostgreSQL's int4. */
  int4: 2_147_483_647,
  /** Short free text: names, titles, codes. */
  name: 200,
  /** Longer free text: comments, notes, an assessor's reason. */
  text: 2000,
  /** A rubric's source. */
  source: 1_000_000,
  /** An evidence file as base64: the HTTP body limit bounds it first (apps/server). */
  base64: 8 * 1024 * 1024,
} as const;

/** A message in both of the app's languages. */
export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a string by the policy's rules that hold everywhere, or null. */
export function badCharacters(text: string): Bilingual | null {
  if (text.includes("\u0000"))
    return { zh: "不能含有空字符（U+0000）", en: "must not contain the NUL character (U+0000)" };
  if (LONE_SURROGATE.test(text)) {
    return {
      zh: "含有无效的 Unicode 字符（孤立的代理项）",
      en: "contains an invalid Unicode character (a lone surrogate)",
    };
  }
  return null;
}

/** A field issue in both languages. */
export function bilingualIssue(path: (string | number)[], message: Bilingual): FieldIssue {
  return { path, message: message.en, zh: message.zh };
}

export type GuardResult =
  | { readonly ok: true; readonly input: unknown }
  | { readonly ok: false; readonly issue: FieldIssue };

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Checks a call's raw input (parsed JSON) against the policy and returns it with every object key
 * in NFC, or the first problem with its path. Iterative and bounded: deep or huge inputs cost no
 * stack and stop at the limit.
 */
export function guardInput(raw: unknown): GuardResult {
  let values = 0;
  const fail = (path: (string | number)[], message: Bilingual): GuardResult => ({
    ok: false,
    issue: bilingualIssue(path, message),
  });
  // Each task copies one value into `put`.
  type Task = { value: unknown; path: (string | number)[]; put: (v: unknown) => void };
  let result: unknown;
  const stack: Task[] = [{ value: raw, path: [], put: (v) => (result = v) }];
  while (stack.length > 0) {
    const { value, path, put } = stack.pop() as Task;
    values += 1;
    if (values > INPUT_LIMITS.values) {
      return fail([], {
        zh: `输入的值过多（最多 ${INPUT_LIMITS.values} 个）`,
        en: `too many values (at most ${INPUT_LIMITS.values})`,
      });
    }
    if (value === null || value === undefined || typeof value === "boolean") {
      put(value);
      continue;
    }
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return fail(path, { zh: "数字超出范围", en: "the number is out of range" });
      put(value);
      continue;
    }
    if (typeof value === "string") {
      const bad = badCharacters(value);
      if (bad) return fail(path, bad);
      put(value);
      continue;
    }
    if (typeof value !== "object" || !(Array.isArray(value) || isPlainObject(value))) {
      return fail(path, { zh: "输入应为 JSON", en: "the input must be JSON" });
    }
    if (path.length >= INPUT_LIMITS.depth) {
      return fail(path, {
        zh: `嵌套过深（最多 ${INPUT_LIMITS.depth} 层）`,
        en: `nested too deeply (at most ${INPUT_LIMITS.depth} levels)`,
      });
    }
    if (Array.isArray(value)) {
      const copy: unknown[] = new Array<unknown>(value.length);
      put(copy);
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: [...path, i], put: (v) => (copy[i] = v) });
      continue;
    }
    const copy: Record<string, unknown> = {};
    put(copy);
    for (const key of Object.keys(value)) {
      const at = [...path, key];
      const bad = badCharacters(key);
      if (bad) return fail(at, bad);
      if (key.length > INPUT_LIMITS.keyChars) {
        return fail(at, {
          zh: `键名过长（最多 ${INPUT_LIMITS.keyChars} 个字符）`,
          en: `the key is too long (at most ${INPUT_LIMITS.keyChars} characters)`,
        });
      }
      const nfc = key.normalize("NFC");
      if (FORBIDDEN_KEYS.has(nfc))
        return fail(at, { zh: `不允许的键名「${nfc}」`, en: `the key "${nfc}" is not allowed` });
      if (Object.prototype.hasOwnProperty.call(copy, nfc)) {
        return fail(at, {
          zh: `两个键名在 Unicode 规范化后相同：「${nfc}」`,
          en: `two keys are the same after Unicode normalisation: "${nfc}"`,
        });
      }
      // A placeholder keeps the key's place (and makes a later twin a duplicate).
      copy[nfc] = undefined;
      stack.push({ value: (value as Record<string, unknown>)[key], path: at, put: (v) => (copy[nfc] = v) });
    }
  }
  return { ok: true, input: result };
}

// ---- zod building blocks: every input schema is made of these (or of bounded zod parts). ----

/** A row id: a positive PostgreSQL int4. */
export const Id = z.number().int().positive().max(INPUT_LIMITS.int4);
/** A revision number (optimistic locking). */
export const Revision = Id;
/** A small whole number (item and criterion numbers, offsets). */
export const WholeNumber = z.number().int().min(0).max(INPUT_LIMITS.int4);

/** Free text of at most `max` characters, trimmed, in NFC. */
export function text(max: number = INPUT_LIMITS.text) {
  return z
    .string()
    .max(max)
    .transform((s) => s.trim().normalize("NFC"));
}

/** A required name: 1 to `max` characters after trimming, in NFC. */
export function name(max: number = INPUT_LIMITS.name) {
  return z
    .string()
    .max(max)
    .transform((s) => s.trim().normalize("NFC"))
    .pipe(z.string().min(1, "must not be empty"));
}

/** A word from a fixed set of letters (codes, keys), in NFC, checked after normalising. */
export function code(max: number, pattern: RegExp, message: string) {
  return z
    .string()
    .max(max)
    .transform((s) => s.trim().normalize("NFC"))
    .pipe(z.string().min(1, "must not be empty").regex(pattern, message));
}

/** A fact's value as JSON carries it; the rubric's own schema checks it further. */
const FactScalar = z.union([z.boolean(), z.number(), z.string().max(INPUT_LIMITS.name), z.null()]);
const FactValue = z.union([
  FactScalar,
  z.strictObject({ value: FactScalar, reason: z.string().max(INPUT_LIMITS.text).optional() }),
]);
/**
 * A facts record: input names (NFC) to values, bounded here; the rubric's own schema then says
 * what is wrong with each (typed as loosely as that schema takes it).
 */
export const FactsRecord = z.record(z.string().max(INPUT_LIMITS.keyChars), FactValue) as unknown as z.ZodType<
  Record<string, unknown>
>;

/** Any JSON, strings bounded (subject attributes, audit values). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export const JsonValue: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string().max(INPUT_LIMITS.text),
    z.array(JsonValue).max(1000),
    z.record(z.string().max(INPUT_LIMITS.keyChars), JsonValue),
  ]),
);

// The custom messages of the API's own schemas, in Chinese.
const ZH: Readonly<Record<string, string>> = {
  "must not be empty": "不能为空",
  "letters, digits and _ . @ - only": "只能用字母、数字和 _ . @ -",
  "letters, digits and _ . - only": "只能用字母、数字和 _ . -",
  "letters, digits and _ only": "只能用字母、数字和 _",
  "at least 2 characters": "至少 2 个字符",
  "at least 10 characters": "至少 10 个字符",
  "expected a date like 2026-01-01": "应为日期，如 2026-01-01",
  "say what needs fixing": "请说明需要修改什么",
  "the period ends before it starts": "结束日期早于开始日期",
  "the file is empty": "文件为空",
  "not base64": "不是 base64 编码",
  "no slashes or control characters": "不能含有斜杠或控制字符",
};

const TYPE_ZH: Readonly<Record<string, string>> = {
  string: "文本",
  number: "数字",
  int: "整数",
  boolean: "是或否",
  object: "对象",
  array: "列表",
};

/** A zod issue in both languages: the schema's own words where it has them, else by its code. */
export function translateZodIssue(issue: z.core.$ZodIssue): Bilingual {
  const en = issue.message;
  const own = ZH[en];
  if (own) return { zh: own, en };
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return { zh: "必填", en: "required" };
      return { zh: `应为${TYPE_ZH[issue.expected] ?? issue.expected}`, en: `expected ${issue.expected}` };
    case "too_big": {
      const max = String(issue.maximum);
      if (issue.origin === "string") return { zh: `最多 ${max} 个字符`, en: `at most ${max} characters` };
      if (issue.origin === "array") return { zh: `最多 ${max} 项`, en: `at most ${max} entries` };
      return { zh: `不能大于 ${max}`, en: `must be at most ${max}` };
    }
    case "too_small": {
      const min = String(issue.minimum);
      if (issue.origin === "string") return { zh: `至少 ${min} 个字符`, en: `at least ${min} characters` };
      if (issue.origin === "array") return { zh: `至少 ${min} 项`, en: `at least ${min} entries` };
      return { zh: `不能小于 ${min}`, en: `must be at least ${min}` };
    }
    case "invalid_value":
      return {
        zh: `应为以下之一：${issue.values.map(String).join("、")}`,
        en: `expected one of ${issue.values.map(String).join(", ")}`,
      };
    case "unrecognized_keys":
      return { zh: `未知的字段：${issue.keys.join("、")}`, en: `unknown field(s): ${issue.keys.join(", ")}` };
    case "invalid_format":
      return { zh: "格式不正确", en: en };
    case "invalid_union":
      return { zh: "值的类型不对", en: "the value has the wrong type" };
    case "not_multiple_of":
      return { zh: `应为 ${String(issue.divisor)} 的倍数`, en };
    default:
      return { zh: "值无效", en };
  }
}
