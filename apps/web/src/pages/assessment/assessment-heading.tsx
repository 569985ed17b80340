import type { Bounds } from "@kaoping/engine";
import { Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { pointsRange } from "../../i18n/points-range.ts";
import type { LiveScore } from "../../lib/live-score.ts";
import type { Assessment } from "./use-assessment-draft.ts";

const statusColors: Readonly<Record<Assessment["status"], string>> = {
  draft: "gold",
  submitted: "blue",
  approved: "green",
  returned: "red",
};

/** Whose assessment this is, in which period, on which rubric version and revision. */
export function AssessmentHeading({
  assessment,
  rubricTitle,
  versionLabel,
  revision,
}: {
  assessment: Assessment;
  rubricTitle: string;
  versionLabel: string;
  revision: number;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Title level={2} className="kp-page-title">
        {assessment.subjectName}
        <Typography.Text type="secondary" style={{ fontSize: 16, marginLeft: 12 }}>
          {assessment.subjectCode} · {assessment.subjectKind} · {assessment.periodName}
        </Typography.Text>
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t("assessment.rubric")}
        {t("common.colon")}
        {rubricTitle}（{versionLabel}） · {t("assessment.revision")} {revision}
      </Typography.Paragraph>
    </>
  );
}

/** The bar that stays in view while scrolling: live total, possible points, grade, status. */
export function TotalBar({ live, bounds, status }: { live: LiveScore; bounds: Bounds; status: Assessment["status"] }) {
  const { t } = useTranslation();
  return (
    <div className="kp-total-bar kp-sticky-total" aria-live="polite">
      <span>
        {t("assessment.live")}
        {t("common.colon")}
        <span className="kp-total-value" data-testid="live-total">
          {live.complete ? live.total : `${live.total}…`}
        </span>
      </span>
      <span>
        {t("assessment.bounds")}
        {t("common.colon")}
        {pointsRange(t, bounds.least, bounds.most)}
      </span>
      {live.grade && (
        <span>
          {t("assessment.grade")}
          {t("common.colon")}
          <Tag color="blue">{live.grade}</Tag>
        </span>
      )}
      <Tag color={statusColors[status]} data-testid="status">
        {t(`status.${status}`)}
      </Tag>
      {!live.complete && (
        <Typography.Text type="warning">
          {t("assessment.invalid", { count: live.missing.length + live.problems.length })}
        </Typography.Text>
      )}
    </div>
  );
}
