import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type CompileDiagnostic, type CompiledRubric, compile, diff, runTests } from "@kaoping/engine";
import { detectKeywords, format, lineColumn, sourceFile } from "@kaoping/language";
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Segmented,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from "antd";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { type RubricEntry, useRubricCatalog } from "../app/catalog.ts";
import { useShell } from "../app/context.ts";
import { canEditRubrics } from "../app/permissions.ts";
import { useFormat } from "../i18n/format.ts";
import { type EditorDiagnostic, RubricEditor, type RubricEditorHandle } from "../editor/rubric-editor.tsx";
import { rankChanges } from "../lib/ranks.ts";
import { rubricTemplate } from "../lib/rubric-template.ts";
import { type RouterOutputs, useTRPC } from "../trpc.ts";

type Version = RouterOutputs["rubrics"]["versions"][number];
type Impact = RouterOutputs["rubrics"]["diff"];

/** The rubric editor (policy role): live diagnostics, format, tests, bounds, diff and impact, publish, versions. */
export function RubricsPage() {
  const { t } = useTranslation();
  const { user } = useShell();
  const catalog = useRubricCatalog();
  const [key, setKey] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  if (!canEditRubrics(user.role)) return <Result status="403" title="403" subTitle={t("common.forbidden")} />;
  const entries = catalog.data ?? [];
  const entry = entries.find((e) => e.key === key) ?? entries[0];
  return (
    <>
      <Typography.Title level={2} className="kp-page-title">
        {t("rubrics.title")}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented
          aria-label={t("rubrics.select")}
          value={entry?.key}
          onChange={(v) => setKey(String(v))}
          options={entries.map((e) => ({ value: e.key, label: `${e.subjectKind || t("rubrics.draft")} · ${e.key}` }))}
        />
        <Button onClick={() => setCreating(true)}>{t("rubrics.create")}</Button>
      </Space>
      {entry ? <RubricWorkspace key={entry.key} entry={entry} /> : <Empty />}
      {creating && (
        <NewRubricDialog
          taken={entries.map((e) => e.key)}
          onClose={(created) => {
            setCreating(false);
            if (created) setKey(created);
          }}
        />
      )}
    </>
  );
}

