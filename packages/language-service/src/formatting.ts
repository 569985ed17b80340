// Formatting through the canonical formatter: the whole document, a range (the blocks it touches),
// and the keyword-set switch (zh ↔ en), which is formatting into the other set. A text that does not
// parse cleanly is not formatted: the answer says why instead.
import { format, type KeywordSet, type MessageLanguage, type Rubric, type Span } from "@kaoping/language";
import { parse } from "@kaoping/language";
import type { RubricDocument } from "./document.ts";
import type { Range, TextEdit } from "./protocol.ts";

export type FormatAnswer = { readonly edits: TextEdit[] } | { readonly error: string };

const refused = (lang: MessageLanguage) =>
  lang === "zh" ? "评分细则有语法错误，先改正错误再排版" : "the rubric has syntax errors: fix them before formatting";

/** The edits that make the document canonical (one edit, trimmed to what changes). */
export function formatDocument(doc: RubricDocument, lang: MessageLanguage, keywords?: KeywordSet): FormatAnswer {
  const formatted = format(doc.text, keywords ? { keywords } : {}).text;
  if (formatted === null) return { error: refused(lang) };
  return { edits: minimalEdits(doc, formatted) };
}

/** The keyword-set switch: the same rubric written with the other set's keywords. */
export function switchKeywords(doc: RubricDocument, lang: MessageLanguage, to?: KeywordSet): FormatAnswer {
  const target = to ?? (doc.checked.rubric.keywords === "zh" ? "en" : "zh");
  return formatDocument(doc, lang, target);
}

/**
 * Formats the blocks a range touches (items, tests, top-level declarations, grades, vetoes), each
 * replaced by its canonical form; the rest of the document is left as it is.
 */
export function formatRange(doc: RubricDocument, range: Range, lang: MessageLanguage): FormatAnswer {
  const formatted = format(doc.text).text;
  if (formatted === null) return { error: refused(lang) };
  const span = doc.lines.span(range);
  const before = blocks(doc.checked.rubric);
  const after = blocks(parse(formatted).rubric);
  const edits: TextEdit[] = [];
  before.forEach((b, i) => {
    const f = after[i];
    if (!f || b.end < span.start || b.start > span.end) return;
    // From the line's start, so that the block's indentation is made canonical too.
    const lineStart = doc.lines.lineStart(doc.lines.position(b.start).line);
    const indent = formatted.slice(indentStart(formatted, f.start), f.start);
    const onlyIndent = /^[ \t\u3000]*$/.test(doc.text.slice(lineStart, b.start));
    const from = onlyIndent ? lineStart : b.start;
    const text = (onlyIndent ? indent : "") + formatted.slice(f.start, f.end);
    if (doc.text.slice(from, b.end) !== text)
      edits.push({ range: doc.lines.range({ start: from, end: b.end }), newText: text });
  });
  return { edits };
}

/** The formatting units in source order; a formatted text has the same units in the same order. */
function blocks(rubric: Rubric): Span[] {
  const top = [
    ...rubric.inputs.filter((i) => i.item === null).map((i) => i.span),
    ...rubric.lets.filter((l) => l.item === null).map((l) => l.span),
    ...rubric.vetoes.map((v) => v.span),
    ...rubric.items.map((i) => i.span),
    ...rubric.tests.map((t) => t.span),
  ];
  const first = rubric.grades[0];
  const last = rubric.grades.at(-1);
  if (first && last) top.push({ start: first.span.start, end: last.span.end });
  return top.sort((a, b) => a.start - b.start);
}

/** One edit covering only what differs: the cursor and the undo history keep their place. */
function minimalEdits(doc: RubricDocument, formatted: string): TextEdit[] {
  const old = doc.text;
  if (old === formatted) return [];
  let start = 0;
  while (start < old.length && start < formatted.length && old.charCodeAt(start) === formatted.charCodeAt(start))
    start++;
  // Never cut between a surrogate pair or inside \r\n: a position there means nothing to an editor.
  const splits = (text: string, at: number) => /[\uD800-\uDBFF\r]/.test(text.charAt(at - 1));
  while (start > 0 && splits(old, start)) start--;
  let end = 0;
  while (
    end < old.length - start &&
    end < formatted.length - start &&
    old.charCodeAt(old.length - 1 - end) === formatted.charCodeAt(formatted.length - 1 - end)
  )
    end++;
  while (end > 0 && splits(old, old.length - end)) end--;
  return [
    {
      range: doc.lines.range({ start, end: old.length - end }),
      newText: formatted.slice(start, formatted.length - end),
    },
  ];
}

/** Where the run of spaces, tabs and ideographic spaces that ends at `end` starts (a backward scan:
 * a `[ \t]*$` pattern over the text before it takes quadratic time on long runs). */
function indentStart(text: string, end: number): number {
  let start = end;
  while (start > 0 && " \t\u3000".includes(text[start - 1]!)) start--;
  return start;
}
