// Hover: on an input its type, range, question and the criteria that read it; on a criterion or
// item its verbatim sheet text, least and most points (from the engine's bounds), facts that reach
// them (a criterion's) and the tests that reach them or expect it; on a grade or test what it is;
// on a keyword its meaning and its form in the other keyword set.
import type { CriterionBounds, ItemBounds, TestOutcome } from "@kaoping/engine";
import {
  lex,
  type Criterion,
  type Input,
  type Item,
  type KeywordSet,
  type MessageLanguage,
  type Span,
} from "@kaoping/language";
import type { RubricDocument } from "./document.ts";
import { keywordOfToken, keywordWord, typeWord, type KeywordInfo } from "./keywords.ts";
import type { Hover, Position } from "./protocol.ts";
import { enclosing, keyOf, type Occurrence } from "./symbols.ts";
import { witnesses, type Witness } from "./witness.ts";

type L = MessageLanguage;

export function hover(doc: RubricDocument, position: Position, lang: L): Hover | null {
  const offset = doc.lines.offset(position);
  const rubric = doc.checked.rubric;
  const occurrence = doc.index.at(offset);
  const answer = (span: Span, lines: readonly (string | null)[]): Hover => ({
    contents: { kind: "markdown", value: lines.filter((l) => l !== null).join("\n\n") },
    range: doc.lines.range(span),
  });
  if (occurrence) {
    const [kind, ...rest] = occurrence.key.split(":");
    const id = rest.join(":");
    if (kind === "name") {
      const input = rubric.inputs.find((i) => i.name.name === id);
      if (input) return answer(occurrence.span, inputHover(doc, input, lang));
      const derived = rubric.lets.find((l) => l.name.name === id);
      if (derived) {
        const readers = readersOf(doc, id, lang);
        return answer(occurrence.span, [
          `**${keywordWord("Let", rubric.keywords)} ${id}** = \`${doc.text.slice(derived.expr.span.start, derived.expr.span.end)}\``,
          readers,
        ]);
      }
      return null;
    }
    if (kind === "grade") {
      const grade = rubric.grades.find((g) => g.label.value === id);
      if (!grade) return null;
      const band = grade.min
        ? lang === "zh"
          ? `总分达到 ${grade.min.value} 分`
          : `a total of ${grade.min.value} or more`
        : lang === "zh"
          ? "其余总分"
          : "every other total";
      return answer(occurrence.span, [`**${lang === "zh" ? "等级" : "grade"}「${md(id)}」**`, band]);
    }
    if (kind === "test") return answer(occurrence.span, testHover(doc, id, lang));
  }
  const { item, criterion } = enclosing(rubric, offset);
  if (item && criterion && inHead(criterion, offset))
    return answer(headSpan(criterion), criterionHover(doc, item, criterion, lang));
  if (item && !criterion && inHead(item, offset)) return answer(headSpan(item), itemHover(doc, item, lang));
  const keyword = keywordAt(doc, offset);
  if (keyword) return answer(keyword.span, keywordHover(keyword.info, rubric.keywords, lang));
  return null;
}

function inputHover(doc: RubricDocument, input: Input, lang: L): (string | null)[] {
  const set = doc.checked.rubric.keywords;
  const t = input.type;
  const type = typeWord(t.kind, set);
  const unit = t.kind === "number" && t.unit ? ` ${keywordWord("Unit", set)} "${md(t.unit.value)}"` : "";
  const range = (() => {
    switch (t.kind) {
      case "yesno":
        return lang === "zh" ? "是或否" : "yes or no";
      case "count":
        return lang === "zh" ? "不小于 0 的整数" : "a whole number, 0 or more";
      case "number":
        return lang === "zh"
          ? `不小于 0 的数${t.unit ? `（${t.unit.value}）` : ""}`
          : `a number, 0 or more${t.unit ? ` (${t.unit.value})` : ""}`;
      case "percent":
        return "0% – 100%";
      case "score": {
        const step = t.step ? (lang === "zh" ? `，步长 ${t.step.value}` : `, step ${t.step.value}`) : "";
        return `${t.min.value} – ${t.max.value}${step}`;
      }
    }
  })();
  const where =
    input.item === null
      ? lang === "zh"
        ? "全文通用"
        : "rubric-wide"
      : lang === "zh"
        ? `项目 ${input.item}`
        : `item ${input.item}`;
  return [
    `**${keywordWord("Input", set)} ${md(input.name.name)}**: ${type}${unit} · ${where}`,
    input.label ? `${md(input.label.value)}` : null,
    input.help ? `*${md(input.help.value)}*` : null,
    `${lang === "zh" ? "取值" : "values"}: ${range}${input.default ? ` · ${lang === "zh" ? "默认" : "default"} ${doc.text.slice(input.default.span.start, input.default.span.end)}` : ""}`,
    readersOf(doc, input.name.name, lang),
  ];
}

