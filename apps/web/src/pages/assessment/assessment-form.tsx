import { useQuery } from "@tanstack/react-query";
import { Result, Space, Tabs } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useShell } from "../../app/context.ts";
import { NoteDialog } from "../../components/note-dialog.tsx";
import { canEditFacts, canReview } from "../../app/permissions.ts";
import { messageLang } from "../../i18n/format.ts";
import { liveScore, prepareRubric } from "../../lib/live-score.ts";
import { sheetFromScore, sheetMeta, versionLabel } from "../../lib/sheet-from-score.ts";
import { errorCode, useTRPC } from "../../trpc.ts";
import { AssessmentActions } from "./assessment-actions.tsx";
import { AssessmentAlerts } from "./assessment-alerts.tsx";
import { AssessmentHeading, TotalBar } from "./assessment-heading.tsx";
import { ConflictDialog } from "./conflict-dialog.tsx";
import { HistoryTab } from "./history-tab.tsx";
import { SheetForm } from "./sheet-form.tsx";
import { type Assessment, useAssessmentDraft } from "./use-assessment-draft.ts";
import { useWorkflow } from "./use-workflow.ts";

/** The form of one assessment: the sheet's own text, live points and reasons, the workflow, the history. */
export function AssessmentForm({
  assessment,
  version,
}: {
  assessment: Assessment;
  /** The rubric version the assessment is scored on. */
  version: { readonly key: string; readonly version: number | null; readonly source: string };
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { user } = useShell();
  const prepared = useMemo(() => prepareRubric(version.source), [version.source]);
  const draft = useAssessmentDraft(assessment);
  const workflow = useWorkflow(assessment.id, draft.base.revision, draft.accept);
  const [returning, setReturning] = useState(false);
  const [showProblems, setShowProblems] = useState(false);
  const evidence = useQuery(trpc.evidence.list.queryOptions({ assessmentId: assessment.id }));
  const periods = useQuery(trpc.periods.list.queryOptions());
  const live = useMemo(() => (prepared ? liveScore(prepared, draft.draft) : null), [prepared, draft.draft]);

  if (!prepared || !live) return <Result status="error" title={t("assessment.rubricBroken")} />;
  const bounds = prepared.compiled.bounds();
  const editable = canEditFacts(user.role) && (assessment.status === "draft" || assessment.status === "returned");
  // Four-eyes: the period's rule (on unless the office turned it off) keeps the submitter from approving.
  const ownSubmission =
    assessment.submittedById === user.id && (periods.data?.find((p) => p.id === assessment.periodId)?.fourEyes ?? true);

  const onSave = () => {
    if (live.problems.length > 0) setShowProblems(true);
    else draft.saveDraft();
  };
  const onExport = async () => {
    const { buildSheetWorkbook, downloadWorkbook, safeFileName } = await import("../../lib/sheet-export.ts");
    const meta = sheetMeta(assessment, version, t, messageLang(i18n.language));
    const model = sheetFromScore(prepared, live, draft.draft, meta);
    await downloadWorkbook(
      await buildSheetWorkbook(model),
      safeFileName(`${assessment.subjectName}-${assessment.periodName}.xlsx`),
    );
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 8 }} className="no-print">
        <Link to="/subjects">← {t("nav.subjects")}</Link>
      </Space>
      <AssessmentHeading
        assessment={assessment}
        rubricTitle={prepared.compiled.title}
        versionLabel={versionLabel(version)}
        revision={draft.base.revision}
      />
      <TotalBar live={live} bounds={bounds} status={assessment.status} />
      <AssessmentAlerts
        assessment={assessment}
        live={live}
        editable={editable}
        showProblems={showProblems}
        saveError={draft.save.error && errorCode(draft.save.error) !== "CONFLICT" ? draft.save.error : null}
        workflowError={workflow.error}
        workflowConflict={workflow.conflict}
      />
      <AssessmentActions
        allowed={{
          edit: editable,
          review: canReview(user.role) && assessment.status === "submitted",
          ownSubmission,
        }}
        canSave={draft.dirty || assessment.status === "returned"}
        canSubmit={!draft.dirty && live.complete}
        busy={{ saving: draft.save.isPending, submitting: workflow.submitting, approving: workflow.approving }}
        printHref={`/print/${assessment.id}`}
        onSave={onSave}
        onSubmit={workflow.submit}
        onApprove={workflow.approve}
        onReturn={() => setReturning(true)}
        onExport={onExport}
      />
      <Tabs
        items={[
          {
            key: "form",
            label: t("assessment.title"),
            children: (
              <SheetForm
                prepared={prepared}
                live={live}
                bounds={bounds}
                draft={draft.draft}
                onChange={draft.setFact}
                editable={editable}
                showProblems={showProblems}
                assessmentId={assessment.id}
                evidence={evidence.data ?? []}
              />
            ),
          },
          {
            key: "history",
            label: t("assessment.history"),
            children: <HistoryTab assessmentId={assessment.id} prepared={prepared} />,
          },
        ]}
      />
      <ConflictDialog
        theirs={draft.conflict}
        base={draft.base.facts}
        mine={draft.draft}
        prepared={prepared}
        onClose={draft.closeConflict}
        onReload={draft.reload}
        onOverwrite={draft.overwrite}
      />
      <NoteDialog
        open={returning}
        title={t("assessment.return")}
        label={t("assessment.returnComment")}
        requiredHint={t("assessment.commentRequired")}
        rows={4}
        danger
        pending={workflow.returning}
        onCancel={() => setReturning(false)}
        onConfirm={(comment, done) =>
          workflow.giveBack(comment, () => {
            done();
            setReturning(false);
          })
        }
      />
    </>
  );
}
