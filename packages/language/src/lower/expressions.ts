// Expressions: CST operands and operators → AST expression trees, by precedence climbing. Reports
// what the grammar no longer rules out (a 非 inside a comparison, chained comparisons) and refuses
// expressions too long for the recursive stages after it.
import type { CstNode, IToken, TokenType } from "chevrotain";
import type * as A from "../ast.ts";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { describeExpected, describeToken } from "../lex/describe.ts";
import {
  And,
  Divide,
  Equals,
  Greater,
  GreaterEqual,
  Less,
  LessEqual,
  Minus,
  NotEqual,
  Or,
  Plus,
  Times,
  conceptOf,
} from "../lex/tokens.ts";
import { first, from, nodeSpan, nodes, token, tokenSpan, tokens, type Children } from "./cst.ts";
import { precedence } from "../precedence.ts";
import { asciiDigits, lowerName } from "./literals.ts";

/** Longer expressions (terms counted through parentheses) are refused: every later stage walks the tree recursively. */
export const maxTerms = 256;

/** Lowers the expressions of one rubric, reporting into its diagnostics. */
export class ExpressionLowering {
  /** How deep in an expression the lowering is, and the terms of the outermost one so far. */
  private exprDepth = 0;
  private exprTerms = 0;

  constructor(
    private readonly diagnostics: Diagnostic[],
    private readonly keywords: A.KeywordSet,
  ) {}

  /** The expression of an optional CST node; null when absent or not lowerable. */
  exprOf(node: CstNode | undefined): A.Expr | null {
    return node ? this.expr(node) : null;
  }

  /**
   * Lowers an expression; at the outermost one, starts counting its terms afresh. The count runs
   * over the whole expression, parentheses included: counted per parenthesis, 60 nested ones of
   * 250 terms each made a tree 15,000 deep, and every later stage walks trees recursively.
   */
  private expr(node: CstNode): A.Expr | null {
    if (this.exprDepth === 0) this.exprTerms = 0;
    this.exprDepth++;
    try {
      return this.lowerExpr(node);
    } finally {
      this.exprDepth--;
    }
  }

  private lowerExpr(node: CstNode): A.Expr | null {
    const c = node.children as Children;
    switch (node.name) {
      case "expr": {
        if (!c["If"]) return this.opExpr(node);
        const [condition, then, otherwise] = nodes(c["expr"]).map((e) => this.expr(e));
        if (!condition || !then || !otherwise) return null;
        return { kind: "if", condition, then, otherwise, span: from(token(c["If"]), otherwise.span) };
      }
      case "call": {
        const args = nodes(c["expr"]).map((e) => this.expr(e));
        if (args.some((a) => a === null)) return null;
        const close = token(c["RParen"]);
        const end = close ? tokenSpan(close) : (args.at(-1)?.span ?? { start: 0, end: 0 });
        return {
          kind: "call",
          fn: c["Min"] ? "min" : "max",
          args: args as A.Expr[],
          span: from(token(c["Min"] ?? c["Max"]), end),
        };
      }
      case "cohortCall":
        return this.cohortCall(c);
      case "roundCall": {
        const [operand, digits] = nodes(c["expr"]).map((e) => this.expr(e));
        if (!operand || digits === null) return null;
        const close = token(c["RParen"]);
        const mode: A.RoundMode = c["RoundDown"] ? "down" : c["RoundUp"] ? "up" : "half";
        return {
          kind: "round",
          mode,
          operand,
          digits: digits ?? null,
          span: from(token(c["Round"] ?? c["RoundDown"] ?? c["RoundUp"]), close ? tokenSpan(close) : operand.span),
        };
      }
      default:
        return null;
    }
  }

