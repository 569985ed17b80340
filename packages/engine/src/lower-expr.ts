// Lowering names, numbers and expressions: resolves names to slots, parses every number to a
// scaled integer and types every expression as a number or a yes/no. A failure here means the
// checker let something through: it is reported (KP899), never guessed at.

import type * as A from "./ast.ts";
import { MAX_VALUE, SCALE_BIG, parseDecimal } from "./decimal.ts";
import { engineDiagnostic, type EngineDiagnostic } from "./diagnostics.ts";
import { expressionText } from "@kaoping/language";
import type { BoolExpr, CohortFigureIR, Display, Expr, InputIR, NumExpr } from "./ir.ts";
import { isBool } from "./ir.ts";

/** What a name stands for in the IR. */
export type Binding =
  | { readonly kind: "input"; readonly input: InputIR }
  | { readonly kind: "let"; readonly slot: number; readonly type: "number" | "bool"; readonly display: Display };

/** Lowers the expressions of one rubric, given the names bound so far. */
export class ExprLowering {
  readonly diagnostics: EngineDiagnostic[] = [];
  protected readonly names = new Map<string, Binding>();
  /** Cohort arguments and figures, each kept once however often the rubric writes it. */
  readonly cohortArgs: NumExpr[] = [];
  readonly cohortFigures: CohortFigureIR[] = [];
  private readonly argIndex = new Map<string, number>();
  private readonly figureIndex = new Map<string, number>();

  fail(span: A.Span, what: string): null {
    this.diagnostics.push(engineDiagnostic("KP899", span, { what }));
    return null;
  }

  decimal(literal: A.NumberLiteral): bigint | null {
    const v = parseDecimal(literal.value);
    if (v === null || v > MAX_VALUE * SCALE_BIG) {
      this.diagnostics.push(engineDiagnostic("KP806", literal.span, { text: literal.value }));
      return null;
    }
    return v;
  }

  /** "60" (from 60%) → the ratio 0.6, scaled. */
  percent(literal: A.PercentLiteral | A.NumberLiteral): bigint | null {
    const points = parseDecimal(literal.value);
    if (points === null || points % 100n !== 0n || points > MAX_VALUE * SCALE_BIG) {
      this.diagnostics.push(engineDiagnostic("KP806", literal.span, { text: `${literal.value}%` }));
      return null;
    }
    return points / 100n;
  }

