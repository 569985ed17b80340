import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { compile, diff, runTests, type TestOutcome } from "@kaoping/engine";
import { detectKeywords, format } from "@kaoping/language";
import { Alert, App, Col, Row, Typography } from "antd";
import { useDeferredValue, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { RubricEntry } from "../../app/catalog.ts";
import { useShell } from "../../app/context.ts";
import { NoteDialog } from "../../components/note-dialog.tsx";
import { RubricEditor, type RubricEditorHandle } from "../../editor/rubric-editor.tsx";
import { messageLang } from "../../i18n/format.ts";
import { useTRPC } from "../../trpc.ts";
import { type CheckTab, ChecksPanel } from "./checks-panel.tsx";
import { editorDiagnostics } from "./editor-diagnostics.ts";
import { WorkspaceToolbar } from "./workspace-toolbar.tsx";
import { type Impact, useRubricDraft } from "./use-rubric-draft.ts";

/** Loads the text one rubric's editor starts from, and its published version to compare with. */
export function RubricWorkspace({ entry }: { entry: RubricEntry }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // Start from the draft when there is one, else from the published version.
  // Fixed at first sight: saving a draft or publishing must not reload the editor under the user.
  const [startId] = useState(entry.draft?.id ?? entry.published?.id ?? 0);
  const start = useQuery({ ...trpc.rubrics.get.queryOptions({ id: startId }), staleTime: Number.POSITIVE_INFINITY });
  const published = useQuery({
    ...trpc.rubrics.get.queryOptions({ id: entry.published?.id ?? 0 }),
    enabled: entry.published !== null,
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: keepPreviousData,
  });
  if (!start.data || (entry.published && !published.data)) {
    return <Typography.Text>{t("app.loading")}</Typography.Text>;
  }
  return <Workspace entry={entry} initial={start.data.source} publishedSource={published.data?.source ?? null} />;
}

/** The editor of one rubric with its toolbar, the checks beside it, and publishing. */
function Workspace({
  entry,
  initial,
  publishedSource,
}: {
  entry: RubricEntry;
  initial: string;
  publishedSource: string | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = messageLang(i18n.language);
  const { message } = App.useApp();
  const { period } = useShell();
  const editor = useRef<RubricEditorHandle>(null);
  const draft = useRubricDraft(entry, initial);
  const [tab, setTab] = useState<CheckTab>("diagnostics");
  // Kept with the text they ran on: an edit makes them stale.
  const [tests, setTests] = useState<{ readonly text: string; readonly outcomes: TestOutcome[] } | null>(null);
  const [impact, setImpact] = useState<Impact | null>(null);
  const [publishing, setPublishing] = useState(false);
  const deferred = useDeferredValue(draft.text);

  const compiled = useMemo(() => compile(deferred), [deferred]);
  const publishedCompiled = useMemo(
    () => (publishedSource ? compile(publishedSource).rubric : null),
    [publishedSource],
  );
  const structural = useMemo(
    () => (publishedCompiled && compiled.rubric ? diff(publishedCompiled, compiled.rubric, []) : null),
    [publishedCompiled, compiled.rubric],
  );
  const hasErrors = compiled.diagnostics.some((d) => d.severity === "error");
  const fail = (e: unknown) => void message.error(e instanceof Error ? e.message : String(e));

  const reformat = (keywords?: "zh" | "en") => {
    const r = format(draft.text, keywords ? { keywords } : undefined);
    if (r.text !== null) editor.current?.setText(r.text);
    else void message.error(t("rubrics.fixSyntaxFirst"));
  };
  const onImpact = async () => {
    if (!period || !entry.published) return;
    try {
      setImpact(await draft.impact(entry.published.id, period.id));
      setTab("diff");
    } catch (e) {
      fail(e);
    }
  };
  const onPublish = async (note: string, done: () => void) => {
    try {
      const version = await draft.publish(note);
      setPublishing(false);
      done();
      void message.success(t("rubrics.publishedOk", { version }));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <>
      <WorkspaceToolbar
        published={entry.published?.version ?? null}
        draftRevision={draft.draftRevision}
        dirty={draft.dirty}
        keywords={detectKeywords(deferred)}
        compiles={compiled.rubric !== null}
        saving={draft.saving}
        canImpact={compiled.rubric !== null && entry.published !== null && period !== null}
        canPublish={compiled.rubric !== null && (draft.dirty || draft.draftId !== null)}
        onFormat={reformat}
        onRunTests={() => {
          if (compiled.rubric) setTests({ text: deferred, outcomes: runTests(compiled.rubric) });
          setTab("tests");
        }}
        onSave={() => void draft.ensureSaved().then(() => message.success(t("subjects.saved")), fail)}
        onImpact={() => void onImpact()}
        onPublish={() => setPublishing(true)}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <RubricEditor
            ref={editor}
            value={initial}
            onChange={draft.setText}
            diagnose={(text) => editorDiagnostics(text, lang)}
            label={`${t("rubrics.editor")} ${entry.key}`}
            height="70vh"
            lang={lang}
          />
        </Col>
        <Col xs={24} xl={10}>
          <ChecksPanel
            tab={tab}
            onTab={setTab}
            text={deferred}
            diagnostics={compiled.diagnostics}
            rubric={compiled.rubric}
            tests={tests?.text === deferred ? tests.outcomes : null}
            structural={structural}
            impact={impact}
            periodId={period?.id ?? null}
            rubricKey={entry.key}
            kind={entry.subjectKind}
            onGoTo={(offset) => editor.current?.goTo(offset)}
            onLoad={(source) => editor.current?.setText(source)}
          />
        </Col>
      </Row>
      <NoteDialog
        open={publishing}
        title={t("rubrics.publish")}
        label={t("rubrics.publishNote")}
        requiredHint={t("rubrics.noteRequired")}
        rows={3}
        blocked={hasErrors}
        pending={draft.publishing || draft.saving}
        onCancel={() => setPublishing(false)}
        onConfirm={(note, done) => void onPublish(note, done)}
      >
        {hasErrors && <Alert type="error" title={t("rubrics.cannotPublish")} style={{ marginBottom: 12 }} />}
      </NoteDialog>
    </>
  );
}
