// The input schema: a zod schema derived from the rubric's inputs, for forms (react-hook-form),
// the API and imports, and `validate`, which turns its issues into one message per field in the
// field's own words (its label). What it accepts, the scorer's own fact reader accepts too
// (facts.ts); a property test holds the two together.

import { closestName } from "@kaoping/language";
import { z } from "zod";
import { SCALE, formatScaled, scaledFromNumber } from "./decimal.ts";
import { MAX_FACT } from "./facts.ts";
import type { InputIR } from "./ir.ts";
import { percentRange } from "./ir.ts";
import type { Message } from "./diagnostics.ts";

/** A discretionary fact: a score, with the assessor's reason (required below the maximum). */
export interface ScoreFact {
  readonly value: number;
  readonly reason?: string;
}

/** Facts as JSON carries them: yes/no, numbers (percent as percent points), discretionary scores. */
export type Facts = Readonly<Record<string, boolean | number | ScoreFact>>;

export type FactErrorCode =
  | "not-object"
  | "unknown"
  | "missing"
  | "type"
  | "integer"
  | "range"
  | "decimals"
  | "step"
  | "reason"
  | "ambiguous";

/** What is wrong with one field of a facts record. */
export interface FactError {
  /** The input's name, or the unknown key. */
  readonly field: string;
  /** The input's label (the question on the form), or the key when there is none. */
  readonly label: string;
  readonly code: FactErrorCode;
  readonly message: Message;
  /** Unknown keys: the declared input the key is closest to, when one is close. */
  readonly suggestion?: string;
}

/**
 * A key read as the declared input it differs from only in Unicode form (NFC/NFKC: full-width
 * letters and digits, compatibility ideographs): said, never silent.
 */
export interface FactNotice {
  /** The key as given. */
  readonly key: string;
  /** The input it was read as. */
  readonly field: string;
  readonly message: Message;
}

export type Validation =
  | { readonly ok: true; readonly facts: Facts; readonly notices?: readonly FactNotice[] }
  | { readonly ok: false; readonly errors: readonly FactError[] };

function labelOf(input: InputIR): string {
  return input.label ?? input.name;
}

function range(input: InputIR): [string, string] {
  switch (input.kind) {
    case "percent":
      return percentRange(input).map((x) => formatScaled(x * 100n)) as [string, string];
    case "score":
      return [formatScaled(input.min ?? 0n), formatScaled(input.max ?? 0n)];
    default:
      return ["0", String(MAX_FACT)];
  }
}

/** The message for one kind of problem with one input's fact. */
function factMessage(input: InputIR, code: FactErrorCode): Message {
  const L = labelOf(input);
  const [lo, hi] = range(input);
  switch (code) {
    case "missing":
      return { zh: `「${L}」未填写`, en: `"${L}" is missing` };
    case "type":
      switch (input.kind) {
        case "yesno":
          return { zh: `「${L}」应为“是”或“否”`, en: `"${L}" must be yes or no` };
        case "score":
          return {
            zh: `「${L}」应为 ${lo} 至 ${hi} 之间的分数，或 { value, reason }`,
            en: `"${L}" must be a score from ${lo} to ${hi}, or { value, reason }`,
          };
        case "percent":
          return {
            zh: `「${L}」应为 ${lo} 至 ${hi} 之间的百分数`,
            en: `"${L}" must be a percentage from ${lo} to ${hi}`,
          };
        default:
          return { zh: `「${L}」应为数字`, en: `"${L}" must be a number` };
      }
    case "integer":
      return { zh: `「${L}」应为不小于 0 的整数`, en: `"${L}" must be a whole number, 0 or more` };
    case "range":
      return {
        zh: `「${L}」应在 ${lo} 至 ${hi} 之间`,
        en: `"${L}" must be from ${lo} to ${hi}`,
      };
    case "decimals": {
      const digits = input.kind === "percent" ? 4 : 6;
      return { zh: `「${L}」最多保留 ${digits} 位小数`, en: `"${L}" can have at most ${digits} decimals` };
    }
    case "step": {
      const step = formatScaled(input.step ?? 0n);
      return {
        zh: `「${L}」应从 ${lo} 起按 ${step} 分递增`,
        en: `"${L}" must be ${lo} plus a multiple of ${step}`,
      };
    }
    case "reason":
      return {
        zh: `「${L}」低于满分 ${hi} 分，须写明理由`,
        en: `"${L}" is below its maximum of ${hi}: give a reason`,
      };
    default:
      return { zh: `「${L}」有误`, en: `"${L}" is invalid` };
  }
}

