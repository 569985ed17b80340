// The Language Server Protocol's shapes, as far as the service answers them: structurally the
// same as vscode-languageserver-types, so a server passes them through, and a browser worker
// needs no protocol library. Positions are zero-based lines and UTF-16 characters. Arrays are
// mutable, as the protocol library declares them, so that answers pass to it as they are.

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export interface Location {
  readonly uri: string;
  readonly range: Range;
}

/** A change event as the client sends it: a range and its new text, or the whole text. */
export type ContentChange = { readonly range: Range; readonly text: string } | { readonly text: string };

export const DiagnosticSeverity = { Error: 1, Warning: 2, Information: 3, Hint: 4 } as const;
export const DiagnosticTag = { Unnecessary: 1 } as const;

export interface LspDiagnostic {
  readonly range: Range;
  readonly severity: 1 | 2 | 3 | 4;
  readonly code: string;
  readonly source: "kaoping";
  readonly message: string;
  readonly tags?: 1[];
  readonly relatedInformation?: { readonly location: Location; readonly message: string }[];
}

export interface WorkspaceEdit {
  readonly changes: Record<string, TextEdit[]>;
}

export interface Command {
  readonly title: string;
  readonly command: string;
  readonly arguments?: unknown[];
}

export interface CodeAction {
  readonly title: string;
  readonly kind: "quickfix" | "source";
  readonly diagnostics?: LspDiagnostic[];
  readonly isPreferred?: boolean;
  readonly edit: WorkspaceEdit;
}

export interface Hover {
  readonly contents: { readonly kind: "markdown"; readonly value: string };
  readonly range: Range;
}

export const CompletionItemKind = {
  Field: 5,
  Variable: 6,
  Unit: 11,
  Value: 12,
  Keyword: 14,
  Snippet: 15,
  EnumMember: 20,
  Constant: 21,
} as const;

export const InsertTextFormat = { PlainText: 1, Snippet: 2 } as const;

export interface CompletionItem {
  readonly label: string;
  readonly kind: (typeof CompletionItemKind)[keyof typeof CompletionItemKind];
  readonly detail?: string;
  readonly documentation?: { readonly kind: "markdown"; readonly value: string };
  readonly insertText?: string;
  readonly insertTextFormat?: 1 | 2;
  readonly sortText?: string;
  readonly filterText?: string;
}

export const SymbolKind = {
  Module: 2,
  Namespace: 3,
  Class: 5,
  Method: 6,
  Field: 8,
  Variable: 13,
  Constant: 14,
  EnumMember: 22,
  Event: 24,
} as const;

export interface DocumentSymbol {
  readonly name: string;
  readonly detail?: string;
  readonly kind: (typeof SymbolKind)[keyof typeof SymbolKind];
  readonly range: Range;
  readonly selectionRange: Range;
  readonly children?: DocumentSymbol[];
}

export interface FoldingRange {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind?: "comment" | "region";
}

export interface SemanticTokens {
  /** Five integers a token: line delta, start delta, length, type index, modifier bits. */
  readonly data: number[];
}

export interface InlayHint {
  readonly position: Position;
  readonly label: string;
  readonly kind?: 1 | 2;
  readonly paddingLeft?: boolean;
  readonly tooltip?: string;
}

export interface CodeLens {
  readonly range: Range;
  readonly command: Command;
}
