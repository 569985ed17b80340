// An edited document must read exactly as the same text parsed whole: the block reparse is only a
// shortcut. Edits are made at many places of the annexes and of small rubrics in both keyword sets.
import { describe, expect, it } from "vitest";
import { annex, enRubric, zhRubric } from "../test/support.ts";
import { RubricDocument } from "./document.ts";

const texts = {
  village: annex("village-quality"),
  enterprise: annex("enterprise-quality"),
  zh: zhRubric,
  en: enRubric,
};
const edits = ["x", "1", " ", "{", "}", '"', "得", "award", "当 否", "\n", "", "#"];

function sameAsWhole(before: string, start: number, end: number, insert: string): RubricDocument {
  const doc = RubricDocument.create("u", before, 1);
  doc.checked;
  const range = { start: doc.lines.position(start), end: doc.lines.position(end) };
  const edited = doc.edit([{ range, text: insert }], 2);
  const whole = RubricDocument.create("u", edited.text, 2);
  expect(edited.text).toBe(before.slice(0, start) + insert + before.slice(end));
  expect(edited.parsed.rubric).toEqual(whole.parsed.rubric);
  expect(edited.checked.diagnostics).toEqual(whole.checked.diagnostics);
  return edited;
}

describe("incremental reparse", () => {
  for (const [name, text] of Object.entries(texts)) {
    it(`${name}: an edit anywhere reads as the whole text`, () => {
      let blocks = 0;
      // Every 97th offset, each with a different kind of edit; a deletion where the edit is empty.
      for (let i = 0, n = 0; i < text.length; i += 97, n++) {
        const insert = edits[n % edits.length] as string;
        const end = insert === "" ? Math.min(text.length, i + 1 + (n % 3)) : i;
        if (sameAsWhole(text, i, end, insert).reparsed === "block") blocks++;
      }
      // Most offsets lie inside items and tests: the shortcut must actually be taken.
      expect(blocks).toBeGreaterThan(text.length / 97 / 3);
    });
  }

  it("applies several changes in order, then parses the whole text", () => {
    const doc = RubricDocument.create("u", zhRubric, 1);
    const first = {
      start: doc.lines.position(zhRubric.indexOf("满分 10") + 3),
      end: doc.lines.position(zhRubric.indexOf("满分 10") + 5),
    };
    const edited = doc.edit([{ range: first, text: "20" }, { text: enRubric }], 2);
    expect(edited.text).toBe(enRubric);
    expect(edited.reparsed).toBe("whole");
  });

  it("reads a glued name the same when it refers to a name declared in another block", () => {
    const text = zhRubric
      .replace("  项目 1", '  输入 外部数: 计数 "外部"\n\n  项目 1')
      .replace("得 5 分 当 培训人数 >= 60% × 企业数", "得 5 分 当 培训人数 >= 60% × 企业数 且 外部数 > 0");
    const at = text.indexOf("外部数 > 0");
    const doc = sameAsWhole(text, at, at + 4, "外部数大于");
    expect(doc.checked.diagnostics.map((d) => d.code)).toContain("KP104");
  });
});