/** A key as compared with input names: NFKC (full-width forms, compatibility ideographs), trimmed. */
function foldKey(key: string): string {
  return key.normalize("NFKC").trim();
}

/**
 * The declared input `key` is likely a slip for (a few edits away, compared in NFKC), if any: what
 * "did you mean" names for an unknown fact key or an import's unknown column.
 */
export function closestInput(key: string, names: readonly string[]): string | undefined {
  const byFold = new Map(names.map((n) => [foldKey(n), n]));
  const near = closestName(foldKey(key), [...byFold.keys()]);
  return near === undefined ? undefined : byFold.get(near);
}

function unknownKey(key: string, inputs: readonly InputIR[]): FactError {
  const suggestion = closestInput(
    key,
    inputs.map((i) => i.name),
  );
  return {
    field: key,
    label: key,
    code: "unknown",
    message: suggestion
      ? {
          zh: `没有名为「${key}」的输入；是不是「${suggestion}」？`,
          en: `there is no input named "${key}"; did you mean "${suggestion}"?`,
        }
      : { zh: `没有名为「${key}」的输入`, en: `there is no input named "${key}"` },
    ...(suggestion ? { suggestion } : {}),
  };
}

const NOT_OBJECT: FactError = {
  field: "",
  label: "",
  code: "not-object",
  message: {
    zh: "事实应为一个对象：输入名称 → 值",
    en: "facts must be an object of input names to values",
  },
};

/** The error code of a zod issue about one input's fact. */
function issueCode(
  input: InputIR,
  issue: { code: string; input?: unknown; params?: unknown; expected?: unknown },
): FactErrorCode {
  if (issue.input === undefined && issue.expected !== "int") return "missing";
  if (issue.code === "custom") {
    const kind = (issue.params as { kind?: FactErrorCode } | undefined)?.kind;
    return kind ?? "type";
  }
  if (issue.code === "invalid_type") {
    if (issue.input === undefined && issue.expected !== "int") return "missing";
    if (issue.expected === "int") return "integer";
    return "type";
  }
  if (issue.code === "too_small") return input.kind === "count" ? "integer" : "range";
  if (issue.code === "too_big") return "range";
  return "type";
}

function decimalsOk(v: number, digits: number): boolean {
  const s = scaledFromNumber(v);
  if (s === null) return false;
  return digits >= 6 || s % 10n ** BigInt(6 - digits) === 0n;
}

/** The zod schema of one input's fact. */
function fieldSchema(input: InputIR): z.ZodType {
  const error = (issue: { code: string; input?: unknown; params?: unknown; expected?: unknown }): string =>
    factMessage(input, issueCode(input, issue)).zh;
  const meta = { title: labelOf(input), ...(input.help ? { description: input.help } : {}) };
  let schema: z.ZodType;
  switch (input.kind) {
    case "yesno":
      schema = z.boolean({ error });
      break;
    case "count":
      schema = z.number({ error }).int({ error }).min(0, { error }).max(MAX_FACT, { error });
      break;
    case "number":
      schema = z
        .number({ error })
        .min(0, { error })
        .max(MAX_FACT, { error })
        .refine((v) => decimalsOk(v, 6), { error, params: { kind: "decimals" } });
      break;
    case "percent":
      schema = z
        .number({ error })
        .min(Number(percentRange(input)[0]) / 10_000, { error })
        .max(Number(percentRange(input)[1]) / 10_000, { error })
        .refine((v) => decimalsOk(v, 4), { error, params: { kind: "decimals" } });
      break;
    case "score": {
      const min = input.min ?? 0n;
      const max = input.max ?? 0n;
      const step = input.step;
      schema = z
        .union([z.number(), z.strictObject({ value: z.number(), reason: z.string().optional() })], { error })
        .superRefine((fact, ctx) => {
          const value = typeof fact === "number" ? fact : fact.value;
          const reason = typeof fact === "number" ? undefined : fact.reason;
          const fail = (kind: FactErrorCode): void => {
            ctx.addIssue({ code: "custom", message: factMessage(input, kind).zh, params: { kind } });
          };
          const s = scaledFromNumber(value);
          if (s === null) return fail("decimals");
          if (s < min || s > max) return fail("range");
          if (step !== null && (s - min) % step !== 0n) return fail("step");
          if (s < max && (reason === undefined || reason.trim() === "")) return fail("reason");
        });
      break;
    }
  }
  schema = schema.meta(meta);
  if (input.default !== null) schema = schema.default(defaultFact(input) as never);
  return schema;
}

