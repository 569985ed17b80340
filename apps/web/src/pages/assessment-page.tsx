// Why this file is long (557 lines): the scoring page's form, save, workflow and history live
// together; splitting them by job (form, workflow bar, history tab) is issue 14's work, next.
import { ExportOutlined, PrinterOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { Alert, App, Button, Card, Empty, Input, Modal, Result, Space, Spin, Table, Tabs, Tag, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useShell } from "../app/context.ts";
import { canEditFacts, canReview } from "../app/permissions.ts";
import { useFormat } from "../i18n/format.ts";
import { EvidenceList, type EvidenceFile } from "../components/evidence-list.tsx";
import { FactInput } from "../components/fact-input.tsx";
import {
  type FactDraft,
  type FactInput as FactValue,
  liveScore,
  prepareRubric,
  toDraft,
  toFacts,
} from "../lib/live-score.ts";
import { sheetFromScore } from "../lib/sheet-from-score.ts";
import { type RouterOutputs, useTRPC } from "../trpc.ts";

type Assessment = RouterOutputs["assessments"]["get"];
type HistoryEntry = RouterOutputs["assessments"]["history"][number];
type Prepared = NonNullable<ReturnType<typeof prepareRubric>>;

function errorCode(error: unknown): string | undefined {
  return error instanceof TRPCClientError ? (error.data as { code?: string } | undefined)?.code : undefined;
}

function sameFact(a: FactValue | undefined, b: FactValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The scoring form of one assessment: the sheet's own text, live points and reasons, workflow. */
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
  return (
    <AssessmentForm
      key={assessment.data.id}
      assessment={assessment.data}
      source={version.data.source}
      versionLabel={`${version.data.key} v${version.data.version ?? "draft"}`}
    />
  );
}

interface FormProps {
  readonly assessment: Assessment;
  readonly source: string;
  readonly versionLabel: string;
}

function AssessmentForm({ assessment, source, versionLabel }: FormProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "zh";
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { user } = useShell();
  const prepared = useMemo(() => prepareRubric(source), [source]);
  // What the server had when this form loaded it: the base of the next save and of the conflict diff.
  const [base, setBase] = useState(() => ({ revision: assessment.revision, facts: toDraft(assessment.facts) }));
  const [draft, setDraft] = useState<FactDraft>(() => toDraft(assessment.facts));
  const [conflict, setConflict] = useState<Assessment | null>(null);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState("");
  const [showProblems, setShowProblems] = useState(false);
  const evidence = useQuery(trpc.evidence.list.queryOptions({ assessmentId: assessment.id }));
  const live = useMemo(() => (prepared ? liveScore(prepared, draft) : null), [prepared, draft]);
  const dirty = useMemo(() => JSON.stringify(toFacts(draft)) !== JSON.stringify(toFacts(base.facts)), [draft, base]);
  const editable = canEditFacts(user.role) && (assessment.status === "draft" || assessment.status === "returned");
  const periods = useQuery(trpc.periods.list.queryOptions());
  // Four-eyes: the period's rule (on unless the office turned it off) keeps the submitter from approving.
  const ownSubmission =
    assessment.submittedById === user.id && (periods.data?.find((p) => p.id === assessment.periodId)?.fourEyes ?? true);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const accept = (next: Assessment, note: string) => {
    qc.setQueryData(trpc.assessments.get.queryKey({ id: next.id }), next);
    void qc.invalidateQueries({ queryKey: trpc.assessments.list.queryKey() });
    void qc.invalidateQueries({ queryKey: trpc.reports.ranking.queryKey() });
    void qc.invalidateQueries({ queryKey: trpc.assessments.history.queryKey({ assessmentId: next.id }) });
    setBase({ revision: next.revision, facts: toDraft(next.facts) });
    void message.success(note);
  };
  const onConflict = async () => {
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
        if (errorCode(e) === "CONFLICT") void onConflict();
      },
    }),
  );
  const submit = useMutation(
    trpc.assessments.submit.mutationOptions({ onSuccess: (n) => accept(n, t("assessment.submitted")) }),
  );
  const approve = useMutation(
    trpc.assessments.approve.mutationOptions({ onSuccess: (n) => accept(n, t("assessment.approved")) }),
  );
  const giveBack = useMutation(
    trpc.assessments.return.mutationOptions({
      onSuccess: (n) => {
        setReturning(false);
        setComment("");
        accept(n, t("assessment.returned"));
      },
    }),
  );
  const workflowError =
    [submit.error, approve.error, giveBack.error].find((e) => e && errorCode(e) !== "CONFLICT") ?? null;
  const workflowConflict = [submit.error, approve.error, giveBack.error].some((e) => errorCode(e) === "CONFLICT");

  if (!prepared || !live) return <Result status="error" title="rubric does not compile" />;
  const { compiled, layout } = prepared;
  const bounds = compiled.bounds();
  const problemOf = (name: string) => live.problems.find((p) => p.field === name);
  const missing = new Set(live.missing);
  const setFact = (name: string, value: FactValue | undefined) => setDraft((d) => ({ ...d, [name]: value }));

  const onSave = () => {
    if (live.problems.length > 0) {
      setShowProblems(true);
      return;
    }
    save.mutate({ id: assessment.id, revision: base.revision, facts: toFacts(draft) });
  };
  const overwrite = () => {
    if (!conflict) return;
    setConflict(null);
    save.mutate({ id: assessment.id, revision: conflict.revision, facts: toFacts(draft) });
  };
  const reload = () => {
    if (!conflict) return;
    qc.setQueryData(trpc.assessments.get.queryKey({ id: conflict.id }), conflict);
    setBase({ revision: conflict.revision, facts: toDraft(conflict.facts) });
    setDraft(toDraft(conflict.facts));
    setConflict(null);
    save.reset();
  };

  const renderInputs = (names: readonly string[]) =>
    names.map((name) => {
      const info = prepared.inputsByName.get(name);
      if (!info) return null;
      return (
        <FactInput
          key={name}
          info={info}
          value={draft[name]}
          onChange={(v) => setFact(name, v)}
          disabled={!editable}
          problem={
            showProblems || problemOf(name)?.code !== "reason" || draft[name] !== undefined
              ? problemOf(name)
              : undefined
          }
          missing={missing.has(name)}
          suggestion={live.suggestions[name] ?? null}
        />
      );
    });

  const files = evidence.data ?? [];
  const statusColor = { draft: "gold", submitted: "blue", approved: "green", returned: "red" }[assessment.status];

  return (
    <>
      <Space wrap style={{ marginBottom: 8 }} className="no-print">
        <Link to="/subjects">← {t("nav.subjects")}</Link>
      </Space>
      <Typography.Title level={2} className="kp-page-title">
        {assessment.subjectName}
        <Typography.Text type="secondary" style={{ fontSize: 16, marginLeft: 12 }}>
          {assessment.subjectCode} · {assessment.subjectKind} · {assessment.periodName}
        </Typography.Text>
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t("assessment.rubric")}
        {t("common.colon")}
        {compiled.title}（{versionLabel}） · {t("assessment.revision")} {base.revision}
      </Typography.Paragraph>

      <div className="kp-total-bar kp-sticky-total" aria-live="polite">
        <span>
          {t("assessment.live")}
          {t("common.colon")}
          <span className="kp-total-value" data-testid="live-total">
            {live.complete ? live.total : `${live.total}…`}
          </span>
        </span>
        <span>
          {t("assessment.bounds")}
          {t("common.colon")}
          {bounds.most === null
            ? t("assessment.boundsOpen", { min: bounds.least })
            : t("assessment.boundsRange", { min: bounds.least, max: bounds.most })}
        </span>
        {live.grade && (
          <span>
            {t("assessment.grade")}
            {t("common.colon")}
            <Tag color="blue">{live.grade}</Tag>
          </span>
        )}
        <Tag color={statusColor} data-testid="status">
          {t(`status.${assessment.status}`)}
        </Tag>
        {!live.complete && (
          <Typography.Text type="warning">
            {t("assessment.invalid", { count: live.missing.length + live.problems.length })}
          </Typography.Text>
        )}
      </div>

      {live.veto && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("assessment.veto", { reason: live.veto.reason })}
          description={live.veto.explanation?.[lang]}
        />
      )}
      {assessment.status === "returned" && assessment.returnComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t("assessment.returned")}
          description={assessment.returnComment}
        />
      )}
      {!editable && <Alert type="info" style={{ marginBottom: 12 }} title={t("assessment.readOnly")} />}
      {showProblems && live.problems.length > 0 && (
        <Alert
          type="error"
          role="alert"
          showIcon
          style={{ marginBottom: 12 }}
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
      {save.error && errorCode(save.error) !== "CONFLICT" && (
        <Alert type="error" role="alert" style={{ marginBottom: 12 }} title={save.error.message} />
      )}
      {workflowError && <Alert type="error" role="alert" style={{ marginBottom: 12 }} title={workflowError.message} />}
      {workflowConflict && (
        <Alert type="warning" role="alert" style={{ marginBottom: 12 }} title={t("assessment.conflictTitle")} />
      )}

      <Space wrap style={{ marginBottom: 16 }} className="no-print">
        {editable && (
          <Button
            type="primary"
            onClick={onSave}
            loading={save.isPending}
            disabled={!dirty && assessment.status !== "returned"}
          >
            {t("assessment.save")}
          </Button>
        )}
        {editable && (
          <Button
            onClick={() => submit.mutate({ id: assessment.id, revision: base.revision })}
            loading={submit.isPending}
            disabled={dirty || !live.complete}
          >
            {t("assessment.submit")}
          </Button>
        )}
        {canReview(user.role) && assessment.status === "submitted" && (
          <>
            {ownSubmission ? (
              <Typography.Text type="secondary" data-testid="four-eyes">
                {t("assessment.fourEyes")}
              </Typography.Text>
            ) : (
              <Button
                type="primary"
                onClick={() => approve.mutate({ id: assessment.id, revision: base.revision })}
                loading={approve.isPending}
              >
                {t("assessment.approve")}
              </Button>
            )}
            <Button danger onClick={() => setReturning(true)}>
              {t("assessment.return")}
            </Button>
          </>
        )}
        <Button
          icon={<ExportOutlined />}
          onClick={async () => {
            const { buildSheetWorkbook, downloadWorkbook, safeFileName } = await import("../lib/sheet-export.ts");
            const model = sheetFromScore(prepared, live, draft, {
              subjectName: assessment.subjectName,
              subjectCode: assessment.subjectCode,
              subjectKind: assessment.subjectKind,
              periodName: assessment.periodName,
              rubricLabel: versionLabel,
              status: t(`status.${assessment.status}`),
              lang,
              yes: t("common.yes"),
              no: t("common.no"),
            });
            await downloadWorkbook(
              await buildSheetWorkbook(model),
              safeFileName(`${assessment.subjectName}-${assessment.periodName}.xlsx`),
            );
          }}
        >
          {t("assessment.export")}
        </Button>
        <Link to={`/print/${assessment.id}`} target="_blank">
          <Button icon={<PrinterOutlined />}>{t("assessment.print")}</Button>
        </Link>
      </Space>

      <Tabs
        items={[
          {
            key: "form",
            label: t("assessment.title"),
            children: (
              <>
                {layout.general.length > 0 && (
                  <Card title={t("assessment.general")} style={{ marginBottom: 16 }}>
                    {renderInputs(layout.general)}
                  </Card>
                )}
                {compiled.items.map((item) => {
                  const li = live.items.find((i) => i.number === item.number);
                  const ib = bounds.items.find((b) => b.number === item.number);
                  return (
                    <Card
                      key={item.number}
                      style={{ marginBottom: 16 }}
                      data-item={item.number}
                      title={
                        <div className="kp-item-head">
                          <h3 style={{ margin: 0, fontSize: 16, whiteSpace: "normal" }}>
                            {item.number}. {item.title}
                          </h3>
                          <span>
                            {t("assessment.standard")} {item.standard} · {t("assessment.obtained")}{" "}
                            <span className="kp-points" data-testid={`item-${item.number}`}>
                              {li ? (li.complete ? li.points : `${li.points}…`) : "—"}
                            </span>
                            {ib && (
                              <Typography.Text type="secondary" style={{ marginLeft: 8, fontWeight: 400 }}>
                                （
                                {ib.most === null
                                  ? t("assessment.boundsOpen", { min: ib.least })
                                  : t("assessment.boundsRange", { min: ib.least, max: ib.most })}
                                ）
                              </Typography.Text>
                            )}
                          </span>
                        </div>
                      }
                    >
                      <Typography.Paragraph
                        className="kp-verbatim"
                        style={{ background: "#f7f9fc", padding: 8, borderRadius: 4 }}
                      >
                        <Typography.Text type="secondary">
                          {t("assessment.content")}
                          {t("common.colon")}
                        </Typography.Text>
                        {item.content}
                      </Typography.Paragraph>
                      {item.criteria.map((c) => {
                        const lc = li?.criteria.find((x) => x.number === c.number);
                        const cb = ib?.criteria.find((x) => x.number === c.number);
                        return (
                          <section
                            key={c.number}
                            className="kp-criterion"
                            aria-label={`${t("common.criterion")} ${item.number}.${c.number}`}
                          >
                            <div className="kp-criterion-head">
                              <div className="kp-criterion-text kp-verbatim">
                                <strong>{c.number}</strong> {c.text}
                              </div>
                              <div style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                                <span className="kp-points" data-testid={`criterion-${item.number}-${c.number}`}>
                                  {lc?.points ?? "—"}
                                </span>{" "}
                                {t("common.points")}
                                {cb && (
                                  <div>
                                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                                      {c.rule === "bonus" ? `${t("assessment.bonus")} ` : ""}
                                      {cb.most === null
                                        ? t("assessment.boundsOpen", { min: cb.least })
                                        : t("assessment.boundsRange", { min: cb.least, max: cb.most })}
                                    </Typography.Text>
                                  </div>
                                )}
                              </div>
                            </div>
                            {lc?.reason && (
                              <div className="kp-reason">
                                {t("assessment.reasonFor")}
                                {t("common.colon")}
                                {lc.reason[lang]}
                              </div>
                            )}
                            {renderInputs(layout.byCriterion.get(`${item.number}.${c.number}`) ?? [])}
                            <EvidenceList
                              assessmentId={assessment.id}
                              item={item.number}
                              criterion={c.number}
                              files={files.filter(
                                (f: EvidenceFile) => f.item === item.number && f.criterion === c.number,
                              )}
                              editable={editable}
                            />
                          </section>
                        );
                      })}
                    </Card>
                  );
                })}
              </>
            ),
          },
          {
            key: "history",
            label: t("assessment.history"),
            children: <History assessmentId={assessment.id} prepared={prepared} />,
          },
        ]}
      />

      <Modal
        open={conflict !== null}
        title={t("assessment.conflictTitle")}
        onCancel={() => setConflict(null)}
        footer={
          <Space wrap>
            <Button onClick={reload}>{t("assessment.conflictReload")}</Button>
            <Button danger type="primary" onClick={overwrite}>
              {t("assessment.conflictOverwrite")}
            </Button>
          </Space>
        }
      >
        {conflict && (
          <ConflictDiff
            theirs={toDraft(conflict.facts)}
            base={base.facts}
            mine={draft}
            revision={conflict.revision}
            by={conflict.updatedBy}
            prepared={prepared}
          />
        )}
      </Modal>

      <Modal
        open={returning}
        title={t("assessment.return")}
        onCancel={() => setReturning(false)}
        onOk={() => giveBack.mutate({ id: assessment.id, revision: base.revision, comment })}
        okButtonProps={{ disabled: comment.trim() === "", danger: true }}
        confirmLoading={giveBack.isPending}
        destroyOnHidden
      >
        <label htmlFor="kp-return-comment">{t("assessment.returnComment")}</label>
        <Input.TextArea id="kp-return-comment" rows={4} value={comment} onChange={(e) => setComment(e.target.value)} />
        {comment.trim() === "" && <Typography.Text type="secondary">{t("assessment.commentRequired")}</Typography.Text>}
      </Modal>
    </>
  );
}

