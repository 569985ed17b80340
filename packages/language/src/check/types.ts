// Expression typing: yes/no versus numbers, and what a number measures (a count, a percentage, a
// unit, points), so that "认证率 >= 30" and "得 3 当 企业数" are caught. Also proves divisors
// non-zero from the guards around them.
import type * as A from "../ast.ts";
import { diagnostic, replaceWith, type Fix } from "../diagnostics/diagnostic.ts";
import { PercentPoints, wordOf, writeName } from "../lex/tokens.ts";
import type { Message } from "../diagnostics/diagnostic.ts";
import { boolType, errorType, numType, type CheckContext, type Dimension, type Type } from "./context.ts";
import { cohortDependency, cohortKey } from "./cohort.ts";
import { suggestName } from "./suggest.ts";

/** Facts known to hold where an expression is evaluated: the keys of expressions proved non-zero. */
export type Guards = ReadonlySet<string>;
export const noGuards: Guards = new Set();

export function describeType(type: Type): Message {
  if (type.kind === "bool") return { zh: "是否条件", en: "a yes/no" };
  if (type.kind === "error") return { zh: "（错误）", en: "(error)" };
  const dim = type.dim;
  if (typeof dim === "object") return { zh: `以「${dim.unit}」计的数值`, en: `a number in ${dim.unit}` };
  const words: Record<Exclude<Dimension, object>, Message> = {
    count: { zh: "计数", en: "a count" },
    plain: { zh: "数字", en: "a plain number" },
    ratio: { zh: "百分比", en: "a percentage" },
    points: { zh: "分数", en: "points" },
    number: { zh: "数值", en: "a number" },
  };
  return words[dim];
}

function sameDim(a: Dimension, b: Dimension): boolean {
  if (typeof a === "object" || typeof b === "object") {
    return typeof a === "object" && typeof b === "object" && a.unit === b.unit;
  }
  return a === b;
}

/** The measure two operands of + − or a comparison share, or null when they do not fit. */
function joinDims(a: Dimension, b: Dimension): Dimension | null {
  if (sameDim(a, b)) return a;
  if (a === "plain" && b !== "ratio") return b;
  if (b === "plain" && a !== "ratio") return a;
  const loose = (d: Dimension) => d === "count" || d === "number";
  if (loose(a) && loose(b)) return "number";
  return null;
}

/** Types expressions of one rubric, reporting each mistake once. */
export class ExprChecker {
  constructor(private readonly ctx: CheckContext) {}

  /** Types an expression that must be a yes/no condition. */
  condition(expr: A.Expr, guards: Guards = noGuards): void {
    const type = this.type(expr, guards);
    if (type.kind === "num") this.ctx.report(diagnostic("KP401", expr.span, { found: describeType(type) }));
  }

  /** Types an expression that must be a number; returns its type. */
  number(expr: A.Expr, guards: Guards = noGuards): Type {
    const type = this.type(expr, guards);
    if (type.kind === "bool") {
      this.ctx.report(diagnostic("KP402", expr.span, { found: describeType(type) }));
      return errorType;
    }
    return type;
  }

  type(expr: A.Expr, guards: Guards = noGuards): Type {
    switch (expr.kind) {
      case "number":
        return numType("plain");
      case "percent":
        return numType("ratio");
      case "bool":
        return boolType;
      case "name":
        return this.name(expr);
      case "negate":
        return this.number(expr.operand, guards);
      case "not":
        this.condition(expr.operand, guards);
        return boolType;
      case "logical": {
        this.condition(expr.left, guards);
        const leftFacts = expr.op === "and" ? factsWhen(expr.left, true) : factsWhen(expr.left, false);
        this.condition(expr.right, union(guards, leftFacts));
        return boolType;
      }
      case "if": {
        this.condition(expr.condition, guards);
        const then = this.type(expr.then, union(guards, factsWhen(expr.condition, true)));
        const otherwise = this.type(expr.otherwise, union(guards, factsWhen(expr.condition, false)));
        return this.join(then, otherwise, expr);
      }
      case "call": {
        let result: Type | null = null;
        for (const arg of expr.args) {
          const type = this.number(arg, guards);
          result = result ? this.join(result, type, expr) : type;
        }
        return result ?? errorType;
      }
      case "compare": {
        const left = this.type(expr.left, guards);
        const right = this.type(expr.right, guards);
        if (left.kind === "bool" && right.kind === "bool" && (expr.op === "=" || expr.op === "≠")) return boolType;
        const l = this.asNumber(left, expr.left);
        const r = this.asNumber(right, expr.right);
        if (l.kind === "num" && r.kind === "num" && !joinDims(l.dim, r.dim)) this.mismatch(l, r, expr, expr.right);
        return boolType;
      }
      case "arithmetic":
        return this.arithmetic(expr, guards);
      case "cohort":
        return this.cohort(expr);
      case "round":
        return this.round(expr, guards);
      case "percentPoints": {
        const type = this.number(expr.operand, guards);
        if (type.kind === "num" && type.dim !== "ratio") {
          const unit = { start: expr.operand.span.end, end: expr.span.end };
          this.ctx.report(
            diagnostic(
              "KP523",
              expr.span,
              { found: describeType(type) },
              { fixes: [replaceWith(unit, "", { zh: "删去「百分点」", en: "remove the unit" })] },
            ),
          );
          return errorType;
        }
        return type.kind === "num" ? numType("number") : type;
      }
    }
  }