/** Starts a new rubric as a draft from a template that checks clean. */
function NewRubricDialog({ taken, onClose }: { taken: readonly string[]; onClose: (key: string | null) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ key: string; title: string; kind: string }>();
  const save = useMutation(
    trpc.rubrics.saveDraft.mutationOptions({
      onSuccess: async (r) => {
        await qc.invalidateQueries({ queryKey: trpc.rubrics.list.queryKey() });
        onClose(r.draft.key);
      },
    }),
  );
  return (
    <Modal
      open
      title={t("rubrics.create")}
      onCancel={() => onClose(null)}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
    >
      {save.error && <Alert type="error" title={save.error.message} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          save.mutate({
            key: v.key,
            source: rubricTemplate(v.key, v.title, v.kind, new Date().getFullYear()),
            note: "",
            revision: null,
          })
        }
      >
        <Form.Item
          label={t("rubrics.key")}
          name="key"
          extra={t("rubrics.keyHelp")}
          rules={[
            { required: true, pattern: /^[A-Za-z_][A-Za-z0-9_]*$/, message: t("rubrics.keyHelp") },
            {
              validator: async (_, v: string) =>
                taken.includes(v) ? Promise.reject(new Error(t("rubrics.keyTaken"))) : undefined,
            },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t("rubrics.titleLabel")} name="title" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t("common.kind")} name="kind" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function lineOf(text: string, offset: number): number {
  return lineColumn(sourceFile("", text), offset).line;
}

function WorkspaceLoading() {
  const { t } = useTranslation();
  return <Typography.Text>{t("app.loading")}</Typography.Text>;
}

function RubricWorkspace({ entry }: { entry: RubricEntry }) {
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
  if (!start.data || (entry.published && !published.data)) return <WorkspaceLoading />;
  return <Workspace entry={entry} initial={start.data.source} publishedSource={published.data?.source ?? null} />;
}

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
  const lang = i18n.language === "en" ? "en" : "zh";
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { period } = useShell();
  const editor = useRef<RubricEditorHandle>(null);
  const [text, setText] = useState(initial);
  // The text the draft holds on the server (or, with no draft, the published text the editor started from).
  const [savedText, setSavedText] = useState(initial);
  const [draftRevision, setDraftRevision] = useState<number | null>(entry.draft?.revision ?? null);
  const [draftId, setDraftId] = useState<number | null>(entry.draft?.id ?? null);
  const [tab, setTab] = useState("diagnostics");
  const [tests, setTests] = useState<ReturnType<typeof runTests> | null>(null);
  const [impact, setImpact] = useState<Impact | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [note, setNote] = useState("");
  const deferred = useDeferredValue(text);

  const compiled = useMemo(() => compile(deferred), [deferred]);
  const publishedCompiled = useMemo(
    () => (publishedSource ? compile(publishedSource).rubric : null),
    [publishedSource],
  );
  const errors = compiled.diagnostics.filter((d) => d.severity === "error");
  const dirty = text !== savedText;

  useEffect(() => {
    setTests(null);
  }, [deferred]);

  const toEditor = (text: string): readonly EditorDiagnostic[] =>
    compile(text).diagnostics.map((d) => {
      const from = Math.min(d.span.start, text.length);
      return {
        from,
        to: Math.min(Math.max(d.span.end, from + 1), text.length),
        severity: d.severity,
        source: d.code,
        message: `${d.message[lang]}${d.help ? `\n${d.help[lang]}` : ""}`,
      };
    });

  const saveDraft = useMutation(trpc.rubrics.saveDraft.mutationOptions());
  const publish = useMutation(trpc.rubrics.publish.mutationOptions());

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

  const onImpact = async () => {
    if (!period || !entry.published) return;
    try {
      const draft = await ensureSaved();
      const result = await qc.fetchQuery({
        ...trpc.rubrics.diff.queryOptions({ fromId: entry.published.id, toId: draft.id, periodId: period.id }),
        staleTime: 0,
      });
      setImpact(result);
      setTab("diff");
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const onPublish = async () => {
    try {
      const draft = await ensureSaved();
      const v = await publish.mutateAsync({ key: entry.key, revision: draft.revision, note });
      setPublishing(false);
      setNote("");
      setDraftId(null);
      setDraftRevision(null);
      setSavedText(text);
      void message.success(t("rubrics.publishedOk", { version: v.version }));
      await qc.invalidateQueries({ queryKey: trpc.rubrics.list.queryKey() });
      void qc.invalidateQueries({ queryKey: trpc.rubrics.versions.queryKey({ key: entry.key }) });
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const structural = useMemo(
    () => (publishedCompiled && compiled.rubric ? diff(publishedCompiled, compiled.rubric, []) : null),
    [publishedCompiled, compiled.rubric],
  );

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {entry.published && (
          <Tag color="green">
            {t("rubrics.published")} v{entry.published.version}
          </Tag>
        )}
        {draftId !== null && (
          <Tag color="gold">
            {t("rubrics.draft")}（{t("assessment.revision")} {draftRevision}）
          </Tag>
        )}
        {dirty && <Badge status="processing" text="…" />}
        <Button
          onClick={() => {
            const r = format(text);
            if (r.text !== null) editor.current?.setText(r.text);
            else void message.error(t("rubrics.fixSyntaxFirst"));
          }}
        >
          {t("rubrics.format")}
        </Button>
        <Segmented
          aria-label={t("rubrics.keywords")}
          value={detectKeywords(deferred)}
          options={[
            { value: "zh", label: t("rubrics.keywordsZh") },
            { value: "en", label: t("rubrics.keywordsEn") },
          ]}
          onChange={(v) => {
            // The formatter prints the same rubric in the other keyword set.
            const r = format(text, { keywords: v === "en" ? "en" : "zh" });
            if (r.text !== null) editor.current?.setText(r.text);
            else void message.error(t("rubrics.fixSyntaxFirst"));
          }}
        />
        <Button
          disabled={!compiled.rubric}
          onClick={() => {
            if (compiled.rubric) setTests(runTests(compiled.rubric));
            setTab("tests");
          }}
        >
          {t("rubrics.runTests")}
        </Button>
        <Button
          onClick={() =>
            void ensureSaved().then(
              () => message.success(t("subjects.saved")),
              (e: Error) => message.error(e.message),
            )
          }
          loading={saveDraft.isPending}
          disabled={!dirty}
        >
          {t("rubrics.saveDraft")}
        </Button>
        <Button onClick={() => void onImpact()} disabled={!compiled.rubric || !entry.published || !period}>
          {t("rubrics.diff")}
        </Button>
        <Button
          type="primary"
          onClick={() => setPublishing(true)}
          disabled={!compiled.rubric || (!dirty && draftId === null)}
        >
          {t("rubrics.publish")}
        </Button>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <RubricEditor
            ref={editor}
            value={initial}
            onChange={setText}
            diagnose={toEditor}
            label={`${t("rubrics.editor")} ${entry.key}`}
            height="70vh"
            lang={lang}
          />
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small">
            <Tabs
              activeKey={tab}
              onChange={setTab}
              items={[
                {
                  key: "diagnostics",
                  label: (
                    <span>
                      {t("rubrics.diagnostics")} <Badge count={errors.length} />
                    </span>
                  ),
                  children: (
                    <DiagnosticList
                      text={deferred}
                      diagnostics={compiled.diagnostics}
                      onPick={(o) => editor.current?.goTo(o)}
                    />
                  ),
                },
                { key: "tests", label: t("rubrics.runTests"), children: <TestList tests={tests} /> },
                { key: "bounds", label: t("rubrics.bounds"), children: <BoundsTable rubric={compiled.rubric} /> },
                {
                  key: "diff",
                  label: t("rubrics.impact"),
                  children: (
                    <ImpactView
                      structural={structural}
                      impact={impact}
                      periodId={period?.id ?? null}
                      kind={entry.subjectKind}
                    />
                  ),
                },
                {
                  key: "versions",
                  label: t("rubrics.versions"),
                  children: <Versions rubricKey={entry.key} onLoad={(source) => editor.current?.setText(source)} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Modal
        open={publishing}
        title={t("rubrics.publish")}
        onCancel={() => setPublishing(false)}
        onOk={() => void onPublish()}
        okButtonProps={{ disabled: note.trim() === "" || errors.length > 0 }}
        confirmLoading={publish.isPending || saveDraft.isPending}
      >
        {errors.length > 0 && <Alert type="error" title={t("rubrics.cannotPublish")} style={{ marginBottom: 12 }} />}
        <label htmlFor="kp-publish-note">{t("rubrics.publishNote")}</label>
        <Input.TextArea id="kp-publish-note" rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
        {note.trim() === "" && <Typography.Text type="secondary">{t("rubrics.noteRequired")}</Typography.Text>}
      </Modal>
    </>
  );
}

function DiagnosticList({
  text,
  diagnostics,
  onPick,
}: {
  text: string;
  diagnostics: readonly CompileDiagnostic[];
  onPick: (offset: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  if (diagnostics.length === 0) return <Alert type="success" title={t("rubrics.noDiagnostics")} />;
  return (
    <ul
      style={{ listStyle: "none", padding: 0, margin: 0, maxHeight: "60vh", overflow: "auto" }}
      data-testid="diagnostics"
    >
      {diagnostics.map((d, i) => (
        <li key={i} style={{ borderBottom: "1px solid #f0f0f0", padding: "6px 0" }}>
          <Button type="link" size="small" style={{ padding: 0, height: "auto" }} onClick={() => onPick(d.span.start)}>
            {t("rubrics.line", { line: lineOf(text, d.span.start) })}
          </Button>{" "}
          <Tag color={d.severity === "error" ? "red" : "orange"}>{d.code}</Tag>
          <span className={d.severity === "error" ? "kp-diag-error" : "kp-diag-warning"}>{d.message[lang]}</span>
          {d.help && <div style={{ color: "#555", fontSize: 12 }}>{d.help[lang]}</div>}
        </li>
      ))}
    </ul>
  );
}

function TestList({ tests }: { tests: ReturnType<typeof runTests> | null }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  if (!tests) return <Empty />;
  const passed = tests.filter((x) => x.passed).length;
  return (
    <>
      <Alert
        type={passed === tests.length ? "success" : "error"}
        title={t("rubrics.testsPassed", { passed, failed: tests.length - passed })}
        style={{ marginBottom: 8 }}
      />
      <ul style={{ paddingLeft: 18, maxHeight: "55vh", overflow: "auto" }}>
        {tests.map((x, i) => (
          <li key={i} style={{ color: x.passed ? undefined : "#cf1322" }}>
            {x.passed ? "✓" : "✗"} {x.name}
            {x.failures.map((f, j) => (
              <div key={j} style={{ fontSize: 12 }}>
                {f.what[lang]}
                {t("common.colon")}
                {t("rubrics.expected")} {f.expected}
                {t("common.comma")}
                {t("rubrics.actual")} {f.actual ?? "—"}
                <pre style={{ whiteSpace: "pre-wrap", margin: 0 }}>{f.explanation[lang]}</pre>
              </div>
            ))}
            {x.factErrors.map((e, j) => (
              <div key={`e${j}`} style={{ fontSize: 12 }}>
                {e.message[lang]}
              </div>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}

function BoundsTable({ rubric }: { rubric: CompiledRubric | null }) {
  const { t } = useTranslation();
  const bounds = useMemo(() => rubric?.bounds() ?? null, [rubric]);
  if (!bounds) return <Empty />;
  const range = (least: number, most: number | null) =>
    most === null ? t("assessment.boundsOpen", { min: least }) : t("assessment.boundsRange", { min: least, max: most });
  return (
    <>
      <Typography.Paragraph>
        {t("common.total")}
        {t("common.colon")}
        {range(bounds.least, bounds.most)}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="number"
        pagination={false}
        dataSource={[...bounds.items]}
        columns={[
          { title: t("common.item"), dataIndex: "number", width: 50 },
          { title: t("common.name"), dataIndex: "title" },
          { title: t("assessment.standard"), dataIndex: "standard", width: 70 },
          { title: t("rubrics.bounds"), render: (_, i) => range(i.least, i.most) },
        ]}
      />
    </>
  );
}

function ImpactView({
  structural,
  impact,
  periodId,
  kind,
}: {
  structural: ReturnType<typeof diff> | null;
  impact: Impact | null;
  periodId: number | null;
  kind: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const trpc = useTRPC();
  const ranking = useQuery({
    ...trpc.reports.ranking.queryOptions({ periodId: periodId ?? 0, kind }),
    enabled: periodId !== null && impact !== null,
  });
  const ranks = useMemo(() => {
    if (!impact || !ranking.data) return null;
    const changed = new Map<number, number>(
      impact.subjects.flatMap((r) => (r.new === null ? [] : [[r.assessmentId, r.new.total] as [number, number]])),
    );
    return rankChanges(
      ranking.data.map((r) => ({ id: r.assessmentId, total: r.total })),
      changed,
    );
  }, [impact, ranking.data]);
  const changedItems = structural?.items.filter((i) => i.change !== "unchanged") ?? [];
  const changedInputs = structural?.inputs.filter((i) => i.change !== "unchanged") ?? [];
  const changeLabel = (c: string) =>
    c === "added" ? t("rubrics.added") : c === "removed" ? t("rubrics.removed") : t("rubrics.modified");
  return (
    <>
      <Typography.Title level={5}>{t("rubrics.structural")}</Typography.Title>
      {changedItems.length === 0 && changedInputs.length === 0 ? (
        <Typography.Paragraph type="secondary">{t("rubrics.noChanges")}</Typography.Paragraph>
      ) : (
        <ul style={{ paddingLeft: 18 }}>
          {changedInputs.map((i) => (
            <li key={`i-${i.name}`}>
              {changeLabel(i.change)} {t("assessment.conflictField")} {i.name}
            </li>
          ))}
          {changedItems.map((i) => (
            <li key={`item-${i.number}`}>
              {changeLabel(i.change)} {t("common.item")} {i.number} {i.title.new ?? i.title.old}
              <ul>
                {i.criteria
                  .filter((c) => c.change !== "unchanged")
                  .map((c) => (
                    <li key={c.number} style={{ fontSize: 12 }}>
                      {t("common.criterion")} {i.number}.{c.number}: {c.rule.old ?? "—"} → {c.rule.new ?? "—"}
                    </li>
                  ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <Typography.Title level={5}>{t("rubrics.impact")}</Typography.Title>
      {!impact ? (
        <Empty />
      ) : impact.subjects.length === 0 ? (
        <Alert type="info" title={t("rubrics.noChanges")} />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <Tag color="green">
              {t("rubrics.gains")} {impact.summary.raised}
            </Tag>
            <Tag color="red">
              {t("rubrics.losses")} {impact.summary.lowered}
            </Tag>
            <Tag>
              {t("rubrics.changed")} {impact.summary.raised + impact.summary.lowered} / {impact.summary.subjects}
            </Tag>
          </Space>
          <Table
            size="small"
            rowKey="assessmentId"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={impact.subjects}
            scroll={{ x: true }}
            data-testid="impact"
            columns={[
              { title: t("common.name"), dataIndex: "subjectName" },
              { title: t("rubrics.oldTotal"), width: 70, render: (_, r) => r.old?.total ?? "—" },
              {
                title: t("rubrics.newTotal"),
                width: 70,
                render: (_, r) => r.new?.total ?? r.errors.map((e) => e[lang]).join("；"),
              },
              {
                title: t("rubrics.delta"),
                dataIndex: "delta",
                width: 70,
                render: (v: number | null) =>
                  v === null ? (
                    "—"
                  ) : (
                    <span style={{ color: v < 0 ? "#cf1322" : "#389e0d" }}>{v > 0 ? `+${v}` : v}</span>
                  ),
              },
              { title: t("rubrics.oldRank"), width: 60, render: (_, r) => ranks?.before.get(r.assessmentId) ?? "—" },
              { title: t("rubrics.newRank"), width: 60, render: (_, r) => ranks?.after.get(r.assessmentId) ?? "—" },
            ]}
          />
        </>
      )}
    </>
  );
}

function Versions({ rubricKey, onLoad }: { rubricKey: string; onLoad: (source: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const versions = useQuery(trpc.rubrics.versions.queryOptions({ key: rubricKey }));
  return (
    <Table<Version>
      size="small"
      rowKey="id"
      loading={versions.isPending}
      dataSource={versions.data ?? []}
      pagination={false}
      scroll={{ x: true }}
      columns={[
        {
          title: "#",
          dataIndex: "version",
          width: 50,
          render: (v: number | null) => (v === null ? t("rubrics.draft") : `v${v}`),
        },
        { title: t("rubrics.note"), dataIndex: "note" },
        { title: t("rubrics.author"), dataIndex: "author", width: 80 },
        {
          title: t("common.time"),
          dataIndex: "publishedAt",
          width: 150,
          render: (v: string | null, r) => format.dateTime(v ?? r.updatedAt),
        },
        {
          title: "",
          width: 90,
          render: (_, r) => (
            <Button
              size="small"
              onClick={async () => {
                const v = await qc.fetchQuery(trpc.rubrics.get.queryOptions({ id: r.id }));
                onLoad(v.source);
              }}
            >
              {t("rubrics.loadVersion")}
            </Button>
          ),
        },
      ]}
    />
  );
}