function factLabel(value: FactValue | undefined, yes: string, no: string): string {
  if (value === undefined) return "—";
  if (typeof value === "boolean") return value ? yes : no;
  if (typeof value === "number") return String(value);
  return value.reason ? `${value.value}（${value.reason}）` : String(value.value);
}

function ConflictDiff({
  theirs,
  base,
  mine,
  revision,
  by,
  prepared,
}: {
  theirs: FactDraft;
  base: FactDraft;
  mine: FactDraft;
  revision: number;
  by: Assessment["updatedBy"];
  prepared: Prepared;
}) {
  const { t } = useTranslation();
  // Every answer either side changed since this form loaded: what overwriting would keep or undo.
  const names = [...new Set([...Object.keys(theirs), ...Object.keys(base), ...Object.keys(mine)])].filter(
    (n) => !sameFact(theirs[n], base[n]) || !sameFact(mine[n], base[n]),
  );
  return (
    <>
      <Typography.Paragraph>
        {by
          ? t("assessment.conflictBy", { revision, name: by.displayName, role: t(`roles.${by.role}`) })
          : t("assessment.conflictText", { revision })}
      </Typography.Paragraph>
      {names.every((n) => sameFact(theirs[n], base[n])) && (
        <Typography.Paragraph type="secondary">{t("assessment.conflictNoFacts")}</Typography.Paragraph>
      )}
      <Table
        size="small"
        rowKey="name"
        pagination={false}
        dataSource={names.map((name) => ({
          name,
          label: prepared.inputsByName.get(name)?.label ?? name,
          theirs: factLabel(theirs[name], t("common.yes"), t("common.no")),
          mine: factLabel(mine[name], t("common.yes"), t("common.no")),
        }))}
        columns={[
          { title: t("assessment.conflictField"), dataIndex: "label" },
          { title: t("assessment.theirs"), dataIndex: "theirs" },
          { title: t("assessment.mine"), dataIndex: "mine" },
        ]}
      />
    </>
  );
}

