import { useQuery } from "@tanstack/react-query";
import { Alert, Empty, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import type { PreparedRubric } from "../../lib/live-score.ts";
import { type RouterOutputs, useTRPC } from "../../trpc.ts";
import { factText } from "./fact-text.ts";

type HistoryEntry = RouterOutputs["assessments"]["history"][number];

/** What each step means to the person reading the history. */
const stepLabels: Readonly<Record<HistoryEntry["step"], string>> = {
  created: "assessment.start",
  saved: "assessment.save",
  submitted: "assessment.submit",
  returned: "assessment.return",
  approved: "assessment.approve",
  evidenceAdded: "assessment.historyEvidenceAdded",
  evidenceRemoved: "assessment.historyEvidenceRemoved",
};

// A first save fills in every answer at once: past this many, the list opens on request.
const OPEN_CHANGES = 6;

/** The assessment's steps from the audit log, readable by every role that may read the assessment. */
export function HistoryTab({ assessmentId, prepared }: { assessmentId: number; prepared: PreparedRubric }) {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const history = useQuery(trpc.assessments.history.queryOptions({ assessmentId }));
  if (history.isError) return <Alert type="error" title={history.error.message} />;
  if (history.data?.length === 0) return <Empty />;
  return (
    <Table<HistoryEntry>
      size="small"
      rowKey="id"
      loading={history.isPending}
      dataSource={history.data ?? []}
      pagination={false}
      scroll={{ x: true }}
      columns={[
        { title: t("common.time"), dataIndex: "at", render: format.dateTime },
        {
          title: t("common.user"),
          dataIndex: "by",
          render: (by: HistoryEntry["by"]) =>
            by ? `${by.displayName}（${t(`roles.${by.role}`)}）` : t("assessment.historyUnknownUser"),
        },
        {
          title: t("assessment.historyStep"),
          dataIndex: "step",
          render: (step: HistoryEntry["step"]) => t(stepLabels[step]),
        },
        {
          title: t("assessment.historyDetail"),
          key: "detail",
          render: (_: unknown, entry) => <HistoryDetail entry={entry} prepared={prepared} />,
        },
      ]}
    />
  );
}

/** A fact's value as recorded in the history (JSON), shown the way the form shows it. */
function historyValue(value: HistoryEntry["changes"][number]["after"], yes: string, no: string): string {
  if (value === null) return "—";
  if (typeof value === "boolean" || typeof value === "number") return factText(value, yes, no);
  if (typeof value === "object" && !Array.isArray(value) && typeof value.value === "number") {
    return factText(
      { value: value.value, ...(typeof value.reason === "string" ? { reason: value.reason } : {}) },
      yes,
      no,
    );
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

function HistoryDetail({ entry, prepared }: { entry: HistoryEntry; prepared: PreparedRubric }) {
  const { t } = useTranslation();
  const yes = t("common.yes");
  const no = t("common.no");
  const lines: string[] = [];
  if (entry.revision !== null && entry.step !== "created")
    lines.push(t("assessment.historyRevision", { revision: entry.revision }));
  if (entry.total)
    lines.push(t("assessment.historyTotal", { before: entry.total.before ?? "—", after: entry.total.after ?? "—" }));
  if (entry.comment) lines.push(`${t("common.comment")}${t("common.colon")}${entry.comment}`);
  if (entry.evidence) {
    const where =
      entry.evidence.item === null
        ? ""
        : ` · ${entry.evidence.item}${entry.evidence.criterion === null ? "" : `.${entry.evidence.criterion}`}`;
    lines.push(`${entry.evidence.name}${where}`);
  }
  const changes = (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {entry.changes.map((c) => {
        const label = prepared.inputsByName.get(c.fact)?.label ?? c.fact;
        // Labels are often questions (…几人？): no colon after a question mark.
        return (
          <li key={c.fact}>
            {label}
            {/[？?：:]$/.test(label) ? " " : t("common.colon")}
            {historyValue(c.before, yes, no)} → {historyValue(c.after, yes, no)}
          </li>
        );
      })}
    </ul>
  );
  return (
    <div className="kp-verbatim">
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
      {entry.step === "saved" && entry.changes.length === 0 && (
        <Typography.Text type="secondary">{t("assessment.historyNoFactChange")}</Typography.Text>
      )}
      {entry.changes.length > 0 && entry.changes.length <= OPEN_CHANGES && changes}
      {entry.changes.length > OPEN_CHANGES && (
        <details>
          <summary>{t("assessment.historyChanges", { count: entry.changes.length })}</summary>
          {changes}
        </details>
      )}
    </div>
  );
}
