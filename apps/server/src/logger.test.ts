import { describe, expect, it } from "vitest";
import { chooseLogFormat, createLogger, type LogFormat } from "./logger.ts";

/** What a logger of `format` writes for a log line, a printed block and another log line. */
function logOnce(format: LogFormat): string {
  let written = "";
  const destination = { write: (text: string) => void (written += text) };
  const { logger, print } = createLogger({ level: "info", format, destination });
  logger.info({ url: "http://localhost:3000/" }, "Kaoping is listening");
  print("  a plain block\n");
  logger.info("after it");
  return written;
}

describe("logs", () => {
  it("are readable lines on a terminal and JSON elsewhere, unless LOG_FORMAT says", () => {
    expect(chooseLogFormat(undefined, { isTTY: true })).toBe("pretty");
    expect(chooseLogFormat(undefined, { isTTY: false })).toBe("json");
    expect(chooseLogFormat(undefined, {})).toBe("json");
    expect(chooseLogFormat("json", { isTTY: true })).toBe("json");
    expect(chooseLogFormat("pretty", { isTTY: false })).toBe("pretty");
  });

  it("writes one JSON object per line for machines", () => {
    const [first, plain, last] = logOnce("json").trim().split("\n");
    expect(JSON.parse(first!)).toMatchObject({ level: 30, msg: "Kaoping is listening", url: "http://localhost:3000/" });
    // Printed text comes out where it was printed, between the log lines.
    expect(plain).toBe("  a plain block");
    expect(JSON.parse(last!)).toMatchObject({ msg: "after it" });
  });

  it("writes a time, the level and the message as text for people", () => {
    const text = logOnce("pretty");
    expect(text).toMatch(
      /^\[\d\d:\d\d:\d\d\] INFO: Kaoping is listening \{"url":"http:\/\/localhost:3000\/"\}\n {2}a plain block\n\[[\d:]+\] INFO: after it\n$/,
    );
    expect(() => JSON.parse(text)).toThrow();
  });
});
