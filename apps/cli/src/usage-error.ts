// A mistake in how kaoping was called or in what it was given (an unknown option, a missing
// argument, a file that cannot be read, an invalid record): shown as a plain message, exit code 2.
import type { Message, MessageLanguage } from "@kaoping/language";

export class UsageError extends Error {
  /**
   * @param text the message in both languages (a plain string is shown as it is)
   * @param showUsage whether the command's usage line follows (for mistakes in the arguments)
   */
  constructor(
    readonly text: Message | string,
    readonly showUsage = false,
  ) {
    super(typeof text === "string" ? text : text.en);
  }

  /** The message in the user's language. */
  in(lang: MessageLanguage): string {
    return typeof this.text === "string" ? this.text : this.text[lang];
  }
}
