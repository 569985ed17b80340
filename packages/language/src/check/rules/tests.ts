// A test gives every required input once (its own or from the test it is based on, KP606), with values of the input's type (KP601, KP603, KP604,
// KP405), and expects only items, criteria and grades that exist, once each (KP602, KP605).
import type * as A from "../../ast.ts";
import { diagnostic, type Fix, type Message } from "../../diagnostics/diagnostic.ts";
import { writeName, writeText } from "../../lex/tokens.ts";
import type { CheckContext } from "../context.ts";
import { suggestName } from "../suggest.ts";
import { targetName } from "../target-name.ts";
import { baseTest, testFacts } from "../test-facts.ts";
import { literalFits, quotedName } from "./literal-fits.ts";

export function checkTests(ctx: CheckContext): void {
  const inputs = new Map(ctx.rubric.inputs.map((i) => [i.name.name, i]));
  for (const test of ctx.rubric.tests) {
    const given = new Set<string>();
    for (const entry of test.given) {
      const input = inputs.get(entry.name.name);
      if (!input) {
        ctx.report(
          diagnostic(
            "KP601",
            entry.name.span,
            { name: entry.name.name },
            suggestName(entry.name.name, notGiven(test, inputs), entry.name.span, (n) =>
              writeName(n, ctx.rubric.keywords),
            ),
          ),
        );
        continue;
      }
      if (given.has(entry.name.name)) {
        ctx.report(diagnostic("KP604", entry.name.span, { name: entry.name.name }));
        continue;
      }
      given.add(entry.name.name);
      const fits = literalFits(input, entry.value);
      if (fits) ctx.report(diagnostic("KP405", entry.value.span, { what: quotedName(input.name.name), type: fits }));
    }
    const all = new Set(testFacts(ctx.rubric, test).map((g) => g.name.name));
    const missing = ctx.rubric.inputs.filter((i) => !i.default && !all.has(i.name.name)).map((i) => i.name.name);
    if (test.base && !baseTest(ctx.rubric, test)) {
      ctx.report(
        diagnostic(
          "KP606",
          test.base.span,
          { name: test.base.value },
          baseHelp(ctx.rubric, test, test.base.value, test.base.span),
        ),
      );
    } else if (missing.length > 0)
      ctx.report(diagnostic("KP603", test.name?.span ?? test.span, { names: missing.join("、") }));
    checkExpectations(ctx, test);
  }
}

/** Inputs the test does not give itself: the only names a misspelt one can have meant. */
function notGiven(test: A.Test, inputs: ReadonlyMap<string, A.Input>): string[] {
  const given = new Set(test.given.map((g) => g.name.name));
  return [...inputs.keys()].filter((name) => !given.has(name));
}

/** A test named later cannot be a base (facts flow downwards): say so, or suggest an earlier name. */
function baseHelp(
  rubric: A.Rubric,
  test: A.Test,
  name: string,
  span: A.Span,
): { help?: Message; fixes?: readonly Fix[] } {
  const index = rubric.tests.indexOf(test);
  if (rubric.tests.slice(index + 1).some((t) => t.name?.value === name)) {
    return {
      help: {
        zh: `测试「${name}」写在后面：把它移到这个测试之前`,
        en: `test "${name}" comes later: move it above this one`,
      },
    };
  }
  return suggestName(
    name,
    rubric.tests.slice(0, Math.max(0, index)).flatMap((t) => (t.name ? [t.name.value] : [])),
    span,
    writeText,
  );
}

function checkExpectations(ctx: CheckContext, test: A.Test): void {
  const seen = new Set<string>();
  for (const expectation of test.expect) {
    const target = describeTarget(expectation.target);
    if (seen.has(target.en)) {
      ctx.report(diagnostic("KP605", expectation.span, { target }));
      continue;
    }
    seen.add(target.en);
    if (!targetExists(ctx.rubric, expectation.target)) {
      ctx.report(diagnostic("KP602", expectation.span, { target }));
      continue;
    }
    const wantsText = expectation.target.kind === "grade";
    const isText = expectation.value.kind === "text";
    if (wantsText !== isText) {
      const type = wantsText
        ? { zh: "带引号的等级名称", en: "a quoted grade name" }
        : { zh: "分数", en: "a number of points" };
      ctx.report(diagnostic("KP405", expectation.value.span, { what: target, type }));
    }
  }
}

function targetExists(rubric: A.Rubric, target: A.ExpectTarget): boolean {
  switch (target.kind) {
    case "item":
      return rubric.items.some((i) => i.number === target.item);
    case "criterion":
      return rubric.items.some(
        (i) => i.number === target.item && i.criteria.some((c) => c.number === target.criterion),
      );
    case "total":
      return true;
    case "grade":
      return rubric.grades.length > 0;
  }
}

/** A target as diagnostics quote it: 「项目 2」 / item 2, 「总分」 / the total. */
function describeTarget(target: A.ExpectTarget): Message {
  const name = targetName(target);
  const article = target.kind === "total" || target.kind === "grade" ? "the " : "";
  return { zh: `「${name.zh}」`, en: `${article}${name.en}` };
}
