// Property tests (fast-check): the parser and checker never throw on any text, nor on random edits
// of the real rubrics; the formatter is idempotent, keeps the tree, and translates between the
// keyword sets and back to the same text, for every input that parses without errors (it may
// throw only on a bug of its own, which is what these tests look for).
// FC_NUM_RUNS sets the total number of cases across the properties (default 10,000).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { check, format, hasErrors, parse, sameTree, type KeywordSet } from "../src/index.ts";
import { rubricText, soupToken } from "./generate.ts";
import { read, rubricFilesIn, rubricsDir } from "./golden.ts";

const total = Number(process.env["FC_NUM_RUNS"] ?? "10000");
const runs = (share: number) => Math.max(1, Math.round(total * share));
const timeout = 300_000;

/** Check (and format) a text: nothing may throw, every span lies inside the text. */
function neverThrows(text: string): void {
  const { diagnostics } = check(text);
  for (const d of diagnostics) {
    if (!(d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= text.length)) {
      throw new Error(`${d.code} has span ${d.span.start}..${d.span.end} outside a text of ${text.length}`);
    }
  }
  format(text);
}

/**
 * When the text parses without errors: format gives text that formats to itself, parses to the
 * same tree, and prints in the other keyword set and back to the same text. Returns whether the
 * text was formattable, so that the tests can show they were not vacuous.
 */
function formatsSoundly(text: string): boolean {
  const parsed = parse(text);
  if (hasErrors(parsed.diagnostics)) {
    expect(format(text).text).toBeNull();
    return false;
  }
  const once = format(text).text;
  if (once === null) throw new Error("format refused a text that parses without errors");
  expect(format(once).text).toBe(once);
  expect(sameTree(parse(once).rubric, parsed.rubric)).toBe(true);
  const own = parsed.rubric.keywords;
  const other: KeywordSet = own === "zh" ? "en" : "zh";
  const translated = format(once, { keywords: other }).text;
  if (translated === null) throw new Error("format refused to translate formatted text");
  const reparsed = parse(translated);
  expect(reparsed.rubric.keywords).toBe(other);
  expect(sameTree(reparsed.rubric, parsed.rubric)).toBe(true);
  expect(format(translated, { keywords: own }).text).toBe(once);
  return true;
}

// ── Inputs ──

/** Any UTF-16 code unit, lone surrogates and control characters included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ unit: codeUnit, maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...'评分细则项目得当每加扣{}()"#：，%1 \n'), maxLength: 200 }),
);

const separator = fc.constantFrom("", " ", " ", "\n", "\t", "　");
const soup = fc
  .array(fc.tuple(soupToken, separator), { maxLength: 120 })
  .chain((pairs) =>
    fc
      .constantFrom("", '评分细则 x "y" {', 'rubric x "y" {')
      .map((head) => head + pairs.map(([t, s]) => t + s).join("")),
  );

const corpus = rubricFilesIn(rubricsDir).map(read);

type Unit = "line" | "token" | "char";
interface Edit {
  readonly op: "delete" | "duplicate" | "swap";
  readonly unit: Unit;
  readonly at: number;
  readonly other: number;
  readonly length: number;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom("delete", "duplicate", "swap"),
  unit: fc.constantFrom("line", "token", "char"),
  at: fc.nat(),
  other: fc.nat(),
  length: fc.integer({ min: 1, max: 12 }),
});

/** Splits a text into pieces of a unit, so that joining them gives the text back. */
function pieces(text: string, unit: Unit): string[] {
  if (unit === "char") return [...text];
  if (unit === "line") return text.split(/(?<=\n)/);
  return text.split(/(?<=\s)(?=\S)/);
}

/** Applies an edit to a range of pieces (positions wrap around the text). */
function applyEdit(text: string, e: Edit): string {
  const parts = pieces(text, e.unit);
  if (parts.length === 0) return text;
  const at = e.at % parts.length;
  const length = Math.min(e.length, parts.length - at);
  const range = parts.slice(at, at + length);
  switch (e.op) {
    case "delete":
      parts.splice(at, length);
      break;
    case "duplicate":
      parts.splice(at, 0, ...range);
      break;
    case "swap": {
      // Move the range to another place: the same pieces, in another order.
      parts.splice(at, length);
      const to = parts.length === 0 ? 0 : e.other % (parts.length + 1);
      parts.splice(to, 0, ...range);
      break;
    }
  }
  return parts.join("");
}

const editedRubric = fc
  .tuple(fc.integer({ min: 0, max: Math.max(0, corpus.length - 1) }), fc.array(edit, { minLength: 1, maxLength: 4 }))
  .map(([which, edits]) => edits.reduce(applyEdit, corpus[which] ?? ""));

// ── Properties ──

describe("properties", () => {
  it(`parse, check and format never throw on arbitrary text (${runs(0.35)} cases)`, { timeout }, () => {
    fc.assert(
      fc.property(anyText, (text) => neverThrows(text)),
      { numRuns: runs(0.35) },
    );
  });

  it(`parse, check and format never throw on keyword soup (${runs(0.35)} cases)`, { timeout }, () => {
    fc.assert(
      fc.property(soup, (text) => neverThrows(text)),
      { numRuns: runs(0.35) },
    );
  });

  it(`random edits of the rubrics: never throw; when they parse, format soundly (${runs(0.08)} cases)`, {
    timeout,
  }, () => {
    expect(corpus.length).toBeGreaterThanOrEqual(2);
    let formatted = 0;
    fc.assert(
      fc.property(editedRubric, (text) => {
        neverThrows(text);
        if (formatsSoundly(text)) formatted++;
      }),
      { numRuns: runs(0.08) },
    );
    // Many edits (a swapped criterion, a duplicated input) still parse: the formatter was exercised.
    expect(formatted).toBeGreaterThan(runs(0.08) / 25);
  });

  it(`generated rubrics in both keyword sets and any layout format soundly (${runs(0.22)} cases)`, { timeout }, () => {
    let formatted = 0;
    fc.assert(
      fc.property(rubricText, (text) => {
        neverThrows(text);
        if (formatsSoundly(text)) formatted++;
      }),
      { numRuns: runs(0.22) },
    );
    expect(formatted).toBeGreaterThan(runs(0.22) / 2);
  });
});
