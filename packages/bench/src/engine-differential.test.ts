// Differential test: the compiled rubrics/village-quality.rubric agrees with the hand-written
// Annex 1 scorer on every item and the total of 100,000 generated villages.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile } from "@kaoping/engine";
import { describe, expect, it } from "vitest";
import { engineFacts } from "./engine-facts.ts";
import { generateVillageFacts } from "./village-facts.ts";
import { scoreVillageByHand } from "./village-handwritten.ts";

const rubricPath = join(dirname(fileURLToPath(import.meta.url)), "../../../rubrics/village-quality.rubric");

describe("compiled Annex 1 vs the hand-written scorer", () => {
  it("agrees on 100,000 generated villages", () => {
    const { rubric, diagnostics } = compile(readFileSync(rubricPath, "utf8"));
    expect(diagnostics).toEqual([]);
    if (!rubric) throw new Error("village rubric does not compile");
    const villages = generateVillageFacts(100_000, 20_260_101);
    const outcomes = rubric.scoreMany(villages.map(engineFacts));
    const mismatches: string[] = [];
    villages.forEach((v, i) => {
      const hand = scoreVillageByHand(v);
      const o = outcomes[i];
      if (!o?.ok) {
        mismatches.push(`#${i}: invalid facts ${JSON.stringify(o && !o.ok ? o.errors : null)}`);
        return;
      }
      const items = o.result.items.map((it) => it.points);
      if (o.result.total !== hand.total || items.some((p, k) => p !== hand.items[k])) {
        mismatches.push(
          `#${i}: engine ${items.join(",")}=${o.result.total}, by hand ${hand.items.join(",")}=${hand.total}`,
        );
      }
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(outcomes).toHaveLength(100_000);
  }, 120_000);
});
