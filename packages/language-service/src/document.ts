// One open rubric at one version, and everything derived from its text, each computed once, when
// first asked for: the parse (incremental after an edit), the check, the compiled rubric, the
// rubric's own tests, the tokens and the symbol index. A new version is a new document.
import { compile, runTests, type CompileResult, type TestOutcome } from "@kaoping/engine";
import { checkParsed, lex, parse, type CheckResult } from "@kaoping/language";
import { reparseBlock, type Parsed, type Replacement } from "./incremental.ts";
import { LineIndex } from "./positions.ts";
import type { ContentChange } from "./protocol.ts";
import { SymbolIndex } from "./symbols.ts";

export type Token = ReturnType<typeof lex>["tokens"][number];

export class RubricDocument {
  private checkedCache: CheckResult | null = null;
  private compiledCache: CompileResult | null = null;
  private testsCache: readonly TestOutcome[] | null = null;
  private linesCache: LineIndex | null = null;
  private lexCache: ReturnType<typeof lex> | null = null;
  private indexCache: SymbolIndex | null = null;
  private readonly memos = new Map<string, unknown>();

  private constructor(
    readonly uri: string,
    readonly text: string,
    readonly version: number,
    readonly parsed: Parsed,
    /** How this version was parsed: whole, or one block again (for tests and the benchmark). */
    readonly reparsed: "whole" | "block",
  ) {}

  static create(uri: string, text: string, version: number): RubricDocument {
    return new RubricDocument(uri, text, version, parse(text), "whole");
  }

  /** The next version after the client's changes, parsed again only where they fell when it can. */
  edit(changes: readonly ContentChange[], version: number): RubricDocument {
    let text = this.text;
    let lines = this.lines;
    const replacements: Replacement[] = [];
    for (const change of changes) {
      const span = "range" in change ? lines.span(change.range) : { start: 0, end: text.length };
      text = text.slice(0, span.start) + change.text + text.slice(span.end);
      replacements.push({ span, text: change.text });
      if (changes.length > 1) lines = new LineIndex(text);
    }
    const only = replacements.length === 1 ? replacements[0] : undefined;
    const block = only ? reparseBlock(this.parsed, this.checked.symbols.names.keys(), text, only) : null;
    return new RubricDocument(this.uri, text, version, block ?? parse(text), block ? "block" : "whole");
  }

  get lines(): LineIndex {
    return (this.linesCache ??= new LineIndex(this.text));
  }

  get checked(): CheckResult {
    return (this.checkedCache ??= checkParsed(this.parsed));
  }

  /** The engine's view: its own analyses (KP8xx) and, when clean, a scorer (interpreted: built fast). */
  get compiled(): CompileResult {
    return (this.compiledCache ??= compile(this.checked, { backend: "interpreter" }));
  }

  /** The outcomes of the rubric's own tests; empty while it does not compile. */
  get tests(): readonly TestOutcome[] {
    if (this.testsCache) return this.testsCache;
    const rubric = this.compiled.rubric;
    return (this.testsCache = rubric ? runTests(rubric) : []);
  }

  get lexed(): ReturnType<typeof lex> {
    return (this.lexCache ??= lex(this.text));
  }

  /** What a feature derives from this version, computed once per key (e.g. a criterion's witnesses). */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  get index(): SymbolIndex {
    return (this.indexCache ??= new SymbolIndex(this.checked.rubric, this.text));
  }
}
