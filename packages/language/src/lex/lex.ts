// lex: source text → tokens, comments and lexical diagnostics. Picks the keyword set from the
// file's first word, reads the full-width forms people type, and splits keywords glued to names.
import { Lexer, type IToken } from "chevrotain";
import type { KeywordSet } from "../ast.ts";
import { diagnostic, replaceWith, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { CurlyText, FullWidthColon, lexerTokens, UnterminatedText, writeText, tokenSpan } from "./tokens.ts";
import { splitGluedKeywords } from "./glued.ts";
import { dropDeepConditionals, dropDeepNesting, reportDeepBlocks } from "./nesting.ts";

export interface LexResult {
  readonly keywords: KeywordSet;
  readonly tokens: IToken[];
  readonly comments: IToken[];
  readonly diagnostics: Diagnostic[];
}

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
        tokenSpan(stray),
        { text: quoteChars(stray.image) },
        {
          help: { zh: "删去这个标点", en: "remove this punctuation" },
          fixes: [replaceWith(tokenSpan(stray), "", { zh: "删去这个标点", en: "remove this punctuation" })],
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
          tokenSpan(token),
          { found: "“ ”", fix: '" "' },
          { fixes: [replaceWith(tokenSpan(token), straight, { zh: `改为 ${straight}`, en: `change to ${straight}` })] },
        ),
      );
    } else if (token.tokenType === UnterminatedText) {
      diagnostics.push(diagnostic("KP102", tokenSpan(token), {}));
    } else if (token.tokenType === FullWidthColon) {
      // As the formatter writes it: a space after the colon.
      const colon = /[\s\u3000]/.test(text.charAt(token.startOffset + 1)) ? ":" : ": ";
      diagnostics.push(
        diagnostic(
          "KP103",
          tokenSpan(token),
          { found: "：", fix: ":" },
          { fixes: [replaceWith(tokenSpan(token), colon, { zh: "改为 :", en: "change to :" })] },
        ),
      );
    }
  }

  reportDeepBlocks(tokens, diagnostics);
  const unglued = splitGluedKeywords(tokens, keywords, diagnostics);
  const bounded = dropDeepConditionals(dropDeepNesting(unglued, diagnostics), diagnostics);
  return { keywords, tokens: bounded, comments: result.groups["comments"] ?? [], diagnostics };
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
