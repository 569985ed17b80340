// The server the extension starts (bundled into dist/server.cjs): the language server on stdio.
import { serveStdio } from "@kaoping/language-server/stdio";

serveStdio();
