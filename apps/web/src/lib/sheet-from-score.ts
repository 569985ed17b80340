// The filled sheet (SheetModel) of an assessment from its compiled rubric and live score.
import type { TFunction } from "i18next";
import { formattersFor } from "../i18n/format.ts";
import type { FactDraft, LiveScore, PreparedRubric } from "./live-score.ts";
import type { SheetModel } from "./sheet-model.ts";

export interface SheetMeta {
  readonly subjectName: string;
  readonly subjectCode: string;
  readonly subjectKind: string;
  readonly periodName: string;
  readonly rubricLabel: string;
  readonly status: string;
  readonly lang: "zh" | "en";
  readonly yes: string;
  readonly no: string;
}

/** How a rubric version is named on the form and the sheet: its key and number ("village_quality v1"). */
export function versionLabel(version: { readonly key: string; readonly version: number | null }): string {
  return `${version.key} v${version.version ?? "draft"}`;
}

/** The sheet's heading of an assessment as the API returns it, in the interface language. */
export function sheetMeta(
  assessment: Pick<SheetMeta, "subjectName" | "subjectCode" | "subjectKind" | "periodName"> & {
    readonly status: string;
  },
  version: { readonly key: string; readonly version: number | null },
  t: TFunction,
  lang: "zh" | "en",
): SheetMeta {
  return {
    subjectName: assessment.subjectName,
    subjectCode: assessment.subjectCode,
    subjectKind: assessment.subjectKind,
    periodName: assessment.periodName,
    rubricLabel: versionLabel(version),
    status: t(`status.${assessment.status}`),
    lang,
    yes: t("common.yes"),
    no: t("common.no"),
  };
}

const pointsText = (n: number | null): string | null => (n === null ? null : String(n));

/** Builds the sheet: verbatim texts from the rubric, points and reasons from the score. */
export function sheetFromScore(
  prepared: PreparedRubric,
  score: LiveScore,
  facts: FactDraft,
  meta: SheetMeta,
): SheetModel {
  const { compiled } = prepared;
  const bounds = compiled.bounds();
  const format = formattersFor(meta.lang);
  return {
    title: compiled.title,
    subjectName: meta.subjectName,
    subjectCode: meta.subjectCode,
    subjectKind: meta.subjectKind,
    periodName: meta.periodName,
    rubricLabel: meta.rubricLabel,
    status: meta.status,
    standardTotal: String(compiled.total ?? compiled.items.reduce((s, i) => s + i.standard, 0)),
    total: score.complete ? String(score.total) : null,
    grade: score.grade,
    veto: score.veto ? (meta.lang === "zh" ? `一票否决：${score.veto.reason}` : `Veto: ${score.veto.reason}`) : null,
    items: compiled.items.map((item) => {
      const live = score.items.find((i) => i.number === item.number);
      const itemBounds = bounds.items.find((b) => b.number === item.number);
      return {
        number: item.number,
        title: item.title,
        content: item.content,
        standard: String(item.standard),
        points: live?.complete ? String(live.points) : null,
        criteria: item.criteria.map((c) => {
          const lc = live?.criteria.find((x) => x.number === c.number);
          const cb = itemBounds?.criteria.find((x) => x.number === c.number);
          return {
            number: c.number,
            text: c.text,
            max: cb ? pointsText(cb.most) : null,
            bonus: c.rule === "bonus",
            points: lc ? pointsText(lc.points) : null,
            reason: lc?.reason ? lc.reason[meta.lang] : null,
          };
        }),
      };
    }),
    facts: compiled.inputs.map((input) => {
      const v = facts[input.name];
      const amount = typeof v === "number" ? v : typeof v === "object" ? v.value : null;
      const value =
        typeof v === "boolean"
          ? v
            ? meta.yes
            : meta.no
          : amount === null
            ? ""
            : input.kind === "percent"
              ? format.percent(amount)
              : input.unit
                ? `${format.number(amount)} ${input.unit}`
                : format.number(amount);
      return {
        name: input.name,
        label: input.label ?? input.name,
        value,
        reason: typeof v === "object" ? (v.reason ?? null) : null,
      };
    }),
  };
}
