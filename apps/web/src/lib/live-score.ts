// Scores the form as the assessor types, in the browser, with the same engine the server uses.
// Facts may be incomplete: the criteria that read a missing or invalid fact show no points, the
// rest show theirs, so that the sheet fills in as the questions are answered.
import { type CompiledRubric, compile, type InputInfo, type ScoreResult } from "@kaoping/engine";
import { type FormLayout, layoutForm } from "./form-layout.ts";

export type FactInput = boolean | number | { readonly value: number; readonly reason?: string };
export type FactDraft = Readonly<Record<string, FactInput | undefined>>;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Facts as the API returns them (JSON) to a form draft; values of the wrong shape are dropped. */
export function toDraft(facts: Readonly<Record<string, Json>>): FactDraft {
  const out: Record<string, FactInput> = {};
  for (const [k, v] of Object.entries(facts)) {
    if (typeof v === "boolean" || typeof v === "number") out[k] = v;
    else if (v && typeof v === "object" && !Array.isArray(v) && typeof v.value === "number") {
      out[k] = typeof v.reason === "string" ? { value: v.value, reason: v.reason } : { value: v.value };
    }
  }
  return out;
}

/** A draft as JSON facts for the API: unanswered questions left out. */
export function toFacts(draft: FactDraft): Record<string, FactInput> {
  return Object.fromEntries(Object.entries(draft).filter((e): e is [string, FactInput] => e[1] !== undefined));
}

export interface PreparedRubric {
  readonly compiled: CompiledRubric;
  readonly layout: FormLayout;
  readonly inputsByName: ReadonlyMap<string, InputInfo>;
}

/** Compiles a rubric source for the form; null when it does not compile (never for a published version). */
export function prepareRubric(source: string): PreparedRubric | null {
  const { rubric } = compile(source);
  if (!rubric) return null;
  return {
    compiled: rubric,
    layout: layoutForm(rubric),
    inputsByName: new Map(rubric.inputs.map((i) => [i.name, i])),
  };
}

export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: { readonly zh: string; readonly en: string };
}

export interface LiveCriterion {
  readonly number: number;
  /** Null when a fact it reads is missing or invalid. */
  readonly points: number | null;
  readonly reason: { readonly zh: string; readonly en: string } | null;
  readonly suggestion: number | null;
}

export interface LiveItem {
  readonly number: number;
  /** Sum of the criteria that could be scored. */
  readonly points: number;
  readonly complete: boolean;
  readonly criteria: readonly LiveCriterion[];
}

export interface LiveScore {
  /** The full result when every fact is present and valid. */
  readonly result: ScoreResult | null;
  readonly items: readonly LiveItem[];
  readonly total: number;
  readonly complete: boolean;
  readonly grade: string | null;
  readonly veto: {
    readonly reason: string;
    readonly explanation?: { readonly zh: string; readonly en: string };
  } | null;
  /** Facts not given yet (inputs without a default). */
  readonly missing: readonly string[];
  /** Facts given but wrong, one entry per field. */
  readonly problems: readonly FieldProblem[];
  /** Suggested value per discretionary score input, from the facts given so far. */
  readonly suggestions: Readonly<Record<string, number | null>>;
}

/** Exact sum of short decimals: the engine's points have at most six decimals. */
export function addPoints(values: readonly number[]): number {
  const scaled = values.reduce((s, v) => s + Math.round(v * 1_000_000), 0);
  return scaled / 1_000_000;
}

/** A value that lets the engine run where a fact is missing; the criteria reading it are blanked. */
function filler(input: InputInfo): boolean | number {
  if (input.kind === "yesno") return false;
  if (input.kind === "score") return input.max ?? 0;
  return 0;
}

/** Drops empty reasons so that the engine's own "reason required" check decides. */
function cleanFacts(facts: FactDraft): Record<string, boolean | number | { value: number; reason?: string }> {
  const out: Record<string, boolean | number | { value: number; reason?: string }> = {};
  for (const [k, v] of Object.entries(facts)) {
    if (v === undefined) continue;
    if (typeof v === "object")
      out[k] = v.reason && v.reason.trim() !== "" ? { value: v.value, reason: v.reason } : { value: v.value };
    else out[k] = v;
  }
  return out;
}

/** The live score of a form's facts. Never throws. */
export function liveScore(prepared: PreparedRubric, draft: FactDraft): LiveScore {
  const { compiled, layout } = prepared;
  const facts = cleanFacts(draft);
  const validation = compiled.validate(facts);
  const problems: FieldProblem[] = [];
  const missing: string[] = [];
  if (!validation.ok) {
    for (const e of validation.errors) {
      if (e.code === "missing") missing.push(e.field);
      else problems.push({ field: e.field, code: e.code, message: e.message });
    }
  }
  const unknown = new Set([...missing, ...problems.map((p) => p.field)]);
  const runnable: Record<string, unknown> = { ...facts };
  for (const name of unknown) {
    const input = prepared.inputsByName.get(name);
    if (input) runnable[name] = filler(input);
    else delete runnable[name];
  }
  // The engine keys suggestions by criterion ("2.2"); the form needs them by score input.
  const byCriterion = safeSuggest(compiled, facts);
  const suggestions: Record<string, number | null> = {};
  for (const item of compiled.items) {
    for (const c of item.criteria)
      if (c.input) suggestions[c.input] = byCriterion[`${item.number}.${c.number}`] ?? null;
  }
  let result: ScoreResult;
  try {
    result = compiled.score(runnable, { explain: true });
  } catch {
    // Only reachable if the filler itself were invalid; show an empty sheet rather than crash.
    return {
      result: null,
      items: [],
      total: 0,
      complete: false,
      grade: null,
      veto: null,
      missing,
      problems,
      suggestions,
    };
  }
  const items: LiveItem[] = result.items.map((item) => {
    const criteria = item.criteria.map((c): LiveCriterion => {
      const reads = layout.reads.get(`${item.number}.${c.number}`) ?? [];
      const blocked = reads.some((n) => unknown.has(n));
      const info = compiled.items.find((i) => i.number === item.number)?.criteria.find((x) => x.number === c.number);
      return {
        number: c.number,
        points: blocked ? null : c.points,
        reason: blocked || !c.reason ? null : { zh: c.reason.zh, en: c.reason.en },
        suggestion: info?.input ? (suggestions[info.input] ?? null) : null,
      };
    });
    const known = criteria.flatMap((c) => (c.points === null ? [] : [c.points]));
    return { number: item.number, points: addPoints(known), complete: known.length === criteria.length, criteria };
  });
  const complete = unknown.size === 0;
  const vetoBlocked = [...layout.vetoReads].some((n) => unknown.has(n));
  return {
    result: complete ? result : null,
    items,
    total: complete ? result.total : addPoints(items.map((i) => i.points)),
    complete,
    grade: complete ? result.grade : null,
    veto:
      result.veto && !vetoBlocked
        ? { reason: result.veto.reason, ...(result.veto.explanation ? { explanation: result.veto.explanation } : {}) }
        : null,
    missing,
    problems,
    suggestions,
  };
}

function safeSuggest(
  compiled: CompiledRubric,
  facts: Record<string, unknown>,
): Readonly<Record<string, number | null>> {
  try {
    return compiled.suggest(facts);
  } catch {
    return {};
  }
}