  /**
   * A cohort figure measures what its argument measures (a rank is a plain position, the size a
   * count). The argument is evaluated for every subject of the cohort, so this subject's guards
   * do not hold for it, and it may not itself depend on a cohort figure (one stage: KP409).
   */
  private cohort(expr: A.CohortCall): Type {
    if (expr.arg === null) return numType("count");
    const type = this.number(expr.arg);
    const inner = cohortDependency(expr.arg, this.ctx.names);
    if (inner) {
      this.ctx.report(
        diagnostic("KP409", expr.arg.span, {
          figure: exprKey(expr),
          inner: exprKey(inner.figure),
          via: inner.via ?? "",
        }),
      );
      return errorType;
    }
    if (type.kind !== "num") return errorType;
    return expr.fn === "rank" ? numType("plain") : type;
  }

  /**
   * Rounding keeps the measure of what it rounds. The digits are a whole number 0–6 (points keep
   * six decimals); a percent is refused, since its digits would count in the fraction (95.55% is 0.9555).
   */
  private round(expr: A.Round, guards: Guards): Type {
    const type = this.number(expr.operand, guards);
    const digits = expr.digits;
    if (digits && !(digits.kind === "number" && /^[0-6]$/.test(digits.value))) {
      this.ctx.report(diagnostic("KP524", digits.span, {}));
    }
    if (type.kind === "num" && type.dim === "ratio") {
      this.ctx.report(
        diagnostic(
          "KP522",
          expr.operand.span,
          {},
          { fixes: [inPercentPoints(expr.operand, this.ctx.rubric.keywords)] },
        ),
      );
      return errorType;
    }
    return type;
  }

  private name(expr: A.Name): Type {
    const entry = this.ctx.names.get(expr.name);
    if (!entry) {
      this.ctx.report(
        diagnostic(
          "KP301",
          expr.span,
          { name: expr.name },
          suggestName(expr.name, [...this.ctx.names.keys()], expr.span, (n) => writeName(n, this.ctx.rubric.keywords)),
        ),
      );
      return errorType;
    }
    this.ctx.used.add(expr.name);
    return entry.type;
  }

  private asNumber(type: Type, expr: A.Expr): Type {
    if (type.kind !== "bool") return type;
    this.ctx.report(diagnostic("KP402", expr.span, { found: describeType(type) }));
    return errorType;
  }

  private join(a: Type, b: Type, at: A.Expr): Type {
    if (a.kind === "error") return b;
    if (b.kind === "error") return a;
    if (a.kind === "bool" && b.kind === "bool") return boolType;
    if (a.kind === "num" && b.kind === "num") {
      const dim = joinDims(a.dim, b.dim);
      if (dim) return numType(dim);
    }
    this.mismatch(a, b, at, at);
    return errorType;
  }

  private mismatch(left: Type, right: Type, expr: A.Expr, at: A.Expr): void {
    const ratioVsPlain =
      left.kind === "num" &&
      right.kind === "num" &&
      ((left.dim === "ratio" && right.dim === "plain") || (left.dim === "plain" && right.dim === "ratio"));
    const literal =
      at.kind === "number" ? at : expr.kind === "compare" && expr.left.kind === "number" ? expr.left : null;
    const help =
      ratioVsPlain && literal !== null
        ? {
            help: { zh: `百分比要写百分号：${literal.value}%`, en: `write the percent sign: ${literal.value}%` },
            fixes: [
              replaceWith({ start: literal.span.end, end: literal.span.end }, "%", {
                zh: `写成 ${literal.value}%`,
                en: `write ${literal.value}%`,
              }),
            ],
          }
        : {};
    this.ctx.report(diagnostic("KP403", expr.span, { left: describeType(left), right: describeType(right) }, help));
  }

  private arithmetic(expr: A.Arithmetic, guards: Guards): Type {
    const left = this.number(expr.left, guards);
    const right = this.number(expr.right, guards);
    if (expr.op === "/" && !isNonZero(expr.right, guards)) {
      this.ctx.report(
        diagnostic(
          "KP404",
          expr.right.span,
          { divisor: exprKey(expr.right) },
          {
            help: {
              zh: `先判断它大于零，例如：若 ${exprKey(expr.right)} > 0 则 … 否则 …`,
              en: `check that it is above zero first, e.g. if ${exprKey(expr.right)} > 0 then … else …`,
            },
          },
        ),
      );
    }
    if (left.kind !== "num" || right.kind !== "num") return errorType;
    const l = left.dim;
    const r = right.dim;
    switch (expr.op) {
      case "+":
      case "-": {
        const dim = joinDims(l, r);
        if (dim) return numType(dim);
        this.mismatch(left, right, expr, expr.right);
        return errorType;
      }
      case "×": {
        // A percentage of something measures that something (60% × 企业数 is a count); scaling a
        // percentage by a plain number gives a plain number (已签/应签 × 4).
        const scale = (d: Dimension) => d === "plain" || d === "ratio";
        if (scale(l) && scale(r)) return numType(l === "ratio" && r === "ratio" ? "ratio" : "plain");
        if (scale(r)) return numType(l);
        if (scale(l)) return numType(r);
        return numType("number");
      }
      case "/":
        if (r === "plain" || r === "ratio") return numType(l);
        if (sameDim(l, r) || joinDims(l, r) === "number") return numType("ratio");
        return numType("number");
    }
  }
}

