// Completion: what may be written where the cursor is. At the start of a statement, the keywords
// and idiom snippets of the block (header, item, criterion, test facts, test expectations); inside
// an expression, the declared inputs and derived values with their types and the expression
// keywords; after 单位 the units in use, after `等级 =` the grades. Words are in the file's set.
import type { Input, KeywordSet, MessageLanguage, Rubric, Test } from "@kaoping/language";
import { writeName, writeText } from "@kaoping/language";
import type { RubricDocument } from "./document.ts";
import { keywordInfos, keywordWord, typeWord } from "./keywords.ts";
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Position } from "./protocol.ts";
import { enclosing } from "./symbols.ts";

type L = MessageLanguage;

/** How far back along the line completion looks: longer than any statement's head. */
const CONTEXT = 200;

export function completion(doc: RubricDocument, position: Position, lang: L): CompletionItem[] {
  const rubric = doc.checked.rubric;
  const set = rubric.keywords;
  const offset = doc.lines.offset(position);
  const line = doc.lines.lineText(position.line).slice(0, position.character);
  const statementStart = /^[\s\u3000]*[^\s\u3000"“「=<>≥≤:：]*$/.test(line);
  // The patterns below end at `$` without a start anchor: over a whole hostile line they would take
  // quadratic time, so they read only the last CONTEXT characters before the cursor.
  const before = line.slice(-CONTEXT);
  const word = (concept: string) => keywordWord(concept, set);

  const test = rubric.tests.find((t) => t.span.start < offset && offset < t.span.end);
  if (test) {
    const inside = doc.text.slice(test.span.start, offset);
    const inExpect = inside.lastIndexOf(word("Expect")) > inside.lastIndexOf(word("Given"));
    if (inExpect) {
      if (new RegExp(`${word("Grades")}\\s*[=＝]\\s*\\S*$`).test(before)) return gradeItems(rubric);
      return statementStart ? expectationItems(rubric, set) : [];
    }
    if (/[=＝]\s*\S*$/.test(before)) return valueItems(rubric, before, set);
    return statementStart ? givenItems(rubric, test, set, lang) : [];
  }
  if (new RegExp(`${word("Unit")}\\s*"?[^"]*$`).test(before)) return unitItems(rubric);
  if (new RegExp(`${word("Input")}\\s+\\S+\\s*[:：]\\s*\\S*$`).test(before)) return typeItems(set, lang);

  const { item, criterion } = enclosing(rubric, offset);
  const inBody = (span: { start: number }, headEnd: number) => offset > headEnd && offset >= span.start;
  if (criterion && inBody(criterion.span, criterion.text?.span.end ?? criterion.numberSpan.end)) {
    return statementStart
      ? [...keywordItems(ruleKeywords, set, lang), ...snippets(ruleSnippets, set, lang, {}), ...nameItems(rubric, lang)]
      : expressionItems(rubric, set, lang);
  }
  if (!statementStart) return expressionItems(rubric, set, lang);
  if (item && offset > (item.standard?.span.end ?? item.numberSpan.end)) {
    const next = String(Math.max(0, ...item.criteria.map((c) => c.number)) + 1);
    return [...keywordItems(itemKeywords, set, lang), ...snippets(itemSnippets, set, lang, { next })];
  }
  const next = String(Math.max(0, ...rubric.items.map((i) => i.number)) + 1);
  return [
    ...keywordItems(topKeywords, set, lang),
    ...snippets(topSnippets, set, lang, { next, given: givenLines(rubric.inputs, set) }),
  ];
}

const topKeywords = ["Subject", "Version", "Effective", "Total", "Input", "Let", "Grades", "Veto", "Item", "Test"];
const itemKeywords = ["Content", "Input", "Let", "Criterion"];
const ruleKeywords = [
  "Award",
  "When",
  "Else",
  "Discretionary",
  "Suggest",
  "Base",
  "Deduct",
  "Per",
  "Floor",
  "DeductCap",
  "Bonus",
  "Cap",
  "Zero",
  "PointsUnit",
];
const expressionKeywords = [
  "When",
  "If",
  "Then",
  "Else",
  "And",
  "Or",
  "Not",
  "Yes",
  "No",
  "Min",
  "Max",
  "Round",
  "RoundDown",
  "RoundUp",
  "PercentPoints",
  "PointsUnit",
  "Per",
  "Deduct",
  "Bonus",
  "Cap",
  "Floor",
  "Zero",
];

function keywordItems(concepts: readonly string[], set: KeywordSet, lang: L): CompletionItem[] {
  const other: KeywordSet = set === "zh" ? "en" : "zh";
  return keywordInfos
    .filter((k) => concepts.includes(k.concept))
    .map((k) => ({
      label: k.words[set][0] ?? k.concept,
      kind: CompletionItemKind.Keyword,
      detail: `${k.words[other][0] ?? ""} · ${k.meaning[lang]}`,
      sortText: `2${k.words[set][0]}`,
    }));
}

function expressionItems(rubric: Rubric, set: KeywordSet, lang: L): CompletionItem[] {
  return [...nameItems(rubric, lang), ...keywordItems(expressionKeywords, set, lang)];
}

function nameItems(rubric: Rubric, lang: L): CompletionItem[] {
  const set = rubric.keywords;
  const inputs = rubric.inputs.map((i) => ({
    label: i.name.name,
    kind: CompletionItemKind.Variable,
    detail: `${typeWord(i.type.kind, set)}${i.type.kind === "number" && i.type.unit ? ` (${i.type.unit.value})` : ""}${i.item === null ? "" : ` · ${lang === "zh" ? "项目" : "item"} ${i.item}`}`,
    ...(i.label ? { documentation: { kind: "markdown" as const, value: i.label.value } } : {}),
    insertText: writeName(i.name.name, set),
    sortText: `0${i.name.name}`,
  }));
  const lets = rubric.lets.map((l) => ({
    label: l.name.name,
    kind: CompletionItemKind.Field,
    detail: keywordWord("Let", set),
    insertText: writeName(l.name.name, set),
    sortText: `1${l.name.name}`,
  }));
  return [...inputs, ...lets];
}

function typeItems(set: KeywordSet, lang: L): CompletionItem[] {
  return keywordItems(["YesNoType", "CountType", "NumberType", "PercentType", "ScoreType"], set, lang);
}

function unitItems(rubric: Rubric): CompletionItem[] {
  const units = new Set(
    rubric.inputs.flatMap((i) =>
      i.type.kind === "number" && i.type.unit && i.type.unit.value !== "" ? [i.type.unit.value] : [],
    ),
  );
  return [...units].map((u) => ({ label: u, kind: CompletionItemKind.Unit, insertText: u }));
}

function gradeItems(rubric: Rubric): CompletionItem[] {
  return rubric.grades.map((g, i) => ({
    label: writeText(g.label.value),
    kind: CompletionItemKind.EnumMember,
    ...(g.min ? { detail: `>= ${g.min.value}` } : {}),
    sortText: String(i).padStart(3, "0"),
  }));
}

/** An expectation of the total is written 总分 (满分 is the header's word). */
const totalWord: Record<KeywordSet, string> = { zh: "总分", en: "total" };

function expectationItems(rubric: Rubric, set: KeywordSet): CompletionItem[] {
  const items: CompletionItem[] = [
    {
      label: `${totalWord[set]} =`,
      kind: CompletionItemKind.Snippet,
      insertText: `${totalWord[set]} = \${1:0}`,
      insertTextFormat: InsertTextFormat.Snippet,
    },
  ];
  if (rubric.grades.length > 0) {
    const choices = rubric.grades.map((g) => writeText(g.label.value).replace(/[|,$}\\]/g, (c) => `\\${c}`)).join(",");
    items.push({
      label: `${keywordWord("Grades", set)} =`,
      kind: CompletionItemKind.Snippet,
      insertText: `${keywordWord("Grades", set)} = \${1|${choices}|}`,
      insertTextFormat: InsertTextFormat.Snippet,
    });
  }
  for (const item of rubric.items) {
    items.push({
      label: `${keywordWord("Item", set)} ${item.number} =`,
      kind: CompletionItemKind.Snippet,
      detail: item.title?.value ?? "",
      insertText: `${keywordWord("Item", set)} ${item.number} = \${1:${item.standard?.value ?? 0}}`,
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `1${String(item.number).padStart(5, "0")}`,
    });
    for (const c of item.criteria) {
      items.push({
        label: `${keywordWord("Criterion", set)} ${item.number}.${c.number} =`,
        kind: CompletionItemKind.Snippet,
        detail: c.text?.value ?? "",
        insertText: `${keywordWord("Criterion", set)} ${item.number}.${c.number} = \${1:0}`,
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: `2${String(item.number).padStart(5, "0")}.${String(c.number).padStart(5, "0")}`,
      });
    }
  }
  return items;
}

