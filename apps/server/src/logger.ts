// The server's logger: pino JSON lines for machines (CI, containers, log shippers), and readable
// coloured lines for a person watching a terminal. The same calls and fields feed both.
import { pino, type Logger } from "pino";
import { build as prettyStream } from "pino-pretty";

export type LogFormat = "json" | "pretty";

/** "pretty" when `stream` is a terminal, JSON otherwise; LOG_FORMAT=json|pretty overrides. */
export function chooseLogFormat(setting: string | undefined, stream: { readonly isTTY?: boolean }): LogFormat {
  if (setting === "json" || setting === "pretty") return setting;
  if (setting) throw new Error(`LOG_FORMAT must be json or pretty, not ${setting}`);
  return stream.isTTY ? "pretty" : "json";
}

export interface LoggerOptions {
  readonly level: string;
  readonly format: LogFormat;
  /** Where lines go; stdout by default (tests pass a collecting stream). */
  readonly destination?: NodeJS.WritableStream;
}

/** A pino logger writing `format` lines at `level`. */
export function createLogger(options: LoggerOptions): Logger {
  const base = { level: options.level, base: { pid: process.pid } };
  if (options.format === "json") {
    return options.destination ? pino(base, options.destination) : pino(base);
  }
  // Formatted in this thread and written synchronously, not in a transport worker: lines come out
  // in order with what the server prints directly (the first-start accounts) and none are lost
  // when it exits right after logging.
  return pino(
    base,
    prettyStream({
      sync: true,
      colorize: options.destination === undefined && Boolean(process.stdout.isTTY),
      translateTime: "SYS:HH:MM:ss",
      ignore: "pid,hostname",
      // One line per event: a request log of four fields should not take five lines.
      singleLine: true,
      ...(options.destination ? { destination: options.destination } : {}),
    }),
  );
}
