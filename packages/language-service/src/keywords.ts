// What each keyword means, for hover and completion, keyed by its concept (the token category both
// keyword sets share). The words themselves come from the language's keyword table.
import { keywords, type KeywordSet } from "@kaoping/language";

interface Meaning {
  readonly zh: string;
  readonly en: string;
}

const meanings: Readonly<Record<string, Meaning>> = {
  Rubric: { zh: '文件开头：评分细则 编号 "标题" { … }', en: 'file header: rubric <id> "<title>" { … }' },
  Subject: { zh: "考核对象的种类，一段文字", en: "the kind of subject assessed, a text" },
  Version: { zh: "版本，一段文字", en: "the version, a text" },
  Effective: { zh: "生效日期，如 2026-01-01", en: "the date it takes effect, e.g. 2026-01-01" },
  Total: {
    zh: "满分（文件头）；测试期望中的总分",
    en: "the declared total (header); the total in a test's expectations",
  },
  Input: {
    zh: '输入：输入 名称: 类型 "问题" [说明 "…"] [默认 值]',
    en: 'an input: input <name>: <type> "<question>" [help "…"] [default <value>]',
  },
  Help: { zh: "输入的说明文字", en: "the help text of an input" },
  Default: { zh: "输入的默认值（不写则必填）", en: "the default value of an input (without one the fact is required)" },
  YesNoType: { zh: "类型：是 / 否", en: "type: yes / no" },
  CountType: { zh: "类型：不小于 0 的整数", en: "type: a whole number ≥ 0" },
  NumberType: { zh: "类型：不小于 0 的数，可带单位", en: "type: a decimal ≥ 0, with an optional unit" },
  Unit: { zh: '数值的单位，如 单位 "万元"', en: 'the unit of a number, e.g. unit "万元"' },
  PercentType: { zh: "类型：0% 至 100%", en: "type: 0 % to 100 %" },
  ScoreType: {
    zh: "类型：酌情评分，评分 0 至 4 [步长 0.1]",
    en: "type: a discretionary score, score 0 to 4 [step 0.1]",
  },
  To: { zh: "评分范围的上限", en: "the top of a score range" },
  Step: { zh: "评分的步长", en: "the step of a score" },
  Let: { zh: "派生值：令 名称 = 表达式", en: "a derived value: let <name> = <expr>" },
  Item: { zh: '项目：项目 编号 "标题" 标准分 分数 { … }', en: 'an item: item <n> "<title>" standard <points> { … }' },
  Standard: { zh: "项目的标准分：各细则满分之和", en: "an item's standard points: the sum of its criteria's maxima" },
  Content: { zh: "考核内容的原文", en: "the verbatim 考核内容 text" },
  Criterion: {
    zh: '细则：细则 编号 "评分方法原文" { 规则 }',
    en: 'a criterion: criterion <n> "<verbatim text>" { <rule> }',
  },
  Award: { zh: "得分规则：条件成立时得分", en: "award rule: the amount when the condition holds" },
  When: { zh: "条件", en: "a condition" },
  Else: { zh: "条件不成立时的值", en: "the value when the condition does not hold" },
  Discretionary: {
    zh: "酌情评分：由考核人员评定，引用评分类型的输入",
    en: "discretionary rule: the assessor's score, an input of type score",
  },
  Suggest: {
    zh: "酌情评分的建议值：只作提示，不自动采用",
    en: "the suggested discretionary score: shown, never applied",
  },
  Base: { zh: "扣分规则的基础分", en: "the base of a deduction rule" },
  Deduct: { zh: "扣分", en: "deduct points" },
  Per: { zh: "每：按数量计", en: "per: times a count" },
  Floor: { zh: "扣分的下限（不写为 0，扣完为止）", en: "the floor of deductions (0 when not written)" },
  Bonus: { zh: "加分：计在标准分之外", en: "bonus points, on top of the standard points" },
  Cap: { zh: "加分的上限", en: "the cap of a bonus" },
  DeductCap: { zh: "扣分合计的上限（与最低分不同）", en: "the most a deduction takes, apart from its floor" },
  Zero: { zh: "不得分：条件成立时本条细则得 0 分", en: "knock-out: the criterion scores 0 when the condition holds" },
  PointsUnit: { zh: "分（可省略）", en: "points (optional)" },
  Grades: { zh: "等级：总分达到的第一档", en: "grades: the first band the total reaches" },
  Veto: { zh: "一票否决：条件成立时总分为 0", en: "veto: the total is 0 when the condition holds" },
  Test: { zh: "测试：已知事实和期望得分", en: "a test: given facts and expected points" },
  Given: { zh: "测试给出的事实", en: "the facts a test gives" },
  Based: { zh: "基于前面的测试：继承它的事实", en: "based on an earlier test: inherits its facts" },
  Reason: { zh: "酌情评分的理由", en: "the reason of a discretionary score" },
  Expect: { zh: "测试期望的得分", en: "the points a test expects" },
  If: { zh: "若 条件 则 值 否则 值", en: "if <cond> then <value> else <value>" },
  Then: { zh: "条件成立时的值", en: "the value when the condition holds" },
  And: { zh: "并且", en: "both hold" },
  Or: { zh: "或者", en: "either holds" },
  Not: { zh: "不成立", en: "does not hold" },
  Yes: { zh: "是", en: "yes" },
  No: { zh: "否", en: "no" },
  Min: { zh: "最小值：最小(a, b, …)", en: "the least: min(a, b, …)" },
  Max: { zh: "最大值：最大(a, b, …)", en: "the greatest: max(a, b, …)" },
  Round: { zh: "四舍五入：四舍五入(x, 位数)", en: "round half away from zero: round(x, digits)" },
  RoundDown: { zh: "向下取整：向下取整(x[, 位数])", en: "round toward −∞: rounddown(x[, digits])" },
  RoundUp: { zh: "向上取整：向上取整(x[, 位数])", en: "round toward +∞: roundup(x[, digits])" },
  PercentPoints: {
    zh: "百分比按百分点计：(100% - 签订率) 百分点",
    en: "a percent in points: (100% - rate) percentage points",
  },
};