/** Which criteria (and derived values, vetoes) read a name. */
function readersOf(doc: RubricDocument, name: string, lang: L): string {
  const reads = doc.index.of(keyOf.name(name)).filter((o: Occurrence) => o.reader !== undefined);
  const readers = [
    ...new Set(reads.map((o) => o.reader ?? (lang === "zh" ? "派生值或否决" : "a derived value or veto"))),
  ];
  if (readers.length === 0) return lang === "zh" ? "没有规则读取它" : "no rule reads it";
  const label = (r: string) => {
    const [i, c] = r.split(".").map(Number);
    const text = doc.checked.rubric.items.find((x) => x.number === i)?.criteria.find((x) => x.number === c)
      ?.text?.value;
    return c === undefined ? r : `${lang === "zh" ? "细则" : "criterion"} ${r}${text ? ` “${md(short(text))}”` : ""}`;
  };
  return `${lang === "zh" ? "读取它的" : "read by"}: ${readers.map(label).join(lang === "zh" ? "；" : "; ")}`;
}

function criterionHover(doc: RubricDocument, item: Item, criterion: Criterion, lang: L): (string | null)[] {
  const set = doc.checked.rubric.keywords;
  const bounds = doc.compiled.rubric
    ?.bounds()
    .items.find((i) => i.number === item.number)
    ?.criteria.find((c) => c.number === criterion.number);
  const points = (t: TestOutcome) =>
    t.result?.items.find((i) => i.number === item.number)?.criteria.find((c) => c.number === criterion.number)?.points;
  const compiled = doc.compiled.rubric;
  const read = [
    ...new Set(
      doc.index.occurrences
        .filter((o) => o.reader === `${item.number}.${criterion.number}`)
        .map((o) => o.key.slice("name:".length)),
    ),
  ];
  const found =
    compiled && bounds
      ? doc.memo(`witnesses:${item.number}.${criterion.number}`, () =>
          witnesses(compiled, item.number, criterion.number, read, bounds),
        )
      : {};
  const example = (w: Witness | undefined, which: { zh: string; en: string }) => {
    if (!w) return null;
    const values = Object.entries(w.facts).map(
      ([name, v]) => `${md(name)} = ${typeof v === "boolean" ? keywordWord(v ? "Yes" : "No", set) : v}`,
    );
    return `${which[lang]}${values.length > 0 ? values.join(lang === "zh" ? "，" : ", ") : lang === "zh" ? "任何事实" : "any facts"}`;
  };
  return [
    `**${keywordWord("Criterion", set)} ${item.number}.${criterion.number}**${criterion.rule ? ` · ${ruleName(criterion.rule.kind, lang)}` : ""}`,
    criterion.text ? `> ${md(criterion.text.value)}` : null,
    boundsLine(bounds, doc.tests, points, lang),
    example(found.least, { zh: `得 ${bounds?.least} 分的例子：`, en: `${bounds?.least} points, e.g. ` }),
    example(found.most, { zh: `得 ${bounds?.most} 分的例子：`, en: `${bounds?.most} points, e.g. ` }),
    testsLine(doc, item.number, criterion.number, points, lang),
  ];
}

function itemHover(doc: RubricDocument, item: Item, lang: L): (string | null)[] {
  const set = doc.checked.rubric.keywords;
  const bounds = doc.compiled.rubric?.bounds().items.find((i) => i.number === item.number);
  const points = (t: TestOutcome) => t.result?.items.find((i) => i.number === item.number)?.points;
  return [
    `**${keywordWord("Item", set)} ${item.number}${item.title ? ` ${md(item.title.value)}` : ""}** · ${keywordWord("Standard", set)} ${item.standard?.value ?? "?"}`,
    item.content ? `> ${md(item.content.value)}` : null,
    lang === "zh"
      ? `${item.criteria.length} 条细则`
      : `${item.criteria.length} ${item.criteria.length === 1 ? "criterion" : "criteria"}`,
    boundsLine(bounds, doc.tests, points, lang),
    testsLine(doc, item.number, null, points, lang),
  ];
}

/** Least and most points, and a test of the rubric's own that reaches each, when one does. */
function boundsLine(
  bounds: CriterionBounds | ItemBounds | undefined,
  tests: readonly TestOutcome[],
  points: (t: TestOutcome) => number | undefined,
  lang: L,
): string {
  if (!bounds)
    return lang === "zh"
      ? "*得分范围要等评分细则没有错误时才能算出*"
      : "*points range: available once the rubric has no errors*";
  const most = bounds.most === null ? (lang === "zh" ? "不设上限" : "no most") : String(bounds.most);
  const reaching = (value: number | null) => (value === null ? undefined : tests.find((t) => points(t) === value));
  const witness = (t: TestOutcome | undefined) =>
    t ? (lang === "zh" ? `（测试「${md(t.name)}」）` : ` (test “${md(t.name)}”)`) : "";
  return lang === "zh"
    ? `最低 ${bounds.least} 分${witness(reaching(bounds.least))}，最高 ${most}${bounds.most === null ? "" : " 分"}${witness(reaching(bounds.most))}`
    : `least ${bounds.least}${witness(reaching(bounds.least))}, most ${most}${witness(reaching(bounds.most))}`;
}

