// lex: source text → tokens, comments and lexical diagnostics. Picks the keyword set from the
// file's first word, reads the full-width forms people type, and splits keywords glued to names.
import { createTokenInstance, Lexer, tokenMatcher, type IToken, type TokenType } from "chevrotain";
import type { KeywordSet } from "../ast.ts";
import { diagnostic, replaceWith, type Diagnostic } from "../diagnostics/diagnostic.ts";
import {
  BinaryOp,
  Comma,
  CurlyText,
  Else,
  If,
  conceptOf,
  Equals,
  Greater,
  GreaterEqual,
  Less,
  LessEqual,
  NotEqual,
  FullWidthColon,
  Identifier,
  Input,
  LBrace,
  Let,
  LParen,
  Max,
  Min,
  Minus,
  Not,
  No,
  NumberLiteral,
  PercentSign,
  PrefixOp,
  QuotedName,
  RBrace,
  RParen,
  Then,
  keywordTokenOf,
  lexerTokens,
  UnterminatedText,
  wordsOf,
  writeText,
  Yes,
} from "./tokens.ts";

export interface LexResult {
  readonly keywords: KeywordSet;
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly diagnostics: Diagnostic[];
}

/** Deeper nesting than this is refused before parsing, so that no stage can overflow the stack. */
export const maxNesting = 64;
/** A rubric's blocks nest three deep (rubric, item, criterion); past this, braces are surely unbalanced. */
export const maxBlockNesting = 64;
const maxLexDiagnostics = 50;

const lexers: Record<KeywordSet, Lexer> = {
  zh: new Lexer(lexerTokens("zh"), { positionTracking: "onlyOffset", ensureOptimizations: true }),
  en: new Lexer(lexerTokens("en"), { positionTracking: "onlyOffset", ensureOptimizations: true }),
};

// Blank space and `#` comments before the first word. Matched one run at a time in a loop: a
// single pattern `(?:space|#…)*` backtracks exponentially over `# # # …` (a comment holds `#`).
const blankOrComment = /\s+|#[^\r\n]*/y;
const firstWord = /[A-Za-z]+/y;

/** The keyword set a text is written in: English when its first word is `rubric`. */
export function detectKeywords(text: string): KeywordSet {
  let at = 0;
  blankOrComment.lastIndex = 0;
  while (blankOrComment.test(text)) at = blankOrComment.lastIndex;
  firstWord.lastIndex = at;
  return firstWord.exec(text)?.[0] === "rubric" ? "en" : "zh";
}

/** Tokenizes a rubric. Never throws; every problem is a diagnostic. */
export function lex(text: string): LexResult {
  const keywords = detectKeywords(text);
  const result = lexers[keywords].tokenize(text);
  const diagnostics: Diagnostic[] = [];

  for (const error of result.errors.slice(0, maxLexDiagnostics)) {
    const length = error.length || 1;
    const bad = text.slice(error.offset, error.offset + Math.min(length, 20));
    diagnostics.push(
      diagnostic("KP101", { start: error.offset, end: error.offset + length }, { text: quoteChars(bad) }),
    );
  }
  for (const stray of result.groups["stray"] ?? []) {
    diagnostics.push(
      diagnostic(
        "KP101",
        spanOf(stray),
        { text: quoteChars(stray.image) },
        {
          help: { zh: "删去这个标点", en: "remove this punctuation" },
          fixes: [replaceWith(spanOf(stray), "", { zh: "删去这个标点", en: "remove this punctuation" })],
        },
      ),
    );
  }

  const tokens = result.tokens;
  // Indexed loops: a for-of over 100,000 tokens allocates an iterator result each step.
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as IToken;
    // Offset-only lexing records where a token starts; its (inclusive) end lets the parser track
    // where every node ends as well, at the cost of one addition per token.
    token.endOffset = token.startOffset + token.image.length - 1;
    if (token.tokenType === CurlyText) {
      const straight = writeText(token.image.slice(1, -1));
      diagnostics.push(
        diagnostic(
          "KP103",
          spanOf(token),
          { found: "“ ”", fix: '" "' },
          { fixes: [replaceWith(spanOf(token), straight, { zh: `改为 ${straight}`, en: `change to ${straight}` })] },
        ),
      );
    } else if (token.tokenType === UnterminatedText) {
      diagnostics.push(diagnostic("KP102", spanOf(token), {}));
    } else if (token.tokenType === FullWidthColon) {
      // As the formatter writes it: a space after the colon.
      const colon = /[\s\u3000]/.test(text.charAt(token.startOffset + 1)) ? ":" : ": ";
      diagnostics.push(
        diagnostic(
          "KP103",
          spanOf(token),
          { found: "：", fix: ":" },
          { fixes: [replaceWith(spanOf(token), colon, { zh: "改为 :", en: "change to :" })] },
        ),
      );
    }
  }

  reportDeepBlocks(tokens, diagnostics);
  const unglued = splitGluedKeywords(tokens, keywords, diagnostics);
  const bounded = dropDeepConditionals(dropDeepNesting(unglued, diagnostics), diagnostics);
  return { keywords, tokens: bounded, comments: result.groups["comments"] ?? [], diagnostics };
}