  expr(e: A.Expr): Expr | null {
    switch (e.kind) {
      case "number": {
        const value = this.decimal(e);
        return value === null ? null : { op: "const", value, display: "number", span: e.span };
      }
      case "percent": {
        const value = this.percent(e);
        return value === null ? null : { op: "const", value, display: "percent", span: e.span };
      }
      case "bool":
        return { op: "bconst", value: e.value, span: e.span };
      case "name": {
        const b = this.names.get(e.name);
        if (!b) return this.fail(e.span, `unknown name ${e.name}`);
        if (b.kind === "input") {
          if (b.input.kind === "yesno") return { op: "binput", slot: b.input.slot, span: e.span };
          const display: Display = b.input.kind === "percent" ? "percent" : "number";
          return { op: "input", slot: b.input.slot, display, span: e.span };
        }
        return b.type === "bool"
          ? { op: "blet", slot: b.slot, span: e.span }
          : { op: "let", slot: b.slot, display: b.display, span: e.span };
      }
      case "negate": {
        const a = this.num(e.operand);
        return a && { op: "neg", a, display: a.display, span: e.span };
      }
      case "arithmetic": {
        const a = this.num(e.left);
        const b = this.num(e.right);
        if (!a || !b) return null;
        const op = e.op === "+" ? "add" : e.op === "-" ? "sub" : e.op === "×" ? "mul" : "div";
        let display: Display = a.display;
        if (op === "mul") display = a.display === "percent" && b.display === "percent" ? "percent" : "number";
        if (op === "div") display = a.display === b.display ? "percent" : a.display;
        return { op, a, b, display, span: e.span };
      }
      case "compare": {
        const l = this.expr(e.left);
        const r = this.expr(e.right);
        if (!l || !r) return null;
        if (isBool(l) && isBool(r)) {
          if (e.op !== "=" && e.op !== "≠") return this.fail(e.span, "ordering of yes/no values");
          return { op: "beq", negate: e.op === "≠", a: l, b: r, span: e.span };
        }
        if (isBool(l) || isBool(r)) return this.fail(e.span, "comparison of a yes/no with a number");
        return { op: "cmp", cmp: e.op, a: l, b: r, span: e.span };
      }
      case "logical": {
        const a = this.bool(e.left);
        const b = this.bool(e.right);
        return a && b && { op: e.op, a, b, span: e.span };
      }
      case "not": {
        const a = this.bool(e.operand);
        return a && { op: "not", a, span: e.span };
      }
      case "if": {
        const cond = this.bool(e.condition);
        const t = this.expr(e.then);
        const f = this.expr(e.otherwise);
        if (!cond || !t || !f) return null;
        if (isBool(t) && isBool(f)) return { op: "bif", cond, then: t, else: f, span: e.span };
        if (isBool(t) || isBool(f)) return this.fail(e.span, "branches of different types");
        return { op: "if", cond, then: t, else: f, display: t.display, span: e.span };
      }
      case "cohort":
        return this.cohort(e);
      case "round": {
        const a = this.num(e.operand);
        if (!a) return null;
        const digits = e.digits?.kind === "number" ? Number(e.digits.value) : e.digits ? -1 : 0;
        if (!Number.isInteger(digits) || digits < 0 || digits > 6) return this.fail(e.span, "digits not 0–6");
        const unit = 10n ** BigInt(6 - digits);
        return { op: "round", mode: e.mode, digits, unit, a, display: a.display, span: e.span };
      }
      case "percentPoints": {
        // × 100: 95% (0.95) counts as 95 points of percent.
        const a = this.num(e.operand);
        if (!a) return null;
        const hundred = { op: "const", value: 100n * SCALE_BIG, display: "number", span: e.span } as const;
        return { op: "mul", a, b: hundred, display: "number", span: e.span };
      }
      case "call": {
        const args: NumExpr[] = [];
        for (const arg of e.args) {
          const a = this.num(arg);
          if (!a) return null;
          args.push(a);
        }
        const first = args[0];
        if (!first) return this.fail(e.span, `${e.fn} of nothing`);
        return { op: e.fn, args, display: first.display, span: e.span };
      }
    }
  }

  /** A cohort figure: its argument lowered once, the figure numbered once per distinct text. */
  private cohort(e: A.CohortCall): NumExpr | null {
    const text = expressionText(e);
    let arg: number | null = null;
    let display: Display = "number";
    if (e.arg !== null) {
      const a = this.num(e.arg);
      if (!a) return null;
      if (e.fn !== "rank") display = a.display;
      const key = expressionText(e.arg);
      arg = this.argIndex.get(key) ?? this.cohortArgs.push(a) - 1;
      this.argIndex.set(key, arg);
    }
    let figure = this.figureIndex.get(text);
    if (figure === undefined) {
      figure =
        this.cohortFigures.push({ fn: e.fn, arg, ascending: e.ascending, dense: e.dense, text, span: e.span }) - 1;
      this.figureIndex.set(text, figure);
    }
    return { op: "cohort", figure, display, span: e.span };
  }

  num(e: A.Expr): NumExpr | null {
    const x = this.expr(e);
    if (x === null) return null;
    if (isBool(x)) return this.fail(e.span, "a yes/no where a number is needed");
    return x;
  }

  bool(e: A.Expr): BoolExpr | null {
    const x = this.expr(e);
    if (x === null) return null;
    if (!isBool(x)) return this.fail(e.span, "a number where a yes/no is needed");
    return x;
  }

  points(p: A.Points): NumExpr | null {
    return this.num(p.expr);
  }
}