/** Facts still missing from the test first, each with a placeholder of its type. */
function givenItems(rubric: Rubric, test: Test, set: KeywordSet, lang: L): CompletionItem[] {
  const given = new Set(test.given.map((g) => g.name.name));
  return rubric.inputs.map((i) => ({
    label: i.name.name,
    kind: CompletionItemKind.Variable,
    detail: `${typeWord(i.type.kind, set)}${given.has(i.name.name) ? (lang === "zh" ? " · 已给出" : " · given") : ""}`,
    insertText: `${writeName(i.name.name, set)} = \${1:${placeholder(i, set)}}`,
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `${given.has(i.name.name) ? 1 : 0}${i.name.name}`,
  }));
}

function valueItems(rubric: Rubric, before: string, set: KeywordSet): CompletionItem[] {
  const name = /([^\s=＝]+)\s*[=＝][^=＝]*$/.exec(before)?.[1]?.replace(/^「|」$/g, "");
  const input = rubric.inputs.find((i) => i.name.name === name);
  if (input?.type.kind !== "yesno") return [];
  return ["Yes", "No"].map((c) => ({ label: keywordWord(c, set), kind: CompletionItemKind.Constant }));
}

function placeholder(input: Input, set: KeywordSet): string {
  switch (input.type.kind) {
    case "yesno":
      return keywordWord("Yes", set);
    case "percent":
      return "100%";
    case "score":
      return input.type.max.value;
    default:
      return "0";
  }
}

