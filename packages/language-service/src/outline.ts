// The outline (items and their criteria, inputs, grades, vetoes, tests) and the folding ranges
// (every block, and runs of comment lines).
import type { Item, MessageLanguage, Span } from "@kaoping/language";
import type { RubricDocument } from "./document.ts";
import { keywordWord, typeWord } from "./keywords.ts";
import { within } from "./positions.ts";
import { SymbolKind, type DocumentSymbol, type FoldingRange } from "./protocol.ts";

export function documentSymbols(doc: RubricDocument, lang: MessageLanguage): DocumentSymbol[] {
  const rubric = doc.checked.rubric;
  const set = rubric.keywords;
  const lines = doc.lines;
  const symbol = (
    name: string,
    kind: DocumentSymbol["kind"],
    span: Span,
    selection: Span,
    detail?: string,
    children?: DocumentSymbol[],
  ): DocumentSymbol => ({
    name: name === "" ? "?" : name,
    kind,
    range: lines.range(span),
    selectionRange: lines.range(selection),
    ...(detail ? { detail } : {}),
    ...(children ? { children } : {}),
  });
  // Item numbers may repeat (KP303): an input belongs to the block it is written in.
  const inputs = (item: Item | null) =>
    rubric.inputs
      .filter((i) => (item ? i.item === item.number && within(i.span, item.span) : i.item === null))
      .map((i) => symbol(i.name.name, SymbolKind.Variable, i.span, i.name.span, typeWord(i.type.kind, set)));
  const points = (n: string | undefined) => (n === undefined ? undefined : lang === "zh" ? `${n} 分` : `${n} points`);
  const symbols: DocumentSymbol[] = [
    ...inputs(null),
    ...rubric.lets
      .filter((l) => l.item === null)
      .map((l) => symbol(l.name.name, SymbolKind.Field, l.span, l.name.span, keywordWord("Let", set))),
    ...rubric.grades.map((g) =>
      symbol(g.label.value, SymbolKind.EnumMember, g.span, g.label.span, g.min ? `>= ${g.min.value}` : undefined),
    ),
    ...rubric.vetoes.map((v) =>
      symbol(v.reason.value, SymbolKind.Event, v.span, v.reason.span, keywordWord("Veto", set)),
    ),
    ...rubric.items.map((item) =>
      symbol(
        `${keywordWord("Item", set)} ${item.number}${item.title ? ` ${item.title.value}` : ""}`,
        SymbolKind.Module,
        item.span,
        item.numberSpan,
        points(item.standard?.value),
        [
          ...inputs(item),
          ...item.criteria.map((c) =>
            symbol(
              `${keywordWord("Criterion", set)} ${item.number}.${c.number}`,
              SymbolKind.Method,
              c.span,
              c.numberSpan,
              c.text?.value,
            ),
          ),
        ],
      ),
    ),
    ...rubric.tests.map((t) =>
      symbol(`${keywordWord("Test", set)} ${t.name?.value ?? ""}`, SymbolKind.Class, t.span, t.name?.span ?? t.span),
    ),
  ];
  const header = rubric.id ?? rubric.title;
  if (!header) return symbols;
  return [
    symbol(
      rubric.title?.value ?? rubric.id?.name ?? "",
      SymbolKind.Namespace,
      rubric.span,
      header.span,
      rubric.id?.name,
      symbols,
    ),
  ];
}

export function foldingRanges(doc: RubricDocument): FoldingRange[] {
  const rubric = doc.checked.rubric;
  const lines = doc.lines;
  const ranges: FoldingRange[] = [];
  const block = (span: Span) => {
    const start = lines.position(span.start).line;
    const end = lines.position(span.end).line;
    // The closing brace's line stays visible, as editors fold braces.
    if (end > start) ranges.push({ startLine: start, endLine: end - 1, kind: "region" });
  };
  block(rubric.span);
  for (const item of rubric.items) {
    block(item.span);
    for (const c of item.criteria) block(c.span);
  }
  for (const t of rubric.tests) block(t.span);
  for (const i of rubric.inputs) block(i.span);
  // Runs of two or more comment lines.
  let runStart = -1;
  for (let line = 0; line <= lines.lineCount; line++) {
    const comment = line < lines.lineCount && /^[\s\u3000]*#/.test(lines.lineText(line));
    if (comment && runStart < 0) runStart = line;
    if (!comment && runStart >= 0) {
      if (line - 1 > runStart) ranges.push({ startLine: runStart, endLine: line - 1, kind: "comment" });
      runStart = -1;
    }
  }
  return ranges;
}
