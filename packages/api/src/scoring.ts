// The API's one door to the engine: compiling rubric sources (cached by rubric version, since a
// published version never changes), checking facts against a rubric's input schema, and scoring.
// Scores are only ever computed here, on the server, with the version an assessment pins.
import {
  compile,
  runTests,
  type CompiledRubric,
  type FactError,
  type FactNotice,
  type ScoreResult,
} from "@kaoping/engine";
import type { Database, Kysely } from "@kaoping/db";
import { lineColumn, sourceFile } from "@kaoping/language";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { FieldIssue } from "./input-policy.ts";
import { refuse } from "./messages.ts";

const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() });
const MessageSchema = z.object({ zh: z.string(), en: z.string() });

/** A diagnostic as the API sends it: the language's own, plus its line and column (1-based). */
export const DiagnosticSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  message: MessageSchema,
  help: MessageSchema.optional(),
  span: SpanSchema,
  line: z.number().int(),
  column: z.number().int(),
});
export type DiagnosticOut = z.infer<typeof DiagnosticSchema>;

const UsedValueSchema = z.object({
  name: z.string(),
  label: z.string().nullable(),
  value: z.union([z.boolean(), z.number()]),
  text: MessageSchema,
});

const ReasonSchema = z.object({
  rule: z.enum(["award", "discretionary", "deduction", "bonus"]),
  outcome: z.string(),
  zh: z.string(),
  en: z.string(),
  inputs: z.array(UsedValueSchema).readonly(),
  span: SpanSchema,
  suggestion: z.number().optional(),
  assessorReason: z.string().optional(),
});

/** The engine's result with explanations; points are numbers that print as exact decimals. */
export const ScoreResultSchema = z.object({
  total: z.number(),
  grade: z.string().nullable(),
  veto: z.object({ reason: z.string(), span: SpanSchema, explanation: MessageSchema.optional() }).nullable(),
  items: z
    .array(
      z.object({
        number: z.number().int(),
        title: z.string(),
        standard: z.number(),
        points: z.number(),
        criteria: z
          .array(z.object({ number: z.number().int(), points: z.number(), reason: ReasonSchema.optional() }))
          .readonly(),
      }),
    )
    .readonly(),
});
export type ScoreResultOut = z.infer<typeof ScoreResultSchema>;

/** What the API needs to know about a compiled rubric. */
export interface RubricInfo {
  readonly key: string;
  readonly title: string;
  readonly subjectKind: string;
  readonly effective: string | null;
}

export interface Prepared {
  readonly info: RubricInfo;
  readonly compiled: CompiledRubric;
}

/** Compiles a source; `prepared` is null when it has errors (they are in `diagnostics`). */
export function compileSource(source: string): { prepared: Prepared | null; diagnostics: DiagnosticOut[] } {
  const { rubric, diagnostics } = compile(source);
  const file = sourceFile("", source);
  const out = diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    message: d.message,
    ...(d.help ? { help: d.help } : {}),
    span: { start: d.span.start, end: d.span.end },
    ...lineColumn(file, d.span.start),
  }));
  if (!rubric) return { prepared: null, diagnostics: out };
  const info: RubricInfo = {
    key: rubric.id,
    title: rubric.title,
    subjectKind: rubric.subject ?? "",
    effective: rubric.effective,
  };
  return { prepared: { info, compiled: rubric }, diagnostics: out };
}

// Per database (a process may talk to more than one, as tests do), by version id.
const caches = new WeakMap<object, Map<number, Prepared>>();

/** A cache that belongs to one database handle. */
export function cacheFor<V>(store: WeakMap<object, Map<number, V>>, db: object): Map<number, V> {
  let cache = store.get(db);
  if (!cache) {
    cache = new Map();
    store.set(db, cache);
  }
  return cache;
}

/** The compiled rubric of a published version (compiled once per process). */
export async function preparedVersion(db: Kysely<Database>, versionId: number): Promise<Prepared> {
  const cache = cacheFor(caches, db);
  const hit = cache.get(versionId);
  if (hit) return hit;
  const row = await db
    .selectFrom("rubric_version")
    .select(["source", "status"])
    .where("id", "=", versionId)
    .executeTakeFirst();
  if (!row) throw refuse("NOT_FOUND", "rubricVersionNotFound", { id: versionId });
  const { prepared } = compileSource(row.source);
  if (!prepared)
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `rubric version ${versionId} does not compile` });
  // Drafts change; only published versions are safe to keep.
  if (row.status === "published") cache.set(versionId, prepared);
  return prepared;
}

/** Keys read as the input they differ from only in Unicode form, as the API reports them. */
export const NoticesSchema = z.array(z.object({ key: z.string(), field: z.string(), zh: z.string(), en: z.string() }));

export function noticeOut(n: FactNotice): z.infer<typeof NoticesSchema>[number] {
  return { key: n.key, field: n.field, zh: n.message.zh, en: n.message.en };
}

function factIssue(e: FactError): FieldIssue {
  return { path: ["facts", e.field], message: `${e.label}: ${e.message.en}`, zh: `${e.label}：${e.message.zh}` };
}

/** Every problem with `facts` (paths start with "facts"); with `partial`, missing facts are not problems. */
export function checkFacts(prepared: Prepared, facts: Record<string, unknown>, partial: boolean): FieldIssue[] {
  const validation = prepared.compiled.validate(facts);
  if (validation.ok) return [];
  return validation.errors.filter((e) => !(partial && e.code === "missing")).map(factIssue);
}

/** The inputs still missing from `facts` (those without a default). */
export function missingFacts(prepared: Prepared, facts: Record<string, unknown>): string[] {
  return prepared.compiled.inputs.filter((i) => i.default === null && facts[i.name] === undefined).map((i) => i.name);
}

/** Scores computed by this process, for the server's metrics. */
let computed = 0;
export const scoresComputed = (): number => computed;

/** Scores complete, valid facts with explanations. */
export function scoreFacts(prepared: Prepared, facts: Record<string, unknown>): ScoreResult {
  const result = prepared.compiled.score(facts, { explain: true });
  computed += 1;
  return result;
}

/** The rubric's own tests: each by name, passed or not, with what failed (in both languages). */
export function rubricTests(
  prepared: Prepared,
): { name: string; passed: boolean; failures: { zh: string; en: string }[] }[] {
  return runTests(prepared.compiled).map((t) => ({
    name: t.name,
    passed: t.passed,
    failures: [
      ...t.failures.map((f) => ({
        zh: `${f.what.zh}：期望 ${f.expected}，实得 ${f.actual ?? "无"}`,
        en: `${f.what.en}: expected ${f.expected}, got ${f.actual ?? "nothing"}`,
      })),
      ...t.factErrors.map((e) => ({ zh: `${e.field}：${e.message.zh}`, en: `${e.field}: ${e.message.en}` })),
    ],
  }));
}
