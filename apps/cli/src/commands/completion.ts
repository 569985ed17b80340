// kaoping completion bash|zsh|fish: prints the shell's completion script, generated from the
// command specs (descriptions in the user's language).
import type { Command, CommandContext } from "../command.ts";
import { bashCompletion } from "../completion/bash.ts";
import { fishCompletion } from "../completion/fish.ts";
import { zshCompletion } from "../completion/zsh.ts";
import { EXIT } from "../exit-codes.ts";

/** The completion command over `all()`, the full command list (itself included). */
export function completionCommand(all: () => readonly Command[]): Command {
  return {
    name: "completion",
    summary: { zh: "输出 shell 补全脚本（bash、zsh、fish）", en: "print a shell completion script (bash, zsh, fish)" },
    description: {
      zh: "输出 kaoping 的 shell 补全脚本：命令、选项、选项的取值和文件名（.rubric、.json、.csv）。\n安装方法见示例。",
      en: "Prints kaoping's completion script for a shell: commands, options, option values and file names\n(.rubric, .json, .csv). The examples show how to install it.",
    },
    arguments: [
      {
        placeholder: { zh: "shell", en: "shell" },
        required: true,
        complete: "none",
        choices: ["bash", "zsh", "fish"],
        description: { zh: "bash、zsh 或 fish", en: "bash, zsh or fish" },
      },
    ],
    options: [],
    examples: [
      {
        command: "echo 'source <(kaoping completion bash)' >> ~/.bashrc",
        description: { zh: "bash：每次启动时加载", en: "bash: load it at every start" },
      },
      {
        command: 'kaoping completion zsh > "${fpath[1]}/_kaoping"',
        description: {
          zh: "zsh：放到 $fpath 中（或在 compinit 之后 source <(kaoping completion zsh)）",
          en: "zsh: put it on $fpath (or source <(kaoping completion zsh) after compinit)",
        },
      },
      {
        command: "kaoping completion fish > ~/.config/fish/completions/kaoping.fish",
        description: { zh: "fish：放到补全目录", en: "fish: put it in the completions folder" },
      },
    ],
    exits: [
      { code: EXIT.ok, meaning: { zh: "已输出脚本", en: "the script was printed" } },
      { code: EXIT.usage, meaning: { zh: "不支持的 shell", en: "a shell not supported" } },
    ],
    run(ctx: CommandContext) {
      const shell = ctx.positionals[0];
      const commands = all();
      ctx.out(
        shell === "bash"
          ? bashCompletion(commands)
          : shell === "zsh"
            ? zshCompletion(commands, ctx.lang)
            : fishCompletion(commands, ctx.lang),
      );
      return EXIT.ok;
    },
  };
}
