import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en.ts";
import { zhCN } from "./zh-cn.ts";

export type Language = "zh-CN" | "en";

const storageKey = "kaoping.lang";

/** The language chosen last time on this browser, Chinese unless English was picked. */
export function storedLanguage(): Language {
  try {
    return globalThis.localStorage?.getItem(storageKey) === "en" ? "en" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

/** Starts i18next with both catalogues; zh-CN is the default and the fallback. */
export function initI18n(lang: Language = storedLanguage()): typeof i18next {
  void i18next.use(initReactI18next).init({
    lng: lang,
    fallbackLng: "zh-CN",
    resources: { "zh-CN": { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = lang;
  return i18next;
}

/** Switches the language and remembers the choice. */
export async function switchLanguage(lang: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(storageKey, lang);
  } catch {
    // Private browsing may refuse storage; the switch still applies to this page.
  }
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}
