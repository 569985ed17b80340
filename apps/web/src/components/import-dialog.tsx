import { useMutation, useQueries, useQuery } from "@tanstack/react-query";
import { type CompiledRubric, compile } from "@kaoping/engine";
import { Alert, Button, Checkbox, Modal, Select, Space, Table, Tag, Typography } from "antd";
import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { readTable, TableError, type Table as DataTable } from "../lib/read-table.ts";
import {
  type ColumnNote,
  type ImportMessage,
  type PlannedRow,
  planImport,
  type RowAction,
} from "../lib/subject-import.ts";
import { useRubricCatalog } from "../app/catalog.ts";
import { useShell } from "../app/context.ts";
import { type ApiClient, useTRPC, useTRPCClient } from "../trpc.ts";

export interface ImportDialogProps {
  readonly kinds: readonly string[];
  readonly onClose: (changed: boolean) => void;
}

/** Each kind's published rubric, compiled in the page, so that fact columns are read and checked by the engine. */
function useRubricsByKind(): ReadonlyMap<string, CompiledRubric> {
  const trpc = useTRPC();
  const catalog = useRubricCatalog();
  const published = (catalog.data ?? []).flatMap((r) =>
    r.published ? [{ kind: r.subjectKind, id: r.published.id }] : [],
  );
  const sources = useQueries({
    queries: published.map((p) => ({
      ...trpc.rubrics.get.queryOptions({ id: p.id }),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });
  const key = sources.map((q) => q.data?.id ?? 0).join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the compiled rubrics change only when a different version arrives (key); sources is a new array each render.
  return useMemo(() => {
    const map = new Map<string, CompiledRubric>();
    sources.forEach((q, i) => {
      const kind = published[i]?.kind;
      const rubric = q.data ? compile(q.data.source).rubric : null;
      if (kind && rubric) map.set(kind, rubric);
    });
    return map;
  }, [key]);
}

interface FactsOutcome {
  readonly saved: number;
  readonly errors: readonly { readonly line: number; readonly message: string }[];
}

/**
 * Writes the imported facts into each subject's assessment of the period (opened when missing),
 * merged over the facts it already has, with the revision just read.
 */
async function saveImportedFacts(
  client: ApiClient,
  periodId: number,
  rows: readonly PlannedRow[],
): Promise<FactsOutcome> {
  const withFacts = rows.filter((r) => Object.keys(r.facts).length > 0);
  if (withFacts.length === 0) return { saved: 0, errors: [] };
  const idByCode = new Map<string, number>();
  for (let offset = 0; ; offset += 500) {
    const page = await client.subjects.list.query({ limit: 500, offset });
    for (const s of page.rows) idByCode.set(s.code, s.id);
    if (page.rows.length === 0 || offset + page.rows.length >= page.total) break;
  }
  const assessmentBySubject = new Map<number, number>();
  for (let offset = 0; ; offset += 500) {
    const page = await client.assessments.list.query({ periodId, limit: 500, offset });
    for (const a of page.rows) assessmentBySubject.set(a.subjectId, a.id);
    if (page.rows.length === 0 || offset + page.rows.length >= page.total) break;
  }
  let saved = 0;
  const errors: { line: number; message: string }[] = [];
  for (const row of withFacts) {
    try {
      const subjectId = idByCode.get(row.code);
      if (subjectId === undefined) throw new Error(`no subject ${row.code}`);
      const id =
        assessmentBySubject.get(subjectId) ?? (await client.assessments.create.mutate({ subjectId, periodId })).id;
      const current = await client.assessments.get.query({ id });
      await client.assessments.saveFacts.mutate({
        id,
        revision: current.revision,
        facts: { ...current.facts, ...row.facts },
      });
      saved++;
    } catch (e) {
      errors.push({ line: row.line, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return { saved, errors };
}

const actionColor: Record<RowAction, string> = {
  create: "green",
  update: "blue",
  unchanged: "default",
  invalid: "red",
};

/** Reads an Excel or CSV file, shows what each row would do and its errors, then imports in one transaction. */
export function ImportDialog({ kinds, onClose }: ImportDialogProps) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { period } = useShell();
  const rubricsByKind = useRubricsByKind();
  const [facts, setFacts] = useState<FactsOutcome | null>(null);
  const fileId = useId();
  const [table, setTable] = useState<DataTable | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [defaultKind, setDefaultKind] = useState<string | null>(kinds[0] ?? null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  // Every existing subject, to tell creates from updates; the API pages at 500.
  const existing = useQuery(trpc.subjects.list.queryOptions({ limit: 500, offset: 0 }));
  const rubrics = useMemo(() => new Map(kinds.map((k) => [k, rubricsByKind.get(k) ?? null])), [kinds, rubricsByKind]);
  const plan = useMemo(
    () => (table && existing.data ? planImport(table, existing.data.rows, rubrics, defaultKind) : null),
    [table, existing.data, rubrics, defaultKind],
  );
  const lang = i18n.language === "en" ? "en" : "zh";
  const say = (m: ImportMessage | ColumnNote): string => {
    switch (m.key) {
      case "fact":
        return t("import.factError", { column: m.params.column, message: m.message[lang] });
      case "missing":
        return t("import.missing", { field: t(`common.${m.params.field}`) });
      default:
        return t(`import.${m.key}`, m.params);
    }
  };
  const importRows = useMutation(
    trpc.subjects.import.mutationOptions({
      onSuccess: async (_, input) => {
        if (!plan || !period) return;
        const codes = new Set(input.rows.map((r) => r.code));
        setFacts(
          await saveImportedFacts(
            client,
            period.id,
            plan.rows.filter((r) => codes.has(r.code)),
          ),
        );
      },
    }),
  );

  const counts = { create: 0, update: 0, unchanged: 0, invalid: 0 };
  for (const r of plan?.rows ?? []) counts[r.action]++;
  const toSave = (plan?.rows ?? []).filter((r) => r.action === "create" || r.action === "update");
  // A column that is a slip for an input blocks the whole file: its values would be lost.
  const blocked = (counts.invalid > 0 && !skipInvalid) || (plan?.refused.length ?? 0) > 0;

  const onFile = async (file: File | undefined) => {
    setReadError(null);
    setTable(null);
    importRows.reset();
    if (!file) return;
    try {
      const read = await readTable(file.name, new Uint8Array(await file.arrayBuffer()));
      if (read.rows.length === 0) setReadError(t("import.empty"));
      setTable(read);
    } catch (e) {
      const message = e instanceof TableError ? e.reason[lang] : e instanceof Error ? e.message : String(e);
      setReadError(t("import.readFailed", { message }));
    }
  };

  // The API replaces a subject's attributes: keep those the file does not mention.
  const oldAttributes = new Map((existing.data?.rows ?? []).map((s) => [s.code, s.attributes]));
  const apply = () =>
    importRows.mutate({
      rows: toSave.map((r) => ({
        code: r.code,
        name: r.name,
        kind: r.kind,
        attributes: { ...(oldAttributes.get(r.code) ?? {}), ...r.attributes },
      })),
    });

  return (
    <Modal
      open
      width={960}
      title={t("import.title")}
      onCancel={() => onClose(importRows.isSuccess)}
      footer={
        importRows.isSuccess ? (
          <Button type="primary" onClick={() => onClose(true)}>
            {t("common.close")}
          </Button>
        ) : (
          <Space>
            <Button onClick={() => onClose(false)}>{t("common.cancel")}</Button>
            <Button
              type="primary"
              disabled={!plan || toSave.length === 0 || blocked}
              loading={importRows.isPending}
              onClick={apply}
            >
              {t("import.apply", { count: toSave.length })}
            </Button>
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t("import.hint")}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor={fileId}>{t("import.choose")}</label>
        <input
          id={fileId}
          type="file"
          accept=".xlsx,.csv,text/csv"
          onChange={(e) => void onFile(e.target.files?.[0])}
        />
        <span id={`${fileId}-kind`}>{t("import.defaultKind")}</span>
        <Select
          aria-labelledby={`${fileId}-kind`}
          value={defaultKind}
          onChange={setDefaultKind}
          options={kinds.map((k) => ({ value: k, label: k }))}
          style={{ width: 200 }}
        />
      </Space>
      {readError && <Alert type="error" title={readError} style={{ marginBottom: 12 }} />}
      {importRows.error && <Alert type="error" title={importRows.error.message} style={{ marginBottom: 12 }} />}
      {importRows.data && (
        <Alert
          type="success"
          style={{ marginBottom: 12 }}
          title={t("import.applied", { count: importRows.data.created + importRows.data.updated })}
          description={
            <>
              {t("import.willCreate")} {importRows.data.created} · {t("import.willUpdate")} {importRows.data.updated}
              {facts && facts.saved > 0 && (
                <div>{t("import.factsSaved", { count: facts.saved, period: period?.name ?? "" })}</div>
              )}
              {facts?.errors.map((e) => (
                <div key={e.line} style={{ color: "#cf1322" }}>
                  {t("import.row")} {e.line}: {e.message}
                </div>
              ))}
            </>
          }
        />
      )}
      {plan && table && (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <span>{t("import.rows", { count: plan.rows.length })}</span>
            <Tag color="green">
              {t("import.willCreate")} {counts.create}
            </Tag>
            <Tag color="blue">
              {t("import.willUpdate")} {counts.update}
            </Tag>
            <Tag>
              {t("import.unchanged")} {counts.unchanged}
            </Tag>
            <Tag color="red">
              {t("import.invalid")} {counts.invalid}
            </Tag>
            <span>
              {t("import.encoding")}: {table.encoding}
            </span>
          </Space>
          {plan.refused.length > 0 && (
            <Alert
              type="error"
              style={{ marginBottom: 8 }}
              title={t("import.columnsRefused")}
              description={
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {plan.refused.map((n) => (
                    <li key={n.params.column}>{say(n)}</li>
                  ))}
                </ul>
              }
            />
          )}
          {plan.notices.length > 0 && (
            <Alert
              type="info"
              style={{ marginBottom: 8 }}
              title={
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {plan.notices.map((n) => (
                    <li key={n.params.column}>{say(n)}</li>
                  ))}
                </ul>
              }
            />
          )}
          {counts.invalid > 0 && (
            <Alert
              type="warning"
              style={{ marginBottom: 8 }}
              title={t("import.fixFirst")}
              action={
                <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)}>
                  {t("import.skipInvalid")}
                </Checkbox>
              }
            />
          )}
          <Table<PlannedRow>
            rowKey="line"
            size="small"
            dataSource={[...plan.rows]}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: true, y: 360 }}
            rowClassName={(r) => (r.action === "invalid" ? "kp-row-invalid" : "")}
            columns={[
              { title: t("import.row"), dataIndex: "line", width: 60 },
              {
                title: "",
                dataIndex: "action",
                width: 90,
                render: (a: RowAction) => (
                  <Tag color={actionColor[a]}>
                    {t(`import.${a === "create" ? "willCreate" : a === "update" ? "willUpdate" : a}`)}
                  </Tag>
                ),
              },
              { title: t("common.code"), dataIndex: "code", width: 100 },
              { title: t("common.name"), dataIndex: "name", minWidth: 120 },
              { title: t("common.kind"), dataIndex: "kind", width: 120 },
              {
                title: t("subjects.attributes"),
                render: (_, r) =>
                  Object.entries(r.attributes)
                    .map(([k, v]) => `${k}: ${v}`)
                    .join("，"),
              },
              {
                title: t("import.facts"),
                render: (_, r) =>
                  Object.entries(r.facts)
                    .map(
                      ([k, v]) => `${k}=${typeof v === "object" && v !== null && "value" in v ? v.value : String(v)}`,
                    )
                    .join("，"),
              },
              {
                title: t("import.errors"),
                render: (_, r) =>
                  r.errors.length > 0 ? (
                    <ul style={{ margin: 0, paddingLeft: 16, color: "#cf1322" }}>
                      {r.errors.map((e, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: a row's errors are shown once, never reordered, and two may read alike.
                        <li key={i}>{say(e)}</li>
                      ))}
                    </ul>
                  ) : (
                    r.changes.join("，")
                  ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
