// What a command is (its name, help text, arguments, options, examples and exit codes, in both
// languages) and what it gets when it runs. The help, the argument parser and the shell
// completions are all read from these specs, so they cannot drift apart.
import type { Message, MessageLanguage } from "@kaoping/language";
import type { Progress } from "./progress.ts";

/** What the shell offers for a value: rubric files, facts files, any file, command names, or nothing. */
export type Completion = "rubric" | "facts" | "file" | "command" | "none";

export interface OptionSpec {
  /** The long name, without `--`. */
  readonly name: string;
  readonly short?: string;
  /** Absent for a flag; otherwise the value's placeholder, allowed values and completion. */
  readonly value?: {
    readonly placeholder: Message;
    readonly choices?: readonly string[];
    readonly complete?: Completion;
  };
  readonly description: Message;
}

export interface ArgumentSpec {
  readonly placeholder: Message;
  readonly required: boolean;
  /** Takes every remaining argument (only the last argument may). */
  readonly variadic?: boolean;
  readonly complete: Completion;
  /** The only values allowed (the shell offers them). */
  readonly choices?: readonly string[];
  readonly description: Message;
}

export interface Example {
  readonly command: string;
  readonly description: Message;
}

export interface ExitStatus {
  readonly code: number;
  readonly meaning: Message;
}

export interface Command {
  readonly name: string;
  /** One line: the overview and the shell completions show it. */
  readonly summary: Message;
  /** A few lines more for `--help`. */
  readonly description: Message;
  readonly arguments: readonly ArgumentSpec[];
  /** The command's own options; `--lang` and `--help` are added to every command. */
  readonly options: readonly OptionSpec[];
  readonly examples: readonly Example[];
  readonly exits: readonly ExitStatus[];
  run(ctx: CommandContext): number | Promise<number>;
}

/** What every command gets: its arguments, flags, the output language and the terminal. */
export interface CommandContext {
  readonly positionals: readonly string[];
  readonly flags: Readonly<Record<string, string | boolean | undefined>>;
  /** The language of messages (--lang, else KAOPING_LANG, else zh). */
  readonly lang: MessageLanguage;
  /** Whether standard output takes colours (a terminal, FORCE_COLOR, NO_COLOR). */
  readonly color: boolean;
  /** A line on standard output. */
  out(text: string): void;
  /** A line on standard error. */
  err(text: string): void;
  /** A progress bar on standard error when it is a terminal; does nothing otherwise. */
  progress(label: Message, total: number): Progress;
}
