// Bounds on nesting, enforced on the tokens before parsing: deeper parentheses, prefixes,
// conditionals or blocks than any rubric needs are refused with a diagnostic, so that no later
// stage (each walks trees recursively) can overflow the stack.
import { tokenMatcher, type IToken, type TokenType } from "chevrotain";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.ts";
import {
  BinaryOp,
  Comma,
  Else,
  If,
  conceptOf,
  Identifier,
  LBrace,
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
  Yes,
  tokenSpan,
} from "./tokens.ts";

/** Deeper nesting than this is refused before parsing, so that no stage can overflow the stack. */
export const maxNesting = 64;
/** A rubric's blocks nest three deep (rubric, item, criterion); past this, braces are surely unbalanced. */
export const maxBlockNesting = 64;

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

function isCategory(type: TokenType, category: TokenType): boolean {
  return type === category || (type.CATEGORIES ?? []).includes(category);
}

/**
 * Parentheses or prefix operators nested deeper than `maxNesting` are reported once and the excess
 * dropped, so no recursive stage can overflow the stack. A too-deep grouping parenthesis loses only
 * itself and its match, so that what it held still parses (one diagnostic, not a cascade); a
 * too-deep call (最小(…)) is dropped whole with everything up to its match.
 */
export function dropDeepNesting(tokens: IToken[], diagnostics: Diagnostic[]): IToken[] {
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
    if (!reported) diagnostics.push(diagnostic("KP105", tokenSpan(token), { limit: maxNesting }));
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
export function dropDeepConditionals(tokens: IToken[], diagnostics: Diagnostic[]): IToken[] {
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
        if (!out) diagnostics.push(diagnostic("KP105", tokenSpan(token), { limit: maxNesting }));
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
export function reportDeepBlocks(tokens: readonly IToken[], diagnostics: Diagnostic[]): void {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as IToken;
    if (token.tokenType === RBrace) depth = Math.max(0, depth - 1);
    else if (token.tokenType === LBrace && ++depth > maxBlockNesting) {
      diagnostics.push(
        diagnostic(
          "KP108",
          tokenSpan(token),
          { limit: maxBlockNesting },
          { help: { zh: "前面缺少「}」", en: "a `}` is missing before here" } },
        ),
      );
      return;
    }
  }
}
