// Cohort figures in the checker: their names in messages, the one-stage rule (a figure is taken
// of each subject's own values, never of another figure, directly or through a derived value), and
// the shares of the cohort whose range is known whatever the cohort (x ÷ 最高值(x), min–max scaling).
import type * as A from "../ast.ts";
import type { SymbolEntry } from "./context.ts";

const WORDS: Record<A.CohortFunction, string> = {
  rank: "名次",
  max: "最高值",
  min: "最低值",
  average: "平均值",
  size: "参评数",
};

/** `名次(办结率, 升序)`: how a cohort figure is named in messages and guard keys. */
export function cohortKey(expr: A.CohortCall, key: (e: A.Expr) => string): string {
  if (expr.arg === null) return WORDS.size;
  const options = `${expr.ascending ? ", 升序" : ""}${expr.dense ? ", 密集" : ""}`;
  return `${WORDS[expr.fn]}(${key(expr.arg)}${options})`;
}

/** The first cohort figure an expression depends on, and the derived value it is reached through. */
export function cohortDependency(
  expr: A.Expr,
  names: ReadonlyMap<string, SymbolEntry>,
  seen: Set<string> = new Set(),
): { figure: A.CohortCall; via: string | null } | null {
  switch (expr.kind) {
    case "cohort":
      return { figure: expr, via: null };
    case "name": {
      const entry = names.get(expr.name);
      if (entry?.kind !== "let" || seen.has(expr.name)) return null;
      seen.add(expr.name);
      const found = cohortDependency(entry.let.expr, names, seen);
      return found && { figure: found.figure, via: found.via ?? expr.name };
    }
    case "negate":
    case "not":
      return cohortDependency(expr.operand, names, seen);
    case "arithmetic":
    case "compare":
    case "logical":
      return cohortDependency(expr.left, names, seen) ?? cohortDependency(expr.right, names, seen);
    case "if":
      return (
        cohortDependency(expr.condition, names, seen) ??
        cohortDependency(expr.then, names, seen) ??
        cohortDependency(expr.otherwise, names, seen)
      );
    case "call":
      for (const a of expr.args) {
        const found = cohortDependency(a, names, seen);
        if (found) return found;
      }
      return null;
    default:
      return null;
  }
}

function figureOf(expr: A.Expr, fn: A.CohortFunction, key: string, keyOf: (e: A.Expr) => string): boolean {
  return expr.kind === "cohort" && expr.fn === fn && expr.arg !== null && keyOf(expr.arg) === key;
}

/**
 * Whether `left ÷ right` is a share of the cohort: "leader" for x ÷ 最高值(x) (within [0, 1] when
 * x is never negative), "scaled" for (x − 最低值(x)) ÷ (最高值(x) − 最低值(x)) or its reverse
 * (最高值(x) − x) ÷ (最高值(x) − 最低值(x)) (always within [0, 1]); null otherwise.
 */
export function cohortShare(left: A.Expr, right: A.Expr, keyOf: (e: A.Expr) => string): "leader" | "scaled" | null {
  if (figureOf(right, "max", keyOf(left), keyOf)) return "leader";
  if (left.kind !== "arithmetic" || left.op !== "-" || right.kind !== "arithmetic" || right.op !== "-") return null;
  const range = (x: string) => figureOf(right.left, "max", x, keyOf) && figureOf(right.right, "min", x, keyOf);
  const up = range(keyOf(left.left)) && figureOf(left.right, "min", keyOf(left.left), keyOf);
  const down = range(keyOf(left.right)) && figureOf(left.left, "max", keyOf(left.right), keyOf);
  return up || down ? "scaled" : null;
}
