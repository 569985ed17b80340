// Semantic highlighting: the lexer's tokens, classed by what they are in this rubric (an input, a
// derived value, a grade, a keyword of either set), so that colours follow meaning where the
// TextMate grammar can only follow spelling.
import type { RubricDocument, Token } from "./document.ts";
import { keywordOfToken } from "./keywords.ts";
import type { SemanticTokens } from "./protocol.ts";

export const semanticTokensLegend = {
  tokenTypes: ["keyword", "variable", "property", "number", "string", "comment", "operator", "enumMember", "function"],
  tokenModifiers: ["declaration", "readonly"],
} as const;

type TokenTypeName = (typeof semanticTokensLegend.tokenTypes)[number];
const typeIndex = (t: TokenTypeName) => semanticTokensLegend.tokenTypes.indexOf(t);
const DECLARATION = 1;

const texts = new Set(["BlockText", "LineText", "CurlyText", "UnterminatedText"]);
const numbers = new Set(["NumberLiteral", "PercentSign", "DateLiteral"]);
const operators = new Set(["CompareOp", "AddOp", "MulOp"]);

export function semanticTokens(doc: RubricDocument): SemanticTokens {
  const names = doc.checked.symbols.names;
  const classed: { start: number; length: number; type: number; modifiers: number }[] = [];
  const add = (token: Token, type: TokenTypeName, modifiers = 0) =>
    classed.push({ start: token.startOffset, length: token.image.length, type: typeIndex(type), modifiers });
  for (const token of [...doc.lexed.tokens, ...doc.lexed.comments]) {
    const name = token.tokenType.name;
    const categories = token.tokenType.CATEGORIES?.map((c) => c.name) ?? [];
    const keyword = keywordOfToken(token.tokenType.CATEGORIES);
    if (name === "Comment") add(token, "comment");
    else if (keyword) add(token, keyword.concept === "Min" || keyword.concept === "Max" ? "function" : "keyword");
    else if (name === "Identifier" || name === "QuotedName") {
      const entry = names.get(token.image.replace(/^「|」$/g, "").normalize("NFC"));
      const declared = doc.index.at(token.startOffset)?.declaration === true;
      add(token, entry?.kind === "let" ? "property" : "variable", declared ? DECLARATION : 0);
    } else if (numbers.has(name)) add(token, "number");
    else if (texts.has(name))
      add(token, doc.index.at(token.startOffset + 1)?.key.startsWith("grade:") ? "enumMember" : "string");
    else if (categories.some((c) => operators.has(c))) add(token, "operator");
  }
  classed.sort((a, b) => a.start - b.start);
  return { data: encode(doc, classed) };
}

/** LSP's relative encoding; a token over several lines (a """ text) is cut at each line end. */
function encode(
  doc: RubricDocument,
  tokens: readonly { start: number; length: number; type: number; modifiers: number }[],
): number[] {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  const push = (at: { line: number; character: number }, length: number, type: number, modifiers: number) => {
    if (length <= 0) return;
    data.push(at.line - line, at.line === line ? at.character - character : at.character, length, type, modifiers);
    line = at.line;
    character = at.character;
  };
  for (const t of tokens) {
    const from = doc.lines.position(t.start);
    const to = doc.lines.position(t.start + t.length);
    if (from.line === to.line) {
      push(from, t.length, t.type, t.modifiers);
      continue;
    }
    for (let l = from.line; l <= to.line; l++) {
      const startChar = l === from.line ? from.character : 0;
      const endChar = l === to.line ? to.character : doc.lines.lineText(l).length;
      push({ line: l, character: startChar }, endChar - startChar, t.type, t.modifiers);
    }
  }
  return data;
}
