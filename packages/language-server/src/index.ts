// @kaoping/language-server: the rubric language service over the Language Server Protocol, for
// VS Code (apps/vscode bundles it), `pnpm kaoping lsp --stdio`, and any LSP editor. This entry is
// transport-free (it runs in a browser worker too, on vscode-languageserver/browser); the stdio
// transport is "@kaoping/language-server/stdio".
export { startServer, switchKeywordsCommand } from "./server.ts";
