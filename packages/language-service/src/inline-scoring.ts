// Inline scoring: with a test of the file or a facts object chosen, inlay hints show what each
// criterion and item scores for those facts and the total, recomputed for every version of the
// rules. Code lenses on each test offer to choose it, and say whether it passes.
import type { ScoreResult } from "@kaoping/engine";
import type { MessageLanguage } from "@kaoping/language";
import type { RubricDocument } from "./document.ts";
import type { CodeLens, InlayHint, Range } from "./protocol.ts";

/** The facts to score with: one of the file's tests, by name, or a facts object (as the API takes). */
export type FactsSource = { readonly test: string } | { readonly facts: unknown };

export type ScoringAnswer = { readonly hints: InlayHint[] } | { readonly error: string };

export const scoreWithCommand = "kaoping.scoreWith";

export function inlayHints(
  doc: RubricDocument,
  range: Range,
  source: FactsSource,
  lang: MessageLanguage,
): ScoringAnswer {
  const scored = score(doc, source, lang);
  if ("error" in scored) return scored;
  const result = scored.result;
  const span = doc.lines.span(range);
  const rubric = doc.checked.rubric;
  const pts = (n: number) => (lang === "zh" ? `${n} 分` : `${n} ${n === 1 ? "point" : "points"}`);
  const hints: InlayHint[] = [];
  const at = (offset: number, label: string, tooltip?: string) => {
    if (offset < span.start || offset > span.end) return;
    hints.push({
      position: doc.lines.position(offset),
      label,
      kind: 1,
      paddingLeft: true,
      ...(tooltip ? { tooltip } : {}),
    });
  };
  const header = rubric.title ?? rubric.id;
  if (header) {
    const grade = result.grade ? (lang === "zh" ? ` · 等级「${result.grade}」` : ` · grade “${result.grade}”`) : "";
    const veto = result.veto
      ? lang === "zh"
        ? ` · 否决：${result.veto.reason}`
        : ` · veto: ${result.veto.reason}`
      : "";
    at(header.span.end, `${lang === "zh" ? "总分" : "total"} ${result.total}${grade}${veto}`, scored.label);
  }
  // Items and criteria are matched by position in the file: numbers may repeat while being edited.
  rubric.items.forEach((item, i) => {
    const scoredItem = result.items[i];
    if (!scoredItem || scoredItem.number !== item.number) return;
    at(
      item.standard?.span.end ?? item.title?.span.end ?? item.numberSpan.end,
      `= ${pts(scoredItem.points)}`,
      scored.label,
    );
    item.criteria.forEach((criterion, j) => {
      const c = scoredItem.criteria[j];
      if (!c || c.number !== criterion.number) return;
      at(criterion.text?.span.end ?? criterion.numberSpan.end, `= ${pts(c.points)}`, c.reason?.[lang] ?? scored.label);
    });
  });
  return { hints };
}

function score(
  doc: RubricDocument,
  source: FactsSource,
  lang: MessageLanguage,
): { result: ScoreResult; label: string } | { error: string } {
  const compiled = doc.compiled.rubric;
  if (!compiled)
    return { error: lang === "zh" ? "评分细则有错误，无法计分" : "the rubric has errors: it cannot score" };
  if ("test" in source) {
    const outcome = doc.tests.find((t) => t.name === source.test);
    if (!outcome)
      return { error: lang === "zh" ? `没有名为「${source.test}」的测试` : `there is no test named "${source.test}"` };
    if (!outcome.result)
      return { error: outcome.factErrors.map((e) => e.message[lang]).join(lang === "zh" ? "；" : "; ") };
    return { result: outcome.result, label: lang === "zh" ? `测试「${source.test}」` : `test “${source.test}”` };
  }
  const valid = compiled.validate(source.facts);
  if (!valid.ok) return { error: valid.errors.map((e) => e.message[lang]).join(lang === "zh" ? "；" : "; ") };
  return {
    result: compiled.score(valid.facts, { explain: true }),
    label: lang === "zh" ? "所选事实" : "the chosen facts",
  };
}

/** On each test: whether it passes, and the command that scores the file inline with it. */
export function codeLenses(doc: RubricDocument, lang: MessageLanguage): CodeLens[] {
  const outcomes = doc.tests;
  return doc.checked.rubric.tests.flatMap((test) => {
    if (!test.name) return [];
    const name = test.name.value;
    const outcome = outcomes.find((o) => o.name === name);
    const status = !outcome
      ? ""
      : outcome.passed
        ? lang === "zh"
          ? "✓ 通过 · "
          : "✓ passes · "
        : lang === "zh"
          ? `✗ ${outcome.failures.length || outcome.factErrors.length} 处不符 · `
          : `✗ ${outcome.failures.length || outcome.factErrors.length} failing · `;
    const title = `${status}${lang === "zh" ? "用此测试行内计分" : "score inline with this test"}`;
    return [
      {
        range: doc.lines.range(test.span),
        command: { title, command: scoreWithCommand, arguments: [doc.uri, { test: name }] },
      },
    ];
  });
}