function union(a: Guards, b: Guards): Guards {
  if (b.size === 0) return a;
  return new Set([...a, ...b]);
}

/** The fix that counts a percent in percentage points: `x 百分点`, or `(a - b) 百分点`. */
export function inPercentPoints(expr: A.Expr, keywords: A.KeywordSet): Fix {
  const unit = ` ${wordOf(PercentPoints, keywords)}`;
  const atom = expr.kind === "name" || expr.kind === "percent" || expr.kind === "call" || expr.kind === "round";
  const { start, end } = expr.span;
  return {
    title: { zh: "按百分点计", en: "count it in percentage points" },
    edits: atom
      ? [{ span: { start: end, end }, text: unit }]
      : [
          { span: { start, end: start }, text: "(" },
          { span: { start: end, end }, text: `)${unit}` },
        ],
  };
}

/** A stable text for an expression, to name it in messages and to key guard facts. */
export function exprKey(expr: A.Expr): string {
  switch (expr.kind) {
    case "name":
      return expr.name;
    case "number":
      return expr.value;
    case "percent":
      return `${expr.value}%`;
    case "bool":
      return expr.value ? "是" : "否";
    case "negate":
      return `-${exprKey(expr.operand)}`;
    case "arithmetic":
      return `(${exprKey(expr.left)} ${expr.op} ${exprKey(expr.right)})`;
    case "call":
      return `${expr.fn}(${expr.args.map(exprKey).join(", ")})`;
    case "cohort":
      return cohortKey(expr, exprKey);
    default:
      return `<${expr.kind}@${expr.span.start}>`;
  }
}

function positive(expr: A.Expr): boolean {
  return (expr.kind === "number" || expr.kind === "percent") && Number(expr.value) > 0;
}

function nonNegative(expr: A.Expr): boolean {
  return (expr.kind === "number" || expr.kind === "percent") && Number(expr.value) >= 0;
}

/** Whether an expression is provably non-zero where the guards hold. */
function isNonZero(expr: A.Expr, guards: Guards): boolean {
  if (expr.kind === "number" || expr.kind === "percent") return Number(expr.value) !== 0;
  if (expr.kind === "negate") return isNonZero(expr.operand, guards);
  if (expr.kind === "call" && expr.fn === "max") return expr.args.some((a) => positive(a) || isNonZero(a, guards));
  return guards.has(exprKey(expr));
}

/** The expressions a condition proves non-zero when it is `holds`. */
function factsWhen(cond: A.Expr, holds: boolean): Guards {
  if (cond.kind === "not") return factsWhen(cond.operand, !holds);
  if (cond.kind === "logical") {
    if (cond.op === "and" && holds) return union(factsWhen(cond.left, true), factsWhen(cond.right, true));
    if (cond.op === "or" && !holds) return union(factsWhen(cond.left, false), factsWhen(cond.right, false));
    return noGuards;
  }
  if (cond.kind !== "compare") return noGuards;
  const op = holds ? cond.op : negateCompare(cond.op);
  const { left, right } = cond;
  // x > k (k ≥ 0), x ≥ k (k > 0), x ≠ 0, and the mirrored forms.
  if (((op === ">" && nonNegative(right)) || (op === ">=" && positive(right))) && !isLiteral(left))
    return new Set([exprKey(left)]);
  if (((op === "<" && nonNegative(left)) || (op === "<=" && positive(left))) && !isLiteral(right))
    return new Set([exprKey(right)]);
  if (op === "≠" && isZero(right)) return new Set([exprKey(left)]);
  if (op === "≠" && isZero(left)) return new Set([exprKey(right)]);
  if (op === "=" && positive(right)) return new Set([exprKey(left)]);
  return noGuards;
}

function isLiteral(expr: A.Expr): boolean {
  return expr.kind === "number" || expr.kind === "percent";
}

function isZero(expr: A.Expr): boolean {
  return isLiteral(expr) && Number((expr as A.NumberLiteral).value) === 0;
}

function negateCompare(op: A.CompareOp): A.CompareOp {
  const negated: Record<A.CompareOp, A.CompareOp> = { ">=": "<", ">": "<=", "<=": ">", "<": ">=", "=": "≠", "≠": "=" };
  return negated[op];
}
