import { useTranslation } from "react-i18next";
import type { SheetModel } from "../lib/sheet-model.ts";

/** The filled sheet as a plain table in the annex's layout, for printing and filing. */
export function SheetView({ model }: { model: SheetModel }) {
  const { t } = useTranslation();
  return (
    <article className="kp-sheet">
      <h1>{model.title}</h1>
      <p className="kp-sheet-meta">
        <span>
          {t("assessment.subject")}
          {t("common.colon")}
          {model.subjectName}（{model.subjectCode}）
        </span>
        <span>
          {t("common.period")}
          {t("common.colon")}
          {model.periodName}
        </span>
        <span>
          {t("assessment.rubric")}
          {t("common.colon")}
          {model.rubricLabel}
        </span>
        <span>
          {t("common.status")}
          {t("common.colon")}
          {model.status}
        </span>
      </p>
      <table>
        <colgroup>
          <col style={{ width: "6%" }} />
          <col style={{ width: "34%" }} />
          <col style={{ width: "42%" }} />
          <col style={{ width: "9%" }} />
          <col style={{ width: "9%" }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t("assessment.seq")}</th>
            <th scope="col">{t("assessment.content")}</th>
            <th scope="col">{t("assessment.method")}</th>
            <th scope="col">{t("assessment.standard")}</th>
            <th scope="col">{t("assessment.obtained")}</th>
          </tr>
        </thead>
        <tbody>
          {model.items.map((item) => (
            <ItemRows key={item.number} item={item} />
          ))}
          <tr className="kp-sheet-total">
            <th scope="row" colSpan={3}>
              {t("common.total")}
              {model.grade ? `（${t("assessment.grade")}${t("common.colon")}${model.grade}）` : ""}
            </th>
            <td className="kp-num">{model.standardTotal}</td>
            <td className="kp-num" data-testid="sheet-total">
              {model.total ?? ""}
            </td>
          </tr>
        </tbody>
      </table>
      {model.veto && <p className="kp-sheet-veto">{model.veto}</p>}
    </article>
  );
}

function ItemRows({ item }: { item: SheetModel["items"][number] }) {
  const { t } = useTranslation();
  const span = item.criteria.length + 1;
  return (
    <>
      <tr className="kp-sheet-item">
        <td rowSpan={span} className="kp-num">
          {item.number}
        </td>
        <td rowSpan={span} className="kp-verbatim">
          {item.content}
        </td>
        <td>
          <strong>{item.title}</strong>
        </td>
        <td className="kp-num">{item.standard}</td>
        <td className="kp-num">
          <strong>{item.points ?? ""}</strong>
        </td>
      </tr>
      {item.criteria.map((c) => (
        <tr key={c.number}>
          <td className="kp-verbatim">
            {c.number} {c.text}
          </td>
          <td className="kp-num">
            {c.bonus ? (c.max === null ? t("assessment.bonus") : `${t("assessment.bonus")} ≤${c.max}`) : (c.max ?? "")}
          </td>
          <td className="kp-num">{c.points ?? ""}</td>
        </tr>
      ))}
    </>
  );
}
