// Cuts a token stream into statements by keywords and matching braces, before the grammar sees
// them. Each statement is then parsed on its own, so a mistake in one criterion cannot swallow
// the next one, and a missing brace is found where it is missing.
import type { IToken, TokenType } from "chevrotain";
import * as T from "../lex/tokens.ts";

/** The grammar rules that parse one statement. */
export type StatementRule =
  | "headerField"
  | "inputDecl"
  | "letDecl"
  | "grades"
  | "veto"
  | "content"
  | "criterion"
  | "test";

export type Statement =
  | {
      readonly kind: "statement";
      readonly rule: StatementRule;
      readonly tokens: readonly IToken[];
      readonly next: IToken | undefined;
    }
  | {
      readonly kind: "item";
      /** `项目 3 "title" 标准分 5`, up to the opening brace. */
      readonly header: readonly IToken[];
      readonly body: readonly Statement[];
      readonly open: IToken | undefined;
      readonly close: IToken | undefined;
      readonly next: IToken | undefined;
    }
  | { readonly kind: "junk"; readonly tokens: readonly IToken[]; readonly block: "rubric" | "item" };

export interface SplitRubric {
  readonly header: readonly IToken[];
  readonly open: IToken | undefined;
  readonly body: readonly Statement[];
  readonly close: IToken | undefined;
  /** Tokens after the rubric's closing brace. */
  readonly trailing: readonly IToken[];
}

const starts = {
  rubric: new Map<TokenType, StatementRule | "item">([
    [T.Subject, "headerField"],
    [T.Version, "headerField"],
    [T.Effective, "headerField"],
    [T.Total, "headerField"],
    [T.Input, "inputDecl"],
    [T.Let, "letDecl"],
    [T.Grades, "grades"],
    [T.Veto, "veto"],
    [T.Item, "item"],
    [T.Test, "test"],
  ]),
  item: new Map<TokenType, StatementRule | "item">([
    [T.Content, "content"],
    [T.Input, "inputDecl"],
    [T.Let, "letDecl"],
    [T.Criterion, "criterion"],
  ]),
};

/** Statements with a braced body, and the keywords that, met inside it, show its } is missing. */
const bodyStops: Partial<Record<StatementRule, readonly TokenType[]>> = {
  criterion: [T.Criterion, T.Item, T.Test, T.Content, T.Input, T.Let, T.Grades, T.Veto],
  test: [T.Test, T.Input, T.Let, T.Veto, T.Content, T.Subject, T.Version, T.Effective],
  grades: [T.Item, T.Test, T.Input, T.Let, T.Veto, T.Criterion, T.Content],
};
const itemStops: readonly TokenType[] = [T.Item, T.Test, T.Grades, T.Veto, T.Subject, T.Version, T.Effective];

function conceptOf(token: IToken): TokenType | undefined {
  return T.conceptOf(token.tokenType);
}

function is(token: IToken | undefined, type: TokenType): boolean {
  return token !== undefined && (token.tokenType === type || conceptOf(token) === type);
}

function isAny(token: IToken | undefined, types: readonly TokenType[]): boolean {
  return token !== undefined && types.some((t) => is(token, t));
}

/** Splits the tokens of a whole rubric file. */
export function splitRubric(tokens: readonly IToken[]): SplitRubric {
  const open = tokens.findIndex((t) => is(t, T.LBrace) || starts.rubric.has(conceptOf(t) as TokenType));
  if (open < 0 || !is(tokens[open], T.LBrace)) {
    // No opening brace: read the statements anyway, so that their own mistakes are still reported.
    const headerEnd = open < 0 ? tokens.length : open;
    const body = splitBlock(tokens, headerEnd, "rubric", []);
    return {
      header: tokens.slice(0, headerEnd),
      open: undefined,
      body: body.statements,
      close: undefined,
      trailing: tokens.slice(body.end),
    };
  }
  const body = splitBlock(tokens, open + 1, "rubric", []);
  const close = tokens[body.end];
  const closed = is(close, T.RBrace);
  return {
    header: tokens.slice(0, open),
    open: tokens[open],
    body: body.statements,
    close: closed ? close : undefined,
    trailing: tokens.slice(closed ? body.end + 1 : body.end),
  };
}

