import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { chooseLogFormat, createLogger, type LogFormat } from "./logger.ts";

/** The lines a logger of `format` writes for one info call. */
function logOnce(format: LogFormat): string {
  let written = "";
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      written += chunk.toString();
      callback();
    },
  });
  createLogger({ level: "info", format, destination }).info({ url: "http://localhost:3000/" }, "Kaoping is listening");
  return written;
}

describe("logs", () => {
  it("are readable lines on a terminal and JSON elsewhere, unless LOG_FORMAT says", () => {
    expect(chooseLogFormat(undefined, { isTTY: true })).toBe("pretty");
    expect(chooseLogFormat(undefined, { isTTY: false })).toBe("json");
    expect(chooseLogFormat(undefined, {})).toBe("json");
    expect(chooseLogFormat("json", { isTTY: true })).toBe("json");
    expect(chooseLogFormat("pretty", { isTTY: false })).toBe("pretty");
    expect(() => chooseLogFormat("yaml", { isTTY: true })).toThrow(/LOG_FORMAT must be json or pretty/);
  });

  it("writes one JSON object per line for machines", () => {
    const line = logOnce("json").trim();
    expect(JSON.parse(line)).toMatchObject({ level: 30, msg: "Kaoping is listening", url: "http://localhost:3000/" });
  });

  it("writes a time, the level and the message as text for people", () => {
    const text = logOnce("pretty");
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: Kaoping is listening \{"url":"http:\/\/localhost:3000\/"\}\n$/);
    expect(() => JSON.parse(text)).toThrow();
  });
});
