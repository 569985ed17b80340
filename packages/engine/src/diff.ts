// diff: what changed between two versions of a rubric, and what the change does to given subjects.
// Items match by number, criteria by item and number, inputs by name. A criterion "changed" when
// its 评分方法 text or its rule (canonical form, see print.ts) differ.

import { internalsOf } from "./compile.ts";
import type { CompiledRubric, InputInfo } from "./compiled-rubric.ts";
import { formatScaled, scaledFromNumber } from "./decimal.ts";
import type { RubricIR } from "./ir.ts";
import { printExpr, printRule } from "./print.ts";
import type { ScoreResult } from "./result.ts";
import type { FactError } from "./schema.ts";

export type Change = "added" | "removed" | "changed" | "unchanged";

export interface Pair<T> {
  readonly old: T | null;
  readonly new: T | null;
}

export interface CriterionDiff {
  readonly number: number;
  readonly change: Change;
  readonly text: Pair<string>;
  /** Canonical rules, e.g. `base 4 deduct 1 per 省抽不合格数`. */
  readonly rule: Pair<string>;
}

export interface ItemDiff {
  readonly number: number;
  /** "changed" when the title, content, standard points or any criterion changed. */
  readonly change: Change;
  readonly title: Pair<string>;
  readonly standard: Pair<number>;
  readonly criteria: readonly CriterionDiff[];
}

export interface InputDiff {
  readonly name: string;
  readonly change: Change;
  readonly old: InputInfo | null;
  readonly new: InputInfo | null;
}

export interface SubjectScore {
  readonly total: number;
  readonly grade: string | null;
}

export interface ItemDelta {
  readonly number: number;
  readonly old: number | null;
  readonly new: number | null;
  /** new − old (exact); null when the item exists in one version only. */
  readonly delta: number | null;
}

export interface SubjectDiff {
  /** Index of the subject in the facts given. */
  readonly index: number;
  /** Null, with `oldErrors`, when the facts do not fit the old rubric's inputs. */
  readonly old: SubjectScore | null;
  readonly new: SubjectScore | null;
  readonly oldErrors: readonly FactError[];
  readonly newErrors: readonly FactError[];
  /** new total − old total (exact), when both scored. */
  readonly delta: number | null;
  readonly items: readonly ItemDelta[];
}

export interface RubricDiff {
  readonly inputs: readonly InputDiff[];
  readonly items: readonly ItemDiff[];
  /** Grade bands or vetoes differ. */
  readonly gradesChanged: boolean;
  readonly vetoesChanged: boolean;
  readonly subjects: readonly SubjectDiff[];
  readonly summary: {
    readonly subjects: number;
    readonly raised: number;
    readonly lowered: number;
    readonly unchanged: number;
    /** Subjects whose facts fit only one version (or neither). */
    readonly invalid: number;
  };
}

/** new − old on decimals, exactly. */
function minus(a: number, b: number): number {
  const x = scaledFromNumber(a);
  const y = scaledFromNumber(b);
  if (x === null || y === null) return a - b;
  return Number(formatScaled(x - y));
}

function sameInput(a: InputInfo, b: InputInfo): boolean {
  return (
    a.kind === b.kind &&
    a.label === b.label &&
    a.unit === b.unit &&
    a.min === b.min &&
    a.max === b.max &&
    a.step === b.step &&
    a.default === b.default &&
    a.help === b.help
  );
}

function diffInputs(a: CompiledRubric, b: CompiledRubric): InputDiff[] {
  const out: InputDiff[] = [];
  const newByName = new Map(b.inputs.map((i) => [i.name, i]));
  const oldNames = new Set(a.inputs.map((i) => i.name));
  for (const o of a.inputs) {
    const n = newByName.get(o.name) ?? null;
    out.push({
      name: o.name,
      change: n === null ? "removed" : sameInput(o, n) ? "unchanged" : "changed",
      old: o,
      new: n,
    });
  }
  for (const n of b.inputs) if (!oldNames.has(n.name)) out.push({ name: n.name, change: "added", old: null, new: n });
  return out;
}