  private cohortCall(c: Children): A.CohortCall | null {
    const first = token(c["Rank"] ?? c["CohortMax"] ?? c["CohortMin"] ?? c["CohortAverage"] ?? c["CohortSize"]);
    if (!first) return null;
    const size = { kind: "cohort", arg: null, ascending: false, dense: false } as const;
    if (c["CohortSize"]) return { ...size, fn: "size", span: tokenSpan(first) };
    const arg = this.exprOf(nodes(c["expr"])[0]);
    if (!arg) return null;
    const close = token(c["RParen"]);
    const span = from(first, close ? tokenSpan(close) : arg.span);
    const fn: A.CohortFunction = c["Rank"] ? "rank" : c["CohortMax"] ? "max" : c["CohortMin"] ? "min" : "average";
    return { kind: "cohort", fn, arg, ascending: c["Ascending"] !== undefined, dense: c["Dense"] !== undefined, span };
  }

  /**
   * An expression written as operands and operators, given its precedence: or < and < not <
   * comparison (one per operand pair, not chained) < + - < × / < unary minus, binary operators
   * left-associative. What the grammar no longer rules out is reported here, as a syntax error.
   */
  private opExpr(node: CstNode): A.Expr | null {
    const c = node.children as Children;
    const operands = nodes(c["operand"]);
    this.exprTerms += operands.length;
    if (this.exprTerms > maxTerms) {
      // Reported once, where the count passes the limit; what follows is part of the same mistake.
      if (this.exprTerms - operands.length <= maxTerms)
        this.diagnostics.push(diagnostic("KP106", nodeSpan(node), { limit: maxTerms }));
      return null;
    }
    // Most expressions are one operand without prefixes: a number, a name.
    if (operands.length === 1) {
      const only = operands[0] as CstNode;
      if (!(only.children as Children)["PrefixOp"]) return this.primary(only);
    }
    const reader = new OperandReader(operands, tokens(c["BinaryOp"]), (operand) => this.primary(operand));
    const result = reader.expression(0);
    for (const { at, expected } of reader.errors) {
      this.diagnostics.push(
        diagnostic(
          "KP201",
          tokenSpan(at),
          { expected: describeExpected(expected, this.keywords), found: describeToken(at) },
          { help: expected === "expr" ? parenthesesHelp : compareJoinHelp },
        ),
      );
    }
    return reader.errors.length > 0 ? null : result;
  }

  /** An operand, counted in percentage points when `百分点` follows it. */
  private primary(node: CstNode): A.Expr | null {
    const c = node.children as Children;
    const operand = this.plainPrimary(node);
    const unit = token(c["PercentPoints"]);
    if (!operand || !unit) return operand;
    return { kind: "percentPoints", operand, span: { start: operand.span.start, end: tokenSpan(unit).end } };
  }

  private plainPrimary(node: CstNode): A.Expr | null {
    const c = node.children as Children;
    const lead = token(c["NumberLiteral"] ?? c["Yes"] ?? c["No"]);
    const percent = token(c["PercentSign"]);
    const span = lead ? from(lead, percent ? tokenSpan(percent) : tokenSpan(lead)) : { start: 0, end: 0 };
    const num = token(c["NumberLiteral"]);
    if (num) {
      const value = asciiDigits(num.image);
      return c["PercentSign"] ? { kind: "percent", value, span } : { kind: "number", value, span };
    }
    if (c["Yes"]) return { kind: "bool", value: true, span };
    if (c["No"]) return { kind: "bool", value: false, span };
    const call = first(c["call"]) ?? first(c["cohortCall"]) ?? first(c["roundCall"]);
    if (call) return this.expr(call);
    const name = token(c["NameToken"]);
    if (name) return lowerName(name);
    return this.exprOf(first(c["expr"]));
  }
}

// ── Operator precedence ──

const parenthesesHelp = {
  zh: "把「非」和它否定的部分放进括号，如 a = (非 b)",
  en: "put `not` and what it negates in parentheses, e.g. a = (not b)",
};

const compareJoinHelp = {
  zh: "每个比较单独写，用「且」或「或」连起来，如 a >= 30% 且 a <= 60%",
  en: "write each comparison on its own and join them with `and` or `or`, e.g. a >= 30% and a <= 60%",
};

