// Every feature answers on every slip of the checker's golden files, at every line, and on
// truncated texts: an editor asks while the text is half-written, and the service never throws.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LanguageService } from "../src/index.ts";
import { annex, everything } from "./support.ts";

const errDir = fileURLToPath(new URL("../../language/test/fixtures/check/err/", import.meta.url));
const texts = readdirSync(errDir)
  .filter((f) => f.endsWith(".rubric"))
  .map((f) => [f, readFileSync(errDir + f, "utf8")] as const);
const village = annex("village-quality");
const cuts = [0.1, 0.37, 0.5, 0.83].map(
  (f) => [`village cut at ${f}`, village.slice(0, Math.floor(village.length * f))] as const,
);

function askEverything(text: string): void {
  const service = new LanguageService({ lang: "en" });
  const uri = "file:///x.rubric";
  service.open(uri, text, 1);
  service.diagnostics(uri);
  service.codeActions(uri, everything);
  service.documentSymbols(uri);
  service.foldingRanges(uri);
  service.semanticTokens(uri);
  service.format(uri);
  service.format(uri, { start: { line: 3, character: 0 }, end: { line: 6, character: 0 } });
  service.switchKeywords(uri);
  service.codeLenses(uri);
  service.inlayHints(uri, everything, { test: "x" });
  service.inlayHints(uri, everything, { facts: { anything: 1 } });
  const lines = text.split("\n");
  lines.forEach((line, l) => {
    for (const character of [0, Math.floor(line.length / 2), line.length]) {
      const p = { line: l, character };
      service.hover(uri, p);
      service.completion(uri, p);
      service.definition(uri, p);
      service.references(uri, p);
      service.prepareRename(uri, p);
      service.rename(uri, p, "新名");
    }
  });
  // And typing at the end of every line, one character at a time.
  let version = 1;
  for (const [l, line] of lines.slice(0, 40).entries()) {
    const end = { line: l, character: line.length };
    service.change(uri, [{ range: { start: end, end }, text: "}" }], ++version);
  }
  expect(service.diagnostics(uri)).toBeInstanceOf(Array);
}

describe("robustness", () => {
  it.each([...texts, ...cuts])("%s: every feature answers", (_name, text) => {
    expect(() => askEverything(text)).not.toThrow();
  });
});
