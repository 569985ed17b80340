// What every command gets: its arguments, flags and the output language.
import type { MessageLanguage } from "@kaoping/language";

export interface CommandContext {
  readonly positionals: readonly string[];
  readonly flags: Readonly<Record<string, string | boolean | undefined>>;
  /** The language of messages (--lang for check, KAOPING_LANG, zh by default). */
  readonly lang: MessageLanguage;
  readonly color: boolean;
  out(text: string): void;
}
