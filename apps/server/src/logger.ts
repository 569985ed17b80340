// The server's logger: pino JSON lines for machines (CI, containers, log shippers), and readable
// coloured lines for a person watching a terminal. The same calls and fields feed both.
import { destination, pino, type DestinationStream, type Logger } from "pino";
import { prettyFactory } from "pino-pretty";

export type LogFormat = "json" | "pretty";

/** "pretty" when `stream` is a terminal, JSON otherwise; LOG_FORMAT=json|pretty overrides. */
export function chooseLogFormat(setting: LogFormat | undefined, stream: { readonly isTTY?: boolean }): LogFormat {
  return setting ?? (stream.isTTY ? "pretty" : "json");
}

export interface LoggerOptions {
  readonly level: string;
  readonly format: LogFormat;
  /** Where lines go; stdout by default (tests pass a collecting stream). */
  readonly destination?: DestinationStream;
}

export interface ServerLog {
  readonly logger: Logger;
  /** Writes `text` as it is, in order with the log lines (the first-start accounts block). */
  print(text: string): void;
}

/** A pino logger writing `format` lines at `level`, and a way to print plain text among them. */
export function createLogger(options: LoggerOptions): ServerLog {
  // Synchronous writes: lines come out in the order they were made, together with what is printed
  // plainly, and none are lost when the process exits right after logging or is killed. One
  // write per request costs little beside the database round trips it logs.
  const out = options.destination ?? destination({ dest: 1, sync: true });
  const base = { level: options.level, base: { pid: process.pid } };
  const print = (text: string) => void out.write(text);
  if (options.format === "json") return { logger: pino(base, out), print };
  // Formatted in this thread as each line is made, not in a transport worker, for the same ordering.
  const prettify: (line: string) => string = prettyFactory({
    colorize: options.destination === undefined && Boolean(process.stdout.isTTY),
    translateTime: "SYS:HH:MM:ss",
    ignore: "pid,hostname",
    // One line per event: a request log of four fields should not take five lines.
    singleLine: true,
  });
  const pretty: DestinationStream = { write: (line) => print(prettify(line)) };
  return { logger: pino(base, pretty), print };
}
