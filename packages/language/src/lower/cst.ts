// Reading Chevrotain's concrete syntax tree: children by name, and spans. The one place where
// Chevrotain's inclusive end offsets become half-open spans.
import type { CstElement, CstNode, IToken } from "chevrotain";
import type { Span } from "../ast.ts";

export { tokenSpan } from "../lex/tokens.ts";

/** A CST node's children, by grammar name. */
export type Children = Record<string, CstElement[] | undefined>;

export function nodes(elements: CstElement[] | undefined): CstNode[] {
  return (elements ?? []).filter((e): e is CstNode => "children" in e);
}

// `first` and `token` run for nearly every CST node: loops, not filtered copies, keep the
// lowering from feeding the garbage collector.
export function first(elements: CstElement[] | undefined): CstNode | undefined {
  if (elements) for (const e of elements) if ("children" in e) return e;
  return undefined;
}

export function tokens(elements: CstElement[] | undefined): IToken[] {
  return (elements ?? []).filter((e): e is IToken => "image" in e && e.startOffset >= 0);
}

export function token(elements: CstElement[] | undefined): IToken | undefined {
  if (elements) for (const e of elements) if ("image" in e && e.startOffset >= 0) return e;
  return undefined;
}

/**
 * A node's half-open span, from Chevrotain's inclusive node location (the lexer gives every token
 * its end offset). A node recovery left without a known end falls back to the end of its last
 * token, found by descending into the last child.
 */
export function nodeSpan(node: CstNode): Span {
  const start = node.location?.startOffset;
  if (start === undefined || start < 0) return { start: 0, end: 0 };
  const end = node.location?.endOffset;
  if (end !== undefined && end >= 0) return { start, end: Math.max(start, end + 1) };
  return { start, end: Math.max(start, nodeEnd(node)) };
}

export function nodeEnd(node: CstNode): number {
  let last: CstElement | undefined;
  let lastStart = -1;
  for (const key in node.children) {
    for (const element of node.children[key] ?? []) {
      const at = "image" in element ? element.startOffset : (element.location?.startOffset ?? -1);
      if (at > lastStart) {
        lastStart = at;
        last = element;
      }
    }
  }
  if (!last) return -1;
  return "image" in last ? last.startOffset + last.image.length : nodeEnd(last);
}

/** The span from a token's start to the end of another span. */
export function from(tok: IToken | undefined, end: Span): Span {
  return { start: tok ? tok.startOffset : end.start, end: end.end };
}
