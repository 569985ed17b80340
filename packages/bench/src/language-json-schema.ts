// A faithful zod 4 schema of the rubric AST (packages/language/src/ast.ts), spans included: what a
// team would write if it kept rubrics as JSON and validated them with zod instead of having a
// language. The benchmark runs JSON.parse + this schema on the real AST, serialized, as the
// baseline for parse + check. `satisfies` ties each node schema to its AST type, so a change to
// the AST that this schema misses fails the typecheck.
import type * as A from "@kaoping/language";
import { z } from "zod";

const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
}) satisfies z.ZodType<A.Span>;

const Text = z.object({
  kind: z.literal("text"),
  value: z.string(),
  block: z.boolean(),
  span: Span,
}) satisfies z.ZodType<A.Text>;

const Name = z.object({
  kind: z.literal("name"),
  name: z.string(),
  quoted: z.boolean(),
  span: Span,
}) satisfies z.ZodType<A.Name>;

const decimal = z.string().regex(/^\d+(?:\.\d+)?$/);

const NumberLiteral = z.object({
  kind: z.literal("number"),
  value: decimal,
  span: Span,
}) satisfies z.ZodType<A.NumberLiteral>;
const PercentLiteral = z.object({
  kind: z.literal("percent"),
  value: decimal,
  span: Span,
}) satisfies z.ZodType<A.PercentLiteral>;
const BoolLiteral = z.object({
  kind: z.literal("bool"),
  value: z.boolean(),
  span: Span,
}) satisfies z.ZodType<A.BoolLiteral>;

// Expressions are recursive: zod 4 builds them with getters, which it resolves lazily.
const Negate = z.object({
  kind: z.literal("negate"),
  get operand() {
    return Expr;
  },
  span: Span,
});
const Arithmetic = z.object({
  kind: z.literal("arithmetic"),
  op: z.enum(["+", "-", "×", "/"]),
  get left() {
    return Expr;
  },
  get right() {
    return Expr;
  },
  span: Span,
});
const Compare = z.object({
  kind: z.literal("compare"),
  op: z.enum([">=", ">", "<=", "<", "=", "≠"]),
  get left() {
    return Expr;
  },
  get right() {
    return Expr;
  },
  span: Span,
});
const Logical = z.object({
  kind: z.literal("logical"),
  op: z.enum(["and", "or"]),
  get left() {
    return Expr;
  },
  get right() {
    return Expr;
  },
  span: Span,
});
const Not = z.object({
  kind: z.literal("not"),
  get operand() {
    return Expr;
  },
  span: Span,
});
const Conditional = z.object({
  kind: z.literal("if"),
  get condition() {
    return Expr;
  },
  get then() {
    return Expr;
  },
  get otherwise() {
    return Expr;
  },
  span: Span,
});
const Call = z.object({
  kind: z.literal("call"),
  fn: z.enum(["min", "max"]),
  get args() {
    return z.array(Expr).min(1);
  },
  span: Span,
});

const Round = z.object({
  kind: z.literal("round"),
  mode: z.enum(["half", "down", "up"]),
  get operand() {
    return Expr;
  },
  get digits() {
    return Expr.nullable();
  },
  span: Span,
});
const PercentPoints = z.object({
  kind: z.literal("percentPoints"),
  get operand() {
    return Expr;
  },
  span: Span,
});

const CohortCall = z.object({
  kind: z.literal("cohort"),
  fn: z.enum(["rank", "max", "min", "average", "size"]),
  get arg() {
    return Expr.nullable();
  },
  ascending: z.boolean(),
  dense: z.boolean(),
  span: Span,
});

const Expr: z.ZodType<A.Expr> = z.discriminatedUnion("kind", [
  NumberLiteral,
  PercentLiteral,
  BoolLiteral,
  Name,
  Negate,
  Arithmetic,
  Compare,
  Logical,
  Not,
  CohortCall,
  Round,
  PercentPoints,
  Conditional,
  Call,
]);

const Literal = z.discriminatedUnion("kind", [
  NumberLiteral,
  PercentLiteral,
  BoolLiteral,
]) satisfies z.ZodType<A.Literal>;
const SignedLiteral = z.union([Literal, Negate]);

const Points = z.object({
  kind: z.literal("points"),
  expr: Expr,
  unit: z.boolean(),
  span: Span,
}) satisfies z.ZodType<A.Points>;

const Clause = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("per"), count: Expr, amount: Points, span: Span }),
  z.object({ kind: z.literal("when"), condition: Expr, amount: Points, span: Span }),
]) satisfies z.ZodType<A.Clause>;

const KnockOut = z.object({ kind: z.literal("knockout"), condition: Expr, span: Span }) satisfies z.ZodType<A.KnockOut>;