/** The tests that expect this criterion (or item), with what the engine computes for each. */
function testsLine(
  doc: RubricDocument,
  item: number,
  criterion: number | null,
  points: (t: TestOutcome) => number | undefined,
  lang: L,
): string {
  const rubric = doc.checked.rubric;
  const expecting = rubric.tests.filter((t) =>
    t.expect.some(
      (e) =>
        (e.target.kind === "criterion" &&
          e.target.item === item &&
          (criterion === null || e.target.criterion === criterion)) ||
        (e.target.kind === "item" && e.target.item === item),
    ),
  );
  if (expecting.length === 0) return lang === "zh" ? "没有测试期望它的得分" : "no test expects its points";
  const outcome = (name: string | undefined) => doc.tests.find((o) => o.name === name);
  const list = expecting.map((t) => {
    const o = outcome(t.name?.value);
    const p = o ? points(o) : undefined;
    const mark = o ? (o.passed ? "✓" : "✗") : "";
    return `${mark}「${md(t.name?.value ?? "?")}」${p === undefined ? "" : ` ${p}`}`;
  });
  return `${lang === "zh" ? "测试" : "tests"}: ${list.join(" ")}`;
}

function testHover(doc: RubricDocument, name: string, lang: L): (string | null)[] {
  const test = doc.checked.rubric.tests.find((t) => t.name?.value === name);
  if (!test) return [lang === "zh" ? `没有名为「${md(name)}」的测试` : `there is no test named “${md(name)}”`];
  const outcome = doc.tests.find((o) => o.name === name);
  const status = !outcome
    ? null
    : outcome.passed
      ? lang === "zh"
        ? "✓ 通过"
        : "✓ passes"
      : lang === "zh"
        ? `✗ ${outcome.failures.length} 处不符`
        : `✗ ${outcome.failures.length} failing`;
  return [
    `**${keywordWord("Test", doc.checked.rubric.keywords)}「${md(name)}」**${test.base ? ` ${keywordWord("Based", doc.checked.rubric.keywords)}「${md(test.base.value)}」` : ""}`,
    lang === "zh"
      ? `已知 ${test.given.length} 项，期望 ${test.expect.length} 项`
      : `${test.given.length} facts, ${test.expect.length} expectations`,
    status,
    outcome?.result
      ? lang === "zh"
        ? `总分 ${outcome.result.total}${outcome.result.grade ? `，等级「${md(outcome.result.grade)}」` : ""}`
        : `total ${outcome.result.total}${outcome.result.grade ? `, grade “${md(outcome.result.grade)}”` : ""}`
      : null,
  ];
}

function keywordHover(info: KeywordInfo, set: KeywordSet, lang: L): (string | null)[] {
  const other: KeywordSet = set === "zh" ? "en" : "zh";
  return [`**${info.words[set].join(" / ")}** · ${info.words[other].join(" / ")}`, info.meaning[lang]];
}

/** The keyword under an offset: its line is lexed alone (cheap, and a keyword never spans lines). */
function keywordAt(doc: RubricDocument, offset: number): { info: KeywordInfo; span: Span } | null {
  const { line } = doc.lines.position(offset);
  const lineStart = doc.lines.lineStart(line);
  // The keyword set is read from the first word: an English line is lexed after `rubric`.
  const prefix = doc.checked.rubric.keywords === "en" ? "rubric " : "";
  const column = offset - lineStart + prefix.length;
  const token = lex(prefix + doc.lines.lineText(line)).tokens.find(
    (t) => t.startOffset <= column && column <= t.startOffset + t.image.length,
  );
  const info = token ? keywordOfToken(token.tokenType.CATEGORIES) : undefined;
  if (!token || !info) return null;
  const start = lineStart + token.startOffset - prefix.length;
  return { info, span: { start, end: start + token.image.length } };
}

function inHead(node: Item | Criterion, offset: number): boolean {
  return offset <= headSpan(node).end;
}

/** From the keyword to the end of the title or text: where hovering means the whole block. */
function headSpan(node: Item | Criterion): Span {
  const end =
    node.kind === "item"
      ? (node.standard?.span.end ?? node.title?.span.end ?? node.numberSpan.end)
      : (node.text?.span.end ?? node.numberSpan.end);
  return { start: node.span.start, end };
}

function ruleName(kind: string, lang: L): string {
  const names: Record<string, { zh: string; en: string }> = {
    award: { zh: "得分", en: "award" },
    discretionary: { zh: "酌情评分", en: "discretionary" },
    deduction: { zh: "扣分", en: "deduction" },
    bonus: { zh: "加分", en: "bonus" },
  };
  return names[kind]?.[lang] ?? kind;
}

function short(text: string): string {
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
}

/** Markdown-escapes a verbatim text, so that a sheet's `*` or `_` shows as written. */
export function md(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (c) => `\\${c}`);
}
