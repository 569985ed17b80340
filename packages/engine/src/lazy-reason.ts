// Reasons whose words are built when first read. Scoring with `explain` only records what a reason
// needs: the subject's slot values (one array per subject, shared by all its reasons) and which
// criterion; the texts, the outcome and the values read are made by the explaining interpreter
// the first time any of them is read, then kept. So explaining a period costs a small object per
// criterion, and only the reasons someone looks at cost words.
//
// A snapshot is `[slot 0, …, slot n−1, note of the 1st score input, note of the 2nd, …]`: the
// checked slot values the scorer computed with, then the assessor's reason of each discretionary
// fact (its `reason` string, or undefined), in input order, and for rubrics with cohort rules the
// subject's cohort figures (cohort.ts) last. Facts objects are not kept: a caller
// may change them after scoring; the snapshot holds the values the points came from.

import type { Span } from "./ast.ts";
import { OVERFLOW } from "./decimal.ts";
import type { Figure } from "./cohort.ts";
import type { Slots } from "./facts.ts";
import type { Interpreter } from "./interpret.ts";
import type { CriterionIR, RubricIR, VetoIR } from "./ir.ts";
import type { Outcome, Reason, RuleKind, UsedValue } from "./result.ts";

const SNAPSHOT = Symbol("kaoping.snapshot");
const CRITERION = Symbol("kaoping.criterion");
const MADE = Symbol("kaoping.reason");

/** One subject's values, as the generated explaining scorer records them. */
export type Snapshot = readonly (number | boolean | string | undefined | readonly Figure[])[];

/** Makes reasons of one compiled rubric; `Reason` is what the generated scorer instantiates. */
export interface LazyReasons {
  /** `new Reason(snapshot, k)`: the reason of the k-th criterion in rubric order. */
  readonly Reason: new (
    snapshot: Snapshot,
    k: number,
  ) => Reason;
  /** The explanation of veto `i`, which held for the subject of `snapshot` (made at once: rare). */
  veto(snapshot: Snapshot, i: number): { zh: string; en: string };
}

/**
 * The reason class of one rubric. `explainer` (its own instance: reasons are read at any later
 * time, between other scorings) runs on checked doubles; `exact` on BigInt, for explanations that
 * compute what scoring did not and overflow doubles doing it (a suggestion, a quotient shown).
 */
export function lazyReasons(ir: RubricIR, explainer: Interpreter<number>, exact: Interpreter<bigint>): LazyReasons {
  const criteria: CriterionIR[] = ir.items.flatMap((item) => item.criteria);
  const n = ir.inputs.length;
  const scoreInputs = ir.inputs.filter((i) => i.kind === "score");
  let prepared: Snapshot | null = null;
  const figuresAt = n + scoreInputs.length;
  const figures = (snapshot: Snapshot): readonly Figure[] =>
    ir.cohort.figures.length > 0 ? (snapshot[figuresAt] as readonly Figure[]) : [];

  /** The facts the interpreter reads besides slots: the assessor's reasons, by input name. */
  const notes = (snapshot: Snapshot): Readonly<Record<string, unknown>> => {
    const facts: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    scoreInputs.forEach((input, k) => {
      facts[input.name] = { reason: snapshot[n + k] };
    });
    return facts;
  };

  /** Runs `explain` on the subject of `snapshot`, on doubles, or on BigInt past their range. */
  const withSubject = <R>(snapshot: Snapshot, explain: (i: Interpreter<number> | Interpreter<bigint>) => R): R => {
    try {
      // Reasons are mostly read subject by subject: prepare each subject once.
      if (prepared !== snapshot) {
        prepared = null;
        // Slot reads stop at n: the notes after them need no copy.
        explainer.prepare(snapshot as Slots, notes(snapshot), figures(snapshot));
        prepared = snapshot;
      }
      return explain(explainer);
    } catch (e) {
      if (e !== OVERFLOW) throw e;
      prepared = null;
      exact.prepare(snapshot.slice(0, n) as Slots, notes(snapshot), figures(snapshot));
      return explain(exact);
    }
  };

  class LazyReason implements Reason {
    // Two symbol-keyed fields and a constructor that only stores them: the generated scorer makes
    // one per criterion, and V8 inlines it only while it stays this small (its inlining budget is
    // about 900 bytes of bytecode per function). #private fields would add an initializer call
    // per object (measured: 15 ns a reason against 2). Symbols stay out of JSON, Object.keys and
    // for…in. The made reason is kept under a third symbol, added on first read.
    declare readonly [SNAPSHOT]: Snapshot;
    declare readonly [CRITERION]: number;
    declare [MADE]?: Reason;

    constructor(snapshot: Snapshot, k: number) {
      this[SNAPSHOT] = snapshot;
      this[CRITERION] = k;
    }

    private made(): Reason {
      let r = this[MADE];
      if (r === undefined) {
        const c = criteria[this[CRITERION]] as CriterionIR;
        r = withSubject(this[SNAPSHOT], (i) => i.reasonOf(c));
        this[MADE] = r;
      }
      return r;
    }

    get rule(): RuleKind {
      return (criteria[this[CRITERION]] as CriterionIR).rule.kind;
    }
    get span(): Span {
      return (criteria[this[CRITERION]] as CriterionIR).span;
    }
    get outcome(): Outcome {
      return this.made().outcome;
    }
    get zh(): string {
      return this.made().zh;
    }
    get en(): string {
      return this.made().en;
    }
    get inputs(): readonly UsedValue[] {
      return this.made().inputs;
    }
    get suggestion(): number | undefined {
      return this.made().suggestion;
    }
    get assessorReason(): string | undefined {
      return this.made().assessorReason;
    }

    /** The plain reason (what JSON.stringify writes): rule, outcome, zh, en, inputs, span, …. */
    toJSON(): Reason {
      return this.made();
    }
  }

  return {
    Reason: LazyReason,
    veto: (snapshot, i) => withSubject(snapshot, (x) => x.vetoExplanation(ir.vetoes[i] as VetoIR)),
  };
}
