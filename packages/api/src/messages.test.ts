// The message table: the language a request asks for, and the web app's catalogues naming exactly
// the keys the server sends (read as text: the API does not import the web app).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { languageFrom, SERVER_MESSAGE_KEYS, serverMessage } from "./messages.ts";

/** The keys of the `server: { … }` block of a web catalogue. */
function catalogueKeys(file: string): string[] {
  const text = readFileSync(resolve(import.meta.dirname, "../../../apps/web/src/i18n", file), "utf8");
  const block = /\n {2}server: \{\n([\s\S]*?)\n {2}\}/.exec(text)?.[1] ?? "";
  return [...block.matchAll(/^ {4}([A-Za-z]+):/gm)].map((m) => m[1] as string).sort();
}

describe("server messages", () => {
  it("answer in the language the request prefers, Chinese by default", () => {
    expect(languageFrom(undefined)).toBe("zh");
    expect(languageFrom("")).toBe("zh");
    expect(languageFrom("en")).toBe("en");
    expect(languageFrom("en-GB,en;q=0.9")).toBe("en");
    expect(languageFrom("zh-CN")).toBe("zh");
    expect(languageFrom("fr-FR, en;q=0.5, zh;q=0.8")).toBe("zh");
    expect(languageFrom("de, en;q=0.3")).toBe("en");
    expect(languageFrom("en;q=0, zh-TW")).toBe("zh");
    expect(languageFrom("fr")).toBe("zh");
  });

  it("have a key in both web catalogues for every key the server sends, and no other", () => {
    const keys = [...SERVER_MESSAGE_KEYS].sort();
    expect(catalogueKeys("zh-cn.ts")).toEqual(keys);
    expect(catalogueKeys("en.ts")).toEqual(keys);
  });

  it("say a parameter in words of the language being written", () => {
    const status = { zh: "已提交", en: "submitted" };
    expect(serverMessage("evidenceOnlyInDraft", { status }, "zh")).toBe(
      "考核表状态为「已提交」；只有草稿或退回的考核表可以修改佐证材料",
    );
    expect(serverMessage("evidenceOnlyInDraft", { status }, "en")).toBe(
      "the assessment is submitted; evidence can change only in a draft",
    );
  });
});
