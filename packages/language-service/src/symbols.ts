// The symbol index: every place an input, derived value, item, criterion, grade or test is
// declared or mentioned, tests included. Definition, references, rename, hover, highlighting and
// the "declare this input" fix all read it.
import type { Criterion, Expr, Item, Rubric, Rule, Span } from "@kaoping/language";

/** What a name's place asks of its value: a yes/no condition, a percent, or another number. */
export type Role = "condition" | "percent" | "number";

export interface Occurrence {
  /** `name:培训人数`, `item:3`, `criterion:3.1`, `grade:优秀`, `test:全部达标`. */
  readonly key: string;
  readonly span: Span;
  readonly declaration: boolean;
  /** Names in rules: what their place asks of them. */
  readonly role?: Role;
  /** Names in rules: the criterion that reads them ("3.1"), or null in a derived value or veto. */
  readonly reader?: string | null;
}

export const keyOf = {
  name: (name: string) => `name:${name}`,
  item: (item: number) => `item:${item}`,
  criterion: (item: number, criterion: number) => `criterion:${item}.${criterion}`,
  grade: (label: string) => `grade:${label}`,
  test: (name: string) => `test:${name}`,
};

export class SymbolIndex {
  /** Sorted by position. */
  readonly occurrences: readonly Occurrence[];
  private readonly byKey = new Map<string, Occurrence[]>();

  constructor(rubric: Rubric, text: string) {
    const found: Occurrence[] = [];
    const add = (o: Occurrence) => found.push(o);
    for (const input of rubric.inputs)
      add({ key: keyOf.name(input.name.name), span: input.name.span, declaration: true });
    for (const l of rubric.lets) {
      add({ key: keyOf.name(l.name.name), span: l.name.span, declaration: true });
      names(l.expr, "number", null, add);
    }
    for (const veto of rubric.vetoes) names(veto.condition, "condition", null, add);
    for (const grade of rubric.grades)
      add({ key: keyOf.grade(grade.label.value), span: grade.label.span, declaration: true });
    for (const item of rubric.items) {
      add({ key: keyOf.item(item.number), span: item.numberSpan, declaration: true });
      for (const criterion of item.criteria) {
        add({ key: keyOf.criterion(item.number, criterion.number), span: criterion.numberSpan, declaration: true });
        if (criterion.rule) ruleNames(criterion.rule, `${item.number}.${criterion.number}`, add);
      }
    }
    for (const test of rubric.tests) {
      if (test.name) add({ key: keyOf.test(test.name.value), span: test.name.span, declaration: true });
      if (test.base) add({ key: keyOf.test(test.base.value), span: test.base.span, declaration: false });
      for (const given of test.given)
        add({ key: keyOf.name(given.name.name), span: given.name.span, declaration: false });
      for (const e of test.expect) {
        if (e.target.kind === "grade" && e.value.kind === "text")
          add({ key: keyOf.grade(e.value.value), span: e.value.span, declaration: false });
        if (e.target.kind !== "item" && e.target.kind !== "criterion") continue;
        // The expectation keeps its whole span; the numbers are read back from the text.
        const numbers = /^\S+?[ \t\u3000]*([0-9０-９]+)(?:[.．]([0-9０-９]+))?/.exec(
          text.slice(e.span.start, e.span.end),
        );
        const itemDigits = numbers?.[1];
        if (!numbers || itemDigits === undefined) continue;
        const itemStart =
          e.span.start +
          numbers[0].length -
          (numbers[2] === undefined ? itemDigits.length : itemDigits.length + 1 + numbers[2].length);
        add({
          key: keyOf.item(e.target.item),
          span: { start: itemStart, end: itemStart + itemDigits.length },
          declaration: false,
        });
        if (e.target.kind === "criterion" && numbers[2] !== undefined) {
          const criterionStart = itemStart + itemDigits.length + 1;
          add({
            key: keyOf.criterion(e.target.item, e.target.criterion),
            span: { start: criterionStart, end: criterionStart + numbers[2].length },
            declaration: false,
          });
        }
      }
    }
    found.sort((a, b) => a.span.start - b.span.start);
    this.occurrences = found;
    for (const o of found) {
      const list = this.byKey.get(o.key);
      if (list) list.push(o);
      else this.byKey.set(o.key, [o]);
    }
  }

