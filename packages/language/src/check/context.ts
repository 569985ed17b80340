// What every check rule sees: the tree, the symbol table, the types found so far, and a way to
// report. Rules never throw; they report and go on.
import type * as A from "../ast.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

/** The type of an expression, as the checker sees it. */
export type Type =
  | { readonly kind: "bool" }
  | { readonly kind: "num"; readonly dim: Dimension }
  /** Already reported: stays silent so that one mistake gives one diagnostic. */
  | { readonly kind: "error" };

/**
 * What a number measures. `plain` is a bare literal, which fits any measure but a ratio;
 * `ratio` is a percent or a quotient of like measures; `number` is a number with no unit.
 */
export type Dimension = "count" | "plain" | "ratio" | "points" | "number" | { readonly unit: string };

export type SymbolEntry =
  | { readonly kind: "input"; readonly input: A.Input; readonly type: Type }
  | { readonly kind: "let"; readonly let: A.Let; type: Type };

export interface Symbols {
  /** Every declared name (NFC) and what it is. */
  readonly names: ReadonlyMap<string, SymbolEntry>;
}

export interface CheckContext {
  readonly rubric: A.Rubric;
  readonly names: Map<string, SymbolEntry>;
  /** Names referenced anywhere outside their own declaration. */
  readonly used: Set<string>;
  report(diagnostic: Diagnostic): void;
}

export const boolType: Type = { kind: "bool" };
export const errorType: Type = { kind: "error" };
export function numType(dim: Dimension): Type {
  return { kind: "num", dim };
}

/** The type of an input's value in expressions. */
export function inputValueType(input: A.Input): Type {
  switch (input.type.kind) {
    case "yesno":
      return boolType;
    case "count":
      return numType("count");
    case "number":
      return numType(input.type.unit ? { unit: input.type.unit.value } : "number");
    case "percent":
      return numType("ratio");
    case "score":
      return numType("points");
  }
}
