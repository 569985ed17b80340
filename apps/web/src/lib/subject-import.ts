// Plans an import of subjects (and, optionally, their facts) from a table: what each row would
// create or change and what is wrong with it, before anything is saved. Fact cells are read and
// checked by the engine (readFactCell, validate), the same reader the CLI uses, so a file means
// the same in both: 有/无, 40%, full-width digits, and 0.99 in a percent column refused as
// ambiguous unless the header says "(%)" or "(比例)".
import {
  type CompiledRubric,
  closestInput,
  type FactError,
  type PercentForm,
  readFactCell,
  readHeader,
  reasonColumns,
} from "@kaoping/engine";
import type { Table } from "./read-table.ts";

export interface ExistingSubject {
  readonly id: number;
  readonly kind: string;
  readonly code: string;
  readonly name: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

/** A message in both languages, as the engine gives it; the dialog shows the user's. */
export type Bilingual = FactError["message"];

/** A message for the user: an i18n key under `import.` and its values, or the engine's own words. */
export type ImportMessage =
  | { readonly key: "missing"; readonly params: { readonly field: "code" | "name" | "kind" } }
  | { readonly key: "badKind"; readonly params: { readonly value: string } }
  | { readonly key: "duplicate"; readonly params: { readonly code: string; readonly row: number } }
  | { readonly key: "fact"; readonly params: { readonly column: string }; readonly message: Bilingual };

/** What the import says of a column as a whole. */
export type ColumnNote =
  /** Refused: not an input, but a few edits from one (a slip); the import waits until it is fixed. */
  | { readonly key: "unknownColumn"; readonly params: { readonly column: string; readonly input: string } }
  /** Read as the input it differs from only in Unicode form (full-width letters, compatibility ideographs). */
  | { readonly key: "lookalikeColumn"; readonly params: { readonly column: string; readonly input: string } };

export type RowAction = "create" | "update" | "unchanged" | "invalid";

export interface PlannedRow {
  readonly line: number;
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Facts as the engine read them (yes/no, numbers, { value, reason }), checked by its schema. */
  readonly facts: Readonly<Record<string, unknown>>;
  readonly action: RowAction;
  /** Fields that differ from the stored subject (for updates). */
  readonly changes: readonly string[];
  readonly errors: readonly ImportMessage[];
  readonly existingId: number | null;
}

export interface ColumnPlan {
  readonly index: number;
  readonly header: string;
  readonly role: "code" | "name" | "kind" | "fact" | "reason" | "attribute" | "unknown";
  /** For facts and reasons: the input name. */
  readonly input?: string;
  /** For facts: how the header says its percents are written. */
  readonly percent?: PercentForm | null;
}

export interface ImportPlan {
  readonly columns: readonly ColumnPlan[];
  readonly rows: readonly PlannedRow[];
  /** Columns refused (the import is blocked until they are renamed) and columns read with a notice. */
  readonly refused: readonly ColumnNote[];
  readonly notices: readonly ColumnNote[];
}

const codeHeaders = new Set(["编码", "代码", "编号", "code"]);
const nameHeaders = new Set(["名称", "name", "村名", "企业名称", "单位名称"]);
const kindHeaders = new Set(["对象类型", "类型", "kind", "subject kind"]);

/**
 * Matches each header to what it holds: identity columns, an input by name or label (a percent
 * form in the header is read, e.g. `质量建档率(%)`), a look-alike of one (matched, with a notice),
 * a reason column (`<input>.理由` / `<input>.reason`), a slip for an input (refused), or an
 * attribute of the subject.
 */
export function planColumns(
  header: readonly string[],
  rubrics: readonly CompiledRubric[],
): { columns: ColumnPlan[]; refused: ColumnNote[]; notices: ColumnNote[] } {
  const byName = new Map<string, string>();
  const reasonOf = new Map<string, string>();
  for (const r of rubrics) {
    for (const i of r.inputs) {
      byName.set(i.name, i.name);
      if (i.label !== null) byName.set(i.label.normalize("NFC"), i.name);
      for (const c of reasonColumns(i.name)) reasonOf.set(c, i.name);
    }
  }
  const refused: ColumnNote[] = [];
  const notices: ColumnNote[] = [];
  const columns = header.map((raw, index): ColumnPlan => {
    const h = raw.normalize("NFC").trim();
    const lower = h.toLowerCase();
    if (codeHeaders.has(lower)) return { index, header: raw, role: "code" };
    if (nameHeaders.has(lower)) return { index, header: raw, role: "name" };
    if (kindHeaders.has(lower)) return { index, header: raw, role: "kind" };
    const reasonInput = reasonOf.get(h);
    if (reasonInput) return { index, header: raw, role: "reason", input: reasonInput };
    const { name, percent } = readHeader(h);
    const exact = byName.get(name);
    if (exact) {
      // The same text once NFC-normalised (a compatibility ideograph for its unified form): read, and said.
      if (raw.trim() !== h) notices.push({ key: "lookalikeColumn", params: { column: raw, input: exact } });
      return { index, header: raw, role: "fact", input: exact, percent };
    }
    // The engine's key matching: a name that differs from an input's only in Unicode form.
    for (const r of rubrics) {
      const [notice] = r.readKeys({ [name]: "" }).notices;
      if (notice) {
        notices.push({ key: "lookalikeColumn", params: { column: raw, input: notice.field } });
        return { index, header: raw, role: "fact", input: notice.field, percent };
      }
    }
    const near = closestInput(name, [...byName.keys()]);
    if (near !== undefined) {
      refused.push({ key: "unknownColumn", params: { column: raw, input: byName.get(near) ?? near } });
      return { index, header: raw, role: "unknown" };
    }
    return { index, header: raw, role: "attribute" };
  });
  return { columns, refused, notices };
}

/** One row's facts for `rubric`, read and checked by the engine; what is wrong, in its words. */
function readRowFacts(
  rubric: CompiledRubric,
  columns: readonly ColumnPlan[],
  cells: readonly string[],
): { facts: Record<string, unknown>; errors: ImportMessage[] } {
  const facts: Record<string, unknown> = {};
  const errors: ImportMessage[] = [];
  const columnOf = new Map<string, string>();
  for (const col of columns) {
    if (col.role !== "fact" || !col.input) continue;
    const input = rubric.inputs.find((i) => i.name === col.input);
    if (!input) continue;
    const reasonCol = columns.find((c) => c.role === "reason" && c.input === col.input);
    const reason = reasonCol ? (cells[reasonCol.index] ?? "") : "";
    const read = readFactCell(input, cells[col.index] ?? "", { percent: col.percent ?? null, reason });
    if (!read.ok) errors.push({ key: "fact", params: { column: col.header }, message: read.error.message });
    else if (read.value !== undefined) {
      Object.defineProperty(facts, input.name, { value: read.value, enumerable: true, writable: true });
      columnOf.set(input.name, col.header);
    }
  }
  if (Object.keys(facts).length > 0) {
    const checked = rubric.validate(facts);
    // A partial record: the facts not in the file are kept from the assessment, not missing.
    if (!checked.ok)
      for (const e of checked.errors)
        if (e.code !== "missing")
          errors.push({ key: "fact", params: { column: columnOf.get(e.field) ?? e.label }, message: e.message });
  }
  return { facts, errors };
}

/**
 * The plan of an import: per row the subject it creates or updates (matched by code), the facts it
 * carries for the inputs of its kind's rubric, and every error found. `rubricsByKind` has the
 * published rubric of each known kind; `defaultKind` applies when the file has no kind column.
 */
export function planImport(
  table: Table,
  existing: readonly ExistingSubject[],
  rubricsByKind: ReadonlyMap<string, CompiledRubric | null>,
  defaultKind: string | null,
): ImportPlan {
  const rubrics = [...rubricsByKind.values()].filter((r): r is CompiledRubric => r !== null);
  const { columns, refused, notices } = planColumns(table.header, rubrics);
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
    if (code === "") errors.push({ key: "missing", params: { field: "code" } });
    if (name === "") errors.push({ key: "missing", params: { field: "name" } });
    if (kind === "") errors.push({ key: "missing", params: { field: "kind" } });
    else if (!rubricsByKind.has(kind)) errors.push({ key: "badKind", params: { value: kind } });
    const firstLine = seen.get(code);
    if (code !== "" && firstLine !== undefined) errors.push({ key: "duplicate", params: { code, row: firstLine } });
    if (code !== "" && firstLine === undefined) seen.set(code, r.line);

    const attributes: Record<string, string> = {};
    for (const col of columns) {
      const raw = r.cells[col.index] ?? "";
      if (col.role === "attribute" && raw !== "")
        Object.defineProperty(attributes, col.header, { value: raw, enumerable: true, writable: true });
    }
    const rubric = rubricsByKind.get(kind) ?? null;
    const read = rubric ? readRowFacts(rubric, columns, r.cells) : { facts: {}, errors: [] };
    errors.push(...read.errors);
    const facts = read.facts;

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
  return { columns, rows, refused, notices };
}