  /** The occurrence under an offset (its end included, where a cursor after a name stands). */
  at(offset: number): Occurrence | undefined {
    let lo = 0;
    let hi = this.occurrences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const o = this.occurrences[mid] as Occurrence;
      if (o.span.end < offset) lo = mid + 1;
      else if (o.span.start > offset) hi = mid - 1;
      else return o;
    }
    return undefined;
  }

  of(key: string): readonly Occurrence[] {
    return this.byKey.get(key) ?? [];
  }
}

/** The item and criterion holding an offset, innermost first. */
export function enclosing(rubric: Rubric, offset: number): { item?: Item; criterion?: Criterion } {
  const item = rubric.items.find((i) => i.span.start <= offset && offset <= i.span.end);
  const criterion = item?.criteria.find((c) => c.span.start <= offset && offset <= c.span.end);
  return { ...(item ? { item } : {}), ...(criterion ? { criterion } : {}) };
}

type Add = (o: Occurrence) => void;

function ruleNames(rule: Rule, reader: string, add: Add): void {
  for (const k of rule.knockOuts) names(k.condition, "condition", reader, add);
  switch (rule.kind) {
    case "award":
      names(rule.amount.expr, "number", reader, add);
      if (rule.condition) names(rule.condition, "condition", reader, add);
      if (rule.otherwise) names(rule.otherwise.expr, "number", reader, add);
      return;
    case "discretionary":
      add({ key: keyOf.name(rule.input.name), span: rule.input.span, declaration: false, role: "number", reader });
      if (rule.suggestion) names(rule.suggestion, "number", reader, add);
      return;
    case "deduction":
    case "bonus":
      if (rule.kind === "deduction") names(rule.base.expr, "number", reader, add);
      for (const clause of rule.clauses) {
        names(clause.amount.expr, "number", reader, add);
        if (clause.kind === "per") names(clause.count, "number", reader, add);
        else names(clause.condition, "condition", reader, add);
      }
      if (rule.kind === "deduction" && rule.cap) names(rule.cap.amount.expr, "number", reader, add);
      if (rule.kind === "deduction" && rule.floor) names(rule.floor.expr, "number", reader, add);
      if (rule.kind === "bonus" && rule.cap) names(rule.cap.expr, "number", reader, add);
      return;
  }
}

function names(expr: Expr, role: Role, reader: string | null, add: Add): void {
  switch (expr.kind) {
    case "name":
      if (expr.name !== "") add({ key: keyOf.name(expr.name), span: expr.span, declaration: false, role, reader });
      return;
    case "number":
    case "percent":
    case "bool":
      return;
    case "negate":
      names(expr.operand, "number", reader, add);
      return;
    case "not":
      names(expr.operand, "condition", reader, add);
      return;
    case "logical":
      names(expr.left, "condition", reader, add);
      names(expr.right, "condition", reader, add);
      return;
    case "compare": {
      // 认证率 >= 30% asks for a percent; 培训人数 >= 60% × 企业数 compares counts.
      const side = (other: Expr): Role => (other.kind === "percent" ? "percent" : "number");
      names(expr.left, side(expr.right), reader, add);
      names(expr.right, side(expr.left), reader, add);
      return;
    }
    case "arithmetic":
      names(expr.left, "number", reader, add);
      names(expr.right, "number", reader, add);
      return;
    case "if":
      names(expr.condition, "condition", reader, add);
      names(expr.then, role, reader, add);
      names(expr.otherwise, role, reader, add);
      return;
    case "call":
      for (const arg of expr.args) names(arg, "number", reader, add);
      return;
    case "cohort":
      if (expr.arg) names(expr.arg, "number", reader, add);
      return;
    case "round":
      names(expr.operand, "number", reader, add);
      if (expr.digits) names(expr.digits, "number", reader, add);
      return;
    case "percentPoints":
      names(expr.operand, "number", reader, add);
      return;
  }
}
