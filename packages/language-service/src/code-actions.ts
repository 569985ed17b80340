// Quick fixes: the fixes the checker attaches to its diagnostics, as edits, and one the checker
// cannot make alone: declaring an unknown name as an input, typed by what its place asks of it.
import { writeName, writeText, type Diagnostic, type MessageLanguage, type Span } from "@kaoping/language";
import { toLsp } from "./diagnostics.ts";
import { within } from "./positions.ts";
import type { RubricDocument } from "./document.ts";
import type { CodeAction, Range } from "./protocol.ts";
import { enclosing, keyOf, type Role } from "./symbols.ts";

/** The quick fixes of the diagnostics that touch a range. */
export function codeActions(doc: RubricDocument, range: Range, lang: MessageLanguage): CodeAction[] {
  const span = doc.lines.span(range);
  const actions: CodeAction[] = [];
  for (const d of doc.checked.diagnostics) {
    if (d.span.end < span.start || d.span.start > span.end) continue;
    const lsp = [toLsp(doc, d, lang)];
    (d.fixes ?? []).forEach((fix, i) => {
      const edits = fix.edits.map((e) => ({ range: doc.lines.range(e.span), newText: e.text }));
      actions.push({
        title: fix.title[lang],
        kind: "quickfix",
        diagnostics: lsp,
        isPreferred: i === 0,
        edit: { changes: { [doc.uri]: edits } },
      });
    });
    const declare = d.code === "KP301" ? declareInput(doc, d, lang) : null;
    if (declare) actions.push({ ...declare, diagnostics: lsp });
  }
  return actions;
}

const typeWords: Record<Role, Record<"zh" | "en", string>> = {
  condition: { zh: "是否", en: "yesno" },
  percent: { zh: "百分比", en: "percent" },
  number: { zh: "计数", en: "count" },
};

/** `输入 <name>: <type> "<name>"`, in the item that reads the name (or at the top), before its criteria. */
function declareInput(doc: RubricDocument, d: Diagnostic, lang: MessageLanguage): CodeAction | null {
  const rubric = doc.checked.rubric;
  const name = doc.text
    .slice(d.span.start, d.span.end)
    .replace(/^「|」$/g, "")
    .normalize("NFC");
  const occurrence = doc.index.of(keyOf.name(name)).find((o) => o.span.start === d.span.start);
  if (!occurrence || name === "") return null;
  const set = rubric.keywords;
  const { item } = enclosing(rubric, d.span.start);
  // After the last input of the block, else before its first criterion (or, at the top, its first item).
  const inputs = rubric.inputs.filter((i) =>
    item ? i.item === item.number && within(i.span, item.span) : i.item === null,
  );
  const anchor: Span | undefined = inputs.at(-1)?.span;
  const before: Span | undefined = item ? item.criteria[0]?.span : (rubric.grades[0]?.span ?? rubric.items[0]?.span);
  const lines = doc.lines;
  let line: number;
  let indent: string;
  if (anchor) {
    line = lines.position(anchor.end).line + 1;
    indent = /^\s*/.exec(lines.lineText(lines.position(anchor.start).line))?.[0] ?? "";
  } else if (before) {
    line = lines.position(before.start).line;
    indent = /^\s*/.exec(lines.lineText(line))?.[0] ?? "";
  } else return null;
  const keyword = set === "zh" ? "输入" : "input";
  const type = typeWords[occurrence.role ?? "number"][set];
  const text = `${indent}${keyword} ${writeName(name, set)}: ${type} ${writeText(name)}\n`;
  const at = { line, character: 0 };
  const title =
    lang === "zh"
      ? `声明输入「${name}」（${typeWords[occurrence.role ?? "number"].zh}）`
      : `declare input "${name}" (${typeWords[occurrence.role ?? "number"].en})`;
  return {
    title,
    kind: "quickfix",
    isPreferred: !d.fixes?.length,
    edit: { changes: { [doc.uri]: [{ range: { start: at, end: at }, newText: text }] } },
  };
}