function spanOf(token: IToken): { start: number; end: number } {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

/** Control characters are named (U+0000), so that the message shows what is there. */
function quoteChars(text: string): string {
  return [...text]
    .map((c) => {
      const code = c.codePointAt(0) ?? 0;
      return code < 32 || code === 127 ? `U+${code.toString(16).toUpperCase().padStart(4, "0")}` : c;
    })
    .join("");
}

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
function splitGluedKeywords(tokens: IToken[], set: KeywordSet, diagnostics: Diagnostic[]): IToken[] {
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
  const fixes = [replaceWith(spanOf(token), spaced, { zh: `改为 ${spaced}`, en: `change to ${spaced}` })];
  if (pieces.length === 1) return diagnostic("KP107", spanOf(token), { found: token.image, fix: spaced }, { fixes });
  return diagnostic(
    "KP104",
    spanOf(token),
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
function withinNesting(tokens: readonly IToken[]): boolean {
  let depth = 0;
  let prefixRun = 0;
  for (let i = 0; i < tokens.length; i++) {
    const type = (tokens[i] as IToken).tokenType;
    if (type === LParen) {
      if (++depth > maxNesting) return false;
    } else if (type === RParen) depth = Math.max(0, depth - 1);
    prefixRun = type === Minus || conceptOf(type) === Not ? prefixRun + 1 : 0;
    if (prefixRun > maxNesting) return false;
  }
  return true;
}

/** Whether a token type is 输入 / 令 (what comes next is a name being declared). */
function declares(type: TokenType): boolean {
  const concept = conceptOf(type);
  return concept === Input || concept === Let;
}

function isCategory(type: TokenType, category: TokenType): boolean {
  return type === category || (type.CATEGORIES ?? []).includes(category);
}

/**
 * Parentheses or prefix operators nested deeper than `maxNesting` are reported once and the excess
 * dropped, so no recursive stage can overflow the stack. A too-deep grouping parenthesis loses only
 * itself and its match, so that what it held still parses (one diagnostic, not a cascade); a
 * too-deep call (最小(…)) is dropped whole with everything up to its match.
 */
function dropDeepNesting(tokens: IToken[], diagnostics: Diagnostic[]): IToken[] {
  if (withinNesting(tokens)) return tokens;
  const out: IToken[] = [];
  // For each open parenthesis: whether it was kept (false: its match is dropped too).
  const open: boolean[] = [];
  let depth = 0;
  let prefixRun = 0;
  let dropUntilDepth = -1;
  let dropDepth = 0;
  let reported = false;
  const report = (token: IToken): void => {
    if (!reported) diagnostics.push(diagnostic("KP105", spanOf(token), { limit: maxNesting }));
    reported = true;
  };
  for (const token of tokens) {
    const type = token.tokenType;
    if (dropUntilDepth >= 0) {
      if (type === LParen) dropDepth++;
      else if (type === RParen) dropDepth--;
      if (dropDepth === dropUntilDepth) dropUntilDepth = -1;
      continue;
    }
    if (type === LParen && depth === maxNesting) {
      report(token);
      const previous = out.at(-1);
      if (previous && (isCategory(previous.tokenType, Min) || isCategory(previous.tokenType, Max))) {
        out.pop();
        dropUntilDepth = 0;
        dropDepth = 1;
      } else open.push(false);
      continue;
    }
    if (type === LParen) {
      open.push(true);
      depth++;
    } else if (type === RParen) {
      const kept = open.pop();
      if (kept === false) continue;
      if (kept) depth--;
    }
    prefixRun = type === Minus || isCategory(type, Not) ? prefixRun + 1 : 0;
    if (prefixRun > maxNesting) {
      report(token);
      continue;
    }
    out.push(token);
  }
  return out;
}

const expressionKeywords: ReadonlySet<TokenType> = new Set([If, Then, Else, Yes, No, Min, Max]);

/** Whether a token can stand inside an expression (any other token ends it). */
function inExpression(token: IToken): boolean {
  const concept = conceptOf(token.tokenType);
  if (concept) return expressionKeywords.has(concept) || tokenMatcher(token, BinaryOp) || tokenMatcher(token, PrefixOp);
  const type = token.tokenType;
  return (
    type === Identifier ||
    type === QuotedName ||
    type === NumberLiteral ||
    type === PercentSign ||
    type === LParen ||
    type === RParen ||
    type === Comma ||
    tokenMatcher(token, BinaryOp) ||
    tokenMatcher(token, PrefixOp)
  );
}

/**
 * 若 … 则 … 否则 nests like a parenthesis: every 若 holds what follows it in its expression (its
 * 否则 runs to the expression's end), and each is a level of recursion in every stage. Counted
 * with the parentheses around it, a 若 deeper than `maxNesting` is reported once (KP105) and the
 * rest of its expression dropped, so that 10,000 nested 若 get one answer, never a stack overflow.
 */
function dropDeepConditionals(tokens: IToken[], diagnostics: Diagnostic[]): IToken[] {
  let out: IToken[] | null = null;
  let parens = 0;
  // 若 open at each enclosing parenthesis level, and in the current one.
  const outside: number[] = [];
  let ifs = 0;
  let total = 0;
  // While dropping the rest of a too-deep expression: the parentheses opened since.
  let dropping = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as IToken;
    const type = token.tokenType;
    const expression = inExpression(token);
    if (dropping >= 0) {
      if (type === LParen) dropping++;
      else if (type === RParen && dropping > 0) dropping--;
      else if (expression && type !== RParen) continue;
      else dropping = -1;
      if (dropping >= 0) continue;
    }
    if (!expression) {
      parens = 0;
      outside.length = 0;
      ifs = 0;
      total = 0;
    } else if (type === LParen) {
      parens++;
      outside.push(ifs);
      ifs = 0;
    } else if (type === RParen && parens > 0) {
      parens--;
      total -= ifs;
      ifs = outside.pop() ?? 0;
    } else if (conceptOf(type) === If) {
      if (parens + total + 1 > maxNesting) {
        if (!out) diagnostics.push(diagnostic("KP105", spanOf(token), { limit: maxNesting }));
        out ??= tokens.slice(0, i);
        dropping = 0;
        continue;
      }
      ifs++;
      total++;
    }
    out?.push(token);
  }
  return out ?? tokens;
}

/**
 * Braces nested deeper than `maxBlockNesting` (1,500 unclosed item headers, say) are reported
 * once, where the limit is passed: one error that points at the missing }, not a cascade.
 */
function reportDeepBlocks(tokens: readonly IToken[], diagnostics: Diagnostic[]): void {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as IToken;
    if (token.tokenType === RBrace) depth = Math.max(0, depth - 1);
    else if (token.tokenType === LBrace && ++depth > maxBlockNesting) {
      diagnostics.push(
        diagnostic(
          "KP108",
          spanOf(token),
          { limit: maxBlockNesting },
          { help: { zh: "前面缺少「}」", en: "a `}` is missing before here" } },
        ),
      );
      return;
    }
  }
}
