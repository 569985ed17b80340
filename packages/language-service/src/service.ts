// The language service: the open documents by URI, each at its latest version, and every feature
// answered from them. A server or a web worker keeps one and forwards the editor's requests.
import type { KeywordSet, MessageLanguage } from "@kaoping/language";
import { codeActions } from "./code-actions.ts";
import { completion } from "./completion.ts";
import { diagnostics, type DiagnosticsOptions } from "./diagnostics.ts";
import { RubricDocument } from "./document.ts";
import { formatDocument, formatRange, switchKeywords, type FormatAnswer } from "./formatting.ts";
import { hover } from "./hover.ts";
import { codeLenses, inlayHints, type FactsSource, type ScoringAnswer } from "./inline-scoring.ts";
import { definition, prepareRename, references, rename, type RenameResult } from "./navigation.ts";
import { documentSymbols, foldingRanges } from "./outline.ts";
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  ContentChange,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  LspDiagnostic,
  Position,
  Range,
  SemanticTokens,
} from "./protocol.ts";
import { semanticTokens } from "./semantic-tokens.ts";

export interface ServiceOptions {
  /** The language of messages, hovers and titles (keywords follow each file). Default zh. */
  readonly lang?: MessageLanguage;
}

export class LanguageService {
  private readonly documents = new Map<string, RubricDocument>();
  lang: MessageLanguage;

  constructor(options: ServiceOptions = {}) {
    this.lang = options.lang ?? "zh";
  }

  open(uri: string, text: string, version: number): RubricDocument {
    const doc = RubricDocument.create(uri, text, version);
    this.documents.set(uri, doc);
    return doc;
  }

  /** Applies the client's changes in order; unknown documents are opened from a whole-text change. */
  change(uri: string, changes: readonly ContentChange[], version: number): RubricDocument | undefined {
    const current = this.documents.get(uri);
    const next = current ? current.edit(changes, version) : undefined;
    if (next) this.documents.set(uri, next);
    return next;
  }

  close(uri: string): void {
    this.documents.delete(uri);
  }

  document(uri: string): RubricDocument | undefined {
    return this.documents.get(uri);
  }

  diagnostics(uri: string, options?: DiagnosticsOptions): LspDiagnostic[] {
    return this.with(uri, [], (d) => diagnostics(d, this.lang, options));
  }

  codeActions(uri: string, range: Range): CodeAction[] {
    return this.with(uri, [], (d) => codeActions(d, range, this.lang));
  }

  hover(uri: string, position: Position): Hover | null {
    return this.with(uri, null, (d) => hover(d, position, this.lang));
  }

  completion(uri: string, position: Position): CompletionItem[] {
    return this.with(uri, [], (d) => completion(d, position, this.lang));
  }

  definition(uri: string, position: Position): Location[] {
    return this.with(uri, [], (d) => definition(d, position));
  }

  references(uri: string, position: Position, includeDeclaration = true): Location[] {
    return this.with(uri, [], (d) => references(d, position, includeDeclaration));
  }

  prepareRename(uri: string, position: Position): { range: Range; placeholder: string } | null {
    return this.with(uri, null, (d) => prepareRename(d, position));
  }

  rename(uri: string, position: Position, newName: string): RenameResult | null {
    return this.with(uri, null, (d) => rename(d, position, newName, this.lang));
  }

  documentSymbols(uri: string): DocumentSymbol[] {
    return this.with(uri, [], (d) => documentSymbols(d, this.lang));
  }

  foldingRanges(uri: string): FoldingRange[] {
    return this.with(uri, [], (d) => foldingRanges(d));
  }

  semanticTokens(uri: string): SemanticTokens {
    return this.with(uri, { data: [] }, (d) => semanticTokens(d));
  }

  format(uri: string, range?: Range): FormatAnswer {
    return this.with(uri, { edits: [] }, (d) =>
      range ? formatRange(d, range, this.lang) : formatDocument(d, this.lang),
    );
  }

  switchKeywords(uri: string, to?: KeywordSet): FormatAnswer {
    return this.with(uri, { edits: [] }, (d) => switchKeywords(d, this.lang, to));
  }

  inlayHints(uri: string, range: Range, source: FactsSource): ScoringAnswer {
    return this.with(uri, { hints: [] }, (d) => inlayHints(d, range, source, this.lang));
  }

  codeLenses(uri: string): CodeLens[] {
    return this.with(uri, [], (d) => codeLenses(d, this.lang));
  }

  private with<T>(uri: string, none: T, answer: (doc: RubricDocument) => T): T {
    const doc = this.documents.get(uri);
    return doc ? answer(doc) : none;
  }
}
