// Keywords glued to names and numbers ("得5当培训人数"): where the lexer read one identifier, the
// pieces a person meant, split when the split is certain and reported either way.
import { createTokenInstance, type IToken, type TokenType } from "chevrotain";
import type { KeywordSet } from "../ast.ts";
import { diagnostic, replaceWith, type Diagnostic } from "../diagnostics/diagnostic.ts";
import {
  Equals,
  Greater,
  GreaterEqual,
  Less,
  LessEqual,
  NotEqual,
  Identifier,
  NumberLiteral,
  keywordTokenOf,
  wordsOf,
  tokenSpan,
  conceptOf,
  Input,
  Let,
} from "./tokens.ts";

/** Comparisons as the sheets write them in words: read as their symbol, reported with the fix. */
const comparisonWords: ReadonlyMap<string, { readonly token: TokenType; readonly symbol: string }> = new Map(
  (
    [
      [GreaterEqual, ">=", ["大于等于", "大于或等于", "不少于", "不低于", "不小于"]],
      [LessEqual, "<=", ["小于等于", "小于或等于", "不超过", "不多于", "不高于", "不大于"]],
      [Greater, ">", ["大于", "高于", "多于", "超过"]],
      [Less, "<", ["小于", "低于", "少于"]],
      [NotEqual, "≠", ["不等于"]],
      [Equals, "=", ["等于"]],
    ] as const
  ).flatMap(([token, symbol, words]) => words.map((word) => [word, { token, symbol }] as const)),
);

/**
 * Chinese has no spaces, so `每法规培训期数加1最多3` lexes as one name. When a name is not declared
 * but reads exactly as declared names, keywords and numbers, split it, report the spaced form
 * once, and go on as if it had been spaced: one clear diagnostic, not a cascade. A comparison
 * written in words (大于等于) is read as its symbol the same way, alone or glued.
 */
export function splitGluedKeywords(tokens: IToken[], set: KeywordSet, diagnostics: Diagnostic[]): IToken[] {
  const declared = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    const prev = tokens[i - 1]?.tokenType;
    const token = tokens[i];
    if (token?.tokenType === Identifier && prev && declares(prev)) {
      declared.add(token.image);
    }
  }
  // Most files have no glued word: then there is nothing to split and no copy to make.
  const vocabulary = [...wordsOf(set), ...comparisonWords.keys()];
  let glued = false;
  for (let i = 0; i < tokens.length && !glued; i++) {
    const token = tokens[i] as IToken;
    const prev = tokens[i - 1]?.tokenType;
    glued =
      token.tokenType === Identifier &&
      !declared.has(token.image) &&
      !(prev !== undefined && declares(prev)) &&
      vocabulary.some((w) => token.image.includes(w));
  }
  if (!glued) return tokens;
  const words = byFirstChar(vocabulary);
  const names = byFirstChar([...declared]);
  const out: IToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as IToken;
    const prev = tokens[i - 1]?.tokenType;
    const isDeclaration = prev !== undefined && declares(prev);
    if (token.tokenType !== Identifier || declared.has(token.image) || isDeclaration) {
      out.push(token);
      continue;
    }
    const pieces = segment(token.image, names, words);
    if (!pieces || !pieces.some((p) => p.kind !== "name" && p.kind !== "number")) {
      out.push(token);
      continue;
    }
    let offset = token.startOffset;
    for (const piece of pieces) {
      const type: TokenType =
        piece.kind === "keyword"
          ? (keywordTokenOf(set, piece.text) ?? Identifier)
          : piece.kind === "comparison"
            ? (comparisonWords.get(piece.text)?.token ?? Identifier)
            : piece.kind === "number"
              ? NumberLiteral
              : Identifier;
      out.push(createTokenInstance(type, piece.text, offset, offset + piece.text.length - 1, -1, -1, -1, -1));
      offset += piece.text.length;
    }
    diagnostics.push(gluedDiagnostic(token, pieces));
  }
  return out;
}

/** One diagnostic for a glued or worded token: the spaced form, comparisons as symbols, as its fix. */
function gluedDiagnostic(token: IToken, pieces: readonly Piece[]): Diagnostic {
  const spaced = pieces
    .map((p) => (p.kind === "comparison" ? (comparisonWords.get(p.text)?.symbol ?? p.text) : p.text))
    .join(" ");
  const fixes = [replaceWith(tokenSpan(token), spaced, { zh: `改为 ${spaced}`, en: `change to ${spaced}` })];
  if (pieces.length === 1) return diagnostic("KP107", tokenSpan(token), { found: token.image, fix: spaced }, { fixes });
  return diagnostic(
    "KP104",
    tokenSpan(token),
    { text: token.image },
    {
      help: { zh: `关键字前后要留空格：${spaced}`, en: `put spaces around keywords: ${spaced}` },
      fixes,
    },
  );
}

type Piece = { kind: "keyword" | "comparison" | "name" | "number"; text: string };

/** Strings grouped by their first character, longest first: a glued word is read in linear time. */
function byFirstChar(strings: readonly string[]): ReadonlyMap<string, readonly string[]> {
  const groups = new Map<string, string[]>();
  for (const s of strings) {
    const group = groups.get(s.charAt(0));
    if (group) group.push(s);
    else groups.set(s.charAt(0), [s]);
  }
  for (const group of groups.values()) group.sort((a, b) => b.length - a.length);
  return groups;
}

const gluedNumber = /[0-9\uFF10-\uFF19]+(?:[.．][0-9\uFF10-\uFF19]+)?/y;

/**
 * Whether a bare name would be split by the lexer of `set` (see splitGluedKeywords), in a file
 * whose bare declared names are `declared`: the formatter quotes such names, so that translating
 * `令 y = capx` to English, where `cap` is a keyword and `x` a name, keeps the one name.
 */
export function splitsWhenBare(set: KeywordSet, declared: ReadonlySet<string>): (name: string) => boolean {
  const words = byFirstChar(wordsOf(set));
  const names = byFirstChar([...declared]);
  return (name) => !declared.has(name) && (segment(name, names, words)?.some((p) => p.kind === "keyword") ?? false);
}

/** Reads a glued word as declared names, keywords and numbers, or returns null if it cannot. */
function segment(
  text: string,
  names: ReadonlyMap<string, readonly string[]>,
  words: ReadonlyMap<string, readonly string[]>,
): Piece[] | null {
  const pieces: Piece[] = [];
  let at = 0;
  while (at < text.length) {
    const name = names.get(text.charAt(at))?.find((n) => text.startsWith(n, at));
    if (name) {
      pieces.push({ kind: "name", text: name });
      at += name.length;
      continue;
    }
    const word = words.get(text.charAt(at))?.find((w) => text.startsWith(w, at));
    if (word) {
      pieces.push({ kind: comparisonWords.has(word) ? "comparison" : "keyword", text: word });
      at += word.length;
      continue;
    }
    gluedNumber.lastIndex = at;
    const number = gluedNumber.exec(text)?.[0];
    if (number) {
      pieces.push({ kind: "number", text: number });
      at += number.length;
      continue;
    }
    return null;
  }
  return pieces;
}

/** Whether no parenthesis or prefix run goes deeper than the limit (the usual case: no copy needed). */

/** Whether a token type is 输入 / 令 (what comes next is a name being declared). */
function declares(type: TokenType): boolean {
  const concept = conceptOf(type);
  return concept === Input || concept === Let;
}
