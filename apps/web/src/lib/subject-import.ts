// Plans an import of subjects (and, optionally, their facts) from a table: what each row would
// create or change and what is wrong with it, before anything is saved.
import { type FactValue, type InputInfo, parseFactCell } from "./facts.ts";
import type { Table } from "./read-table.ts";

export interface ExistingSubject {
  readonly id: number;
  readonly kind: string;
  readonly code: string;
  readonly name: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** A message for the user, as an i18n key under `import.` and its values. */
export interface ImportMessage {
  readonly key: "missing" | "badKind" | "duplicate" | "badValue";
  readonly params: Readonly<Record<string, string | number>>;
}

export type RowAction = "create" | "update" | "unchanged" | "invalid";

export interface PlannedRow {
  readonly line: number;
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly facts: Readonly<Record<string, FactValue>>;
  readonly action: RowAction;
  /** Fields that differ from the stored subject (for updates). */
  readonly changes: readonly string[];
  readonly errors: readonly ImportMessage[];
  readonly existingId: number | null;
}

export interface ColumnPlan {
  readonly index: number;
  readonly header: string;
  readonly role: "code" | "name" | "kind" | "fact" | "reason" | "attribute";
  /** For facts and reasons: the input name. */
  readonly input?: string;
}

export interface ImportPlan {
  readonly columns: readonly ColumnPlan[];
  readonly rows: readonly PlannedRow[];
}

const codeHeaders = new Set(["编码", "代码", "编号", "code"]);
const nameHeaders = new Set(["名称", "name", "村名", "企业名称", "单位名称"]);
const kindHeaders = new Set(["对象类型", "类型", "kind", "subject kind"]);

/** Matches each header to what it holds: identity columns, an input by name or label, a reason, or an attribute. */
export function planColumns(header: readonly string[], inputs: readonly InputInfo[]): ColumnPlan[] {
  const byName = new Map<string, string>();
  for (const i of inputs) {
    byName.set(i.name.normalize("NFC"), i.name);
    byName.set(i.label.normalize("NFC"), i.name);
  }
  return header.map((raw, index) => {
    const h = raw.normalize("NFC").trim();
    const lower = h.toLowerCase();
    if (codeHeaders.has(lower)) return { index, header: raw, role: "code" };
    if (nameHeaders.has(lower)) return { index, header: raw, role: "name" };
    if (kindHeaders.has(lower)) return { index, header: raw, role: "kind" };
    const input = byName.get(h);
    if (input) return { index, header: raw, role: "fact", input };
    const reasonOf = /^(.*?)(理由|\.reason)$/.exec(h)?.[1];
    const reasonInput = reasonOf ? byName.get(reasonOf) : undefined;
    if (reasonInput) return { index, header: raw, role: "reason", input: reasonInput };
    return { index, header: raw, role: "attribute" };
  });
}

/**
 * The plan of an import: per row the subject it creates or updates (matched by code), the facts it
 * carries for the inputs of that kind's rubric, and every error found. `inputsByKind` lists the
 * known kinds; `defaultKind` applies when the file has no kind column.
 */
export function planImport(
  table: Table,
  existing: readonly ExistingSubject[],
  inputsByKind: ReadonlyMap<string, readonly InputInfo[]>,
  defaultKind: string | null,
): ImportPlan {
  const allInputs = [...new Map([...inputsByKind.values()].flat().map((i) => [i.name, i])).values()];
  const columns = planColumns(table.header, allInputs);
  const byCode = new Map(existing.map((s) => [s.code, s]));
  const seen = new Map<string, number>();
  const rows = table.rows.map((r): PlannedRow => {
    const errors: ImportMessage[] = [];
    const cell = (role: ColumnPlan["role"]) => {
      const col = columns.find((c) => c.role === role);
      return col ? (r.cells[col.index] ?? "") : "";
    };
    const code = cell("code");
    const name = cell("name");
    const kind = cell("kind") || defaultKind || "";
    if (code === "") errors.push({ key: "missing", params: { field: "编码 code" } });
    if (name === "") errors.push({ key: "missing", params: { field: "名称 name" } });
    const inputs = inputsByKind.get(kind);
    if (kind === "") errors.push({ key: "missing", params: { field: "对象类型 kind" } });
    else if (!inputs) errors.push({ key: "badKind", params: { value: kind } });
    const firstLine = seen.get(code);
    if (code !== "" && firstLine !== undefined) errors.push({ key: "duplicate", params: { code, row: firstLine } });
    if (code !== "" && firstLine === undefined) seen.set(code, r.line);

    const attributes: Record<string, string> = {};
    const facts: Record<string, FactValue> = {};
    for (const col of columns) {
      const raw = r.cells[col.index] ?? "";
      if (col.role === "attribute" && raw !== "") attributes[col.header] = raw;
      if (col.role !== "fact" || !col.input) continue;
      const input = inputs?.find((i) => i.name === col.input);
      if (!input) continue;
      const reasonCol = columns.find((c) => c.role === "reason" && c.input === col.input);
      const reason = reasonCol ? (r.cells[reasonCol.index] ?? "") : "";
      const parsed = parseFactCell(input, raw, reason);
      if (!parsed.ok)
        errors.push({ key: "badValue", params: { field: col.header, value: raw, message: parsed.message } });
      else if (parsed.value !== undefined) facts[input.name] = parsed.value;
    }

    const old = byCode.get(code);
    const changes: string[] = [];
    if (old) {
      if (old.name !== name) changes.push("name");
      if (old.kind !== kind) changes.push("kind");
      for (const [k, v] of Object.entries(attributes)) if (String(old.attributes[k] ?? "") !== v) changes.push(k);
      changes.push(...Object.keys(facts));
    }
    const action: RowAction =
      errors.length > 0 ? "invalid" : !old ? "create" : changes.length > 0 ? "update" : "unchanged";
    return { line: r.line, code, name, kind, attributes, facts, action, changes, errors, existingId: old?.id ?? null };
  });
  return { columns, rows };
}