/** Reads statements from `start` up to the block's closing brace (its index is `end`) or a stop. */
function splitBlock(
  tokens: readonly IToken[],
  start: number,
  block: "rubric" | "item",
  stops: readonly TokenType[],
): { statements: Statement[]; end: number } {
  const statements: Statement[] = [];
  const table = starts[block];
  let i = start;
  while (i < tokens.length) {
    const token = tokens[i] as IToken;
    if (is(token, T.RBrace) || isAny(token, stops)) break;
    const concept = conceptOf(token);
    const rule = concept ? table.get(concept) : undefined;
    if (rule === "item") {
      const item = splitItem(tokens, i);
      statements.push(item.statement);
      i = item.end;
    } else if (rule) {
      const end = statementEnd(tokens, i, table, rule);
      statements.push({ kind: "statement", rule, tokens: tokens.slice(i, end), next: tokens[end] });
      i = end;
    } else {
      let end = is(token, T.LBrace) ? braceGroupEnd(tokens, i, table) : i + 1;
      while (
        end < tokens.length &&
        !startsStatement(tokens[end], table) &&
        !is(tokens[end], T.RBrace) &&
        !isAny(tokens[end], stops)
      ) {
        end = is(tokens[end], T.LBrace) ? braceGroupEnd(tokens, end, table) : end + 1;
      }
      statements.push({ kind: "junk", tokens: tokens.slice(i, end), block });
      i = end;
    }
  }
  return { statements, end: i };
}

/**
 * After the { at `open` in junk: past its matching }, when no statement of the block starts inside
 * (a body whose keyword was misspelt: its } is not the block's); otherwise just past the {.
 */
function braceGroupEnd(tokens: readonly IToken[], open: number, table: ReadonlyMap<TokenType, unknown>): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const token = tokens[i];
    if (is(token, T.LBrace)) depth++;
    else if (is(token, T.RBrace) && --depth === 0) return i + 1;
    else if (depth === 1 && startsStatement(token, table)) break;
  }
  return open + 1;
}

function startsStatement(token: IToken | undefined, table: ReadonlyMap<TokenType, unknown>): boolean {
  const concept = token && conceptOf(token);
  return concept !== undefined && table.has(concept);
}

function splitItem(tokens: readonly IToken[], start: number): { statement: Statement; end: number } {
  let i = start + 1;
  while (
    i < tokens.length &&
    !is(tokens[i], T.LBrace) &&
    !is(tokens[i], T.RBrace) &&
    !startsStatement(tokens[i], starts.rubric)
  ) {
    i++;
  }
  const header = tokens.slice(start, i);
  if (!is(tokens[i], T.LBrace)) {
    return {
      statement: { kind: "item", header, body: [], open: undefined, close: undefined, next: tokens[i] },
      end: i,
    };
  }
  const open = tokens[i];
  const body = splitBlock(tokens, i + 1, "item", itemStops);
  const closed = is(tokens[body.end], T.RBrace);
  const end = closed ? body.end + 1 : body.end;
  return {
    statement: {
      kind: "item",
      header,
      body: body.statements,
      open,
      close: closed ? tokens[body.end] : undefined,
      next: tokens[end],
    },
    end,
  };
}

/** Where a statement starting at `start` ends (exclusive). */
function statementEnd(
  tokens: readonly IToken[],
  start: number,
  table: ReadonlyMap<TokenType, unknown>,
  rule: StatementRule,
): number {
  const stops = bodyStops[rule];
  let i = start + 1;
  if (!stops) {
    // These statements have no braces: a { begins something else (a body whose keyword was misspelt).
    while (
      i < tokens.length &&
      !startsStatement(tokens[i], table) &&
      !is(tokens[i], T.RBrace) &&
      !is(tokens[i], T.LBrace)
    )
      i++;
    return i;
  }
  // Up to the opening brace, then to its match; a stop keyword inside means the } is missing.
  while (i < tokens.length && !is(tokens[i], T.LBrace)) {
    if (startsStatement(tokens[i], table) || is(tokens[i], T.RBrace)) return i;
    i++;
  }
  let depth = 0;
  for (; i < tokens.length; i++) {
    const token = tokens[i];
    if (is(token, T.LBrace)) depth++;
    else if (is(token, T.RBrace)) {
      depth--;
      if (depth === 0) return i + 1;
    } else if (isAny(token, stops) && !(rule === "test" && depth > 1)) return i;
  }
  return i;
}
