import { useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useParams } from "react-router";
import { SheetView } from "../components/sheet-view.tsx";
import { liveScore, prepareRubric, toDraft } from "../lib/live-score.ts";
import { sheetFromScore } from "../lib/sheet-from-score.ts";
import { useTRPC } from "../trpc.ts";

/** A print-friendly page of one filled sheet, without the application's chrome. */
export function PrintPage() {
  const { assessmentId } = useParams();
  const location = useLocation();
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const assessment = useQuery(trpc.assessments.get.queryOptions({ id: Number(assessmentId) }));
  const version = useQuery({
    ...trpc.rubrics.get.queryOptions({ id: assessment.data?.rubricVersionId ?? 0 }),
    enabled: assessment.data !== undefined,
  });
  const model = useMemo(() => {
    if (!assessment.data || !version.data) return null;
    const prepared = prepareRubric(version.data.source);
    if (!prepared) return null;
    const facts = toDraft(assessment.data.facts);
    const a = assessment.data;
    return sheetFromScore(prepared, liveScore(prepared, facts), facts, {
      subjectName: a.subjectName,
      subjectCode: a.subjectCode,
      subjectKind: a.subjectKind,
      periodName: a.periodName,
      rubricLabel: `${version.data.key} v${version.data.version ?? "draft"}`,
      status: t(`status.${a.status}`),
      lang: i18n.language === "en" ? "en" : "zh",
      yes: t("common.yes"),
      no: t("common.no"),
    });
  }, [assessment.data, version.data, t, i18n.language]);

  const error = assessment.error ?? version.error;
  if (error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === "UNAUTHORIZED") {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  }
  if (error) return <p role="alert">{error.message}</p>;
  if (!model) return <p>{t("app.loading")}</p>;
  return (
    <main style={{ background: "#fff", minHeight: "100vh" }}>
      <div className="no-print" style={{ padding: 12, textAlign: "right" }}>
        <button type="button" onClick={() => window.print()} style={{ fontSize: 16, padding: "6px 16px" }}>
          {t("common.print")}
        </button>
      </div>
      <SheetView model={model} />
    </main>
  );
}
