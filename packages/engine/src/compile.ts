// compile: checked rubric → IR → scorer. A rubric with errors (the checker's or the engine's own)
// gets diagnostics and no scorer. The scorer is generated JavaScript where the runtime allows it,
// else closures; both fall back to the exact BigInt interpreter when a number would overflow, and
// explanations come from the interpreter.

import { check, hasErrors } from "@kaoping/language";
import type { z } from "zod";
import { bigArith, numberArith } from "./arith.ts";
import { boundsDiagnostics, computeBounds, safetyAnalysis, type Bounds } from "./bounds.ts";
import { compileClosures } from "./closures.ts";
import {
  type Backend,
  type CheckedRubric,
  type CompileDiagnostic,
  type CohortOutcome,
  type CohortSubject,
  type CompileOptions,
  type CompileResult,
  type CompiledRubric,
  FactsError,
  type InputInfo,
  type ScoreOutcome,
} from "./compiled-rubric.ts";
import { LIMIT, OVERFLOW, formatScaled } from "./decimal.ts";
import { cohortFigures, cohortRulesError, fastFigures, reportFigures, type Figure, type Scaled } from "./cohort.ts";
import { factsReader, slotReader, type SlotReader, type Slots } from "./facts.ts";
import { compileGenerated } from "./generate.ts";
import { Interpreter } from "./interpret.ts";
import { lazyReasons } from "./lazy-reason.ts";
import { inputsRead, inputsReadByVeto } from "./reads.ts";
import type { RubricIR } from "./ir.ts";
import { percentRange } from "./ir.ts";
import { lower } from "./lower.ts";
import type { TestIR } from "./lower-tests.ts";
import type { ScoreResult, TotalsResult } from "./result.ts";
import {
  defaultFact,
  inputSchema as buildSchema,
  matchKeys,
  validateFacts,
  type FactError,
  type FactNotice,
  type Facts,
  type Validation,
} from "./schema.ts";

/** What diff and runTests need beyond the public surface. */
export interface Internals {
  readonly ir: RubricIR;
  readonly tests: readonly TestIR[];
}

const internals = new WeakMap<CompiledRubric, Internals>();

/** The IR and tests behind a compiled rubric (for diff and runTests in this package). */
export function internalsOf(rubric: CompiledRubric): Internals {
  const i = internals.get(rubric);
  if (!i) throw new Error("not a compiled rubric");
  return i;
}

function points(v: bigint | null): number | null {
  return v === null ? null : Number(formatScaled(v));
}

function inputInfo(ir: RubricIR): InputInfo[] {
  return ir.inputs.map((i) => ({
    name: i.name,
    label: i.label,
    help: i.help,
    kind: i.kind,
    unit: i.unit,
    min: i.kind === "score" ? points(i.min) : i.kind === "percent" ? Number(percentRange(i)[0]) / 10_000 : null,
    max: i.kind === "score" ? points(i.max) : i.kind === "percent" ? Number(percentRange(i)[1]) / 10_000 : null,
    step: i.kind === "score" ? points(i.step) : null,
    default: defaultFact(i),
    item: i.item,
    span: i.span,
  }));
}

/** Facts as the interpreter reads them: slot values come separately, this is for the assessors' reasons. */
type GivenFacts = Readonly<Record<string, unknown>>;