function givenLines(inputs: readonly Input[], set: KeywordSet): string {
  const required = inputs.filter((i) => !i.default);
  return required.map((i, n) => `    ${writeName(i.name.name, set)} = \${${n + 3}:${placeholder(i, set)}}`).join("\n");
}

// ── Snippets: one per idiom. {Concept} is the keyword in the file's set; {next}, {given} are filled in.

interface Snippet {
  readonly label: Record<L, string>;
  readonly body: Record<KeywordSet, string>;
}

const ruleSnippets: readonly Snippet[] = [
  {
    label: { zh: "门槛得分：得 … 当 …", en: "threshold award: award … when …" },
    body: {
      zh: "{Award} ${1:5} {PointsUnit} {When} ${2:条件}",
      en: "{Award} ${1:5} {PointsUnit} {When} ${2:condition}",
    },
  },
  {
    label: {
      zh: "扣分，扣完为止：基础 … 每 … 扣 … 最低 …",
      en: "deduction with a floor: base … per … deduct … floor …",
    },
    body: {
      zh: "{Base} ${1:10} {PointsUnit} {Per} ${2:违规次数} {Deduct} ${3:1} {PointsUnit} {Floor} ${4:0} {PointsUnit}",
      en: "{Base} ${1:10} {PointsUnit} {Deduct} ${3:1} {PointsUnit} {Per} ${2:violations} {Floor} ${4:0} {PointsUnit}",
    },
  },
  {
    label: {
      zh: "扣分有上限：基础 … 每 … 扣 … 最多扣 …",
      en: "deduction with a cap: base … per … deduct … deduct at most …",
    },
    body: {
      zh: "{Base} ${1:20} {PointsUnit} {Per} ${2:发现问题数} {Deduct} ${3:3} {PointsUnit} {DeductCap} ${4:12} {PointsUnit}",
      en: "{Base} ${1:20} {PointsUnit} {Deduct} ${3:3} {PointsUnit} {Per} ${2:findings} {DeductCap} ${4:12} {PointsUnit}",
    },
  },
  {
    label: {
      zh: "每低1个百分点扣分：基础 … 每 (100% - …) 百分点 扣 …",
      en: "per percentage point short: base … per (100% - …) percentage points deduct …",
    },
    body: {
      zh: "{Base} ${1:10} {PointsUnit} {Per} (${2:100}% - ${3:签订率}) {PercentPoints} {Deduct} ${4:0.5} {PointsUnit}",
      en: "{Base} ${1:10} {PointsUnit} {Deduct} ${4:0.5} {PointsUnit} {Per} (${2:100}% - ${3:rate}) {PercentPoints}",
    },
  },
  {
    label: { zh: "按数量加分，有上限：每 … 加 … 最多 …", en: "bonus per unit with a cap: bonus … per … cap …" },
    body: {
      zh: "{Per} ${1:数量} {Bonus} ${2:1} {PointsUnit} {Cap} ${3:3} {PointsUnit}",
      en: "{Bonus} ${2:1} {PointsUnit} {Per} ${1:count} {Cap} ${3:3} {PointsUnit}",
    },
  },
  {
    label: { zh: "分档得分：若 … 则 … 否则 若 …", en: "tiers: if … then … else if …" },
    body: {
      zh: "{Award} {If} ${1:比率} >= ${2:90}% {Then} ${3:10} {Else} {If} ${1:比率} >= ${4:80}% {Then} ${5:6} {Else} ${6:0}",
      en: "{Award} {If} ${1:rate} >= ${2:90}% {Then} ${3:10} {Else} {If} ${1:rate} >= ${4:80}% {Then} ${5:6} {Else} ${6:0}",
    },
  },
  {
    label: { zh: "酌情评分：酌情 … 建议 …", en: "discretionary: discretionary … suggest …" },
    body: {
      zh: "{Discretionary} ${1:评分输入} {Suggest} ${2:0}",
      en: "{Discretionary} ${1:score_input} {Suggest} ${2:0}",
    },
  },
  {
    label: { zh: "一票不得分：不得分 当 …", en: "knock-out: zero when …" },
    body: { zh: "{Zero} {When} ${1:条件}", en: "{Zero} {When} ${1:condition}" },
  },
];

