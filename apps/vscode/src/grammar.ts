// The TextMate grammar (syntax colouring before the server answers, and where no server runs),
// built from the language's own keyword table so that both keyword sets are always complete.
import { keywords } from "@kaoping/language";

/** Which TextMate scope each keyword concept gets. */
const scopes: Readonly<Record<string, string>> = {
  Rubric: "keyword.other.declaration",
  Input: "keyword.other.declaration",
  Let: "keyword.other.declaration",
  Item: "keyword.other.declaration",
  Criterion: "keyword.other.declaration",
  Grades: "keyword.other.declaration",
  Veto: "keyword.other.declaration",
  Test: "keyword.other.declaration",
  Given: "keyword.other.declaration",
  Expect: "keyword.other.declaration",
  YesNoType: "storage.type",
  CountType: "storage.type",
  NumberType: "storage.type",
  PercentType: "storage.type",
  ScoreType: "storage.type",
  Yes: "constant.language",
  No: "constant.language",
  Min: "support.function",
  Max: "support.function",
  And: "keyword.operator.logical",
  Or: "keyword.operator.logical",
  Not: "keyword.operator.logical",
};

/** A keyword stands apart: no letter, digit or _ right before or after it (Chinese has no spaces). */
function words(list: readonly string[]): string {
  const sorted = [...list].sort((a, b) => b.length - a.length);
  return `(?<![\\p{L}\\p{N}_])(?:${sorted.join("|")})(?![\\p{L}\\p{N}_])`;
}

export function buildGrammar(): object {
  const byScope = new Map<string, string[]>();
  for (const k of keywords) {
    const scope = `${scopes[k.token.name] ?? "keyword.control"}.kaoping-rubric`;
    byScope.set(scope, [...(byScope.get(scope) ?? []), ...k.words.zh, ...k.words.en]);
  }
  return {
    $schema: "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
    name: "Kaoping rubric",
    scopeName: "source.kaoping-rubric",
    patterns: [
      { name: "comment.line.number-sign.kaoping-rubric", match: "#.*$" },
      { name: "string.quoted.triple.kaoping-rubric", begin: '"""', end: '"""' },
      {
        name: "string.quoted.double.kaoping-rubric",
        begin: '"',
        end: '"|$',
        patterns: [{ name: "constant.character.escape.kaoping-rubric", match: "\\\\." }],
      },
      { name: "string.quoted.other.kaoping-rubric", begin: "“", end: "”|$" },
      { name: "variable.other.quoted.kaoping-rubric", match: "「[^」\\r\\n]*」" },
      { name: "constant.numeric.date.kaoping-rubric", match: "\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b" },
      { name: "constant.numeric.kaoping-rubric", match: "[0-9０-９]+(?:[.．][0-9０-９]+)?[%％]?" },
      ...[...byScope].map(([name, list]) => ({ name, match: words(list) })),
      { name: "keyword.operator.kaoping-rubric", match: ">=|<=|!=|==|[≥≤≠=<>+\\-×*/÷＝＋－＞＜]" },
      { name: "punctuation.section.block.kaoping-rubric", match: "[{}｛｝]" },
    ],
  };
}
