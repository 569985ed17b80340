// Declarations: each name is declared once (KP302); a derived value uses only inputs and earlier
// derived values (KP305); score ranges make sense (KP406); defaults fit their input (KP405).
import type * as A from "../../ast.ts";
import { diagnostic } from "../../diagnostics/diagnostic.ts";
import { errorType, inputValueType, type CheckContext } from "../context.ts";
import { ExprChecker } from "../types.ts";
import { literalFits, percentBound, quotedName } from "./literal-fits.ts";

export function checkDeclarations(ctx: CheckContext): void {
  const declared = new Map<string, A.Name>();
  const claim = (name: A.Name): boolean => {
    if (name.name === "") return false;
    const previous = declared.get(name.name);
    if (previous) {
      ctx.report(
        diagnostic(
          "KP302",
          name.span,
          { name: name.name },
          { related: [{ span: previous.span, message: { zh: "第一次定义在这里", en: "first defined here" } }] },
        ),
      );
      return false;
    }
    declared.set(name.name, name);
    return true;
  };

  for (const input of ctx.rubric.inputs) {
    checkScoreRange(ctx, input);
    checkPercentRange(ctx, input);
    if (input.default) {
      const fits = literalFits(input, input.default);
      if (fits) ctx.report(diagnostic("KP405", input.default.span, { what: quotedName(input.name.name), type: fits }));
    }
    if (claim(input.name)) ctx.names.set(input.name.name, { kind: "input", input, type: inputValueType(input) });
  }

  const letNames = new Set(ctx.rubric.lets.map((l) => l.name.name));
  const types = new ExprChecker(ctx);
  for (const decl of ctx.rubric.lets) {
    if (!claim(decl.name)) continue;
    const early = namesIn(decl.expr).find((n) => letNames.has(n.name) && !ctx.names.has(n.name));
    if (early) {
      ctx.report(diagnostic("KP305", early.span, { name: early.name }));
      // Its names are still used: the mistake is the order, not a missing use (no KP701/KP702).
      for (const name of namesIn(decl.expr)) ctx.used.add(name.name);
      ctx.names.set(decl.name.name, { kind: "let", let: decl, type: errorType });
      continue;
    }
    ctx.names.set(decl.name.name, { kind: "let", let: decl, type: types.type(decl.expr) });
  }
}

/** `百分比 200% 至 0%` is surely the range reversed: said in plain words, with the swap as the fix. */
function checkPercentRange(ctx: CheckContext, input: A.Input): void {
  if (input.type.kind !== "percent" || !input.type.range) return;
  const { min, max } = input.type.range;
  if (percentBound(min) < percentBound(max)) return;
  const written = (b: A.PercentLiteral | A.Negate): string => `${percentBound(b)}%`;
  ctx.report(
    diagnostic(
      "KP527",
      { start: min.span.start, end: max.span.end },
      { min: written(min), max: written(max) },
      percentBound(min) > percentBound(max)
        ? {
            fixes: [
              {
                title: { zh: "交换上下限", en: "swap the bounds" },
                edits: [
                  { span: min.span, text: written(max) },
                  { span: max.span, text: written(min) },
                ],
              },
            ],
          }
        : {},
    ),
  );
}

function checkScoreRange(ctx: CheckContext, input: A.Input): void {
  if (input.type.kind !== "score") return;
  const { min, max, step } = input.type;
  const lo = Number(min.value);
  const hi = Number(max.value);
  if (lo >= hi) {
    ctx.report(
      diagnostic("KP406", input.type.span, {
        reason: {
          zh: `下限 ${min.value} 不小于上限 ${max.value}`,
          en: `the minimum ${min.value} is not below the maximum ${max.value}`,
        },
      }),
    );
    return;
  }
  if (step) {
    const s = Number(step.value);
    const steps = (hi - lo) / s;
    if (s <= 0 || Math.abs(steps - Math.round(steps)) > 1e-9) {
      ctx.report(
        diagnostic("KP406", step.span, {
          reason: {
            zh: `步长 ${step.value} 不能整分 ${min.value} 至 ${max.value}`,
            en: `step ${step.value} does not divide ${min.value} to ${max.value}`,
          },
        }),
      );
    }
  }
}

/** Every name an expression, or every expression of a rule, refers to. */
export function namesIn(node: A.Expr | A.Rule): A.Name[] {
  switch (node.kind) {
    case "award":
      return [
        node.amount.expr,
        node.condition,
        node.otherwise?.expr,
        ...node.knockOuts.map((k) => k.condition),
      ].flatMap((e) => (e ? namesIn(e) : []));
    case "discretionary":
      return [
        node.input,
        ...(node.suggestion ? namesIn(node.suggestion) : []),
        ...node.knockOuts.flatMap((k) => namesIn(k.condition)),
      ];
    case "deduction":
    case "bonus": {
      const limit =
        node.kind === "deduction" ? [node.base.expr, node.cap?.amount.expr, node.floor?.expr] : [node.cap?.expr];
      const clauses = node.clauses.flatMap((c) => [c.amount.expr, c.kind === "per" ? c.count : c.condition]);
      return [...limit, ...clauses, ...node.knockOuts.map((k) => k.condition)].flatMap((e) => (e ? namesIn(e) : []));
    }
    case "name":
      return [node];
    case "negate":
    case "not":
      return namesIn(node.operand);
    case "arithmetic":
    case "compare":
    case "logical":
      return [...namesIn(node.left), ...namesIn(node.right)];
    case "if":
      return [...namesIn(node.condition), ...namesIn(node.then), ...namesIn(node.otherwise)];
    case "call":
      return node.args.flatMap(namesIn);
    case "cohort":
      return node.arg ? namesIn(node.arg) : [];
    case "round":
      return [...namesIn(node.operand), ...(node.digits ? namesIn(node.digits) : [])];
    case "percentPoints":
      return namesIn(node.operand);
    default:
      return [];
  }
}
