import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Space, Typography } from "antd";
import { useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { type RouterOutputs, useTRPC } from "../../trpc.ts";

export type EvidenceFile = RouterOutputs["evidence"]["list"][number];

export interface EvidenceListProps {
  readonly assessmentId: number;
  readonly item: number;
  readonly criterion: number;
  readonly files: readonly EvidenceFile[];
  readonly editable: boolean;
}

/** Base64 of a file's bytes, in chunks so that large files do not overflow the call stack. */
async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** The evidence (佐证材料) of one criterion: download links, upload, delete. */
export function EvidenceList({ assessmentId, item, criterion, files, editable }: EvidenceListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: trpc.evidence.list.queryKey({ assessmentId }) });
    // Adding or removing a file is a step of the assessment's history too.
    void qc.invalidateQueries({ queryKey: trpc.assessments.history.queryKey({ assessmentId }) });
  };
  const upload = useMutation(
    trpc.evidence.upload.mutationOptions({
      onSuccess: refresh,
      onError: (e) => void message.error(t("assessment.uploadFailed", { message: e.message })),
    }),
  );
  const remove = useMutation(trpc.evidence.delete.mutationOptions({ onSuccess: refresh }));

  const onFiles = async (list: FileList | null) => {
    for (const file of Array.from(list ?? [])) {
      upload.mutate({
        assessmentId,
        item,
        criterion,
        name: file.name,
        contentType: file.type || "application/octet-stream",
        dataBase64: await toBase64(file),
      });
    }
    if (input.current) input.current.value = "";
  };

  const label = `${t("assessment.evidence")} ${item}.${criterion}`;
  return (
    <div className="kp-evidence">
      <Space size={[8, 4]} wrap>
        <Typography.Text type="secondary">
          <PaperClipOutlined /> {t("assessment.evidence")}:
        </Typography.Text>
        {files.length === 0 && <Typography.Text type="secondary">{t("assessment.noEvidence")}</Typography.Text>}
        {files.map((f) => (
          <span key={f.id}>
            <a href={f.url} download={f.name}>
              {f.name}
            </a>{" "}
            <Typography.Text type="secondary">({format.number(Math.ceil(f.size / 1024))} KB)</Typography.Text>
            {editable && (
              <Button
                type="text"
                size="small"
                icon={<DeleteOutlined />}
                aria-label={`${t("common.delete")} ${f.name}`}
                onClick={() => remove.mutate({ id: f.id })}
              />
            )}
          </span>
        ))}
        {editable && (
          <>
            <input
              ref={input}
              id={inputId}
              type="file"
              multiple
              aria-label={label}
              style={{ position: "absolute", width: 1, height: 1, opacity: 0, overflow: "hidden" }}
              onChange={(e) => void onFiles(e.target.files)}
            />
            <Button
              size="small"
              icon={<UploadOutlined />}
              loading={upload.isPending}
              onClick={() => input.current?.click()}
            >
              {t("assessment.upload")}
            </Button>
          </>
        )}
      </Space>
    </div>
  );
}