/** A fact's value as recorded in the history (JSON), shown the way the form shows it. */
function historyValue(value: HistoryEntry["changes"][number]["after"], yes: string, no: string): string {
  if (value === null) return "—";
  if (typeof value === "boolean" || typeof value === "number") return factLabel(value, yes, no);
  if (typeof value === "object" && !Array.isArray(value) && typeof value.value === "number") {
    return factLabel(
      { value: value.value, ...(typeof value.reason === "string" ? { reason: value.reason } : {}) },
      yes,
      no,
    );
  }
  return typeof value === "string" ? value : JSON.stringify(value);
}

// A first save fills in every answer at once: past this many, the list opens on request.
const OPEN_CHANGES = 6;

function HistoryDetail({ entry, prepared }: { entry: HistoryEntry; prepared: Prepared }) {
  const { t } = useTranslation();
  const yes = t("common.yes");
  const no = t("common.no");
  const lines: string[] = [];
  if (entry.revision !== null && entry.step !== "created")
    lines.push(t("assessment.historyRevision", { revision: entry.revision }));
  if (entry.total)
    lines.push(t("assessment.historyTotal", { before: entry.total.before ?? "—", after: entry.total.after ?? "—" }));
  if (entry.comment) lines.push(`${t("common.comment")}${t("common.colon")}${entry.comment}`);
  if (entry.evidence) {
    const where =
      entry.evidence.item === null
        ? ""
        : ` · ${entry.evidence.item}${entry.evidence.criterion === null ? "" : `.${entry.evidence.criterion}`}`;
    lines.push(`${entry.evidence.name}${where}`);
  }
  const changes = (
    <ul style={{ margin: 0, paddingLeft: 18 }}>
      {entry.changes.map((c) => {
        const label = prepared.inputsByName.get(c.fact)?.label ?? c.fact;
        // Labels are often questions (…几人？): no colon after a question mark.
        return (
          <li key={c.fact}>
            {label}
            {/[？?：:]$/.test(label) ? " " : t("common.colon")}
            {historyValue(c.before, yes, no)} → {historyValue(c.after, yes, no)}
          </li>
        );
      })}
    </ul>
  );
  return (
    <div className="kp-verbatim">
      {lines.map((line) => (
        <div key={line}>{line}</div>
      ))}
      {entry.step === "saved" && entry.changes.length === 0 && (
        <Typography.Text type="secondary">{t("assessment.historyNoFactChange")}</Typography.Text>
      )}
      {entry.changes.length > 0 && entry.changes.length <= OPEN_CHANGES && changes}
      {entry.changes.length > OPEN_CHANGES && (
        <details>
          <summary>{t("assessment.historyChanges", { count: entry.changes.length })}</summary>
          {changes}
        </details>
      )}
    </div>
  );
}

