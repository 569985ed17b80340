// Go to definition, find references and rename, for inputs, derived values, items, criteria,
// grades and tests, across the rules and the tests. Items and criteria are renamed by number
// (renumbering), grades and tests by their text, names as the file writes names.
import { writeName, writeText, type MessageLanguage } from "@kaoping/language";
import type { RubricDocument } from "./document.ts";
import type { Location, Position, Range, TextEdit, WorkspaceEdit } from "./protocol.ts";
import type { Occurrence } from "./symbols.ts";

export function definition(doc: RubricDocument, position: Position): Location[] {
  const target = doc.index.at(doc.lines.offset(position));
  if (!target) return [];
  return doc.index
    .of(target.key)
    .filter((o) => o.declaration)
    .map((o) => ({ uri: doc.uri, range: doc.lines.range(o.span) }));
}

export function references(doc: RubricDocument, position: Position, includeDeclaration: boolean): Location[] {
  const target = doc.index.at(doc.lines.offset(position));
  if (!target) return [];
  return doc.index
    .of(target.key)
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => ({ uri: doc.uri, range: doc.lines.range(o.span) }));
}

/** What rename would change at a position, and the text it starts from; null where nothing can be renamed. */
export function prepareRename(doc: RubricDocument, position: Position): { range: Range; placeholder: string } | null {
  const target = renameTarget(doc, position);
  if (!target) return null;
  return { range: doc.lines.range(target.span), placeholder: currentName(target) };
}

export type RenameResult = { readonly edit: WorkspaceEdit } | { readonly error: string };

export function rename(
  doc: RubricDocument,
  position: Position,
  newName: string,
  lang: MessageLanguage,
): RenameResult | null {
  const target = renameTarget(doc, position);
  if (!target) return null;
  const kind = target.key.slice(0, target.key.indexOf(":"));
  const value = newName.trim().normalize("NFC");
  const problem = invalid(doc, target, value, lang);
  if (problem) return { error: problem };
  const set = doc.checked.rubric.keywords;
  const text = kind === "name" ? writeName(value, set) : kind === "grade" || kind === "test" ? writeText(value) : value;
  const edits: TextEdit[] = doc.index.of(target.key).map((o) => ({ range: doc.lines.range(o.span), newText: text }));
  return { edit: { changes: { [doc.uri]: edits } } };
}

function renameTarget(doc: RubricDocument, position: Position): Occurrence | null {
  const target = doc.index.at(doc.lines.offset(position));
  // Only what is declared in this file can be renamed (an unknown name has nothing to follow).
  return target && doc.index.of(target.key).some((o) => o.declaration) ? target : null;
}

function currentName(target: Occurrence): string {
  const id = target.key.slice(target.key.indexOf(":") + 1);
  return target.key.startsWith("criterion:") ? (id.split(".")[1] ?? id) : id;
}

function invalid(doc: RubricDocument, target: Occurrence, value: string, lang: MessageLanguage): string | null {
  const kind = target.key.slice(0, target.key.indexOf(":"));
  const current = currentName(target);
  const say = (zh: string, en: string) => (lang === "zh" ? zh : en);
  if (value === "") return say("新名称不能为空", "the new name cannot be empty");
  if (value === current) return null;
  const rubric = doc.checked.rubric;
  const owner =
    kind === "criterion" ? rubric.items.find((i) => target.key.startsWith(`criterion:${i.number}.`)) : undefined;
  switch (kind) {
    case "name":
      if (/[」\r\n]/.test(value)) return say("名称不能含有 」 或换行", "a name cannot contain 」 or a line break");
      if (rubric.inputs.some((i) => i.name.name === value) || rubric.lets.some((l) => l.name.name === value)) {
        return say(
          `已经有名为「${value}」的输入或派生值`,
          `there is already an input or derived value named "${value}"`,
        );
      }
      return null;
    case "item":
    case "criterion":
      if (!/^[1-9]\d{0,5}$/.test(value)) return say("编号应为正整数", "a number should be a whole number above 0");
      if (kind === "item" && rubric.items.some((i) => String(i.number) === value))
        return say(`已经有项目 ${value}`, `there is already an item ${value}`);
      if (kind === "criterion" && owner?.criteria.some((c) => String(c.number) === value))
        return say(`项目 ${owner.number} 已经有细则 ${value}`, `item ${owner.number} already has a criterion ${value}`);
      return null;
    case "grade":
      if (/[\r\n]/.test(value)) return say("等级名称不能换行", "a grade cannot span lines");
      if (rubric.grades.some((g) => g.label.value === value))
        return say(`已经有等级「${value}」`, `there is already a grade "${value}"`);
      return null;
    case "test":
      if (/[\r\n]/.test(value)) return say("测试名称不能换行", "a test name cannot span lines");
      return null;
    default:
      return null;
  }
}
