import type { CompileDiagnostic } from "@kaoping/engine";
import { lineColumn, sourceFile } from "@kaoping/language";
import { Alert, Button, Tag } from "antd";
import { useTranslation } from "react-i18next";
import { messageLang } from "../../i18n/format.ts";

/** Every diagnostic of the text with its line; a click moves the editor there. */
export function DiagnosticList({
  text,
  diagnostics,
  onPick,
}: {
  text: string;
  diagnostics: readonly CompileDiagnostic[];
  onPick: (offset: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = messageLang(i18n.language);
  if (diagnostics.length === 0) return <Alert type="success" title={t("rubrics.noDiagnostics")} />;
  const file = sourceFile("", text);
  return (
    <ul
      style={{ listStyle: "none", padding: 0, margin: 0, maxHeight: "60vh", overflow: "auto" }}
      data-testid="diagnostics"
    >
      {diagnostics.map((d) => (
        <li
          key={`${d.code}:${d.span.start}:${d.span.end}:${d.message.en}`}
          style={{ borderBottom: "1px solid #f0f0f0", padding: "6px 0" }}
        >
          <Button type="link" size="small" style={{ padding: 0, height: "auto" }} onClick={() => onPick(d.span.start)}>
            {t("rubrics.line", { line: lineColumn(file, d.span.start).line })}
          </Button>{" "}
          <Tag color={d.severity === "error" ? "red" : "orange"}>{d.code}</Tag>
          <span className={d.severity === "error" ? "kp-diag-error" : "kp-diag-warning"}>{d.message[lang]}</span>
          {d.help && <div style={{ color: "#555", fontSize: 12 }}>{d.help[lang]}</div>}
        </li>
      ))}
    </ul>
  );
}
