// The fish completion script: `complete` lines for commands, options (with descriptions in the
// user's language), option values and arguments (rubric files, facts files, choices).
import type { MessageLanguage } from "@kaoping/language";
import type { Command, Completion, OptionSpec } from "../command.ts";
import { commonOptions } from "../args.ts";
import { globalOptions } from "../help.ts";

function quote(s: string): string {
  return `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

function values(
  kind: Completion | undefined,
  choices: readonly string[] | undefined,
  commands: readonly Command[],
): string {
  if (choices) return `-a ${quote(choices.join(" "))}`;
  if (kind === "command") return `-a ${quote(commands.map((c) => c.name).join(" "))}`;
  if (kind === "rubric") return "-a '(__fish_complete_suffix .rubric)'";
  if (kind === "facts") return "-a '(__fish_complete_suffix .json; __fish_complete_suffix .csv)'";
  if (kind === "file") return "-F";
  return "";
}

function optionLines(
  condition: string,
  options: readonly OptionSpec[],
  lang: MessageLanguage,
  commands: readonly Command[],
): string[] {
  return options.map((o) => {
    const names = `${o.short ? `-s ${o.short} ` : ""}-l ${o.name}`;
    // -x: a value is required and only the given ones are offered; -r -F: any file.
    const v = o.value ? values(o.value.complete, o.value.choices, commands) : "";
    const value = !o.value ? "" : v === "-F" ? " -r -F" : ` -x ${v}`;
    return `complete -c kaoping -n ${quote(condition)} ${names}${value} -d ${quote(o.description[lang])}`;
  });
}

/** `kaoping completion fish`. */
export function fishCompletion(commands: readonly Command[], lang: MessageLanguage): string {
  const first = "__fish_use_subcommand";
  const lines = [
    "# kaoping completion for fish. Save it with:  kaoping completion fish > ~/.config/fish/completions/kaoping.fish",
    "complete -c kaoping -f",
    ...commands.map((c) => `complete -c kaoping -n ${first} -a ${c.name} -d ${quote(c.summary[lang])}`),
    ...optionLines(first, globalOptions, lang, commands),
  ];
  for (const c of commands) {
    const condition = `__fish_seen_subcommand_from ${c.name}`;
    lines.push(...optionLines(condition, [...c.options, ...commonOptions], lang, commands));
    // fish has no argument positions: offer what any of the command's arguments takes.
    for (const a of c.arguments) {
      const v = values(a.complete, a.choices, commands);
      if (v) lines.push(`complete -c kaoping -n ${quote(condition)} ${v}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
