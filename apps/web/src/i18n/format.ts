// Dates, numbers and percentages in the interface language, never the browser's: an office that
// picked 中文 on an English browser still reads 2026/12/2, and an English page reads 12/2/2026.
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/** The formatters of one interface language. */
export interface Formatters {
  /** The locale the formatters use ("zh-CN" or "en"). */
  readonly locale: string;
  /** A moment (ISO text or Date) with date and time to the second; "—" for none. */
  dateTime(at: string | Date | null | undefined): string;
  /** A number grouped by thousands, with at most `decimals` decimals (six: points are exact to six). */
  number(value: number, decimals?: number): string;
  /** A percentage given in percent points (60 → "60%"), up to four decimals. */
  percent(value: number): string;
}

/** The Intl locale of an interface language: English when the app speaks English, else Chinese. */
export function localeOf(language: string): "zh-CN" | "en" {
  return language === "en" ? "en" : "zh-CN";
}

/** Which half of the engine's bilingual texts ({ zh, en }) an interface language shows. */
export function messageLang(language: string): "zh" | "en" {
  return language === "en" ? "en" : "zh";
}

/** Formatters for an interface language (i18next's `language`). */
export function formattersFor(language: string): Formatters {
  const locale = localeOf(language);
  const dateTime = new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    second: "2-digit",
  });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 4 });
  return {
    locale,
    dateTime: (at) =>
      at === null || at === undefined ? "—" : dateTime.format(typeof at === "string" ? new Date(at) : at),
    number: (value, decimals = 6) =>
      (decimals === 6 ? number : new Intl.NumberFormat(locale, { maximumFractionDigits: decimals })).format(value),
    // Divided as a decimal string would be: 33.3 / 100 in binary is 0.33299999999999996.
    percent: (value) => percent.format(Number((value / 100).toPrecision(15))),
  };
}

/** The formatters of the language the interface shows now; follows a switch of language. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => formattersFor(i18n.language), [i18n.language]);
}
