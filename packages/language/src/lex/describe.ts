// Words for tokens and grammar contexts in syntax errors: the language's concepts, in the file's
// own keyword set, never Chevrotain's token names.
import { EOF, type IToken, type TokenType } from "chevrotain";
import type { KeywordSet } from "../ast.ts";
import type { Message } from "../diagnostics/diagnostic.ts";
import * as T from "./tokens.ts";

const named: ReadonlyMap<TokenType, Message> = new Map([
  [T.Identifier, { zh: "名称", en: "a name" }],
  [T.QuotedName, { zh: "名称", en: "a name" }],
  [T.NameToken, { zh: "名称", en: "a name" }],
  [T.NumberLiteral, { zh: "数字", en: "a number" }],
  [T.DateLiteral, { zh: "日期（如 2026-01-01）", en: "a date such as 2026-01-01" }],
  [T.TextToken, { zh: "带引号的文字", en: "a quoted text" }],
  [T.LineText, { zh: "文字", en: "a text" }],
  [T.BlockText, { zh: "文字", en: "a text" }],
  [T.CurlyText, { zh: "文字", en: "a text" }],
  [T.UnterminatedText, { zh: "文字", en: "a text" }],
  [T.LBrace, { zh: "「{」", en: "`{`" }],
  [T.RBrace, { zh: "「}」", en: "`}`" }],
  [T.LParen, { zh: "「(」", en: "`(`" }],
  [T.RParen, { zh: "「)」", en: "`)`" }],
  [T.Colon, { zh: "「:」", en: "`:`" }],
  [T.Equals, { zh: "「=」", en: "`=`" }],
  [T.BinaryOp, { zh: "运算符", en: "an operator" }],
  [T.PrefixOp, { zh: "「非」或「-」", en: "`not` or `-`" }],
  [EOF, { zh: "文件结尾", en: "the end of the file" }],
]);

function quoteWords(words: readonly string[], set: KeywordSet): Message {
  const zh = words.map((w) => `「${w}」`).join("、");
  const en = words.map((w) => `\`${w}\``).join(", ");
  return set === "zh" ? { zh, en: words.join(", ") } : { zh: words.join("、"), en };
}

function keywordWords(types: readonly TokenType[], set: KeywordSet): string[] {
  return types.map((t) => T.wordOf(t, set));
}

/** What a token is, for "found …". */
export function describeToken(token: IToken): Message {
  if (token.tokenType === EOF) return named.get(EOF) as Message;
  const image = token.image.length > 24 ? `${token.image.slice(0, 24)}…` : token.image;
  return { zh: `「${image}」`, en: `"${image}"` };
}

/** What one expected token type is. */
export function describeTokenType(type: TokenType, set: KeywordSet): Message {
  const known = named.get(type);
  if (known) return known;
  const word = T.wordOf(type, set);
  return word === type.name ? { zh: type.name, en: type.name } : quoteWords([word], set);
}

const contexts: Record<string, readonly TokenType[] | Message> = {
  rubricStatement: [T.Subject, T.Version, T.Effective, T.Total, T.Input, T.Let, T.Grades, T.Veto, T.Item, T.Test],
  itemStatement: [T.Content, T.Input, T.Let, T.Criterion, T.RBrace],
  rule: [T.Award, T.Discretionary, T.Base, T.Per, T.Bonus],
  inputType: [T.YesNoType, T.CountType, T.NumberType, T.PercentType, T.ScoreType],
  deductClause: [T.Per, T.Deduct],
  bonusClause: [T.Per, T.Bonus],
  clauseTail: [T.Per, T.When],
  // After a comparison: another one must be joined with and/or.
  compareJoin: [T.And, T.Or],
  expectEntry: [T.Item, T.Criterion, T.Total, T.Grades],
  literal: { zh: "数字、百分数、是或否", en: "a number, a percent, yes or no" },
  expr: { zh: "数、名称或表达式", en: "a number, a name or an expression" },
};

/** What a grammar context expects, e.g. the statements of a block or the start of a rule. */
export function describeExpected(context: string, set: KeywordSet): Message {
  const entry = contexts[context] ?? contexts["expr"];
  if (entry && "zh" in entry) return entry;
  const words = keywordWords(entry as readonly TokenType[], set).map((w) => (w === "RBrace" ? "}" : w));
  return quoteWords(words, set);
}

/** Whether a grammar rule has its own description in `describeExpected`. */
export function hasContext(rule: string): boolean {
  return rule in contexts || isExpressionRule(rule);
}

export function isExpressionRule(rule: string): boolean {
  return /Expr$|^operand$|^call$|^points$/.test(rule);
}