/** Builds the scorer of an IR already known to be valid. */
function buildCompiled(ir: RubricIR, tests: readonly TestIR[], options: CompileOptions = {}): CompiledRubric {
  const safety = safetyAnalysis(ir);
  const read = factsReader(ir.inputs);
  const readers = ir.inputs.map(slotReader);
  // Building the zod schema costs more than the rest of compiling: only do it when asked.
  let schema: z.ZodType<Facts> | null = null;
  const getSchema = (): z.ZodType<Facts> => (schema ??= buildSchema(ir.inputs));
  const explainer = new Interpreter(ir, numberArith);
  const exact = new Interpreter(ir, bigArith);
  const want = options.backend ?? "auto";
  // Its own interpreter: lazy reasons are read at any later time, between other scorings.
  const reasons = lazyReasons(ir, new Interpreter(ir, numberArith), exact);
  const generated = want === "auto" || want === "generated" ? compileGenerated(ir, safety, reasons) : null;
  const closures = generated === null && want !== "interpreter" ? compileClosures(ir, safety) : null;
  const backend: Backend = generated ? "generated" : closures ? "closures" : "interpreter";

  const validate = (facts: unknown): Validation => validateFacts(ir.inputs, getSchema(), facts);

  /** Slot values of facts the fast reader refused: the schema's verdict, and its clean copy. */
  const slowSlots = (
    facts: unknown,
  ): { slots: Slots; facts: Facts; notices: readonly FactNotice[] | undefined } | { errors: readonly FactError[] } => {
    const v = validate(facts);
    if (!v.ok) return { errors: v.errors };
    const slots = read(v.facts);
    // The reader accepts whatever the schema accepts; this only guards that promise.
    if (slots === null) throw new Error("engine: the fact reader refused facts the schema accepted");
    return { slots, facts: v.facts, notices: v.notices };
  };

  // The scorers on checked doubles, and the BigInt interpreter each falls back to (exactOnOverflow).
  const explained = (slots: Slots, facts: GivenFacts): ScoreResult => explainer.run(slots, facts, true);
  const explainedExactly = (slots: Slots, facts: GivenFacts): ScoreResult => exact.run(slots, facts, true);
  const fast = (slots: Slots, facts: GivenFacts): ScoreResult =>
    closures ? closures(slots) : explainer.run(slots, facts, false);
  const fastExactly = (slots: Slots, facts: GivenFacts): ScoreResult => exact.run(slots, facts, false);

  const cohortRules = ir.cohort.figures.length > 0;
  const argsOnDoubles = (slots: Slots): Scaled[] => explainer.cohortArguments(slots);
  const argsExactly = (slots: Slots): Scaled[] => exact.cohortArguments(slots);

  /** One cohort member's points: generated code, else closures, else the interpreter; BigInt past doubles. */
  const scoreMember = (
    slots: Slots,
    facts: GivenFacts,
    raw: unknown,
    figures: readonly Figure[],
    explain: boolean,
  ): ScoreResult => {
    const C = fastFigures(figures, LIMIT / 2);
    if (C !== null) {
      try {
        if (generated) {
          const r = (explain ? generated.explained : generated.score)(raw, C, figures);
          if (r !== undefined) return r;
        }
        return closures && !explain ? closures(slots, C) : explainer.run(slots, facts, explain, figures);
      } catch (e) {
        if (e !== OVERFLOW) throw e;
      }
    }
    return exact.run(slots, facts, explain, figures);
  };
  const attempt = (facts: unknown, explain: boolean): ScoreOutcome => {
    if (cohortRules) throw cohortRulesError(ir);
    if (generated) {
      const r = exactOnOverflow(explain ? generated.explained : generated.score, noResult, facts, undefined);
      if (r !== undefined) return { ok: true, result: r };
    }
    let slots = read(facts);
    let clean: unknown = facts;
    let notices: readonly FactNotice[] | undefined;
    if (slots === null) {
      const s = slowSlots(facts);
      if ("errors" in s) return { ok: false, errors: s.errors };
      slots = s.slots;
      clean = s.facts;
      notices = s.notices;
    }
    const result = explain
      ? exactOnOverflow(explained, explainedExactly, slots, clean as GivenFacts)
      : exactOnOverflow(fast, fastExactly, slots, clean as GivenFacts);
    return { ok: true, result: notices ? { ...result, notices } : result };
  };

  const totals = (facts: unknown): TotalsResult => {
    if (cohortRules) throw cohortRulesError(ir);
    if (generated) {
      const r = exactOnOverflow(generated.totals, noResult, facts, undefined);
      if (r !== undefined) return r;
    }
    const r = attempt(facts, false);
    if (!r.ok) throw new FactsError(r.errors);
    const { total, grade, veto, items } = r.result;
    return { total, grade, veto, items: items.map((i) => i.points) };
  };

  let bounds: Bounds | null = null;
  const compiled: CompiledRubric = {
    id: ir.id,
    title: ir.title,
    subject: ir.subject,
    version: ir.version,
    effective: ir.effective,
    total: points(ir.total),
    keywords: ir.keywords,
    inputs: inputInfo(ir),
    items: ir.items.map((item) => ({
      number: item.number,
      title: item.title,
      content: item.content,
      standard: points(item.standard) ?? 0,
      criteria: item.criteria.map((c) => ({
        number: c.number,
        text: c.text,
        rule: c.rule.kind,
        input: c.rule.kind === "discretionary" ? (ir.inputs[c.rule.slot]?.name ?? null) : null,
        reads: inputsRead(ir, c),
        span: c.span,
      })),
      span: item.span,
    })),
    grades: ir.grades.map((g) => ({ label: g.label, min: points(g.min) })),
    vetoes: ir.vetoes.map((v) => ({ reason: v.reason, reads: inputsReadByVeto(ir, v), span: v.span })),
    backend,
    get inputSchema() {
      return getSchema();
    },
    validate,
    readKeys(facts) {
      const { record, notices } = matchKeys(ir.inputs)(facts);
      return { facts: { ...(record as Record<string, unknown>) }, notices };
    },
    score(facts, options) {
      const explain = options?.explain === true;
      if (cohortRules) throw cohortRulesError(ir);
      // The hot path: straight into generated code, no wrapper objects.
      if (generated) {
        const r = exactOnOverflow(explain ? generated.explained : generated.score, noResult, facts, undefined);
        if (r !== undefined) return r;
      }
      const r = attempt(facts, explain);
      if (!r.ok) throw new FactsError(r.errors);
      return r.result;
    },
    scoreTotals: totals,
    cohortFigures: ir.cohort.figures.map((f) => f.text),
    scoreCohort(subjects, options) {
      const explain = options?.explain === true;
      const out = new Array<CohortOutcome>(subjects.length);
      // Pass 1: each subject's checked slots and cohort arguments (on doubles, on BigInt past them).
      const members: { at: number; slots: Slots; facts: GivenFacts; notices: readonly FactNotice[] | undefined }[] = [];
      const args: Scaled[][] = [];
      const categories: string[] = [];
      subjects.forEach((subject, at) => {
        let slots = read(subject.facts);
        let facts = subject.facts as GivenFacts;
        let notices: readonly FactNotice[] | undefined;
        if (slots === null) {
          const s = slowSlots(subject.facts);
          if ("errors" in s) {
            out[at] = { id: subject.id, ok: false, errors: s.errors };
            return;
          }
          ({ slots, facts, notices } = s);
        }
        members.push({ at, slots, facts, notices });
        args.push(exactOnOverflow<Slots, undefined, Scaled[]>(argsOnDoubles, argsExactly, slots, undefined));
        categories.push(subject.category ?? "");
      });
      // Pass 2: the figures of each category.
      const figures = cohortFigures(ir, args, categories);
      // Pass 3: each subject's points with its figures bound.
      members.forEach((m, k) => {
        const subject = subjects[m.at] as CohortSubject;
        const own = figures[k] as Figure[];
        const result = scoreMember(m.slots, m.facts, subject.facts, own, explain);
        out[m.at] = {
          id: subject.id,
          ok: true,
          result: m.notices ? { ...result, notices: m.notices } : result,
          figures: reportFigures(ir, own),
        };
      });
      return out;
    },
    scoreMany(list, options) {
      const explain = options?.explain === true;
      const out: ScoreOutcome[] = new Array<ScoreOutcome>(list.length);
      for (let i = 0; i < list.length; i++) out[i] = attempt(list[i], explain);
      return out;
    },
    suggest(facts) {
      return suggestions(ir, readers, facts);
    },
    bounds() {
      bounds ??= computeBounds(ir);
      return bounds;
    },
  };
  internals.set(compiled, { ir, tests });
  return compiled;
}

