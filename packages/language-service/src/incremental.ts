// Reparsing only what an edit touched. An edit strictly inside one item or test (not on its
// keyword, not on its closing brace) is parsed again on its own, after a stand-in header, and its
// spans are moved to where it stands; the new block replaces the old in the tree, and what follows
// it moves by the edit's length. When the block no longer reads as one
// block (a brace typed, a block split in two), the caller parses the whole text instead.
import { parse, writeName, type Diagnostic, type Rubric, type Span } from "@kaoping/language";
import { within } from "./positions.ts";

export interface Parsed {
  readonly rubric: Rubric;
  readonly diagnostics: readonly Diagnostic[];
}

/** One replacement in the old text: `span` (old offsets) becomes `text`. */
export interface Replacement {
  readonly span: Span;
  readonly text: string;
}

type Block = { readonly span: Span };

/**
 * The parse of `newText`, from `previous` (the parse of the text before the replacement), or null
 * when the edit is not inside one block and the whole text must be parsed.
 */
export function reparseBlock(
  previous: Parsed,
  declared: Iterable<string>,
  newText: string,
  edit: Replacement,
): Parsed | null {
  const old = previous.rubric;
  const blocks: Block[] = [...old.items, ...old.tests];
  const block = blocks.find((b) => b.span.start < edit.span.start && edit.span.end < b.span.end - 1);
  if (!block) return null;
  const delta = edit.text.length - (edit.span.end - edit.span.start);
  const start = block.span.start;
  const end = block.span.end + delta;
  const head = old.keywords === "zh" ? "评分细则 x { " : "rubric x { ";
  // The lexer splits a name glued to keywords only when it is not declared anywhere in the file:
  // the names declared outside the block are declared again after it, so that it reads the same.
  const inBlock = new Set(old.inputs.filter((i) => within(i.span, block.span)).map((i) => i.name.name));
  for (const l of old.lets) if (within(l.span, block.span)) inBlock.add(l.name.name);
  const word = old.keywords === "zh" ? "输入" : "input";
  // Only a name written somewhere in the block can be part of a glued word there.
  const blockText = newText.slice(start, end);
  const outside = [...declared]
    .filter((n) => !inBlock.has(n) && blockText.includes(n))
    .map((n) => `${word} ${writeName(n, old.keywords)}`);
  const parsed = parse(`${head}${blockText}\n}\n${outside.join("\n")}`);
  // Spans of the stand-in text, moved to where the block stands in the real one.
  const fresh = {
    rubric: shift(parsed.rubric, 0, start - head.length),
    diagnostics: shift(parsed.diagnostics, 0, start - head.length),
  };

  const r = fresh.rubric;
  const items = r.items.filter((i) => i.span.start < end + 1);
  const tests = r.tests.filter((t) => t.span.start < end + 1);
  const replaced = [...items, ...tests];
  const wasItem = old.items.includes(block as Rubric["items"][number]);
  if (replaced.length !== 1 || replaced[0]?.span.start !== start || replaced[0].span.end !== end) return null;
  if (wasItem ? items.length !== 1 : tests.length !== 1) return null;
  if (
    r.inputs.some((i) => !within(i.span, { start, end })) ||
    r.lets.some((l) => !within(l.span, { start, end })) ||
    r.grades.length > 0 ||
    r.vetoes.length > 0
  ) {
    return null;
  }
  const after = (s: Span) => s.start >= block.span.end;
  const outsideOld = (s: Span) => s.end <= start || after(s);
  const keep = <T extends { readonly span: Span }>(list: readonly T[], added: readonly T[]): T[] =>
    sortBySpan([...list.filter((x) => outsideOld(x.span)).map((x) => shift(x, block.span.end, delta)), ...added]);

  const rubric: Rubric = {
    ...shift({ ...old, items: [], tests: [], inputs: [], lets: [] }, block.span.end, delta),
    items: keep(old.items, items),
    tests: keep(old.tests, tests),
    inputs: keep(old.inputs, r.inputs),
    lets: keep(old.lets, r.lets),
  };
  const diagnostics = [
    ...previous.diagnostics.filter((d) => outsideOld(d.span)).map((d) => shift(d, block.span.end, delta)),
    ...fresh.diagnostics.filter((d) => d.span.start >= start && d.span.end <= end),
  ];
  return { rubric, diagnostics };
}

function sortBySpan<T extends { readonly span: Span }>(list: T[]): T[] {
  return list.sort((a, b) => a.span.start - b.span.start);
}

/** The keys under which the language's trees and diagnostics keep spans. */
const spanKeys = new Set(["span", "numberSpan"]);

function shiftSpan(span: Span, from: number, delta: number): Span {
  // The parser marks what it had to invent in recovery with the empty span at 0: it stays there.
  if (span.end === 0) return span;
  if (span.start >= from) return { start: span.start + delta, end: span.end + delta };
  // A span around the edited block (the rubric's own) grows or shrinks with it.
  return span.end >= from ? { start: span.start, end: span.end + delta } : span;
}

/**
 * A copy of a tree in which every span at or after `from` moves by `delta` and every span around
 * `from` stretches; what lies wholly before is shared, not copied.
 */
export function shift<T>(value: T, from: number, delta: number): T {
  if (delta === 0 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = shift(value[i] as unknown, from, delta);
    return out as T;
  }
  const node = value as Record<string, unknown>;
  const own = node["span"] as Span | undefined;
  if (own !== undefined && own.end < from) return value;
  const out: Record<string, unknown> = {};
  for (const key in node) {
    const v = node[key];
    out[key] = spanKeys.has(key)
      ? shiftSpan(v as Span, from, delta)
      : typeof v === "object" && v !== null
        ? shift(v, from, delta)
        : v;
  }
  return out as T;
}
