import type { Bounds } from "@kaoping/engine";
import { Card } from "antd";
import { useTranslation } from "react-i18next";
import { FactInput } from "../../components/fact-input.tsx";
import type { FactDraft, FactInput as FactValue, LiveScore, PreparedRubric } from "../../lib/live-score.ts";
import type { EvidenceFile } from "./evidence-list.tsx";
import { ItemCard } from "./item-card.tsx";

/** The sheet as a form: shared questions first, then each item with its criteria and their questions. */
export function SheetForm({
  prepared,
  live,
  bounds,
  draft,
  onChange,
  editable,
  showProblems,
  assessmentId,
  evidence,
}: {
  prepared: PreparedRubric;
  live: LiveScore;
  bounds: Bounds;
  draft: FactDraft;
  onChange: (name: string, value: FactValue | undefined) => void;
  editable: boolean;
  /** The user tried to save: every wrong answer shows its problem, untouched ones too. */
  showProblems: boolean;
  assessmentId: number;
  evidence: readonly EvidenceFile[];
}) {
  const { t } = useTranslation();
  const { compiled, layout } = prepared;
  const missing = new Set(live.missing);
  const problemOf = (name: string) => live.problems.find((p) => p.field === name);

  const renderInputs = (names: readonly string[]) =>
    names.map((name) => {
      const info = prepared.inputsByName.get(name);
      if (!info) return null;
      // A missing reason is only pointed out once the user tries to save or starts this answer.
      const problem = problemOf(name);
      const shown = showProblems || problem?.code !== "reason" || draft[name] !== undefined;
      return (
        <FactInput
          key={name}
          info={info}
          value={draft[name]}
          onChange={(v) => onChange(name, v)}
          disabled={!editable}
          problem={shown ? problem : undefined}
          missing={missing.has(name)}
          suggestion={live.suggestions[name] ?? null}
        />
      );
    });

  return (
    <>
      {layout.general.length > 0 && (
        <Card title={t("assessment.general")} style={{ marginBottom: 16 }}>
          {renderInputs(layout.general)}
        </Card>
      )}
      {compiled.items.map((item) => (
        <ItemCard
          key={item.number}
          item={item}
          live={live.items.find((i) => i.number === item.number)}
          bounds={bounds.items.find((b) => b.number === item.number)}
          assessmentId={assessmentId}
          files={evidence.filter((f) => f.item === item.number)}
          editable={editable}
          renderInputs={(key) => renderInputs(layout.byCriterion.get(key) ?? [])}
        />
      ))}
    </>
  );
}
