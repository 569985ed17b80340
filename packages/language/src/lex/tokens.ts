// Token types. Keywords are concepts (`Award`) that the grammar consumes; each keyword set
// (Chinese, English) has its own concrete tokens in the concept's category, so one grammar parses
// both and the formatter can print either.
import { createToken, Lexer, type CustomPatternMatcherFunc, type IToken, type TokenType } from "chevrotain";
import type { KeywordSet, Span } from "../ast.ts";

// Chevrotain drops a pattern's `u` flag, so letters are explicit ranges: Latin, Greek, Cyrillic,
// CJK (with extension A and compatibility ideographs), full-width Latin, and astral CJK as
// surrogate pairs.
const letter =
  "A-Za-z_\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFF21-\\uFF3A\\uFF41-\\uFF5A";
const astral = "[\\uD840-\\uD87F][\\uDC00-\\uDFFF]";
const digit = "0-9\\uFF10-\\uFF19";

/** Every token but braces: what the parser skips, as one error, where no statement can start. */
export const AnyToken = createToken({ name: "AnyToken", pattern: Lexer.NA });
/** A text in any of its written forms. */
export const TextToken = createToken({ name: "TextToken", pattern: Lexer.NA });
/** A name, bare or quoted. */
export const NameToken = createToken({ name: "NameToken", pattern: Lexer.NA });

export const Identifier = createToken({
  name: "Identifier",
  categories: [NameToken, AnyToken],
  pattern: new RegExp(`(?:[${letter}]|${astral})(?:[${letter}${digit}]|${astral})*`),
});

/**
 * `open`…`close` on one line, as /「[^」\r\n]*」/ would match. That pattern rescans the rest of the
 * line from every unclosed 「, quadratic in the line's length (40,000 「 took 3 s); a scan that
 * found no close up to a line break proves there is none from any later 「 before that break,
 * so one lexing pass (one `tokens` array) remembers it and stays linear.
 */
function sameLine(open: string, close: string): CustomPatternMatcherFunc {
  let pass: IToken[] | undefined;
  let noCloseBefore = -1;
  return (text, offset, tokens) => {
    if (text.charAt(offset) !== open) return null;
    if (tokens === pass && offset < noCloseBefore) return null;
    let i = offset + 1;
    for (; i < text.length; i++) {
      const c = text.charAt(i);
      if (c === close) return [text.slice(offset, i + 1)];
      if (c === "\n" || c === "\r") break;
    }
    pass = tokens;
    noCloseBefore = i;
    return null;
  };
}

/** A name written as 「…」, which may hold any character but 」 and line breaks. */
export const QuotedName = createToken({
  name: "QuotedName",
  pattern: { exec: sameLine("「", "」") },
  start_chars_hint: ["「"],
  line_breaks: false,
  categories: [NameToken, AnyToken],
});

/** One keyword concept: its grammar category and its words in each set (the first is canonical). */
/**
 * Every binary operator (或 且, comparisons, + - × /) and every prefix operator (非 -): the grammar
 * reads an expression as operands and operators, and the lowering applies their precedence.
 */
export const BinaryOp = createToken({ name: "BinaryOp", pattern: Lexer.NA });
export const PrefixOp = createToken({ name: "PrefixOp", pattern: Lexer.NA });

export interface Keyword {
  readonly token: TokenType;
  readonly words: Readonly<Record<KeywordSet, readonly string[]>>;
}

const keywordList: Keyword[] = [];

function keyword(name: string, zh: readonly string[], en: readonly string[], categories: TokenType[] = []): TokenType {
  const token = createToken({ name, pattern: Lexer.NA, categories });
  keywordList.push({ token, words: { zh, en } });
  return token;
}

