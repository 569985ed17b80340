import type { CompileDiagnostic, CompiledRubric, RubricDiff, TestOutcome } from "@kaoping/engine";
import { Badge, Card, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { BoundsTable } from "./bounds-table.tsx";
import { DiagnosticList } from "./diagnostic-list.tsx";
import { ImpactView } from "./impact-view.tsx";
import { TestList } from "./test-list.tsx";
import type { Impact } from "./use-rubric-draft.ts";
import { VersionList } from "./version-list.tsx";

export type CheckTab = "diagnostics" | "tests" | "bounds" | "diff" | "versions";

/** The panel beside the editor: diagnostics, tests, bounds, impact and versions, one tab each. */
export function ChecksPanel({
  tab,
  onTab,
  text,
  diagnostics,
  rubric,
  tests,
  structural,
  impact,
  periodId,
  rubricKey,
  kind,
  onGoTo,
  onLoad,
}: {
  tab: CheckTab;
  onTab: (tab: CheckTab) => void;
  /** The text the diagnostics are of. */
  text: string;
  diagnostics: readonly CompileDiagnostic[];
  rubric: CompiledRubric | null;
  tests: readonly TestOutcome[] | null;
  structural: RubricDiff | null;
  impact: Impact | null;
  periodId: number | null;
  rubricKey: string;
  kind: string;
  /** Moves the editor's cursor to an offset. */
  onGoTo: (offset: number) => void;
  /** Puts a version's text in the editor. */
  onLoad: (source: string) => void;
}) {
  const { t } = useTranslation();
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  return (
    <Card size="small">
      <Tabs
        activeKey={tab}
        onChange={(key) => onTab(key as CheckTab)}
        items={[
          {
            key: "diagnostics",
            label: (
              <span>
                {t("rubrics.diagnostics")} <Badge count={errors} />
              </span>
            ),
            children: <DiagnosticList text={text} diagnostics={diagnostics} onPick={onGoTo} />,
          },
          { key: "tests", label: t("rubrics.runTests"), children: <TestList tests={tests} /> },
          { key: "bounds", label: t("rubrics.bounds"), children: <BoundsTable rubric={rubric} /> },
          {
            key: "diff",
            label: t("rubrics.impact"),
            children: <ImpactView structural={structural} impact={impact} periodId={periodId} kind={kind} />,
          },
          {
            key: "versions",
            label: t("rubrics.versions"),
            children: <VersionList rubricKey={rubricKey} onLoad={onLoad} />,
          },
        ]}
      />
    </Card>
  );
}
