// Test helper: a small rubric around the given declarations and items, with the header the
// checker requires, compiled; fails the test loudly when it does not compile. And scoring by all
// three evaluators (generated code, closures, the interpreter), which must agree to the last digit.
import { expect } from "vitest";
import { compile, type CompileOptions, type CompiledRubric, type ScoreResult } from "../src/index.ts";

/** Wraps declarations and items into a rubric text with declared total `total`. */
export function rubricText(body: string, total: number): string {
  return `评分细则 t "测试细则" {\n  对象 "行政村"\n  满分 ${total}\n${body}\n}\n`;
}

/** An item block with the content the checker asks for. */
export function item(number: number, standard: number, criteria: string): string {
  return `  项目 ${number} "项目${number}" 标准分 ${standard} {\n    内容 "内容"\n${criteria}\n  }`;
}

/** Compiles, or throws with every error so the failing test shows why. */
export function compiled(text: string, options: CompileOptions = {}): CompiledRubric {
  const { rubric, diagnostics } = compile(text, options);
  if (!rubric) {
    throw new Error(diagnostics.map((d) => `${d.code} ${d.severity}: ${d.message.en} @${d.span.start}`).join("\n"));
  }
  return rubric;
}

/** Plain points of a result (reasons dropped), for comparing evaluators. */
export function plain(r: ScoreResult): unknown {
  return {
    total: r.total,
    grade: r.grade,
    veto: r.veto?.reason ?? null,
    items: r.items.map((i) => ({ n: i.number, p: i.points, c: i.criteria.map((c) => c.points) })),
  };
}

export function scorers(text: string): CompiledRubric[] {
  const all = (["generated", "closures", "interpreter"] as const).map((backend) => compiled(text, { backend }));
  expect(all.map((r) => r.backend)).toEqual(["generated", "closures", "interpreter"]);
  return all;
}

/** Scores with every evaluator, explained and not; checks they agree and returns the explained result. */
export function score(text: string, facts: Record<string, unknown>): ScoreResult {
  const [gen, clo, int] = scorers(text) as [CompiledRubric, CompiledRubric, CompiledRubric];
  const a = gen.score(facts);
  expect(plain(clo.score(facts))).toEqual(plain(a));
  expect(plain(int.score(facts))).toEqual(plain(a));
  const e = gen.score(facts, { explain: true });
  expect(plain(e)).toEqual(plain(a));
  return e;
}

export function criterion(r: ScoreResult, i: number, c: number): { points: number; zh: string; outcome: string } {
  const x = r.items.find((it) => it.number === i)?.criteria.find((cc) => cc.number === c);
  if (!x?.reason) throw new Error(`no criterion ${i}.${c}`);
  return { points: x.points, zh: x.reason.zh, outcome: x.reason.outcome };
}