export const Rubric = keyword("Rubric", ["评分细则"], ["rubric"]);
export const Subject = keyword("Subject", ["对象"], ["subject"]);
export const Version = keyword("Version", ["版本"], ["version"]);
export const Effective = keyword("Effective", ["生效"], ["effective"]);
export const Total = keyword("Total", ["满分", "总分"], ["total"]);
export const Input = keyword("Input", ["输入"], ["input"]);
export const Help = keyword("Help", ["说明"], ["help"]);
export const Default = keyword("Default", ["默认"], ["default"]);
export const YesNoType = keyword("YesNoType", ["是否"], ["yesno"]);
export const CountType = keyword("CountType", ["计数"], ["count"]);
export const NumberType = keyword("NumberType", ["数值"], ["number"]);
export const Unit = keyword("Unit", ["单位"], ["unit"]);
export const PercentType = keyword("PercentType", ["百分比"], ["percent"]);
export const ScoreType = keyword("ScoreType", ["评分"], ["score"]);
export const To = keyword("To", ["至"], ["to"]);
export const Step = keyword("Step", ["步长"], ["step"]);
export const Let = keyword("Let", ["令"], ["let"]);
export const Item = keyword("Item", ["项目"], ["item"]);
export const Standard = keyword("Standard", ["标准分"], ["standard"]);
export const Content = keyword("Content", ["内容"], ["content"]);
export const Criterion = keyword("Criterion", ["细则"], ["criterion"]);
export const Award = keyword("Award", ["得"], ["award"]);
export const When = keyword("When", ["当"], ["when"]);
export const Else = keyword("Else", ["否则"], ["else"]);
export const Discretionary = keyword("Discretionary", ["酌情"], ["discretionary"]);
export const Suggest = keyword("Suggest", ["建议"], ["suggest"]);
export const Base = keyword("Base", ["基础"], ["base"]);
export const Deduct = keyword("Deduct", ["扣"], ["deduct"]);
export const Per = keyword("Per", ["每"], ["per"]);
export const Floor = keyword("Floor", ["最低"], ["floor"]);
export const Bonus = keyword("Bonus", ["加"], ["bonus"]);
export const Cap = keyword("Cap", ["最多"], ["cap"]);
/** The most a deduction's clauses take together, apart from its floor ("最多扣12分"). */
export const DeductCap = keyword("DeductCap", ["最多扣"], ["deduct at most"]);
export const Zero = keyword("Zero", ["不得分"], ["zero"]);
export const PointsUnit = keyword("PointsUnit", ["分"], ["points", "point"]);
export const Grades = keyword("Grades", ["等级"], ["grades", "grade"]);
export const Veto = keyword("Veto", ["否决"], ["veto"]);
export const Test = keyword("Test", ["测试"], ["test"]);
export const Given = keyword("Given", ["已知"], ["given"]);
export const Based = keyword("Based", ["基于"], ["from"]);
export const Reason = keyword("Reason", ["理由"], ["reason"]);
export const Expect = keyword("Expect", ["期望"], ["expect"]);
export const If = keyword("If", ["若", "如果"], ["if"]);
export const Then = keyword("Then", ["则"], ["then"]);
export const And = keyword("And", ["且", "并且"], ["and"], [BinaryOp]);
export const Or = keyword("Or", ["或", "或者"], ["or"], [BinaryOp]);
export const Not = keyword("Not", ["非"], ["not"], [PrefixOp]);
export const Yes = keyword("Yes", ["是"], ["yes"]);
export const No = keyword("No", ["否"], ["no"]);
export const Min = keyword("Min", ["最小"], ["min"]);
export const Max = keyword("Max", ["最大"], ["max"]);
// Cohort functions: figures over the other subjects of the period (or of the subject's category).
export const Rank = keyword("Rank", ["名次"], ["rank"]);
export const CohortMax = keyword("CohortMax", ["最高值"], ["cohortmax"]);
export const CohortMin = keyword("CohortMin", ["最低值"], ["cohortmin"]);
export const CohortAverage = keyword("CohortAverage", ["平均值"], ["cohortavg"]);
export const CohortSize = keyword("CohortSize", ["参评数"], ["cohortsize"]);
export const Ascending = keyword("Ascending", ["升序"], ["ascending"]);
export const Dense = keyword("Dense", ["密集"], ["dense"]);
/** Rounding: half away from zero (as offices and Excel do), toward −∞, toward +∞. */
export const Round = keyword("Round", ["四舍五入"], ["round"]);
export const RoundDown = keyword("RoundDown", ["向下取整"], ["rounddown"]);
export const RoundUp = keyword("RoundUp", ["向上取整"], ["roundup"]);
/** A percent counted in percentage points: `(100% - 签订率) 百分点` is 5 at 95%. */
export const PercentPoints = keyword("PercentPoints", ["百分点"], ["percentage points"]);

