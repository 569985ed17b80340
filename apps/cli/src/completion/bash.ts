// The bash completion script: commands, each command's options, option values (choices or
// files) and arguments by position (rubric files, facts files, choices). Plain bash: it needs
// neither the bash-completion package nor extglob.
import type { Command, Completion, OptionSpec } from "../command.ts";
import { commonOptions } from "../args.ts";
import { globalOptions } from "../help.ts";

function words(options: readonly OptionSpec[]): string {
  return options.flatMap((o) => [`--${o.name}`, ...(o.short ? [`-${o.short}`] : [])]).join(" ");
}

function complete(
  kind: Completion | undefined,
  choices: readonly string[] | undefined,
  commands: readonly Command[],
): string {
  if (choices) return `COMPREPLY=($(compgen -W "${choices.join(" ")}" -- "$cur"))`;
  if (kind === "command") return `COMPREPLY=($(compgen -W "${commands.map((c) => c.name).join(" ")}" -- "$cur"))`;
  if (kind === "rubric" || kind === "facts" || kind === "file") return `_kaoping_files ${kind}`;
  return "COMPREPLY=()";
}

/** Completes the value of the option before the cursor, and returns; falls through otherwise. */
function valueCases(options: readonly OptionSpec[], commands: readonly Command[]): string[] {
  return options
    .filter((o) => o.value)
    .map((o) => `        --${o.name}) ${complete(o.value?.complete, o.value?.choices, commands)}; return ;;`);
}

function commandCase(command: Command, commands: readonly Command[]): string {
  const options = [...command.options, ...commonOptions];
  const taking = options.filter((o) => o.value).map((o) => `--${o.name}`);
  const positions = command.arguments.map((a, i) => {
    const when = a.variadic ? `*` : String(i);
    return `        ${when}) ${complete(a.complete, a.choices, commands)} ;;`;
  });
  return [
    `    ${command.name})`,
    `      case $prev in`,
    ...valueCases(options, commands),
    `      esac`,
    `      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "${words(options)}" -- "$cur")); return; fi`,
    `      _kaoping_position "${taking.join(" ")}"`,
    `      case $position in`,
    ...positions,
    `      esac`,
    `      ;;`,
  ].join("\n");
}

/** `kaoping completion bash`. */
export function bashCompletion(commands: readonly Command[]): string {
  const globalTaking = globalOptions.filter((o) => o.value).map((o) => `--${o.name}`);
  return `# kaoping completion for bash. Load it in ~/.bashrc with:  source <(kaoping completion bash)
_kaoping_files() {
  local IFS=$'\\n'
  case $1 in
    rubric) COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.rubric' -- "$cur")) ;;
    facts) COMPREPLY=($(compgen -d -- "$cur") $(compgen -f -X '!*.json' -- "$cur") $(compgen -f -X '!*.csv' -- "$cur")) ;;
    *) COMPREPLY=($(compgen -f -- "$cur")) ;;
  esac
  compopt -o filenames 2>/dev/null
}

# Sets position to the index of the argument under the cursor, not counting options and the
# values of the options in $1.
_kaoping_position() {
  local i word
  position=0
  for ((i = command_at + 1; i < COMP_CWORD; i++)); do
    word=\${COMP_WORDS[i]}
    case " $1 " in *" $word "*) ((i++)); continue ;; esac
    [[ $word == -* ]] || ((position++))
  done
}

_kaoping() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]}
  local command="" command_at=0 position=0 i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case \${COMP_WORDS[i]} in
      ${globalTaking.join("|")}) ((i++)) ;;
      -*) ;;
      *) command=\${COMP_WORDS[i]}; command_at=$i; break ;;
    esac
  done
  COMPREPLY=()
  case $command in
    "")
      case $prev in
${valueCases(globalOptions, commands).join("\n")}
      esac
      if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "${words(globalOptions)}" -- "$cur"))
      else COMPREPLY=($(compgen -W "${commands.map((c) => c.name).join(" ")}" -- "$cur")); fi
      ;;
${commands.map((c) => commandCase(c, commands)).join("\n")}
  esac
}
complete -F _kaoping kaoping
`;
}
