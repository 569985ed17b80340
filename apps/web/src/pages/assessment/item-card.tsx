import type { CriterionBounds, ItemBounds, ItemInfo } from "@kaoping/engine";
import { Card, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { messageLang } from "../../i18n/format.ts";
import { pointsRange } from "../../i18n/points-range.ts";
import type { LiveCriterion, LiveItem } from "../../lib/live-score.ts";
import { type EvidenceFile, EvidenceList } from "./evidence-list.tsx";

/** What one item of the sheet shows besides the rubric's own text. */
export interface ItemCardProps {
  readonly item: ItemInfo;
  readonly live: LiveItem | undefined;
  readonly bounds: ItemBounds | undefined;
  readonly assessmentId: number;
  /** The evidence files of this item's criteria. */
  readonly files: readonly EvidenceFile[];
  readonly editable: boolean;
  /** The questions of one criterion ("item.criterion"), as form fields. */
  readonly renderInputs: (criterionKey: string) => ReactNode;
}

/** One item of the sheet: its content verbatim, live points, and each criterion with its questions. */
export function ItemCard({ item, live, bounds, assessmentId, files, editable, renderInputs }: ItemCardProps) {
  const { t } = useTranslation();
  return (
    <Card
      style={{ marginBottom: 16 }}
      data-item={item.number}
      title={
        <div className="kp-item-head">
          <h3 style={{ margin: 0, fontSize: 16, whiteSpace: "normal" }}>
            {item.number}. {item.title}
          </h3>
          <span>
            {t("assessment.standard")} {item.standard} · {t("assessment.obtained")}{" "}
            <span className="kp-points" data-testid={`item-${item.number}`}>
              {live ? (live.complete ? live.points : `${live.points}…`) : "—"}
            </span>
            {bounds && (
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontWeight: 400 }}>
                （{pointsRange(t, bounds.least, bounds.most)}）
              </Typography.Text>
            )}
          </span>
        </div>
      }
    >
      <Typography.Paragraph className="kp-verbatim" style={{ background: "#f7f9fc", padding: 8, borderRadius: 4 }}>
        <Typography.Text type="secondary">
          {t("assessment.content")}
          {t("common.colon")}
        </Typography.Text>
        {item.content}
      </Typography.Paragraph>
      {item.criteria.map((c) => (
        <CriterionSection
          key={c.number}
          item={item.number}
          criterion={c}
          live={live?.criteria.find((x) => x.number === c.number)}
          bounds={bounds?.criteria.find((x) => x.number === c.number)}
        >
          {renderInputs(`${item.number}.${c.number}`)}
          <EvidenceList
            assessmentId={assessmentId}
            item={item.number}
            criterion={c.number}
            files={files.filter((f) => f.criterion === c.number)}
            editable={editable}
          />
        </CriterionSection>
      ))}
    </Card>
  );
}

/** One criterion: the 评分方法 text verbatim, its live points and possible points, its reason. */
function CriterionSection({
  item,
  criterion: c,
  live,
  bounds,
  children,
}: {
  item: number;
  criterion: ItemInfo["criteria"][number];
  live: LiveCriterion | undefined;
  bounds: CriterionBounds | undefined;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = messageLang(i18n.language);
  return (
    <section className="kp-criterion" aria-label={`${t("common.criterion")} ${item}.${c.number}`}>
      <div className="kp-criterion-head">
        <div className="kp-criterion-text kp-verbatim">
          <strong>{c.number}</strong> {c.text}
        </div>
        <div style={{ textAlign: "right", whiteSpace: "nowrap" }}>
          <span className="kp-points" data-testid={`criterion-${item}-${c.number}`}>
            {live?.points ?? "—"}
          </span>{" "}
          {t("common.points")}
          {bounds && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.rule === "bonus" ? `${t("assessment.bonus")} ` : ""}
                {pointsRange(t, bounds.least, bounds.most)}
              </Typography.Text>
            </div>
          )}
        </div>
      </div>
      {live?.reason && (
        <div className="kp-reason">
          {t("assessment.reasonFor")}
          {t("common.colon")}
          {live.reason[lang]}
        </div>
      )}
      {children}
    </section>
  );
}
