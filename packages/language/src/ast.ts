// The typed, readonly syntax tree of a rubric. Every node has a half-open source span; tree
// comparisons ignore spans (see `stripSpans`). Numbers stay decimal strings so that the engine can
// do exact arithmetic on them.

/** Half-open range of UTF-16 offsets into the source text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type KeywordSet = "zh" | "en";

/** A verbatim text from the source, without its quotes. */
export interface Text {
  readonly kind: "text";
  readonly value: string;
  /** Written as a `"""…"""` block. */
  readonly block: boolean;
  readonly span: Span;
}

/** A name as written (after Unicode NFC); `quoted` when written as 「…」. */
export interface Name {
  readonly kind: "name";
  readonly name: string;
  readonly quoted: boolean;
  readonly span: Span;
}

// ── Expressions ────────────────────────────────────────────────────────────────────────────

/** A decimal number, ASCII digits, e.g. "3.2". */
export interface NumberLiteral {
  readonly kind: "number";
  readonly value: string;
  readonly span: Span;
}

/** A percentage: `value` is the number before %, e.g. "60" for 60 %. */
export interface PercentLiteral {
  readonly kind: "percent";
  readonly value: string;
  readonly span: Span;
}

export interface BoolLiteral {
  readonly kind: "bool";
  readonly value: boolean;
  readonly span: Span;
}

export interface Negate {
  readonly kind: "negate";
  readonly operand: Expr;
  readonly span: Span;
}

