import { Alert } from "antd";
import { useTranslation } from "react-i18next";
import { messageLang } from "../../i18n/format.ts";
import type { LiveScore } from "../../lib/live-score.ts";
import type { Assessment } from "./use-assessment-draft.ts";

const gap = { marginBottom: 12 };

/**
 * What the assessor must know before going on: a veto, the reviewer's comment, read-only, the
 * answers the save refused, and any refusal of the server.
 */
export function AssessmentAlerts({
  assessment,
  live,
  editable,
  showProblems,
  saveError,
  workflowError,
  workflowConflict,
}: {
  assessment: Assessment;
  live: LiveScore;
  editable: boolean;
  /** The user tried to save: list every wrong answer, not only those touched. */
  showProblems: boolean;
  saveError: { readonly message: string } | null;
  workflowError: { readonly message: string } | null;
  workflowConflict: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = messageLang(i18n.language);
  return (
    <>
      {live.veto && (
        <Alert
          type="error"
          showIcon
          style={gap}
          title={t("assessment.veto", { reason: live.veto.reason })}
          description={live.veto.explanation?.[lang]}
        />
      )}
      {assessment.status === "returned" && assessment.returnComment && (
        <Alert
          type="warning"
          showIcon
          style={gap}
          title={t("assessment.returned")}
          description={assessment.returnComment}
        />
      )}
      {!editable && <Alert type="info" style={gap} title={t("assessment.readOnly")} />}
      {showProblems && live.problems.length > 0 && (
        <Alert
          type="error"
          role="alert"
          showIcon
          style={gap}
          title={t("assessment.invalid", { count: live.problems.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {live.problems.map((p) => (
                <li key={p.field}>{p.message[lang]}</li>
              ))}
            </ul>
          }
        />
      )}
      {saveError && <Alert type="error" role="alert" style={gap} title={saveError.message} />}
      {workflowError && <Alert type="error" role="alert" style={gap} title={workflowError.message} />}
      {workflowConflict && <Alert type="warning" role="alert" style={gap} title={t("assessment.conflictTitle")} />}
    </>
  );
}