/** An input declaration of one type; `question` is the number of the question's placeholder. */
function inputSnippet(label: Record<L, string>, type: string, question: number): Snippet {
  return {
    label,
    body: {
      zh: `{Input} \${1:名称}: ${type} "\${${question}:问题}"`,
      en: `{Input} \${1:name}: ${type} "\${${question}:question}"`,
    },
  };
}

const itemSnippets: readonly Snippet[] = [
  {
    label: { zh: "细则 { … }", en: "criterion { … }" },
    body: {
      zh: '{Criterion} ${1:{next}} "${2:评分方法原文}" {\n  $0\n}',
      en: '{Criterion} ${1:{next}} "${2:verbatim text}" {\n  $0\n}',
    },
  },
  inputSnippet({ zh: "输入：是否", en: "input: yesno" }, "{YesNoType}", 2),
  inputSnippet({ zh: "输入：计数", en: "input: count" }, "{CountType}", 2),
  inputSnippet(
    { zh: "输入：评分（酌情）", en: "input: score (discretionary)" },
    "{ScoreType} 0 {To} ${2:4} {Step} ${3:0.1}",
    4,
  ),
];

const topSnippets: readonly Snippet[] = [
  {
    label: { zh: "项目 { … }", en: "item { … }" },
    body: {
      zh: '{Item} ${1:{next}} "${2:标题}" {Standard} ${3:10} {\n  {Content} "${4:考核内容原文}"\n\n  {Criterion} 1 "${5:评分方法原文}" {\n    $0\n  }\n}',
      en: '{Item} ${1:{next}} "${2:title}" {Standard} ${3:10} {\n  {Content} "${4:verbatim content}"\n\n  {Criterion} 1 "${5:verbatim text}" {\n    $0\n  }\n}',
    },
  },
  {
    label: { zh: "一票否决：否决 … 当 …", en: "veto: veto … when …" },
    body: { zh: '{Veto} "${1:理由}" {When} ${2:条件}', en: '{Veto} "${1:reason}" {When} ${2:condition}' },
  },
  {
    label: { zh: "测试 { 已知 … 期望 … }", en: "test { given … expect … }" },
    body: {
      zh: '{Test} "${1:名称}" {\n  {Given} {\n{given}\n  }\n  {Expect} {\n    总分 = ${2:0}\n  }\n}',
      en: '{Test} "${1:name}" {\n  {Given} {\n{given}\n  }\n  {Expect} {\n    total = ${2:0}\n  }\n}',
    },
  },
  {
    label: { zh: "等级 { … }", en: "grades { … }" },
    body: {
      zh: '{Grades} { "${1:优秀}" >= ${2:90}  "${3:良好}" >= ${4:75}  "${5:合格}" >= ${6:60}  "${7:不合格}" }',
      en: '{Grades} { "${1:excellent}" >= ${2:90}  "${3:good}" >= ${4:75}  "${5:pass}" >= ${6:60}  "${7:fail}" }',
    },
  },
];

function snippets(
  list: readonly Snippet[],
  set: KeywordSet,
  lang: L,
  fill: Readonly<Record<string, string>>,
): CompletionItem[] {
  return list.map((s, i) => ({
    label: s.label[lang],
    kind: CompletionItemKind.Snippet,
    insertText: s.body[set].replace(
      /\{(\w+)\}/g,
      (whole, name: string) =>
        fill[name] ?? (keywordInfos.some((k) => k.concept === name) ? keywordWord(name, set) : whole),
    ),
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `3${String(i).padStart(2, "0")}`,
  }));
}
