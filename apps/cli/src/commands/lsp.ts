// kaoping lsp --stdio: the rubric language server on stdin and stdout, for VS Code and any LSP
// editor (Neovim, Helix). It serves until the editor sends `exit`.
import { serveStdio } from "@kaoping/language-server/stdio";
import type { Command, CommandContext } from "../command.ts";
import { EXIT, usageExit } from "../exit-codes.ts";
import { UsageError } from "../usage-error.ts";

function runLsp(ctx: CommandContext): Promise<number> {
  if (ctx.flags["stdio"] !== true)
    throw new UsageError(
      {
        zh: "请写 --stdio：语言服务器只在标准输入输出上运行",
        en: "write --stdio: the language server runs on standard input and output only",
      },
      true,
    );
  serveStdio();
  // The connection ends the process on `exit`; until then the command is not done.
  return new Promise<number>(() => undefined);
}

export const lspCommand: Command = {
  name: "lsp",
  summary: {
    zh: "在标准输入输出上运行评分细则的语言服务器",
    en: "run the rubric language server on standard input and output",
  },
  description: {
    zh: "供编辑器启动：VS Code 插件、Neovim、Helix 等通过语言服务器协议（LSP）获得诊断、悬停、补全、重命名、排版和行内计分。",
    en: "For editors to start: the VS Code extension, Neovim, Helix and others get diagnostics, hover,\ncompletion, rename, formatting and inline scoring over the Language Server Protocol (LSP).",
  },
  arguments: [],
  options: [{ name: "stdio", description: { zh: "在标准输入输出上通信", en: "talk on standard input and output" } }],
  examples: [{ command: "kaoping lsp --stdio", description: { zh: "由编辑器启动", en: "started by an editor" } }],
  exits: [{ code: EXIT.ok, meaning: { zh: "编辑器要求退出", en: "the editor asked it to exit" } }, usageExit],
  run: runLsp,
};