/** The assessment's steps from the audit log, readable by every role that may read the assessment. */
function History({ assessmentId, prepared }: { assessmentId: number; prepared: Prepared }) {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const history = useQuery(trpc.assessments.history.queryOptions({ assessmentId }));
  if (history.isError) return <Alert type="error" title={history.error.message} />;
  if (history.data?.length === 0) return <Empty />;
  return (
    <Table<HistoryEntry>
      size="small"
      rowKey="id"
      loading={history.isPending}
      dataSource={history.data ?? []}
      pagination={false}
      scroll={{ x: true }}
      columns={[
        { title: t("common.time"), dataIndex: "at", render: format.dateTime },
        {
          title: t("common.user"),
          dataIndex: "by",
          render: (by: HistoryEntry["by"]) =>
            by ? `${by.displayName}（${t(`roles.${by.role}`)}）` : t("assessment.historyUnknownUser"),
        },
        {
          title: t("assessment.historyStep"),
          dataIndex: "step",
          render: (step: HistoryEntry["step"]) => t(stepLabels[step]),
        },
        {
          title: t("assessment.historyDetail"),
          key: "detail",
          render: (_: unknown, entry) => <HistoryDetail entry={entry} prepared={prepared} />,
        },
      ]}
    />
  );
}

/** What each step means to the person reading the history. */
const stepLabels: Readonly<Record<HistoryEntry["step"], string>> = {
  created: "assessment.start",
  saved: "assessment.save",
  submitted: "assessment.submit",
  returned: "assessment.return",
  approved: "assessment.approve",
  evidenceAdded: "assessment.historyEvidenceAdded",
  evidenceRemoved: "assessment.historyEvidenceRemoved",
};