const Rule = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("award"),
    amount: Points,
    condition: Expr.nullable(),
    otherwise: Points.nullable(),
    knockOuts: z.array(KnockOut),
    span: Span,
  }),
  z.object({
    kind: z.literal("discretionary"),
    input: Name,
    suggestion: Expr.nullable(),
    knockOuts: z.array(KnockOut),
    span: Span,
  }),
  z.object({
    kind: z.literal("deduction"),
    base: Points,
    clauses: z.array(Clause).min(1),
    cap: z.object({ kind: z.literal("deductionCap"), amount: Points, bare: z.boolean(), span: Span }).nullable(),
    floor: Points.nullable(),
    knockOuts: z.array(KnockOut),
    span: Span,
  }),
  z.object({
    kind: z.literal("bonus"),
    clauses: z.array(Clause).min(1),
    cap: Points.nullable(),
    knockOuts: z.array(KnockOut),
    span: Span,
  }),
]) satisfies z.ZodType<A.Rule>;

const InputType = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("yesno"), span: Span }),
  z.object({ kind: z.literal("count"), span: Span }),
  z.object({ kind: z.literal("number"), unit: Text.nullable(), span: Span }),
  z.object({
    kind: z.literal("percent"),
    range: z.object({ min: z.union([PercentLiteral, Negate]), max: z.union([PercentLiteral, Negate]) }).nullable(),
    span: Span,
  }),
  z.object({
    kind: z.literal("score"),
    min: NumberLiteral,
    max: NumberLiteral,
    step: NumberLiteral.nullable(),
    span: Span,
  }),
]) satisfies z.ZodType<A.InputType>;

const ordinal = z.number().int().min(0);

const Input = z.object({
  kind: z.literal("input"),
  name: Name,
  type: InputType,
  label: Text.nullable(),
  help: Text.nullable(),
  default: SignedLiteral.nullable(),
  item: ordinal.nullable(),
  span: Span,
}) satisfies z.ZodType<A.Input>;

const Let = z.object({
  kind: z.literal("let"),
  name: Name,
  expr: Expr,
  item: ordinal.nullable(),
  span: Span,
}) satisfies z.ZodType<A.Let>;

const Criterion = z.object({
  kind: z.literal("criterion"),
  number: ordinal,
  text: Text.nullable(),
  rule: Rule.nullable(),
  span: Span,
  numberSpan: Span,
}) satisfies z.ZodType<A.Criterion>;

const Item = z.object({
  kind: z.literal("item"),
  number: ordinal,
  title: Text.nullable(),
  standard: NumberLiteral.nullable(),
  content: Text.nullable(),
  criteria: z.array(Criterion),
  span: Span,
  numberSpan: Span,
}) satisfies z.ZodType<A.Item>;

const Grade = z.object({
  kind: z.literal("grade"),
  label: Text,
  min: NumberLiteral.nullable(),
  span: Span,
}) satisfies z.ZodType<A.Grade>;
const Veto = z.object({
  kind: z.literal("veto"),
  reason: Text,
  condition: Expr,
  span: Span,
}) satisfies z.ZodType<A.Veto>;
const Given = z.object({
  kind: z.literal("given"),
  name: Name,
  value: SignedLiteral,
  reason: Text.nullable(),
  span: Span,
}) satisfies z.ZodType<A.Given>;

const ExpectTarget = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("item"), item: ordinal }),
  z.object({ kind: z.literal("criterion"), item: ordinal, criterion: ordinal }),
  z.object({ kind: z.literal("total") }),
  z.object({ kind: z.literal("grade") }),
]) satisfies z.ZodType<A.ExpectTarget>;

const Expectation = z.object({
  kind: z.literal("expect"),
  target: ExpectTarget,
  value: z.union([NumberLiteral, Negate, Text]),
  span: Span,
}) satisfies z.ZodType<A.Expectation>;

const Test = z.object({
  kind: z.literal("test"),
  name: Text.nullable(),
  base: Text.nullable(),
  given: z.array(Given),
  expect: z.array(Expectation),
  span: Span,
}) satisfies z.ZodType<A.Test>;

const Header = z.object({
  subject: Text.nullable(),
  version: Text.nullable(),
  effective: z.object({ value: z.iso.date(), span: Span }).nullable(),
  total: NumberLiteral.nullable(),
}) satisfies z.ZodType<A.Header>;

/** The whole rubric as JSON. */
export const RubricJson = z.object({
  kind: z.literal("rubric"),
  keywords: z.enum(["zh", "en"]),
  id: Name.nullable(),
  title: Text.nullable(),
  header: Header,
  inputs: z.array(Input),
  lets: z.array(Let),
  grades: z.array(Grade),
  vetoes: z.array(Veto),
  items: z.array(Item),
  tests: z.array(Test),
  span: Span,
}) satisfies z.ZodType<A.Rubric>;