/** The fact an input's default stands for, as JSON would carry it. */
export function defaultFact(input: InputIR): boolean | number | null {
  if (input.default === null) return null;
  if (input.kind === "yesno") return input.default !== 0n;
  if (input.kind === "percent") return Number(input.default) / 10_000;
  return Number(input.default) / SCALE;
}

type Matched = { readonly record: unknown; readonly notices: readonly FactNotice[] };

const matchers = new WeakMap<readonly InputIR[], (v: unknown) => Matched>();

/**
 * Copies own keys into a prototype-free object (inherited properties such as `toString` are never
 * taken for facts, and `__proto__` is just an unknown key), reading a key that is not an input's
 * name but folds to exactly one (NFKC) as that input, with a notice. Exact names win.
 */
export function matchKeys(inputs: readonly InputIR[]): (v: unknown) => Matched {
  const known = matchers.get(inputs);
  if (known) return known;
  const names = new Set(inputs.map((i) => i.name));
  const byFold = new Map<string, string | null>();
  for (const i of inputs) {
    const f = foldKey(i.name);
    byFold.set(f, byFold.has(f) ? null : i.name);
  }
  const match = (v: unknown): Matched => {
    if (typeof v !== "object" || v === null || Array.isArray(v)) return { record: v, notices: [] };
    const given = v as Record<string, unknown>;
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    const put = (k: string, value: unknown): void => {
      Object.defineProperty(out, k, { value, enumerable: true, writable: true, configurable: true });
    };
    const keys = Object.keys(given);
    for (const k of keys) if (names.has(k)) put(k, given[k]);
    const notices: FactNotice[] = [];
    for (const k of keys) {
      if (names.has(k)) continue;
      const field = byFold.get(foldKey(k));
      if (field && !Object.prototype.hasOwnProperty.call(out, field)) {
        put(field, given[k]);
        notices.push({
          key: k,
          field,
          message: {
            zh: `「${k}」按输入「${field}」读取（仅 Unicode 写法不同）`,
            en: `"${k}" was read as the input "${field}" (they differ only in Unicode form)`,
          },
        });
      } else {
        put(k, given[k]);
      }
    }
    return { record: out, notices };
  };
  matchers.set(inputs, match);
  return match;
}

/** The zod schema of a whole facts record for these inputs. */
export function inputSchema(inputs: readonly InputIR[]): z.ZodType<Facts> {
  const shape = Object.fromEntries(inputs.map((i) => [i.name, fieldSchema(i)]));
  const match = matchKeys(inputs);
  return z.preprocess((v) => match(v).record, z.strictObject(shape)) as unknown as z.ZodType<Facts>;
}

/** Checks a facts record: the facts (defaults filled in), or one error per bad field. */
export function validateFacts(inputs: readonly InputIR[], schema: z.ZodType<Facts>, facts: unknown): Validation {
  if (typeof facts !== "object" || facts === null || Array.isArray(facts)) return { ok: false, errors: [NOT_OBJECT] };
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(facts);
  } catch {
    // Only exotic objects (throwing getters, proxies) get here; JSON never does.
    return { ok: false, errors: [NOT_OBJECT] };
  }
  const matched = matchKeys(inputs)(facts);
  if (result.success)
    return matched.notices.length > 0
      ? { ok: true, facts: result.data, notices: matched.notices }
      : { ok: true, facts: result.data };
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const own = matched.record as Record<string, unknown>;
  const errors: FactError[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys" && issue.path.length === 0) {
      for (const k of issue.keys) {
        if (!seen.has(k)) {
          seen.add(k);
          errors.push(unknownKey(k, inputs));
        }
      }
      continue;
    }
    const field = issue.path[0];
    if (typeof field !== "string") {
      if (!seen.has("")) errors.push(NOT_OBJECT);
      seen.add("");
      continue;
    }
    if (seen.has(field)) continue;
    seen.add(field);
    const input = byName.get(field);
    if (!input) {
      errors.push(unknownKey(field, inputs));
      continue;
    }
    const code =
      own[field] === undefined
        ? "missing"
        : issueCode(input, { ...(issue as { code: string; params?: unknown; expected?: unknown }), input: own[field] });
    errors.push({ field, label: labelOf(input), code, message: factMessage(input, code) });
  }
  // Fields in the rubric's order, unknown keys last: a person reads them against the form.
  const order = new Map(inputs.map((i, n) => [i.name, n]));
  errors.sort((a, b) => (order.get(a.field) ?? inputs.length) - (order.get(b.field) ?? inputs.length));
  return { ok: false, errors };
}