function diffItems(a: RubricIR, b: RubricIR): ItemDiff[] {
  const out: ItemDiff[] = [];
  const numbers = [...new Set([...a.items.map((i) => i.number), ...b.items.map((i) => i.number)])].sort(
    (x, y) => x - y,
  );
  for (const number of numbers) {
    const o = a.items.find((i) => i.number === number) ?? null;
    const n = b.items.find((i) => i.number === number) ?? null;
    const cNumbers = [
      ...new Set([...(o?.criteria ?? []).map((c) => c.number), ...(n?.criteria ?? []).map((c) => c.number)]),
    ].sort((x, y) => x - y);
    const criteria: CriterionDiff[] = cNumbers.map((cn) => {
      const oc = o?.criteria.find((c) => c.number === cn) ?? null;
      const nc = n?.criteria.find((c) => c.number === cn) ?? null;
      // Shown in each rubric's own keywords; compared in one set, so a translation is no change.
      const rule = { old: oc ? printRule(a, oc, a.keywords) : null, new: nc ? printRule(b, nc, b.keywords) : null };
      const sameRule = oc !== null && nc !== null && printRule(a, oc) === printRule(b, nc);
      const text = { old: oc?.text ?? null, new: nc?.text ?? null };
      const change: Change = !oc
        ? "added"
        : !nc
          ? "removed"
          : sameRule && text.old === text.new
            ? "unchanged"
            : "changed";
      return { number: cn, change, text, rule };
    });
    const standard = {
      old: o ? Number(formatScaled(o.standard)) : null,
      new: n ? Number(formatScaled(n.standard)) : null,
    };
    const title = { old: o?.title ?? null, new: n?.title ?? null };
    const change: Change = !o
      ? "added"
      : !n
        ? "removed"
        : standard.old === standard.new &&
            title.old === title.new &&
            o.content === n.content &&
            criteria.every((c) => c.change === "unchanged")
          ? "unchanged"
          : "changed";
    out.push({ number, change, title, standard, criteria });
  }
  return out;
}

function subject(
  index: number,
  o: ScoreResult | null,
  n: ScoreResult | null,
  oErr: readonly FactError[],
  nErr: readonly FactError[],
): SubjectDiff {
  const numbers = [
    ...new Set([...(o?.items ?? []).map((i) => i.number), ...(n?.items ?? []).map((i) => i.number)]),
  ].sort((x, y) => x - y);
  const items: ItemDelta[] = numbers.map((number) => {
    const op = o?.items.find((i) => i.number === number)?.points ?? null;
    const np = n?.items.find((i) => i.number === number)?.points ?? null;
    return { number, old: op, new: np, delta: op !== null && np !== null ? minus(np, op) : null };
  });
  return {
    index,
    old: o ? { total: o.total, grade: o.grade } : null,
    new: n ? { total: n.total, grade: n.grade } : null,
    oldErrors: oErr,
    newErrors: nErr,
    delta: o && n ? minus(n.total, o.total) : null,
    items,
  };
}

/**
 * What changed from `oldRubric` to `newRubric`, and, for each subject's facts, its old and new
 * total and item points. Facts that fit only one version are reported with their errors.
 */
export function diff(oldRubric: CompiledRubric, newRubric: CompiledRubric, facts: readonly unknown[] = []): RubricDiff {
  const a = internalsOf(oldRubric).ir;
  const b = internalsOf(newRubric).ir;
  const oldScores = oldRubric.scoreMany(facts);
  const newScores = newRubric.scoreMany(facts);
  const subjects: SubjectDiff[] = facts.map((_, i) => {
    const o = oldScores[i];
    const n = newScores[i];
    return subject(
      i,
      o?.ok ? o.result : null,
      n?.ok ? n.result : null,
      o && !o.ok ? o.errors : [],
      n && !n.ok ? n.errors : [],
    );
  });
  let raised = 0;
  let lowered = 0;
  let unchanged = 0;
  let invalid = 0;
  for (const s of subjects) {
    if (s.delta === null) invalid++;
    else if (s.delta > 0) raised++;
    else if (s.delta < 0) lowered++;
    else unchanged++;
  }
  return {
    inputs: diffInputs(oldRubric, newRubric),
    items: diffItems(a, b),
    gradesChanged: JSON.stringify(oldRubric.grades) !== JSON.stringify(newRubric.grades),
    vetoesChanged:
      JSON.stringify(a.vetoes.map((v) => [v.reason, printExpr(a, v.cond)])) !==
      JSON.stringify(b.vetoes.map((v) => [v.reason, printExpr(b, v.cond)])),
    subjects,
    summary: { subjects: subjects.length, raised, lowered, unchanged, invalid },
  };
}
