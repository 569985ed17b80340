import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useParams } from "react-router";
import { SheetView } from "../components/sheet-view.tsx";
import { messageLang } from "../i18n/format.ts";
import { liveScore, prepareRubric, toDraft } from "../lib/live-score.ts";
import { sheetFromScore, sheetMeta } from "../lib/sheet-from-score.ts";
import { errorCode, useTRPC } from "../trpc.ts";

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
    return sheetFromScore(
      prepared,
      liveScore(prepared, facts),
      facts,
      sheetMeta(assessment.data, version.data, t, messageLang(i18n.language)),
    );
  }, [assessment.data, version.data, t, i18n.language]);

  const error = assessment.error ?? version.error;
  if (errorCode(error) === "UNAUTHORIZED") {
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