export type ArithmeticOp = "+" | "-" | "×" | "/";
export interface Arithmetic {
  readonly kind: "arithmetic";
  readonly op: ArithmeticOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export type CompareOp = ">=" | ">" | "<=" | "<" | "=" | "≠";
export interface Compare {
  readonly kind: "compare";
  readonly op: CompareOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export interface Logical {
  readonly kind: "logical";
  readonly op: "and" | "or";
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

export interface Not {
  readonly kind: "not";
  readonly operand: Expr;
  readonly span: Span;
}

export interface Conditional {
  readonly kind: "if";
  readonly condition: Expr;
  readonly then: Expr;
  readonly otherwise: Expr;
  readonly span: Span;
}

export interface Call {
  readonly kind: "call";
  readonly fn: "min" | "max";
  readonly args: readonly Expr[];
  readonly span: Span;
}

export type CohortFunction = "rank" | "max" | "min" | "average" | "size";

/**
 * A figure over the cohort (the period's subjects, or those of the subject's category):
 * `名次(x)` the rank of this subject's x, highest first (ties share a rank and the next is
 * skipped: 1, 2, 2, 4), `升序` lowest first, `密集` dense (1, 2, 2, 3); `最高值(x)`, `最低值(x)`,
 * `平均值(x)`: the cohort's highest, lowest and mean x; `参评数`: how many subjects it has.
 */
export interface CohortCall {
  readonly kind: "cohort";
  readonly fn: CohortFunction;
  /** Null for `参评数`. */
  readonly arg: Expr | null;
  /** Ranks: lowest first. */
  readonly ascending: boolean;
  /** Ranks: ties do not skip the next rank. */
  readonly dense: boolean;
  readonly span: Span;
}

/** `四舍五入(x, 位数)`: half away from zero; `向下取整` toward −∞; `向上取整` toward +∞. */
export type RoundMode = "half" | "down" | "up";
export interface Round {
  readonly kind: "round";
  readonly mode: RoundMode;
  readonly operand: Expr;
  /** Decimal places to keep (0 when not written); the checker asks for a whole number 0–6. */
  readonly digits: Expr | null;
  readonly span: Span;
}

/** `x 百分点`: a percent counted in percentage points (95% → 95). */
export interface PercentPoints {
  readonly kind: "percentPoints";
  readonly operand: Expr;
  readonly span: Span;
}

export type Literal = NumberLiteral | PercentLiteral | BoolLiteral;

export type Expr =
  | Literal
  | Name
  | Negate
  | Arithmetic
  | Compare
  | Logical
  | Not
  | Conditional
  | Call
  | CohortCall
  | Round
  | PercentPoints;

// ── Rules ──────────────────────────────────────────────────────────────────────────────────

/** An amount of points: `5` or `5 分` (`unit` records that 分 / points was written). */
export interface Points {
  readonly kind: "points";
  readonly expr: Expr;
  readonly unit: boolean;
  readonly span: Span;
}

/** `每 count 加|扣 amount`: amount × count. */
export interface PerClause {
  readonly kind: "per";
  readonly count: Expr;
  readonly amount: Points;
  readonly span: Span;
}

/** `加|扣 amount 当 condition`: amount once when the condition holds. */
export interface WhenClause {
  readonly kind: "when";
  readonly condition: Expr;
  readonly amount: Points;
  readonly span: Span;
}

export type Clause = PerClause | WhenClause;

/** `不得分 当 condition`: the criterion scores 0 when the condition holds. */
export interface KnockOut {
  readonly kind: "knockout";
  readonly condition: Expr;
  readonly span: Span;
}

/** Fixed, threshold or general award: `得 amount [当 condition [否则 otherwise]]`. */
export interface AwardRule {
  readonly kind: "award";
  readonly amount: Points;
  readonly condition: Expr | null;
  readonly otherwise: Points | null;
  readonly knockOuts: readonly KnockOut[];
  readonly span: Span;
}

/** The assessor's score, an input of type 评分, with an optional suggestion shown on the form. */
export interface DiscretionaryRule {
  readonly kind: "discretionary";
  readonly input: Name;
  readonly suggestion: Expr | null;
  readonly knockOuts: readonly KnockOut[];
  readonly span: Span;
}

/**
 * `基础 base (每 x 扣 n)+ [最多扣 cap] [最低 floor]`: base minus every clause (together at most
 * cap), never below floor (default 0).
 */
export interface DeductionRule {
  readonly kind: "deduction";
  readonly base: Points;
  readonly clauses: readonly Clause[];
  readonly cap: DeductionCap | null;
  readonly floor: Points | null;
  readonly knockOuts: readonly KnockOut[];
  readonly span: Span;
}

/** `最多扣 n`: the most a deduction's clauses take together. */
export interface DeductionCap {
  readonly kind: "deductionCap";
  readonly amount: Points;
  /** Written as a bare `最多 n` / `cap n`, which could mean this or a floor: the checker asks which. */
  readonly bare: boolean;
  readonly span: Span;
}

/** `(每 x 加 n)+ [最多 cap]`: extra points on top of the standard points. */
export interface BonusRule {
  readonly kind: "bonus";
  readonly clauses: readonly Clause[];
  readonly cap: Points | null;
  readonly knockOuts: readonly KnockOut[];
  readonly span: Span;
}

export type Rule = AwardRule | DiscretionaryRule | DeductionRule | BonusRule;

// ── Declarations ───────────────────────────────────────────────────────────────────────────

export type InputType =
  | { readonly kind: "yesno"; readonly span: Span }
  | { readonly kind: "count"; readonly span: Span }
  | { readonly kind: "number"; readonly unit: Text | null; readonly span: Span }
  | {
      readonly kind: "percent";
      /** `百分比 0% 至 200%`; null for the default 0%..100%. */
      readonly range: { readonly min: PercentLiteral | Negate; readonly max: PercentLiteral | Negate } | null;
      readonly span: Span;
    }
  | {
      readonly kind: "score";
      readonly min: NumberLiteral;
      readonly max: NumberLiteral;
      readonly step: NumberLiteral | null;
      readonly span: Span;
    };

export interface Input {
  readonly kind: "input";
  readonly name: Name;
  readonly type: InputType;
  readonly label: Text | null;
  readonly help: Text | null;
  readonly default: Literal | Negate | null;
  /** The item it is declared in, or null when declared at the top. */
  readonly item: number | null;
  readonly span: Span;
}

export interface Let {
  readonly kind: "let";
  readonly name: Name;
  readonly expr: Expr;
  readonly item: number | null;
  readonly span: Span;
}

export interface Criterion {
  readonly kind: "criterion";
  readonly number: number;
  /** The verbatim 评分方法 text. */
  readonly text: Text | null;
  /** Null when the body could not be parsed (a syntax error was reported). */
  readonly rule: Rule | null;
  readonly span: Span;
  readonly numberSpan: Span;
}

export interface Item {
  readonly kind: "item";
  readonly number: number;
  readonly title: Text | null;
  readonly standard: NumberLiteral | null;
  /** The verbatim 考核内容 text. */
  readonly content: Text | null;
  readonly criteria: readonly Criterion[];
  readonly span: Span;
  readonly numberSpan: Span;
}

export interface Grade {
  readonly kind: "grade";
  readonly label: Text;
  /** Null for the last band (everything below the others). */
  readonly min: NumberLiteral | null;
  readonly span: Span;
}

export interface Veto {
  readonly kind: "veto";
  readonly reason: Text;
  readonly condition: Expr;
  readonly span: Span;
}

export interface Given {
  readonly kind: "given";
  readonly name: Name;
  readonly value: Literal | Negate;
  readonly reason: Text | null;
  readonly span: Span;
}

export type ExpectTarget =
  | { readonly kind: "item"; readonly item: number }
  | { readonly kind: "criterion"; readonly item: number; readonly criterion: number }
  | { readonly kind: "total" }
  | { readonly kind: "grade" };

export interface Expectation {
  readonly kind: "expect";
  readonly target: ExpectTarget;
  /** A number for points, a text for a grade. */
  readonly value: NumberLiteral | Negate | Text;
  readonly span: Span;
}

export interface Test {
  readonly kind: "test";
  readonly name: Text | null;
  /** `基于 "other test"`: starts from that (earlier) test's facts; its own facts override them. */
  readonly base: Text | null;
  /** Only the facts written in this test; see `testFacts` for those it inherits. */
  readonly given: readonly Given[];
  readonly expect: readonly Expectation[];
  readonly span: Span;
}

export interface Header {
  readonly subject: Text | null;
  readonly version: Text | null;
  /** ISO date, e.g. "2026-01-01". */
  readonly effective: { readonly value: string; readonly span: Span } | null;
  readonly total: NumberLiteral | null;
}

export interface Rubric {
  readonly kind: "rubric";
  readonly keywords: KeywordSet;
  readonly id: Name | null;
  readonly title: Text | null;
  readonly header: Header;
  /** Every input, top-level and item-level, in source order. */
  readonly inputs: readonly Input[];
  readonly lets: readonly Let[];
  readonly grades: readonly Grade[];
  readonly vetoes: readonly Veto[];
  readonly items: readonly Item[];
  readonly tests: readonly Test[];
  readonly span: Span;
}
