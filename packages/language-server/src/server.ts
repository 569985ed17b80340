// The language server: the language service behind the Language Server Protocol. The service keeps
// each document's text itself (it needs the change ranges to reparse only the edited block), so the
// server syncs incrementally and forwards every request. Diagnostics go out twice per edit: the
// checker's at once, and with the engine's analyses once typing pauses.
import { LanguageService, scoreWithCommand, semanticTokensLegend, type FactsSource } from "@kaoping/language-service";
import {
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from "vscode-languageserver";

export const switchKeywordsCommand = "kaoping.switchKeywords";

/** How long typing must pause before the engine's analyses run (they compile the rubric). */
const engineDelayMs = 300;

/** Starts answering on a connection; returns when the handlers are in place. */
export function startServer(connection: Connection): void {
  const service = new LanguageService();
  /** The facts each document is scored with inline, once the user has chosen them. */
  const scoring = new Map<string, FactsSource>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const option = (params.initializationOptions as { lang?: unknown } | undefined)?.lang;
    service.lang =
      option === "zh" || option === "en"
        ? option
        : (params.locale ?? "zh").toLowerCase().startsWith("zh")
          ? "zh"
          : "en";
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ["="] },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: {
          legend: {
            tokenTypes: [...semanticTokensLegend.tokenTypes],
            tokenModifiers: [...semanticTokensLegend.tokenModifiers],
          },
          full: true,
        },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        codeActionProvider: { codeActionKinds: ["quickfix"] },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [switchKeywordsCommand, scoreWithCommand] },
      },
      serverInfo: { name: "kaoping-language-server" },
    };
  });

  const publish = (uri: string, engine: boolean) => {
    const doc = service.document(uri);
    if (doc)
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: service.diagnostics(uri, { engine }) });
  };
  const analyse = (uri: string) => {
    publish(uri, false);
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        publish(uri, true);
        // The rubric's own tests, run now while typing pauses: hovers on criteria and the test
        // lenses read them, and would otherwise run them on the first request after an edit.
        void service.document(uri)?.tests;
        // Inline scores and test lenses depend on the compiled rubric: ask the client to refresh.
        if (scoring.has(uri)) void connection.languages.inlayHint.refresh().catch(() => undefined);
      }, engineDelayMs),
    );
  };

  connection.onDidOpenTextDocument(({ textDocument }) => {
    service.open(textDocument.uri, textDocument.text, textDocument.version);
    analyse(textDocument.uri);
  });
  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    service.change(textDocument.uri, contentChanges, textDocument.version);
    analyse(textDocument.uri);
  });
  connection.onDidCloseTextDocument(({ textDocument }) => {
    clearTimeout(timers.get(textDocument.uri));
    service.close(textDocument.uri);
    scoring.delete(textDocument.uri);
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
  });

  connection.onHover(({ textDocument, position }) => service.hover(textDocument.uri, position));
  connection.onCompletion(({ textDocument, position }) => service.completion(textDocument.uri, position));
  connection.onDefinition(({ textDocument, position }) => service.definition(textDocument.uri, position));
  connection.onReferences(({ textDocument, position, context }) =>
    service.references(textDocument.uri, position, context.includeDeclaration),
  );
  connection.onPrepareRename(({ textDocument, position }) => service.prepareRename(textDocument.uri, position));
  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const result = service.rename(textDocument.uri, position, newName);
    if (result && "error" in result) throw new Error(result.error);
    return result?.edit ?? null;
  });
  connection.onDocumentSymbol(({ textDocument }) => service.documentSymbols(textDocument.uri));
  connection.onFoldingRanges(({ textDocument }) => service.foldingRanges(textDocument.uri));
  connection.languages.semanticTokens.on(({ textDocument }) => service.semanticTokens(textDocument.uri));
  connection.onDocumentFormatting(({ textDocument }) => formatted(service.format(textDocument.uri)));
  connection.onDocumentRangeFormatting(({ textDocument, range }) => formatted(service.format(textDocument.uri, range)));
  connection.onCodeAction(({ textDocument, range }) => service.codeActions(textDocument.uri, range));
  connection.onCodeLens(({ textDocument }) => service.codeLenses(textDocument.uri));
  connection.languages.inlayHint.on(({ textDocument, range }) => {
    const source = scoring.get(textDocument.uri);
    if (!source) return [];
    const answer = service.inlayHints(textDocument.uri, range, source);
    return "hints" in answer ? answer.hints : [];
  });

  connection.onExecuteCommand(async ({ command, arguments: args = [] }) => {
    const [uri, argument] = args as [unknown, unknown];
    if (typeof uri !== "string" || !service.document(uri)) return null;
    if (command === switchKeywordsCommand) {
      const answer = service.switchKeywords(uri, argument === "zh" || argument === "en" ? argument : undefined);
      if ("error" in answer) {
        void connection.window.showWarningMessage(answer.error);
        return null;
      }
      await connection.workspace.applyEdit({ label: "switch keywords", edit: { changes: { [uri]: answer.edits } } });
      return null;
    }
    if (command === scoreWithCommand) {
      if (argument === null || typeof argument !== "object") scoring.delete(uri);
      else {
        const source = argument as FactsSource;
        const answer = service.inlayHints(
          uri,
          { start: { line: 0, character: 0 }, end: { line: Number.MAX_SAFE_INTEGER, character: 0 } },
          source,
        );
        if ("error" in answer) void connection.window.showWarningMessage(answer.error);
        scoring.set(uri, source);
      }
      await connection.languages.inlayHint.refresh().catch(() => undefined);
    }
    return null;
  });

  connection.listen();
}

/** A refused format is no edit, and the reason shown. */
function formatted(answer: ReturnType<LanguageService["format"]>) {
  return "edits" in answer ? answer.edits : [];
}
