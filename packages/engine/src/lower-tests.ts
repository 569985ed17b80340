// Lowering tests (测试 blocks): each test's given values become the facts an assessor would send,
// its expectations scaled points or grade labels.

import { testFacts } from "@kaoping/language";
import type * as A from "./ast.ts";
import { parseDecimal } from "./decimal.ts";
import { engineDiagnostic, type EngineDiagnostic } from "./diagnostics.ts";
import type { InputKind, RubricIR } from "./ir.ts";

/** A fact as JSON carries it (see the input schema). */
export type FactValue = boolean | number | { readonly value: number; readonly reason: string };

export interface TestIR {
  readonly name: string;
  readonly span: A.Span;
  /** Facts as an assessor would send them, built from the test's 已知 block. */
  readonly facts: Readonly<Record<string, FactValue>>;
  readonly expect: readonly ExpectIR[];
}

export interface ExpectIR {
  readonly target: A.ExpectTarget;
  /** Scaled points, or a grade label. */
  readonly value: bigint | string;
  readonly span: A.Span;
}

/** The tests of a rubric already lowered to `ir`; an expectation that is not a number is reported. */
export function lowerTests(ast: A.Rubric, ir: RubricIR, diagnostics: EngineDiagnostic[]): TestIR[] {
  const byName = new Map(ir.inputs.map((i) => [i.name, i]));
  return ast.tests.map((t, index) => {
    const facts: Record<string, FactValue> = {};
    for (const g of testFacts(ast, t)) {
      const input = byName.get(g.name.name);
      const value = givenValue(g.value, input?.kind);
      const fact: FactValue =
        g.reason !== null && typeof value === "number" ? { value, reason: g.reason.value } : value;
      Object.defineProperty(facts, g.name.name, {
        value: fact,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    const expect: ExpectIR[] = [];
    for (const e of t.expect) {
      if (e.value.kind === "text") {
        expect.push({ target: e.target, value: e.value.value, span: e.span });
        continue;
      }
      const negative = e.value.kind === "negate";
      const literal = e.value.kind === "negate" ? e.value.operand : e.value;
      const parsed = literal.kind === "number" ? parseDecimal(literal.value) : null;
      if (parsed === null) {
        diagnostics.push(engineDiagnostic("KP806", e.value.span, { text: literalText(literal) }));
        continue;
      }
      expect.push({ target: e.target, value: negative ? -parsed : parsed, span: e.span });
    }
    return { name: t.name?.value ?? `#${index + 1}`, span: t.span, facts, expect };
  });
}

function literalText(e: A.Expr): string {
  return e.kind === "number" || e.kind === "percent" ? e.value : e.kind;
}

/** A test's given literal as the JSON fact an assessor would send (percent as percent points). */
function givenValue(v: A.Literal | A.Negate, kind: InputKind | undefined): boolean | number {
  switch (v.kind) {
    case "bool":
      return v.value;
    case "number":
    case "percent":
      // Percent facts are percent points whatever way the test writes them (40% or 40).
      return kind === "percent" || v.kind === "number" ? Number(v.value) : Number(v.value) / 100;
    case "negate": {
      const inner = v.operand;
      return inner.kind === "number" || inner.kind === "percent" ? -Number(inner.value) : Number.NaN;
    }
  }
}
