// The editor's text against the rubric's draft on the server: saving it, publishing it, and the
// impact publishing would have on a period.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { RubricEntry } from "../../app/catalog.ts";
import { type RouterOutputs, useTRPC } from "../../trpc.ts";

export type Impact = RouterOutputs["rubrics"]["diff"];

/** The draft of one rubric as the editor holds it, and the steps that send it to the server. */
export function useRubricDraft(entry: RubricEntry, initial: string) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [text, setText] = useState(initial);
  // The text the draft holds on the server (or, with no draft, the published text the editor started from).
  const [savedText, setSavedText] = useState(initial);
  const [draftRevision, setDraftRevision] = useState<number | null>(entry.draft?.revision ?? null);
  const [draftId, setDraftId] = useState<number | null>(entry.draft?.id ?? null);
  const saveDraft = useMutation(trpc.rubrics.saveDraft.mutationOptions());
  const publish = useMutation(trpc.rubrics.publish.mutationOptions());
  const dirty = text !== savedText;

  /** Saves the editor's text as the draft when it changed; returns the draft's id and revision. */
  const ensureSaved = async (): Promise<{ id: number; revision: number }> => {
    if (!dirty && draftId !== null && draftRevision !== null) return { id: draftId, revision: draftRevision };
    const r = await saveDraft.mutateAsync({ key: entry.key, source: text, note: "", revision: draftRevision });
    setDraftRevision(r.draft.revision);
    setDraftId(r.draft.id);
    setSavedText(text);
    void qc.invalidateQueries({ queryKey: trpc.rubrics.list.queryKey() });
    void qc.invalidateQueries({ queryKey: trpc.rubrics.versions.queryKey({ key: entry.key }) });
    return { id: r.draft.id, revision: r.draft.revision };
  };

  return {
    text,
    setText,
    dirty,
    draftId,
    draftRevision,
    saving: saveDraft.isPending,
    publishing: publish.isPending,
    ensureSaved,
    /** What publishing the saved draft would change in a period, against the published version. */
    impact: async (publishedId: number, periodId: number): Promise<Impact> => {
      const draft = await ensureSaved();
      return qc.fetchQuery({
        ...trpc.rubrics.diff.queryOptions({ fromId: publishedId, toId: draft.id, periodId }),
        staleTime: 0,
      });
    },
    /** Saves and publishes the draft with the policy officer's note; answers the new version number. */
    publish: async (note: string): Promise<number | null> => {
      const draft = await ensureSaved();
      const v = await publish.mutateAsync({ key: entry.key, revision: draft.revision, note });
      setDraftId(null);
      setDraftRevision(null);
      setSavedText(text);
      void qc.invalidateQueries({ queryKey: trpc.rubrics.list.queryKey() });
      void qc.invalidateQueries({ queryKey: trpc.rubrics.versions.queryKey({ key: entry.key }) });
      return v.version;
    },
  };
}
