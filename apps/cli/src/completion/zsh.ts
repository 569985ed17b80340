// The zsh completion script (_arguments specs with descriptions in the user's language), loaded
// with `source <(kaoping completion zsh)` after compinit, or saved as `_kaoping` on $fpath.
import type { MessageLanguage } from "@kaoping/language";
import type { ArgumentSpec, Command, Completion, OptionSpec } from "../command.ts";
import { commonOptions } from "../args.ts";
import { globalOptions } from "../help.ts";

/** Inside a single-quoted _arguments spec: brackets and colons are syntax there. */
function text(s: string): string {
  return s
    .replace(/\\/g, "\\\\")
    .replace(/'/g, "'\\''")
    .replace(/([[\]:])/g, "\\$1");
}

function action(
  kind: Completion | undefined,
  choices: readonly string[] | undefined,
  commands: readonly Command[],
): string {
  if (choices) return `(${choices.join(" ")})`;
  if (kind === "command") return `(${commands.map((c) => c.name).join(" ")})`;
  if (kind === "rubric") return `_files -g "*.rubric"`;
  if (kind === "facts") return `_files -g "*.(json|csv)"`;
  if (kind === "file") return "_files";
  return " ";
}

function optionSpecs(options: readonly OptionSpec[], lang: MessageLanguage, commands: readonly Command[]): string[] {
  return options.map((o) => {
    const description = `[${text(o.description[lang])}]`;
    const value = o.value
      ? `:${text(o.value.placeholder[lang])}:${action(o.value.complete, o.value.choices, commands)}`
      : "";
    // -h/--help and -v/--version end the command line: nothing else is offered with them.
    const exclusive = o.name === "help" || o.name === "version" ? "(- *)" : "";
    return o.short
      ? `'${exclusive}'{-${o.short},--${o.name}}'${description}${value}'`
      : `'${exclusive}--${o.name}${description}${value}'`;
  });
}

function argumentSpec(a: ArgumentSpec, i: number, lang: MessageLanguage, commands: readonly Command[]): string {
  return `'${a.variadic ? "*" : String(i + 1)}:${text(a.placeholder[lang])}:${action(a.complete, a.choices, commands)}'`;
}

/** `kaoping completion zsh`. */
export function zshCompletion(commands: readonly Command[], lang: MessageLanguage): string {
  const cases = commands.map((c) => {
    const specs = [
      ...optionSpecs([...c.options, ...commonOptions], lang, commands),
      ...c.arguments.map((a, i) => argumentSpec(a, i, lang, commands)),
    ];
    return `    ${c.name})\n      _arguments -s \\\n        ${specs.join(" \\\n        ")}\n      ;;`;
  });
  return `#compdef kaoping
# kaoping completion for zsh. Load it in ~/.zshrc after compinit with:  source <(kaoping completion zsh)
_kaoping() {
  local context state state_descr line
  typeset -A opt_args
  local -a commands
  _arguments -C \\
    ${optionSpecs(globalOptions, lang, commands).join(" \\\n    ")} \\
    '1:${lang === "zh" ? "命令" : "command"}:->command' \\
    '*::${lang === "zh" ? "参数" : "argument"}:->argument'
  case $state in
    command)
      commands=(
        ${commands.map((c) => `'${c.name}:${c.summary[lang].replace(/'/g, "'\\''")}'`).join("\n        ")}
      )
      _describe -t commands '${lang === "zh" ? "命令" : "command"}' commands
      ;;
    argument)
      case $line[1] in
${cases.join("\n")}
      esac
      ;;
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _kaoping "$@"; else compdef _kaoping kaoping; fi
`;
}
