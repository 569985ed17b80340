// @kaoping/language-server: the rubric language service over the Language Server Protocol, for
// VS Code (apps/vscode bundles it), `pnpm kaoping lsp --stdio`, and any LSP editor.
export { startServer, switchKeywordsCommand } from "./server.ts";
export { serveStdio } from "./stdio.ts";
