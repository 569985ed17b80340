import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from "antd";
import { lazy, Suspense, useMemo, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { useTranslation } from "react-i18next";
import { useSubjectKinds } from "../app/catalog.ts";
import { useShell } from "../app/context.ts";
import { canEditFacts, canEditSubjects } from "../app/permissions.ts";
import { useFormat } from "../i18n/format.ts";
import { type RouterOutputs, useTRPC } from "../trpc.ts";

type Subject = RouterOutputs["subjects"]["list"]["rows"][number];
type Summary = RouterOutputs["assessments"]["list"]["rows"][number];
type Status = Summary["status"] | "none";

/** A subject with its assessment in the chosen period, if any. */
interface SubjectRow {
  readonly key: number;
  readonly subject: Subject | null;
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly kind: string;
  readonly attributes: Subject["attributes"];
  readonly assessment: Summary | null;
}

function fromSubject(s: Subject, a: Summary | null): SubjectRow {
  return {
    key: s.id,
    subject: s,
    id: s.id,
    code: s.code,
    name: s.name,
    kind: s.kind,
    attributes: s.attributes,
    assessment: a,
  };
}

function fromSummary(a: Summary): SubjectRow {
  return {
    key: a.subjectId,
    subject: null,
    id: a.subjectId,
    code: a.subjectCode,
    name: a.subjectName,
    kind: a.subjectKind,
    attributes: {},
    assessment: a,
  };
}

const statusOptions: readonly Status[] = ["none", "draft", "returned", "submitted", "approved"];

interface SubjectForm {
  code: string;
  name: string;
  kind: string;
  attributes: { key: string; value: string }[];
}

// The importer brings the rubric engine and spreadsheet readers: load it when someone imports.
const ImportDialog = lazy(async () => ({ default: (await import("../components/import-dialog.tsx")).ImportDialog }));

const pageSize = 20;
const statusColor: Record<Status, string> = {
  none: "default",
  draft: "gold",
  returned: "red",
  submitted: "blue",
  approved: "green",
};

/** Subjects with search, filters and, for admins, create, edit and import. */
export function SubjectsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { user, period } = useShell();
  const navigate = useNavigate();
  const [search, setSearch] = useState("");
  // The dashboard links here with ?kind=…&status=… (e.g. a reviewer's queue of submitted sheets).
  const [params] = useSearchParams();
  const [kind, setKind] = useState<string | undefined>(params.get("kind") ?? undefined);
  const [status, setStatus] = useState<Status | undefined>(() => statusOptions.find((s) => s === params.get("status")));
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Subject | "new" | null>(null);
  const [importing, setImporting] = useState(false);
  const [form] = Form.useForm<SubjectForm>();
  const editable = canEditSubjects(user.role);
  const filters = { ...(kind ? { kind } : {}), ...(search ? { search } : {}) };
  const periodId = period?.id ?? 0;

  // Without a status filter: subjects page by page, with their assessment in this period.
  const list = useQuery({
    ...trpc.subjects.list.queryOptions({ limit: pageSize, offset: (page - 1) * pageSize, ...filters }),
    enabled: status === undefined,
  });
  // Status and total of the shown page's subjects in this period: one small query per row, sent as
  // one batched request, so the cost follows the page size, not the number of subjects.
  const pageAssessments = useQueries({
    queries: (status === undefined ? (list.data?.rows ?? []) : []).map((s) =>
      trpc.assessments.list.queryOptions(
        { periodId, subjectId: s.id, limit: 1, offset: 0 },
        { enabled: period !== null },
      ),
    ),
  });
  // "Not started" is the complement of the period's assessments; the API pages at 500, so this view
  // covers periods of up to 500 assessed subjects.
  const inPeriod = useQuery({
    ...trpc.assessments.list.queryOptions({ periodId, limit: 500, offset: 0, ...filters }),
    enabled: period !== null && status === "none",
  });
  // With a status: that status's assessments page by page, or for "not started" every subject without one.
  const byStatus = useQuery({
    ...trpc.assessments.list.queryOptions({
      periodId,
      limit: pageSize,
      offset: (page - 1) * pageSize,
      ...filters,
      status: status === "none" || status === undefined ? "draft" : status,
    }),
    enabled: status !== undefined && status !== "none" && period !== null,
  });
  const allSubjects = useQuery({
    ...trpc.subjects.list.queryOptions({ limit: 500, offset: 0, ...filters }),
    enabled: status === "none",
  });
  const kinds = useSubjectKinds();
  const pageKey = pageAssessments.map((q) => q.dataUpdatedAt).join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: pageAssessments is a new array each render; its data changes only when pageKey does.
  const bySubject = useMemo(
    () =>
      new Map(
        [...(inPeriod.data?.rows ?? []), ...pageAssessments.flatMap((q) => q.data?.rows ?? [])].map((a) => [
          a.subjectId,
          a,
        ]),
      ),
    [inPeriod.data, pageKey],
  );

  const { rows, total, loading } = useMemo(() => {
    if (status === undefined) {
      return {
        rows: (list.data?.rows ?? []).map((s) => fromSubject(s, bySubject.get(s.id) ?? null)),
        total: list.data?.total ?? 0,
        loading: list.isPending,
      };
    }
    if (status === "none") {
      const open = (allSubjects.data?.rows ?? []).filter((s) => !bySubject.has(s.id));
      return {
        rows: open.slice((page - 1) * pageSize, page * pageSize).map((s) => fromSubject(s, null)),
        total: open.length,
        loading: allSubjects.isPending,
      };
    }
    return {
      rows: (byStatus.data?.rows ?? []).map(fromSummary),
      total: byStatus.data?.total ?? 0,
      loading: byStatus.isPending,
    };
  }, [
    status,
    list.data,
    list.isPending,
    allSubjects.data,
    allSubjects.isPending,
    byStatus.data,
    byStatus.isPending,
    bySubject,
    page,
  ]);

  const start = useMutation(
    trpc.assessments.create.mutationOptions({
      onSuccess: (a) => {
        void qc.invalidateQueries({ queryKey: trpc.assessments.list.queryKey() });
        void navigate(`/assessments/${a.id}`);
      },
      onError: (e) => void message.error(e.message),
    }),
  );

  const done = () => {
    void qc.invalidateQueries({ queryKey: trpc.subjects.list.queryKey() });
    setEditing(null);
    void message.success(t("subjects.saved"));
  };
  const create = useMutation(trpc.subjects.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.subjects.update.mutationOptions({ onSuccess: done }));
  const error = create.error ?? update.error;

  const open = (row: Subject | "new") => {
    create.reset();
    update.reset();
    form.resetFields();
    if (row !== "new") {
      form.setFieldsValue({
        code: row.code,
        name: row.name,
        kind: row.kind,
        attributes: Object.entries(row.attributes).map(([key, value]) => ({ key, value: String(value ?? "") })),
      });
    }
    setEditing(row);
  };
  const submit = (v: SubjectForm) => {
    const attributes = Object.fromEntries(
      (v.attributes ?? []).filter((a) => a?.key).map((a) => [a.key, a.value ?? ""]),
    );
    if (editing === "new") create.mutate({ code: v.code, name: v.name, kind: v.kind, attributes });
    else if (editing)
      update.mutate({
        id: editing.id,
        revision: editing.revision,
        code: v.code,
        name: v.name,
        kind: v.kind,
        attributes,
      });
  };

  return (
    <>
      <Typography.Title level={2} className="kp-page-title">
        {t("subjects.title")}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label={t("common.search")}
          placeholder={t("subjects.searchPlaceholder")}
          allowClear
          onSearch={(v) => {
            setSearch(v.trim());
            setPage(1);
          }}
          style={{ width: 240 }}
        />
        <Select
          aria-label={t("common.kind")}
          allowClear
          placeholder={t("common.kind")}
          value={kind}
          onChange={(v?: string) => {
            setKind(v);
            setPage(1);
          }}
          options={kinds.map((k) => ({ value: k, label: k }))}
          style={{ width: 200 }}
        />
        <Select
          aria-label={t("common.status")}
          allowClear
          placeholder={t("common.status")}
          value={status}
          onChange={(v?: Status) => {
            setStatus(v);
            setPage(1);
          }}
          options={statusOptions.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          style={{ width: 140 }}
        />
        {editable && (
          <>
            <Button type="primary" onClick={() => open("new")}>
              {t("subjects.create")}
            </Button>
            <Button onClick={() => setImporting(true)}>{t("subjects.import")}</Button>
          </>
        )}
      </Space>
      <div className="kp-table-wrap">
        <Table<SubjectRow>
          rowKey="key"
          size="middle"
          loading={loading}
          dataSource={rows}
          scroll={{ x: true }}
          pagination={{
            current: page,
            pageSize,
            total,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (n) => t("import.rows", { count: n }),
          }}
          columns={[
            { title: t("common.code"), dataIndex: "code", width: 110 },
            { title: t("common.name"), dataIndex: "name" },
            { title: t("common.kind"), dataIndex: "kind", width: 160 },
            {
              title: t("subjects.attributes"),
              dataIndex: "attributes",
              render: (a: Subject["attributes"]) => (
                <Space size={[4, 4]} wrap>
                  {Object.entries(a).map(([k, v]) => (
                    <Tag key={k}>
                      {k}: {String(v)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            {
              title: t("common.status"),
              key: "status",
              width: 90,
              render: (_: unknown, row: SubjectRow) => (
                <Tag color={statusColor[row.assessment?.status ?? "none"]}>
                  {t(`status.${row.assessment?.status ?? "none"}`)}
                </Tag>
              ),
            },
            {
              title: t("common.total"),
              key: "total",
              width: 80,
              align: "right" as const,
              render: (_: unknown, row: SubjectRow) => (
                <span className="kp-points">
                  {row.assessment?.total == null ? "—" : format.number(row.assessment.total)}
                </span>
              ),
            },
            {
              title: t("common.actions"),
              key: "actions",
              width: 150,
              render: (_: unknown, row: SubjectRow) => (
                <Space size={4}>
                  {row.assessment ? (
                    <Button
                      size="small"
                      type="primary"
                      ghost
                      onClick={() => void navigate(`/assessments/${row.assessment?.id}`)}
                      aria-label={`${t("subjects.assessment")} ${row.name}`}
                    >
                      {t("subjects.assessment")}
                    </Button>
                  ) : canEditFacts(user.role) && period ? (
                    <Button
                      size="small"
                      onClick={() => start.mutate({ subjectId: row.id, periodId: period.id })}
                      loading={start.isPending && start.variables?.subjectId === row.id}
                      aria-label={`${t("assessment.start")} ${row.name}`}
                    >
                      {t("assessment.start")}
                    </Button>
                  ) : null}
                  {editable && row.subject && (
                    <Button
                      size="small"
                      onClick={() => row.subject && open(row.subject)}
                      aria-label={`${t("common.edit")} ${row.name}`}
                    >
                      {t("common.edit")}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </div>
      <Modal
        open={editing !== null}
        title={editing === "new" ? t("subjects.create") : t("subjects.editTitle")}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending || update.isPending}
        destroyOnHidden
      >
        {error && <Alert type="error" title={error.message} style={{ marginBottom: 12 }} />}
        <Form<SubjectForm> form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            label={t("common.code")}
            name="code"
            rules={[{ required: true, message: t("subjects.codeRequired") }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label={t("common.name")}
            name="name"
            rules={[{ required: true, message: t("subjects.nameRequired") }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            label={t("common.kind")}
            name="kind"
            rules={[{ required: true, message: t("subjects.kindRequired") }]}
          >
            <Select options={kinds.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Typography.Text strong>{t("subjects.attributes")}</Typography.Text>
          <Form.List name="attributes">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="baseline" wrap>
                    <Form.Item name={[f.name, "key"]} label={`${t("subjects.attributes")} ${f.name + 1}`}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, "value"]} label="=">
                      <Input />
                    </Form.Item>
                    <Button onClick={() => remove(f.name)}>{t("common.delete")}</Button>
                  </Space>
                ))}
                <div>
                  <Button type="dashed" onClick={() => add({ key: "", value: "" })}>
                    + {t("subjects.attributes")}
                  </Button>
                </div>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
      {importing && (
        <Suspense fallback={null}>
          <ImportDialog
            kinds={kinds}
            onClose={(changed) => {
              setImporting(false);
              if (changed) {
                void qc.invalidateQueries({ queryKey: trpc.subjects.list.queryKey() });
                void qc.invalidateQueries({ queryKey: trpc.assessments.list.queryKey() });
              }
            }}
          />
        </Suspense>
      )}
    </>
  );
}
