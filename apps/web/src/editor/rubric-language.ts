// Syntax colouring for rubric files in both keyword sets. A stream tokenizer is enough: keywords
// stand apart from names (spaces or punctuation), so a keyword is a whole word from one of the two
// sets. Diagnostics come from the real checker, not from here.
import { StreamLanguage, type StringStream } from "@codemirror/language";
import { keywords as languageKeywords } from "@kaoping/language";

const atoms = new Set(["是", "否", "yes", "no", "true", "false"]);
const typeWords = new Set(["是否", "计数", "数值", "百分比", "评分", "yesno", "count", "number", "percent", "score"]);
// The words come from the language package itself, so the colouring cannot drift from the lexer.
const keywords = new Set(
  languageKeywords.flatMap((k) => [...k.words.zh, ...k.words.en]).filter((w) => !atoms.has(w) && !typeWords.has(w)),
);

export interface State {
  /** Inside a `"""…"""` block that has not closed yet. */
  inBlock: boolean;
}

const wordChar = /[\p{L}\p{N}_]/u;

/** The style of the next token (CodeMirror's stream interface); exported for tests. */
export function token(stream: StringStream, state: State): string | null {
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
