import { useQuery } from "@tanstack/react-query";
import { Result, Spin } from "antd";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { errorCode, useTRPC } from "../../trpc.ts";
import { AssessmentForm } from "./assessment-form.tsx";

/** The scoring form of one assessment: loads the assessment and its rubric version, then the form. */
export function AssessmentPage() {
  const { assessmentId } = useParams();
  const id = Number(assessmentId);
  const trpc = useTRPC();
  const { t } = useTranslation();
  const assessment = useQuery({
    ...trpc.assessments.get.queryOptions({ id }),
    enabled: Number.isInteger(id) && id > 0,
  });
  const version = useQuery({
    ...trpc.rubrics.get.queryOptions({ id: assessment.data?.rubricVersionId ?? 0 }),
    enabled: assessment.data !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (assessment.isError) {
    return (
      <Result status={errorCode(assessment.error) === "NOT_FOUND" ? "404" : "error"} title={assessment.error.message} />
    );
  }
  if (!assessment.data || !version.data) return <Spin size="large" aria-label={t("app.loading")} />;
  return <AssessmentForm key={assessment.data.id} assessment={assessment.data} version={version.data} />;
}
