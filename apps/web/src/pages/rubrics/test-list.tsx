import type { TestOutcome } from "@kaoping/engine";
import { Alert, Empty } from "antd";
import { useTranslation } from "react-i18next";
import { messageLang } from "../../i18n/format.ts";

/** The outcome of the rubric's own tests: each test, and for a failure what was expected and why. */
export function TestList({ tests }: { tests: readonly TestOutcome[] | null }) {
  const { t, i18n } = useTranslation();
  const lang = messageLang(i18n.language);
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
        {tests.map((x) => (
          <li key={x.span.start} style={{ color: x.passed ? undefined : "#cf1322" }}>
            {x.passed ? "✓" : "✗"} {x.name}
            {x.failures.map((f) => (
              <div key={`${f.what.en}:${f.expected}`} style={{ fontSize: 12 }}>
                {f.what[lang]}
                {t("common.colon")}
                {t("rubrics.expected")} {f.expected}
                {t("common.comma")}
                {t("rubrics.actual")} {f.actual ?? "—"}
                <pre style={{ whiteSpace: "pre-wrap", margin: 0 }}>{f.explanation[lang]}</pre>
              </div>
            ))}
            {x.factErrors.map((e) => (
              <div key={`${e.field}:${e.code}`} style={{ fontSize: 12 }}>
                {e.message[lang]}
              </div>
            ))}
          </li>
        ))}
      </ul>
    </>
  );
}
