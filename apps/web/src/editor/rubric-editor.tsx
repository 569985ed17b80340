// The CodeMirror 6 editor for rubric text, with colouring for both keyword sets and live
// diagnostics from whatever `diagnose` returns (the language package's checker, run in the page).
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { type Diagnostic, lintGutter, linter, lintKeymap } from "@codemirror/lint";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { EditorState } from "@codemirror/state";
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { forwardRef, useEffect, useImperativeHandle, useRef } from "react";
import { rubricLanguage } from "./rubric-language.ts";

export type EditorDiagnostic = Diagnostic;

export interface RubricEditorProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly diagnose: (text: string) => readonly EditorDiagnostic[];
  readonly label: string;
  readonly readOnly?: boolean;
  readonly height?: string;
  /** The interface language, for the editor's own words (search panel, lint tooltips). */
  readonly lang?: "zh" | "en";
}

const zhPhrases = {
  Find: "查找",
  Replace: "替换",
  next: "下一个",
  previous: "上一个",
  all: "全部",
  "match case": "区分大小写",
  regexp: "正则表达式",
  "by word": "整词",
  replace: "替换",
  "replace all": "全部替换",
  close: "关闭",
  "Go to line": "跳到行",
  go: "跳转",
  Diagnostics: "诊断信息",
  "No diagnostics": "没有诊断信息",
};

export interface RubricEditorHandle {
  /** Replaces the whole text (format, load a version) as one undoable change. */
  setText(text: string): void;
  /** Moves the cursor to an offset and scrolls it into view. */
  goTo(offset: number): void;
}

const theme = EditorView.theme({
  "&": { fontSize: "14px", border: "1px solid #d9d9d9", borderRadius: "4px" },
  "&.cm-focused": { outline: "2px solid #1d5fbf" },
  ".cm-content": { fontFamily: '"WenQuanYi Micro Hei Mono", "Noto Sans Mono CJK SC", Menlo, Consolas, monospace' },
  ".cm-scroller": { overflow: "auto" },
});

/** A rubric text editor; the parent owns the text and gets every change. */
export const RubricEditor = forwardRef<RubricEditorHandle, RubricEditorProps>(function RubricEditor(props, ref) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The latest callbacks, read by extensions created once.
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          history(),
          drawSelection(),
          bracketMatching(),
          highlightActiveLine(),
          highlightSelectionMatches(),
          rubricLanguage,
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          EditorView.lineWrapping,
          lintGutter(),
          linter((ev) => [...latest.current.diagnose(ev.state.doc.toString())], { delay: 200 }),
          // Tab is left to the browser so that keyboard users can leave the editor.
          keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, ...lintKeymap]),
          EditorState.readOnly.of(latest.current.readOnly ?? false),
          EditorView.contentAttributes.of({ "aria-label": latest.current.label }),
          EditorState.phrases.of(latest.current.lang === "en" ? {} : zhPhrases),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
          }),
          theme,
          EditorView.theme({ "&": { height: latest.current.height ?? "60vh" } }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);

  // A value set from outside (a version loaded, the page's first data) replaces the text.
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== props.value) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: props.value } });
    }
  }, [props.value]);

  useImperativeHandle(ref, () => ({
    setText(text) {
      const v = view.current;
      if (v) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
    },
    goTo(offset) {
      const v = view.current;
      if (!v) return;
      const pos = Math.min(Math.max(0, offset), v.state.doc.length);
      v.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: "center" }) });
      v.focus();
    },
  }));

  return <div ref={host} className="kp-editor" />;
});
