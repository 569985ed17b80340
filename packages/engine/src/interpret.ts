// The explaining interpreter: scores one subject over the IR and, when asked, says why each
// criterion has its points. Composes the evaluation (evaluate.ts), the explanation (explain.ts)
// and the reason cache (reason-cache.ts). Generic over the arithmetic: it runs on checked doubles
// and on BigInt, the exact fallback when a number op overflows.

import type { Arith } from "./arith.ts";
import { Evaluator } from "./evaluate.ts";
import { Explainer } from "./explain.ts";
import type { Figure } from "./cohort.ts";
import type { Slots } from "./facts.ts";
import type { BoolExpr, CriterionIR, NumExpr, RubricIR } from "./ir.ts";
import { ReasonCache } from "./reason-cache.ts";
import type { CriterionScore, ItemScore, Reason, ScoreResult, VetoResult } from "./result.ts";

export class Interpreter<T> {
  private readonly ev: Evaluator<T>;
  private readonly explainer: Explainer<T>;
  private readonly reasons: ReasonCache;

  constructor(
    private readonly ir: RubricIR,
    private readonly A: Arith<T>,
  ) {
    this.ev = new Evaluator(ir, A);
    this.explainer = new Explainer(ir, this.ev);
    this.reasons = new ReasonCache(ir);
  }

  /** Sets the subject whose criteria `reasonOf` explains: its slot values and facts. */
  prepare(slots: Slots, facts: Readonly<Record<string, unknown>>, figures: readonly Figure[] = []): void {
    this.ev.setSubject(slots, facts, figures);
  }

  /** The reason of one criterion of the prepared subject. */
  reasonOf(c: CriterionIR): Reason {
    return this.reason(c);
  }

  /** The explanation of a veto that held for the prepared subject. */
  vetoExplanation(v: { reason: string; cond: BoolExpr }): { zh: string; en: string } {
    return this.explainer.veto(v.reason, v.cond);
  }

  /** The first pass of cohort scoring: the subject's cohort arguments (evaluate.ts). */
  cohortArguments(slots: Slots): T[] {
    return this.ev.cohortArguments(slots);
  }

  /** A suggestion from whatever facts are known; null when it reads a missing one. */
  suggestion(slots: readonly (number | boolean | undefined)[], e: NumExpr): number | null {
    return this.ev.suggestion(slots, e);
  }

  /** Scores one subject from its checked slot values (see facts.ts). */
  run(
    slots: Slots,
    facts: Readonly<Record<string, unknown>>,
    explain: boolean,
    figures: readonly Figure[] = [],
  ): ScoreResult {
    const A = this.A;
    const ev = this.ev;
    ev.setSubject(slots, facts, figures);

    let total = A.zero;
    const items: ItemScore[] = [];
    for (const item of this.ir.items) {
      let sum = A.zero;
      const criteria: CriterionScore[] = [];
      for (const c of item.criteria) {
        const points = ev.criterion(c);
        sum = A.add(sum, points);
        criteria.push(
          explain
            ? { number: c.number, points: A.toPoints(points), reason: this.reason(c) }
            : { number: c.number, points: A.toPoints(points) },
        );
      }
      total = A.add(total, sum);
      items.push({
        number: item.number,
        title: item.title,
        standard: A.toPoints(A.fromScaled(item.standard)),
        points: A.toPoints(sum),
        criteria,
      });
    }
    let veto: VetoResult | null = null;
    for (const v of this.ir.vetoes) {
      if (ev.bool(v.cond)) {
        veto = explain
          ? { reason: v.reason, span: v.span, explanation: this.explainer.veto(v.reason, v.cond) }
          : { reason: v.reason, span: v.span };
        total = A.zero;
        break;
      }
    }
    return { total: A.toPoints(total), grade: ev.grade(total), veto, items };
  }

  /** The criterion's reason for the current subject: from the cache, else explained and kept. */
  private reason(c: CriterionIR): Reason {
    const ev = this.ev;
    const kept = this.reasons.find(c, ev.vals, ev.lets, ev.facts);
    if (kept !== undefined) return kept;
    const r = this.explainer.criterion(c);
    this.reasons.keep(c, r);
    return r;
  }
}
