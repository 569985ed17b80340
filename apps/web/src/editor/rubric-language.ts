// Syntax colouring for rubric files in both keyword sets (docs/language.md, "Keywords"). A stream
// tokenizer is enough: keywords stand apart from names (spaces or punctuation), so a keyword is a
// whole word from one of the two lists. Diagnostics come from the real checker, not from here.
import { StreamLanguage, type StringStream } from "@codemirror/language";

export const zhKeywords: readonly string[] = [
  "评分细则", "对象", "版本", "生效", "满分", "总分", "输入", "说明", "默认", "是否", "计数", "数值", "单位", "百分比",
  "评分", "至", "步长", "令", "项目", "标准分", "内容", "细则", "得", "当", "否则", "酌情", "建议", "基础", "扣", "每",
  "最低", "加", "最多", "不得分", "分", "等级", "否决", "测试", "已知", "理由", "期望", "若", "则", "且", "或", "非",
  "最小", "最大",
];

export const enKeywords: readonly string[] = [
  "rubric", "subject", "version", "effective", "total", "input", "help", "default", "yesno", "count", "number", "unit",
  "percent", "score", "to", "step", "let", "item", "standard", "content", "criterion", "award", "when", "else",
  "discretionary", "suggest", "base", "deduct", "per", "floor", "bonus", "cap", "zero", "points", "point", "grades", "veto",
  "test", "given", "reason", "expect", "if", "then", "and", "or", "not", "min", "max", "of",
];

const atoms = new Set(["是", "否", "yes", "no", "true", "false"]);
const typeWords = new Set(["是否", "计数", "数值", "百分比", "评分", "yesno", "count", "number", "percent", "score"]);
const keywords = new Set([...zhKeywords, ...enKeywords].filter((k) => !atoms.has(k) && !typeWords.has(k)));

interface State {
  /** Inside a `"""…"""` block that has not closed yet. */
  inBlock: boolean;
}

const wordChar = /[\p{L}\p{N}_]/u;

function token(stream: StringStream, state: State): string | null {
  if (state.inBlock) {
    while (!stream.eol()) {
      if (stream.match('"""')) {
        state.inBlock = false;
        return "string";
      }
      stream.next();
    }
    return "string";
  }
  if (stream.eatSpace()) return null;
  if (stream.match("#")) {
    stream.skipToEnd();
    return "comment";
  }
  if (stream.match('"""')) {
    state.inBlock = true;
    return token(stream, state) ?? "string";
  }
  if (stream.match('"')) {
    let escaped = false;
    while (!stream.eol()) {
      const ch = stream.next();
      if (ch === '"' && !escaped) break;
      escaped = !escaped && ch === "\\";
    }
    return "string";
  }
  if (stream.match(/^「[^」]*」?/u)) return "variableName";
  if (stream.match(/^\d{4}-\d{2}-\d{2}/)) return "number";
  if (stream.match(/^[0-9０-９]+(?:[.．][0-9０-９]+)?\s*[%％]?/u)) return "number";
  const first = stream.peek();
  if (first !== undefined && wordChar.test(first)) {
    let word = "";
    while (!stream.eol()) {
      const ch = stream.peek();
      if (ch === undefined || !wordChar.test(ch)) break;
      word += stream.next();
    }
    if (keywords.has(word)) return "keyword";
    if (typeWords.has(word)) return "typeName";
    if (atoms.has(word)) return "atom";
    return "variableName";
  }
  if (stream.match(/^(>=|<=|!=|[≥≤≠=<>＝＞＜+\-×*/÷＋－])/u)) return "operator";
  if (stream.match(/^[{}()（）[\]]/u)) return "bracket";
  stream.next();
  return "punctuation";
}

/** The CodeMirror language for `.rubric` files. */
export const rubricLanguage = StreamLanguage.define<State>({
  name: "rubric",
  startState: () => ({ inBlock: false }),
  copyState: (s) => ({ ...s }),
  token,
  languageData: { commentTokens: { line: "#" } },
});
