// What a filled scoring sheet shows, independent of where it is rendered (screen, print, Excel).

export interface SheetCriterion {
  readonly number: number;
  /** The verbatim 评分方法 text. */
  readonly text: string;
  /** Most points the criterion can give; null for a bonus without a cap. */
  readonly max: string | null;
  readonly bonus: boolean;
  /** Points obtained, as an exact decimal string; null when the facts are incomplete. */
  readonly points: string | null;
  readonly reason: string | null;
}

export interface SheetItem {
  readonly number: number;
  readonly title: string;
  /** The verbatim 考核内容 text. */
  readonly content: string;
  readonly standard: string;
  readonly points: string | null;
  readonly criteria: readonly SheetCriterion[];
}

export interface SheetFact {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly reason: string | null;
}

export interface SheetModel {
  readonly title: string;
  readonly subjectName: string;
  readonly subjectCode: string;
  readonly subjectKind: string;
  readonly periodName: string;
  readonly rubricLabel: string;
  readonly status: string;
  readonly standardTotal: string;
  readonly total: string | null;
  readonly grade: string | null;
  readonly veto: string | null;
  readonly items: readonly SheetItem[];
  readonly facts: readonly SheetFact[];
}

/** One subject's line in the period summary. */
export interface SummaryRow {
  readonly rank: number | null;
  readonly code: string;
  readonly name: string;
  readonly status: string;
  /** Points per item number; null when not scored. */
  readonly items: Readonly<Record<number, string | null>>;
  readonly total: string | null;
  readonly grade: string | null;
}

export interface SummarySheet {
  /** The sheet's name, e.g. the subject kind. */
  readonly name: string;
  readonly rubricTitle: string;
  readonly items: readonly { readonly number: number; readonly title: string; readonly standard: string }[];
  readonly rows: readonly SummaryRow[];
}

export interface SummaryModel {
  readonly title: string;
  readonly periodName: string;
  readonly sheets: readonly SummarySheet[];
}
