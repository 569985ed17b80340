// kaoping help [command]: the overview, or one command's help (the same as `kaoping <command> --help`).
import { unknownCommand } from "../args.ts";
import type { Command, CommandContext } from "../command.ts";
import { EXIT } from "../exit-codes.ts";
import { commandHelp, overviewHelp } from "../help.ts";
import { version } from "../version.ts";

/** The help command over `all()`, the full command list (itself included). */
export function helpCommand(all: () => readonly Command[]): Command {
  return {
    name: "help",
    summary: { zh: "显示命令的帮助", en: "show the help of a command" },
    description: {
      zh: "不带参数时显示全部命令；带命令名时显示该命令的用法、选项、示例和退出码。",
      en: "Without an argument, lists every command; with a command's name, shows its usage, options, examples\nand exit codes.",
    },
    arguments: [
      {
        placeholder: { zh: "命令", en: "command" },
        required: false,
        complete: "command",
        description: { zh: "要查看帮助的命令", en: "the command to show the help of" },
      },
    ],
    options: [],
    examples: [
      { command: "kaoping help score", description: { zh: "查看 score 的帮助", en: "show the help of score" } },
    ],
    exits: [
      { code: EXIT.ok, meaning: { zh: "已显示帮助", en: "the help was shown" } },
      { code: EXIT.usage, meaning: { zh: "没有这个命令", en: "no such command" } },
    ],
    run(ctx: CommandContext) {
      const commands = all();
      const name = ctx.positionals[0];
      if (name === undefined) {
        ctx.out(overviewHelp(commands, ctx.lang, ctx.color, version()));
        return EXIT.ok;
      }
      const command = commands.find((c) => c.name === name);
      if (!command) throw unknownCommand(name, commands);
      ctx.out(commandHelp(command, ctx.lang, ctx.color));
      return EXIT.ok;
    },
  };
}
