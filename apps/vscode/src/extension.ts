// The VS Code extension: starts the bundled language server for .rubric files and adds the commands
// that need VS Code's own UI (pick a test, open a facts file). Everything else is the server's.
import * as vscode from "vscode";
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

/** The server's commands (registered for it by the client library). */
const serverCommand = { switchKeywords: "kaoping.switchKeywords", scoreWith: "kaoping.scoreWith" } as const;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath("dist/server.cjs");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio },
  };
  const setting = vscode.workspace.getConfiguration("kaoping").get<string>("messageLanguage", "auto");
  const lang =
    setting === "zh" || setting === "en" ? setting : vscode.env.language.toLowerCase().startsWith("zh") ? "zh" : "en";
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: "kaoping-rubric" }],
    initializationOptions: { lang },
  };
  client = new LanguageClient("kaoping", "Kaoping rubrics", serverOptions, clientOptions);

  const rubric = (): vscode.TextDocument | undefined => {
    const doc = vscode.window.activeTextEditor?.document;
    return doc?.languageId === "kaoping-rubric" ? doc : undefined;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand("kaoping.switchKeywordSet", async () => {
      const doc = rubric();
      if (doc) await vscode.commands.executeCommand(serverCommand.switchKeywords, doc.uri.toString());
    }),
    vscode.commands.registerCommand("kaoping.scoreWithTest", async () => {
      const doc = rubric();
      if (!doc) return;
      // The server's code lenses name every test (and say whether it passes).
      const lenses =
        (await vscode.commands.executeCommand<vscode.CodeLens[]>("vscode.executeCodeLensProvider", doc.uri)) ?? [];
      const tests = lenses.flatMap((l) => {
        const source = l.command?.arguments?.[1] as { test?: unknown } | undefined;
        return typeof source?.test === "string"
          ? [{ label: source.test, description: l.command?.title.split(" · ")[0] ?? "" }]
          : [];
      });
      const picked = await vscode.window.showQuickPick(tests, {
        placeHolder: lang === "zh" ? "用哪个测试的事实计分？" : "Score with which test's facts?",
      });
      if (picked)
        await vscode.commands.executeCommand(serverCommand.scoreWith, doc.uri.toString(), { test: picked.label });
    }),
    vscode.commands.registerCommand("kaoping.scoreWithFacts", async () => {
      const doc = rubric();
      if (!doc) return;
      const [file] = (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { JSON: ["json"] } })) ?? [];
      if (!file) return;
      try {
        const facts: unknown = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
        await vscode.commands.executeCommand(serverCommand.scoreWith, doc.uri.toString(), { facts });
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        void vscode.window.showErrorMessage(
          lang === "zh" ? `无法读取事实文件：${why}` : `cannot read the facts file: ${why}`,
        );
      }
    }),
    vscode.commands.registerCommand("kaoping.scoreOff", async () => {
      const doc = rubric();
      if (doc) await vscode.commands.executeCommand(serverCommand.scoreWith, doc.uri.toString(), null);
    }),
  );
  await client.start();
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
