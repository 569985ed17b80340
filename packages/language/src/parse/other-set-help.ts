// When a name is a keyword of the other keyword set (得 in an English file, award in a Chinese one),
// say which keyword this file uses instead, with a fix.
import type { IToken } from "chevrotain";
import type * as A from "../ast.ts";
import { replaceWith, type Fix, type Message } from "../diagnostics/diagnostic.ts";
import { conceptOf, keywords as keywordTable, wordOf } from "../lex/tokens.ts";
import { tokenSpan } from "../lower/cst.ts";

/** When a name is a keyword of the other set, say which keyword this file uses instead. */
export function otherSetHelp(tok: IToken, set: A.KeywordSet): { help?: Message; fixes?: readonly Fix[] } {
  const other: A.KeywordSet = set === "zh" ? "en" : "zh";
  const concept = conceptOf(tok.tokenType);
  if (concept) return {};
  const match = findKeyword(tok.image, other);
  if (!match) return {};
  const word = wordOf(match, set);
  return {
    help: {
      zh: `本文件使用${set === "zh" ? "中文" : "英文"}关键字：「${tok.image}」应写成「${word}」`,
      en: `this file uses ${set === "zh" ? "Chinese" : "English"} keywords: write "${word}" for "${tok.image}"`,
    },
    fixes: [replaceWith(tokenSpan(tok), word, { zh: `改为「${word}」`, en: `change to "${word}"` })],
  };
}

function findKeyword(word: string, set: A.KeywordSet) {
  return keywordTable.find((k) => k.words[set].includes(word))?.token;
}
