import { describe, expect, test } from "vitest";
import { formattersFor, localeOf, messageLang } from "./format.ts";

// A fixed moment in local time, so that the test reads the same in every time zone.
const moment = new Date(2026, 11, 2, 16, 5, 9);
// Newer ICU data puts a narrow no-break space before "PM".
const spaced = (text: string) => text.replace(/\s/g, " ");

describe("formatting follows the interface language, not the browser's", () => {
  test("dates and times", () => {
    expect(formattersFor("zh-CN").dateTime(moment)).toBe("2026/12/2 16:05:09");
    expect(spaced(formattersFor("en").dateTime(moment))).toBe("12/2/2026, 4:05:09 PM");
    expect(spaced(formattersFor("en").dateTime(moment.toISOString()))).toBe("12/2/2026, 4:05:09 PM");
    expect(formattersFor("en").dateTime(null)).toBe("—");
  });

  test("numbers keep every decimal a score has and group thousands", () => {
    expect(formattersFor("zh-CN").number(109.2)).toBe("109.2");
    expect(formattersFor("en").number(12345.123456)).toBe("12,345.123456");
    expect(formattersFor("zh-CN").number(12345.123456)).toBe("12,345.123456");
    expect(formattersFor("en").number(-3)).toBe("-3");
    expect(formattersFor("en").number(2.345678, 2)).toBe("2.35");
  });

  test("percentages are given in percent points", () => {
    expect(formattersFor("zh-CN").percent(60)).toBe("60%");
    expect(formattersFor("en").percent(33.3)).toBe("33.3%");
    expect(formattersFor("en").percent(12.3456)).toBe("12.3456%");
    expect(formattersFor("en").percent(100)).toBe("100%");
  });

  test("any language but English formats as Chinese, the app's default", () => {
    expect(localeOf("en")).toBe("en");
    expect(localeOf("zh-CN")).toBe("zh-CN");
    expect(localeOf("fr")).toBe("zh-CN");
    expect(messageLang("en")).toBe("en");
    expect(messageLang("zh-CN")).toBe("zh");
    expect(formattersFor("").dateTime(moment)).toBe(formattersFor("zh-CN").dateTime(moment));
  });
});
