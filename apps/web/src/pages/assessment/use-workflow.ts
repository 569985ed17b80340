// The review steps after saving: submit, approve, return with a comment. Each answers with the
// assessment's new revision, which the draft takes as its base.
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { errorCode, useTRPC } from "../../trpc.ts";
import type { Assessment } from "./use-assessment-draft.ts";

/** Submit, approve and return of one assessment at the revision the form holds. */
export function useWorkflow(assessmentId: number, revision: number, accept: (next: Assessment, note: string) => void) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const submit = useMutation(
    trpc.assessments.submit.mutationOptions({ onSuccess: (n) => accept(n, t("assessment.submitted")) }),
  );
  const approve = useMutation(
    trpc.assessments.approve.mutationOptions({ onSuccess: (n) => accept(n, t("assessment.approved")) }),
  );
  const giveBack = useMutation(
    trpc.assessments.return.mutationOptions({ onSuccess: (n) => accept(n, t("assessment.returned")) }),
  );
  const errors = [submit.error, approve.error, giveBack.error];
  return {
    submit: () => submit.mutate({ id: assessmentId, revision }),
    approve: () => approve.mutate({ id: assessmentId, revision }),
    /** Returns the assessment with the reviewer's comment; `done` runs once it is returned. */
    giveBack: (comment: string, done: () => void) =>
      giveBack.mutate({ id: assessmentId, revision, comment }, { onSuccess: done }),
    submitting: submit.isPending,
    approving: approve.isPending,
    returning: giveBack.isPending,
    /** The last refusal that is not a conflict, to show as it is. */
    error: errors.find((e) => e && errorCode(e) !== "CONFLICT") ?? null,
    /** Someone changed the assessment since the form loaded it. */
    conflict: errors.some((e) => errorCode(e) === "CONFLICT"),
  };
}