type BinaryKind =
  | { readonly kind: "logical"; readonly op: "and" | "or" }
  | { readonly kind: "arithmetic"; readonly op: A.ArithmeticOp }
  | { readonly kind: "compare"; readonly op: A.CompareOp };

function binaryOf(tok: IToken): { readonly prec: number; readonly node: BinaryKind } | null {
  const type = tok.tokenType;
  const compare = compareOps.get(type);
  if (compare) return { prec: precedence.compare, node: { kind: "compare", op: compare } };
  if (type === Plus) return { prec: precedence.add, node: { kind: "arithmetic", op: "+" } };
  if (type === Minus) return { prec: precedence.add, node: { kind: "arithmetic", op: "-" } };
  if (type === Times) return { prec: precedence.mul, node: { kind: "arithmetic", op: "×" } };
  if (type === Divide) return { prec: precedence.mul, node: { kind: "arithmetic", op: "/" } };
  const concept = conceptOf(type);
  if (concept === Or) return { prec: precedence.or, node: { kind: "logical", op: "or" } };
  if (concept === And) return { prec: precedence.and, node: { kind: "logical", op: "and" } };
  return null;
}

/**
 * Precedence climbing over one expression's operands (each with its prefix operators) and the
 * binary operators between them. Recursion is bounded: by the precedence levels, and by the
 * prefixes of one operand, which the lexer caps (KP105).
 */
class OperandReader {
  /** What the grammar would have refused: where, and what was expected there. Reading goes on as if
   * it had been allowed, so that every mistake of an expression is reported once. */
  readonly errors: { readonly at: IToken; readonly expected: "expr" | "compareJoin" }[] = [];
  private operand = 0;
  private prefix = 0;

  constructor(
    private readonly operands: readonly CstNode[],
    private readonly operators: readonly IToken[],
    /** Lowers what an operand holds after its prefixes. */
    private readonly lowerPrimary: (operand: CstNode) => A.Expr | null,
  ) {}

  expression(min: number): A.Expr | null {
    let left = this.unary(min);
    let compared = false;
    while (left && this.operand < this.operands.length) {
      const opToken = this.operators[this.operand - 1];
      const binary = opToken ? binaryOf(opToken) : null;
      if (!opToken || !binary || binary.prec < min) break;
      if (binary.node.kind === "compare" && compared) this.errors.push({ at: opToken, expected: "compareJoin" });
      const right = this.expression(binary.prec + 1);
      if (!right) return null;
      const span = { start: left.span.start, end: right.span.end };
      left = { ...binary.node, left, right, span } as A.Expr;
      compared = binary.node.kind === "compare";
    }
    return left;
  }

  /** One operand with its remaining prefixes; `min` is the loosest operator allowed here. */
  private unary(min: number): A.Expr | null {
    const node = this.operands[this.operand];
    if (!node) return null;
    const c = node.children as Children;
    const prefixes = tokens(c["PrefixOp"]);
    const prefix = prefixes[this.prefix];
    if (!prefix) {
      this.operand++;
      this.prefix = 0;
      return this.lowerPrimary(node);
    }
    this.prefix++;
    if (prefix.tokenType === Minus) {
      const operand = this.unary(precedence.unary);
      return operand ? { kind: "negate", operand, span: from(prefix, operand.span) } : null;
    }
    // 非 applies to a comparison (非 a > b is 非 (a > b)); it cannot stand inside one or a sum.
    if (min > precedence.not) this.errors.push({ at: prefix, expected: "expr" });
    const operand = this.expression(precedence.not);
    return operand ? { kind: "not", operand, span: from(prefix, operand.span) } : null;
  }
}

const compareOps = new Map<TokenType, A.CompareOp>([
  [GreaterEqual, ">="],
  [LessEqual, "<="],
  [NotEqual, "≠"],
  [Greater, ">"],
  [Less, "<"],
  [Equals, "="],
]);
