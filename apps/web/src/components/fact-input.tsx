import type { InputInfo } from "@kaoping/engine";
import { Button, Input, InputNumber, Radio, Space, Typography } from "antd";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { messageLang } from "../i18n/format.ts";
import type { FactInput as FactValue, FieldProblem } from "../lib/live-score.ts";

export interface FactInputProps {
  readonly info: InputInfo;
  readonly value: FactValue | undefined;
  readonly onChange: (value: FactValue | undefined) => void;
  readonly disabled: boolean;
  readonly problem: FieldProblem | undefined;
  readonly missing: boolean;
  readonly suggestion: number | null;
}

/** One question of the form, with the control its type needs, its label, help and any error. */
export function FactInput({ info, value, onChange, disabled, problem, missing, suggestion }: FactInputProps) {
  const { t, i18n } = useTranslation();
  const lang = messageLang(i18n.language);
  const id = useId();
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const label = info.label ?? info.name;
  const describedBy = [info.help ? helpId : null, problem ? errorId : null].filter(Boolean).join(" ") || undefined;
  const status = problem ? "error" : undefined;

  let control: React.ReactNode;
  switch (info.kind) {
    case "yesno":
      control = (
        <Radio.Group
          id={id}
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy}
          optionType="button"
          buttonStyle="solid"
          disabled={disabled}
          value={typeof value === "boolean" ? value : undefined}
          onChange={(e) => onChange(e.target.value as boolean)}
          options={[
            { value: true, label: t("common.yes") },
            { value: false, label: t("common.no") },
          ]}
        />
      );
      break;
    case "count":
    case "number":
    case "percent":
      control = (
        <InputNumber
          id={id}
          aria-describedby={describedBy}
          status={status}
          disabled={disabled}
          min={info.kind === "percent" ? (info.min ?? 0) : 0}
          max={info.kind === "percent" ? (info.max ?? 100) : undefined}
          precision={info.kind === "count" ? 0 : undefined}
          step={1}
          value={typeof value === "number" ? value : null}
          onChange={(v) => onChange(typeof v === "number" ? v : undefined)}
          suffix={info.kind === "percent" ? "%" : (info.unit ?? undefined)}
          style={{ width: 180 }}
        />
      );
      break;
    case "score": {
      const score = typeof value === "number" ? value : typeof value === "object" ? value.value : undefined;
      const reason = typeof value === "object" ? (value.reason ?? "") : "";
      const max = info.max ?? 0;
      const below = score !== undefined && score < max;
      const set = (s: number | undefined, r: string) =>
        onChange(s === undefined ? undefined : s < max ? { value: s, reason: r } : s);
      control = (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Space wrap>
            <InputNumber
              id={id}
              aria-describedby={describedBy}
              status={problem && problem.code !== "reason" ? "error" : undefined}
              disabled={disabled}
              min={info.min ?? 0}
              max={max}
              step={info.step ?? 0.1}
              value={score ?? null}
              onChange={(v) => set(typeof v === "number" ? v : undefined, reason)}
              style={{ width: 140 }}
            />
            <Typography.Text type="secondary">
              {t("assessment.bounds")} {info.min ?? 0} – {max}
              {info.step ? `，${t("assessment.step", { step: info.step })}` : ""}
            </Typography.Text>
            {suggestion !== null && (
              <>
                <Typography.Text>{t("assessment.suggestion", { value: suggestion })}</Typography.Text>
                {!disabled && (
                  <Button size="small" onClick={() => set(suggestion, reason)}>
                    {t("assessment.useSuggestion")}
                  </Button>
                )}
              </>
            )}
          </Space>
          {below && (
            <div>
              <label htmlFor={`${id}-reason`}>
                {t("assessment.reasonLabel")}
                <span aria-hidden="true" style={{ color: "#cf1322" }}>
                  {" "}
                  *
                </span>
              </label>
              <Input.TextArea
                id={`${id}-reason`}
                aria-required="true"
                aria-invalid={problem?.code === "reason"}
                aria-describedby={problem?.code === "reason" ? errorId : undefined}
                status={problem?.code === "reason" ? "error" : undefined}
                disabled={disabled}
                autoSize={{ minRows: 1, maxRows: 4 }}
                value={reason}
                placeholder={t("assessment.reasonRequired")}
                onChange={(e) => set(score, e.target.value)}
              />
            </div>
          )}
        </Space>
      );
      break;
    }
  }

  return (
    <div className="kp-fact" data-input={info.name}>
      <label id={`${id}-label`} htmlFor={id} className="kp-fact-label">
        {label}
        {missing && !disabled && (
          <Typography.Text type="warning" style={{ marginLeft: 8, fontSize: 12 }}>
            （{t("assessment.missingFact")}）
          </Typography.Text>
        )}
      </label>
      {info.help && (
        <Typography.Paragraph type="secondary" id={helpId} style={{ margin: "0 0 4px" }} className="kp-verbatim">
          {info.help}
        </Typography.Paragraph>
      )}
      {control}
      {problem && (
        <div id={errorId} role="alert" style={{ color: "#cf1322", marginTop: 4 }}>
          {problem.message[lang]}
        </div>
      )}
    </div>
  );
}
