// Reparsing only what an edit touched. An edit strictly inside one item or test (not on its
// keyword, not on its closing brace) is parsed again on its own, in a text of the same length where
// everything else is blank, so that offsets need no translation; the new block replaces the old in
// the tree, and what follows it moves by the edit's length. When the block no longer reads as one
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
export function reparseBlock(previous: Parsed, declared: Iterable<string>, newText: string, edit: Replacement): Parsed | null {
  const old = previous.rubric;
  const blocks: Block[] = [...old.items, ...old.tests];
  const block = blocks.find((b) => b.span.start < edit.span.start && edit.span.end < b.span.end - 1);
  if (!block) return null;
  const delta = edit.text.length - (edit.span.end - edit.span.start);
  const start = block.span.start;
  const end = block.span.end + delta;
  const head = old.keywords === "zh" ? "评分细则 x {" : "rubric x {";
  if (head.length >= start) return null;

  // The lexer splits a name glued to keywords only when it is not declared anywhere in the file:
  // the names declared outside the block are declared again after it, so that it reads the same.
  const inBlock = new Set(old.inputs.filter((i) => within(i.span, block.span)).map((i) => i.name.name));
  for (const l of old.lets) if (within(l.span, block.span)) inBlock.add(l.name.name);
  const word = old.keywords === "zh" ? "输入" : "input";
  const outside = [...declared].filter((n) => !inBlock.has(n)).map((n) => `${word} ${writeName(n, old.keywords)}`);
  const synthetic = `${head}${" ".repeat(start - head.length)}${newText.slice(start, end)}\n}\n${outside.join("\n")}`;
  const fresh = parse(synthetic);

  const r = fresh.rubric;
  const items = r.items.filter((i) => i.span.start < end + 1);
  const tests = r.tests.filter((t) => t.span.start < end + 1);
  const replaced = [...items, ...tests];
  const wasItem = old.items.includes(block as Rubric["items"][number]);
  if (replaced.length !== 1 || replaced[0]?.span.start !== start || replaced[0].span.end !== end) return null;
  if (wasItem ? items.length !== 1 : tests.length !== 1) return null;
  if (r.inputs.some((i) => !within(i.span, { start, end })) || r.lets.some((l) => !within(l.span, { start, end })) || r.grades.length > 0 || r.vetoes.length > 0) {
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

function isSpan(value: object): value is Span {
  const keys = Object.keys(value);
  return keys.length === 2 && "start" in value && "end" in value && typeof value.start === "number";
}

/**
 * A copy of a tree in which every span at or after `from` moves by `delta` and every span around
 * `from` stretches; what lies wholly before is shared, not copied.
 */
export function shift<T>(value: T, from: number, delta: number): T {
  if (delta === 0 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v: unknown) => shift(v, from, delta)) as T;
  if (isSpan(value)) {
    if (value.start >= from) return { start: value.start + delta, end: value.end + delta } as T;
    // A span around the edited block (the rubric's own) grows or shrinks with it.
    return (value.end >= from ? { start: value.start, end: value.end + delta } : value) as T;
  }
  const span = (value as { span?: unknown }).span;
  if (span && typeof span === "object" && isSpan(span) && span.end < from) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = shift(v, from, delta);
  return out as T;
}