export const keywords: readonly Keyword[] = keywordList;

// ── Literals and punctuation (shared by both sets) ──────────────────────────────────────────

function token(name: string, pattern: RegExp, categories: TokenType[] = [], lineBreaks = false): TokenType {
  return createToken({ name, pattern, categories: [...categories, AnyToken], line_breaks: lineBreaks });
}

export const DateLiteral = token("DateLiteral", /\d{4}-\d{1,2}-\d{1,2}(?![\d.])/);
export const NumberLiteral = token("NumberLiteral", new RegExp(`[${digit}]+(?:[.．][${digit}]+)?`));
export const PercentSign = token("PercentSign", /[%％]/);
export const BlockText = token("BlockText", /"""[\s\S]*?"""/, [TextToken], true);
export const LineText = token("LineText", /"(?:[^"\\\r\n]|\\.)*"/, [TextToken]);
/** “…” written with curly quotes: read as a text, reported with the fix. */
export const CurlyText = createToken({
  name: "CurlyText",
  pattern: { exec: sameLine("“", "”") },
  start_chars_hint: ["“"],
  line_breaks: false,
  categories: [TextToken, AnyToken],
});
/** A text whose closing quote is missing: read to the end of the line (or file), reported. */
export const UnterminatedText = token("UnterminatedText", /"""[\s\S]*|"(?:[^"\\\r\n]|\\.)*/, [TextToken], true);

/** Operator categories, so that the grammar consumes one token type instead of choosing among several. */
export const CompareOp = createToken({ name: "CompareOp", pattern: Lexer.NA, categories: [BinaryOp] });
export const AddOp = createToken({ name: "AddOp", pattern: Lexer.NA, categories: [BinaryOp] });
export const MulOp = createToken({ name: "MulOp", pattern: Lexer.NA, categories: [BinaryOp] });

export const GreaterEqual = token("GreaterEqual", /(?:>=|≥|＞＝|>＝|＞=)/, [CompareOp]);
export const LessEqual = token("LessEqual", /(?:<=|≤|＜＝|<＝|＜=)/, [CompareOp]);
export const NotEqual = token("NotEqual", /(?:!=|≠|！＝)/, [CompareOp]);
export const Greater = token("Greater", /[>＞]/, [CompareOp]);
export const Less = token("Less", /[<＜]/, [CompareOp]);
export const Equals = token("Equals", /(?:==|=|＝)/, [CompareOp]);
export const Plus = token("Plus", /[+＋]/, [AddOp]);
export const Minus = token("Minus", /[-－−]/, [AddOp, PrefixOp]);
export const Times = token("Times", /[×*＊]/, [MulOp]);
export const Divide = token("Divide", /[/÷／]/, [MulOp]);
export const LParen = token("LParen", /[(（]/);
export const RParen = token("RParen", /[)）]/);
export const LBrace = createToken({ name: "LBrace", pattern: /[{｛]/ });
export const RBrace = createToken({ name: "RBrace", pattern: /[}｝]/ });
export const Comma = token("Comma", /[,，、]/);
export const Colon = token("Colon", /:/);
/** ： is read as : and reported with the fix. */
export const FullWidthColon = token("FullWidthColon", /：/, [Colon]);
/** 。；; have no meaning: skipped and reported. */
export const StrayPunctuation = createToken({ name: "StrayPunctuation", pattern: /[。；;]/, group: "stray" });

export const Comment = createToken({ name: "Comment", pattern: /#[^\r\n]*/, group: "comments" });
export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n\u3000\u00A0\uFEFF\f\v]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

const punctuation: TokenType[] = [
  AnyToken,
  BinaryOp,
  PrefixOp,
  CompareOp,
  AddOp,
  MulOp,
  TextToken,
  NameToken,
  WhiteSpace,
  Comment,
  BlockText,
  LineText,
  CurlyText,
  UnterminatedText,
  QuotedName,
  DateLiteral,
  NumberLiteral,
  PercentSign,
  GreaterEqual,
  LessEqual,
  NotEqual,
  Greater,
  Less,
  Equals,
  Plus,
  Minus,
  Times,
  Divide,
  LParen,
  RParen,
  LBrace,
  RBrace,
  Comma,
  Colon,
  FullWidthColon,
  StrayPunctuation,
];

/** The concrete token of one keyword word in one set; `keywordOf` maps it back. */
const concreteKeywords = new Map<KeywordSet, TokenType[]>();
// Indexed by Chevrotain's tokenTypeIdx: the splitter asks this of every token several times.
const conceptByIndex: (TokenType | undefined)[] = [];

for (const set of ["zh", "en"] as const) {
  const tokens: { word: string; token: TokenType }[] = [];
  for (const kw of keywordList) {
    for (const word of kw.words[set]) {
      const token = createToken({
        name: `${kw.token.name}_${set}_${word}`,
        pattern: wordPattern(word),
        categories: [kw.token, AnyToken],
        longer_alt: Identifier,
      });
      conceptByIndex[token.tokenTypeIdx ?? -1] = kw.token;
      tokens.push({ word, token });
    }
  }
  // Longest words first: 评分细则 before 评分, 否则 before 否.
  tokens.sort((a, b) => b.word.length - a.word.length);
  concreteKeywords.set(
    set,
    tokens.map((t) => t.token),
  );
}

/** A keyword word as a pattern: the spaces of an English phrase ("deduct at most") match any run of blanks on a line. */
function wordPattern(word: string): RegExp {
  return new RegExp(word.replace(/ /g, "[ \\t]+"));
}

/** The token list of a keyword set's lexer (order matters: first match wins). */
export function lexerTokens(set: KeywordSet): TokenType[] {
  return [...punctuation, ...(concreteKeywords.get(set) ?? []), Identifier];
}

/** Every token type the grammar knows. */
export const allTokenTypes: TokenType[] = [
  ...keywordList.map((k) => k.token),
  ...punctuation,
  ...(concreteKeywords.get("zh") ?? []),
  ...(concreteKeywords.get("en") ?? []),
  Identifier,
];

/** The keyword concept of a concrete keyword token, if it is one. */
export function conceptOf(token: TokenType): TokenType | undefined {
  return token.tokenTypeIdx === undefined ? undefined : conceptByIndex[token.tokenTypeIdx];
}

/** The concrete keyword token of a word in a set (used to split glued words). */
export function keywordTokenOf(set: KeywordSet, word: string): TokenType | undefined {
  return (concreteKeywords.get(set) ?? []).find(
    (t) => t.PATTERN instanceof RegExp && t.PATTERN.source === wordPattern(word).source,
  );
}

/** The canonical word of a keyword concept in a set. */
export function wordOf(concept: TokenType, set: KeywordSet): string {
  const kw = keywordList.find((k) => k.token === concept);
  return kw?.words[set][0] ?? concept.name;
}

/** A keyword written in another set: `translateKeyword("deduct", "zh")` is "扣"; other words stay. */
export function translateKeyword(word: string, to: KeywordSet): string {
  const kw = keywordList.find((k) => k.words.en.includes(word) || k.words.zh.includes(word));
  return kw?.words[to][0] ?? word;
}

/** Every keyword word of a set, longest first. */
export function wordsOf(set: KeywordSet): readonly string[] {
  return sortedWords[set];
}

const sortedWords: Record<KeywordSet, readonly string[]> = {
  zh: keywordList.flatMap((k) => k.words.zh).sort((a, b) => b.length - a.length),
  en: keywordList.flatMap((k) => k.words.en).sort((a, b) => b.length - a.length),
};

const bareName = new RegExp(`^(?:[${letter}]|${astral})(?:[${letter}${digit}]|${astral})*$`);

/**
 * A name as a file of a keyword set writes it: bare, or in 「」 where a bare name would not read
 * back as the same name (a keyword, a digit first, a space or a symbol inside).
 */
export function writeName(name: string, set: KeywordSet): string {
  return bareName.test(name) && !sortedWords[set].includes(name) ? name : `「${name}」`;
}

/** A one-line text as a file writes it: in quotes, with quotes and backslashes escaped. */
export function writeText(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** A token's half-open span (Chevrotain's own end offset is inclusive). */
export function tokenSpan(tok: IToken): Span {
  return { start: tok.startOffset, end: tok.startOffset + tok.image.length };
}