/**
 * Runs a scorer on checked doubles; when a number passes their exact range (OVERFLOW), runs
 * `exact` on the same arguments instead: the BigInt interpreter, or, after generated code,
 * `noResult`, which hands the subject over to the slower paths. Plain functions, not closures made
 * per call: scoring is the hot path.
 */
function exactOnOverflow<A, B, R>(fast: (a: A, b: B) => R, exact: (a: A, b: B) => R, a: A, b: B): R {
  try {
    return fast(a, b);
  } catch (e) {
    if (e !== OVERFLOW) throw e;
    return exact(a, b);
  }
}

function noResult(): undefined {
  return undefined;
}

/** Suggestions need only the facts they read; one whose facts are missing or invalid is null. */
function suggestions(ir: RubricIR, readers: readonly SlotReader[], facts: unknown): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  const f = (typeof facts === "object" && facts !== null && !Array.isArray(facts) ? facts : {}) as Readonly<
    Record<string, unknown>
  >;
  const slots = readers.map((read) => read(f));
  const interp = new Interpreter(ir, numberArith);
  for (const item of ir.items) {
    for (const c of item.criteria) {
      if (c.rule.kind !== "discretionary" || c.rule.suggestion === null) continue;
      out[`${item.number}.${c.number}`] = interp.suggestion(slots, c.rule.suggestion);
    }
  }
  return out;
}

/**
 * Compiles rubric source (or the language package's `check` result) into a scorer. Errors, the
 * checker's or the engine's, leave `rubric` null; warnings are returned with a working scorer.
 */
export function compile(source: string | CheckedRubric, options: CompileOptions = {}): CompileResult {
  const checked = typeof source === "string" ? check(source) : source;
  const diagnostics: CompileDiagnostic[] = [...checked.diagnostics];
  if (hasErrors(checked.diagnostics)) return { rubric: null, diagnostics };
  const lowered = lower(checked.rubric);
  diagnostics.push(...lowered.diagnostics);
  if (!lowered.ir || lowered.diagnostics.some((d) => d.severity === "error")) return { rubric: null, diagnostics };
  const fromBounds = boundsDiagnostics(lowered.ir);
  diagnostics.push(...fromBounds);
  if (fromBounds.some((d) => d.severity === "error")) return { rubric: null, diagnostics };
  return { rubric: buildCompiled(lowered.ir, lowered.tests, options), diagnostics };
}
