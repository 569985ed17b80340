// The form's answers against what the server holds: the draft, the revision it started from,
// saving, and the conflict when someone else saved first.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { type FactDraft, type FactInput, toDraft, toFacts } from "../../lib/live-score.ts";
import { errorCode, type RouterOutputs, useTRPC } from "../../trpc.ts";

export type Assessment = RouterOutputs["assessments"]["get"];

/** What the server had when the form last loaded or saved it: the base of the next save and of a conflict. */
export interface DraftBase {
  readonly revision: number;
  readonly facts: FactDraft;
}

/** The draft of one assessment's facts, saved against the revision it started from. */
export function useAssessmentDraft(assessment: Assessment) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [base, setBase] = useState<DraftBase>(() => ({
    revision: assessment.revision,
    facts: toDraft(assessment.facts),
  }));
  const [draft, setDraft] = useState<FactDraft>(() => toDraft(assessment.facts));
  const [conflict, setConflict] = useState<Assessment | null>(null);
  const dirty = useMemo(() => JSON.stringify(toFacts(draft)) !== JSON.stringify(toFacts(base.facts)), [draft, base]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  /** Takes the server's copy after any step as the new base, refreshes the lists, tells the user. */
  const accept = (next: Assessment, note: string) => {
    qc.setQueryData(trpc.assessments.get.queryKey({ id: next.id }), next);
    void qc.invalidateQueries({ queryKey: trpc.assessments.list.queryKey() });
    void qc.invalidateQueries({ queryKey: trpc.reports.ranking.queryKey() });
    void qc.invalidateQueries({ queryKey: trpc.assessments.history.queryKey({ assessmentId: next.id }) });
    setBase({ revision: next.revision, facts: toDraft(next.facts) });
    void message.success(note);
  };
  const showConflict = async () => {
    const latest = await qc.fetchQuery({ ...trpc.assessments.get.queryOptions({ id: assessment.id }), staleTime: 0 });
    setConflict(latest);
  };
  const save = useMutation(
    trpc.assessments.saveFacts.mutationOptions({
      onSuccess: (next) => {
        accept(next, t("assessment.saved", { revision: next.revision }));
        setDraft(toDraft(next.facts));
      },
      onError: (e) => {
        if (errorCode(e) === "CONFLICT") void showConflict();
      },
    }),
  );

  return {
    base,
    draft,
    dirty,
    accept,
    save,
    conflict,
    setFact: (name: string, value: FactInput | undefined) => setDraft((d) => ({ ...d, [name]: value })),
    saveDraft: () => save.mutate({ id: assessment.id, revision: base.revision, facts: toFacts(draft) }),
    closeConflict: () => setConflict(null),
    /** Saves this draft over the other person's revision, knowingly. */
    overwrite: () => {
      if (!conflict) return;
      setConflict(null);
      save.mutate({ id: assessment.id, revision: conflict.revision, facts: toFacts(draft) });
    },
    /** Drops this draft and takes the other person's revision. */
    reload: () => {
      if (!conflict) return;
      qc.setQueryData(trpc.assessments.get.queryKey({ id: conflict.id }), conflict);
      setBase({ revision: conflict.revision, facts: toDraft(conflict.facts) });
      setDraft(toDraft(conflict.facts));
      setConflict(null);
      save.reset();
    },
  };
}
