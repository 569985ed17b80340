// Helpers for the service's tests: the annexes, small inline rubrics in both keyword sets, and
// positions found by the text at them.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LanguageService } from "../src/index.ts";
import type { Position } from "../src/protocol.ts";

const rubricsDir = fileURLToPath(new URL("../../../rubrics/", import.meta.url));

export function annex(name: "village-quality" | "enterprise-quality"): string {
  return readFileSync(`${rubricsDir}${name}.rubric`, "utf8");
}

/** A service with one document open at `uri`. */
export function open(
  text: string,
  lang: "zh" | "en" = "zh",
  uri = "file:///t.rubric",
): { service: LanguageService; uri: string } {
  const service = new LanguageService({ lang });
  service.open(uri, text, 1);
  return { service, uri };
}

/** The position of the `nth` (0-based) occurrence of `needle`, plus `shift` characters. */
export function at(text: string, needle: string, shift = 0, nth = 0): Position {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset < 0) throw new Error(`"${needle}" (#${nth}) is not in the text`);
  }
  const before = text.slice(0, offset + shift);
  const line = before.split("\n").length - 1;
  return { line, character: before.length - (before.lastIndexOf("\n") + 1) };
}

export const zhRubric = `评分细则 small "小评分细则" {
  对象 "行政村"
  满分 10

  等级 { "优秀" >= 9  "合格" >= 6  "不合格" }

  项目 1 "宣传培训" 标准分 10 {
    内容 "组织企业参加培训班，培训人数不少于企业数的60%。"
    输入 企业数: 计数 "本辖区有几家企业？"
    输入 培训人数: 计数 "参加培训的有几人？"
    输入 有方案: 是否 "是否制定了方案？"
    输入 违规数: 计数 "违规几次？"

    细则 1 "完成培训人数5分" {
      得 5 分 当 培训人数 >= 60% × 企业数
    }
    细则 2 "制定方案5分，每违规一次扣1分" {
      基础 5 分
      每 违规数 扣 1 分
      不得分 当 非 有方案
    }
  }

  测试 "达标" {
    已知 {
      企业数 = 10
      培训人数 = 6
      有方案 = 是
      违规数 = 1
    }
    期望 {
      项目 1 = 9
      细则 1.2 = 4
      等级 = "优秀"
    }
  }
}
`;

export const enRubric = `rubric small "A small rubric" {
  subject "village"
  total 10

  grades { "good" >= 9  "pass" >= 6  "fail" }

  item 1 "Training" standard 10 {
    content "Train at least 60% of the firms."
    input firms: count "How many firms?"
    input trained: count "How many were trained?"
    input plan: yesno "Is there a plan?"

    criterion 1 "Training 5 points" {
      award 5 points when trained >= 60% × firms
    }
    criterion 2 "Plan 5 points" {
      award 5 points when plan
    }
  }

  test "all met" {
    given {
      firms = 10
      trained = 6
      plan = yes
    }
    expect {
      item 1 = 10
      grade = "good"
    }
  }
}
`;

/** The text after LSP edits (non-overlapping, applied from the end). */
export function applyEdits(
  text: string,
  edits: readonly { range: { start: Position; end: Position }; newText: string }[],
): string {
  const offset = (p: Position) => {
    const lines = text.split("\n");
    return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  };
  return [...edits]
    .map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start)
    .reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
}

export const everything = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };
