import type { Span } from "../ast.ts";
import { codes, type Code, type Message, type Severity } from "./codes.ts";

export type { Message, Severity };

/** Replace the text of a span (an empty span inserts, an empty text deletes). */
export interface Edit {
  readonly span: Span;
  readonly text: string;
}

/** A change that fixes the finding for certain: what it does, in both languages, and its edits. */
export interface Fix {
  readonly title: Message;
  readonly edits: readonly Edit[];
}

export interface Related {
  readonly span: Span;
  readonly message: Message;
}

/**
 * One finding about a rubric: data, never an exception. `code` is one of `codes` (or, for the
 * engine's analyses, one of its KP8xx codes): a string, so that both render and sort alike.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: Message;
  readonly help?: Message;
  readonly span: Span;
  readonly related?: readonly Related[];
  /** Fixes an editor can apply (the help's advice as edits), best first. */
  readonly fixes?: readonly Fix[];
}

type ArgsOf<C extends Code> = Parameters<(typeof codes)[C]["message"]>[0];

/** Builds the diagnostic of a code from its table entry. */
export function diagnostic<C extends Code>(
  code: C,
  span: Span,
  args: ArgsOf<C>,
  extra: { help?: Message; related?: readonly Related[]; fixes?: readonly Fix[] } = {},
): Diagnostic {
  const entry = codes[code];
  // The table's message functions each take their own argument shape; ArgsOf<C> ties them.
  const message = (entry.message as (a: ArgsOf<C>) => Message)(args);
  return { code, severity: entry.severity, message, span, ...extra };
}

/** A fix of one edit. */
export function replaceWith(span: Span, text: string, title: Message): Fix {
  return { title, edits: [{ span, text }] };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Orders diagnostics by position, then code, for stable output. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.code.localeCompare(b.code),
  );
}