export interface KeywordInfo {
  /** The concept's name, e.g. "Award". */
  readonly concept: string;
  readonly words: Readonly<Record<KeywordSet, readonly string[]>>;
  readonly meaning: Meaning;
}

const byWord = new Map<string, KeywordInfo>();
export const keywordInfos: readonly KeywordInfo[] = keywords.map((k) => {
  const info = { concept: k.token.name, words: k.words, meaning: meanings[k.token.name] ?? { zh: "", en: "" } };
  for (const w of [...k.words.zh, ...k.words.en]) byWord.set(w, info);
  return info;
});

/** The keyword a word is, in either set. */
export function keywordOfWord(word: string): KeywordInfo | undefined {
  return byWord.get(word);
}

/** A keyword's concept from a token's categories (the concrete token of 得 has category Award). */
export function keywordOfToken(categories: readonly { readonly name: string }[] | undefined): KeywordInfo | undefined {
  const concept = categories?.find((c) => c.name in meanings)?.name;
  return concept ? keywordInfos.find((k) => k.concept === concept) : undefined;
}

/** The canonical word of a keyword concept in a set: keywordWord("Award", "en") is "award". */
export function keywordWord(concept: string, set: KeywordSet): string {
  return keywordInfos.find((k) => k.concept === concept)?.words[set][0] ?? concept;
}

const typeConcepts = {
  yesno: "YesNoType",
  count: "CountType",
  number: "NumberType",
  percent: "PercentType",
  score: "ScoreType",
} as const;

/** The keyword of an input type in a set: typeWord("count", "zh") is "计数". */
export function typeWord(kind: keyof typeof typeConcepts, set: KeywordSet): string {
  return keywordWord(typeConcepts[kind], set);
}
