// The server on this process's stdin and stdout, for `kaoping lsp --stdio` and editors that start
// a command (Neovim, Helix). Nothing else may write to stdout while it runs.
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { startServer } from "./server.ts";

/** Serves until the client sends `exit` (the connection then ends the process). */
export function serveStdio(): void {
  startServer(createConnection(ProposedFeatures.all, process.stdin, process.stdout));
}
