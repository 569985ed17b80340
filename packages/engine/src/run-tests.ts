// runTests: the rubric's own 测试 blocks, scored with explanations and compared exactly.

import { targetName } from "@kaoping/language";
import type { ExpectTarget, Span } from "./ast.ts";
import { internalsOf } from "./compile.ts";
import type { CompiledRubric } from "./compiled-rubric.ts";
import { formatScaled, scaledFromNumber } from "./decimal.ts";
import type { Message } from "./diagnostics.ts";
import type { ScoreResult } from "./result.ts";
import type { FactError } from "./schema.ts";

export interface TestFailure {
  readonly target: ExpectTarget;
  /** "项目 3" / "item 3", "细则 2.2", "总分", "等级". */
  readonly what: Message;
  readonly expected: number | string;
  /** Null when the rubric has no such item or criterion. */
  readonly actual: number | string | null;
  /** Why the engine computed `actual`: the reasons of the criteria involved. */
  readonly explanation: Message;
}

export interface TestOutcome {
  readonly name: string;
  readonly span: Span;
  readonly passed: boolean;
  readonly failures: readonly TestFailure[];
  /** The test's facts did not validate (each bad field); the test then fails. */
  readonly factErrors: readonly FactError[];
  readonly result: ScoreResult | null;
}

/** Points compare exactly, as decimals. */
function samePoints(actual: number, expected: bigint): boolean {
  return scaledFromNumber(actual) === expected;
}

function explainItem(result: ScoreResult, item: number): Message {
  const it = result.items.find((i) => i.number === item);
  if (!it) return { zh: `没有项目 ${item}`, en: `there is no item ${item}` };
  const zh = it.criteria.map((c) => `细则 ${item}.${c.number}：${c.points} 分 — ${c.reason?.zh ?? ""}`);
  const en = it.criteria.map((c) => `criterion ${item}.${c.number}: ${c.points} — ${c.reason?.en ?? ""}`);
  return { zh: zh.join("\n"), en: en.join("\n") };
}

function explainTotal(result: ScoreResult): Message {
  const parts = result.items.map((i) => `${i.points}`).join(" + ");
  const veto = result.veto ? result.veto.explanation : null;
  return {
    zh: veto ? veto.zh : `各项目得分 ${parts} = ${result.total}`,
    en: veto ? veto.en : `item points ${parts} = ${result.total}`,
  };
}

function check(result: ScoreResult, target: ExpectTarget, expected: bigint | string): TestFailure | null {
  const shown = typeof expected === "string" ? expected : Number(formatScaled(expected));
  const fail = (actual: number | string | null, explanation: Message): TestFailure => ({
    target,
    what: targetName(target),
    expected: shown,
    actual,
    explanation,
  });
  switch (target.kind) {
    case "item": {
      const it = result.items.find((i) => i.number === target.item);
      if (!it || typeof expected === "string" || !samePoints(it.points, expected)) {
        return fail(it ? it.points : null, explainItem(result, target.item));
      }
      return null;
    }
    case "criterion": {
      const it = result.items.find((i) => i.number === target.item);
      const c = it?.criteria.find((x) => x.number === target.criterion);
      if (!c || typeof expected === "string" || !samePoints(c.points, expected)) {
        const reason = c?.reason;
        return fail(
          c ? c.points : null,
          reason ? { zh: reason.zh, en: reason.en } : { zh: "没有这条细则", en: "no such criterion" },
        );
      }
      return null;
    }
    case "total":
      if (typeof expected === "string" || !samePoints(result.total, expected))
        return fail(result.total, explainTotal(result));
      return null;
    case "grade":
      if (result.grade !== expected) {
        return fail(result.grade, { zh: `总分 ${result.total}`, en: `total ${result.total}` });
      }
      return null;
  }
}

/**
 * Runs every test written in the rubric; a test passes when all its expectations hold exactly.
 * In a rubric with cohort rules the tests are scored together, as one cohort whose members are
 * the tests (a test whose facts are invalid is not a member): each test is one subject of it.
 */
export function runTests(rubric: CompiledRubric): TestOutcome[] {
  const { tests } = internalsOf(rubric);
  const cohort =
    rubric.cohortFigures.length > 0
      ? rubric.scoreCohort(
          tests.map((t, i) => ({ id: String(i), facts: t.facts })),
          { explain: true },
        )
      : null;
  return tests.map((t, i) => {
    const v = rubric.validate(t.facts);
    if (!v.ok) {
      return { name: t.name, span: t.span, passed: false, failures: [], factErrors: v.errors, result: null };
    }
    const member = cohort?.[i];
    const result = member?.ok ? member.result : rubric.score(v.facts, { explain: true });
    const failures: TestFailure[] = [];
    for (const e of t.expect) {
      const f = check(result, e.target, e.value);
      if (f) failures.push(f);
    }
    return { name: t.name, span: t.span, passed: failures.length === 0, failures, factErrors: [], result };
  });
}
