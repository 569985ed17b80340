// Protocol tests: the server is spawned and driven over stdio JSON-RPC as an editor drives it
// (initialize, didOpen, didChange, hover, completion, codeAction, rename, formatting, inlayHint …),
// on the two annexes and on a rubric for each slip in the checker's golden files.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { compile } from "@kaoping/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
  type WorkspaceEdit,
} from "vscode-languageserver-protocol/node";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const annex = (name: string) => readFileSync(`${root}rubrics/${name}.rubric`, "utf8");
const errDir = `${root}packages/language/test/fixtures/check/err/`;

let server: ChildProcess;
let client: ProtocolConnection;
const published = new Map<string, { version: number | undefined; diagnostics: Diagnostic[] }[]>();
const waiters: (() => void)[] = [];
const applied: WorkspaceEdit[] = [];
let refreshes = 0;

/** The diagnostics published for a version once the engine's pass is in (the second publication). */
async function diagnostics(uri: string, version: number): Promise<Diagnostic[]> {
  for (;;) {
    const forVersion = (published.get(uri) ?? []).filter((p) => p.version === version);
    if (forVersion.length >= 2) return forVersion[1]?.diagnostics ?? [];
    await new Promise<void>((resolve) => waiters.push(resolve));
  }
}

function open(uri: string, text: string, version = 1): void {
  void client.sendNotification("textDocument/didOpen", {
    textDocument: { uri, languageId: "kaoping-rubric", version, text },
  });
}

function position(text: string, needle: string, shift = 0): { line: number; character: number } {
  const before = text.slice(0, text.indexOf(needle) + shift);
  return { line: before.split("\n").length - 1, character: before.length - (before.lastIndexOf("\n") + 1) };
}

beforeAll(async () => {
  server = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "--stdio"], {
    cwd: fileURLToPath(new URL("..", import.meta.url)),
    stdio: ["pipe", "pipe", "inherit"],
  });
  client = createProtocolConnection(
    new StreamMessageReader(server.stdout as NodeJS.ReadableStream),
    new StreamMessageWriter(server.stdin as NodeJS.WritableStream),
  );
  client.onNotification(
    "textDocument/publishDiagnostics",
    (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      const list = published.get(p.uri) ?? [];
      list.push({ version: p.version, diagnostics: p.diagnostics });
      published.set(p.uri, list);
      for (const wake of waiters.splice(0)) wake();
    },
  );
  client.onRequest("workspace/applyEdit", (p: { edit: WorkspaceEdit }) => {
    applied.push(p.edit);
    return { applied: true };
  });
  client.onRequest("workspace/inlayHint/refresh", () => {
    refreshes++;
    return null;
  });
  client.listen();
  const init = (await client.sendRequest("initialize", {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    locale: "zh-cn",
  })) as { capabilities: Record<string, unknown> };
  for (const c of [
    "hoverProvider",
    "completionProvider",
    "renameProvider",
    "documentFormattingProvider",
    "codeActionProvider",
    "inlayHintProvider",
    "semanticTokensProvider",
  ]) {
    expect(init.capabilities[c], c).toBeTruthy();
  }
  await client.sendNotification("initialized", {});
});

afterAll(async () => {
  await client.sendRequest("shutdown");
  await client.sendNotification("exit");
  client.dispose();
  server.kill();
});

describe("the language server over stdio", () => {
  const village = annex("village-quality");
  const uri = "file:///village-quality.rubric";

  it("publishes no diagnostics for the annexes", async () => {
    open(uri, village);
    open("file:///enterprise-quality.rubric", annex("enterprise-quality"));
    expect(await diagnostics(uri, 1)).toEqual([]);
    expect(await diagnostics("file:///enterprise-quality.rubric", 1)).toEqual([]);
  });

  it("answers hover, completion, definition, references and symbols", async () => {
    const hover = (await client.sendRequest("textDocument/hover", {
      textDocument: { uri },
      position: position(village, "当 培训人数", 3),
    })) as { contents: { value: string } };
    expect(hover.contents.value).toContain("**输入 培训人数**: 计数");
    const items = (await client.sendRequest("textDocument/completion", {
      textDocument: { uri },
      position: position(village, "当 培训人数", 2),
    })) as { label: string }[];
    expect(items.map((i) => i.label)).toContain("辖区企业数");
    const def = (await client.sendRequest("textDocument/definition", {
      textDocument: { uri },
      position: position(village, "当 培训人数", 3),
    })) as { range: { start: unknown } }[];
    expect(def[0]?.range.start).toEqual(position(village, "培训人数: 计数"));
    const refs = (await client.sendRequest("textDocument/references", {
      textDocument: { uri },
      position: position(village, "培训人数: 计数"),
      context: { includeDeclaration: true },
    })) as unknown[];
    expect(refs.length).toBeGreaterThan(2);
    const symbols = (await client.sendRequest("textDocument/documentSymbol", { textDocument: { uri } })) as {
      children: { name: string }[];
    }[];
    expect(symbols[0]?.children.filter((s) => s.name.startsWith("项目"))).toHaveLength(9);
    const tokens = (await client.sendRequest("textDocument/semanticTokens/full", { textDocument: { uri } })) as {
      data: number[];
    };
    expect(tokens.data.length % 5).toBe(0);
    expect(
      ((await client.sendRequest("textDocument/foldingRange", { textDocument: { uri } })) as unknown[]).length,
    ).toBeGreaterThan(9);
  });

  it("follows incremental edits with new diagnostics and quick fixes", async () => {
    const at = position(village, "60% × 辖区企业数", 6);
    const end = { ...at, character: at.character + 5 };
    await client.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: at, end }, text: "辖区企业树" }],
    });
    const d = (await diagnostics(uri, 2)).find((x) => x.code === "KP301");
    expect(d?.message).toContain("是不是「辖区企业数」？");
    const actions = (await client.sendRequest("textDocument/codeAction", {
      textDocument: { uri },
      range: d?.range,
      context: { diagnostics: [d] },
    })) as { title: string; edit: WorkspaceEdit }[];
    expect(actions.map((a) => a.title)).toEqual(["改为「辖区企业数」", "声明输入「辖区企业树」（计数）"]);
    await client.sendNotification("textDocument/didChange", {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: at, end }, text: "辖区企业数" }],
    });
    expect(await diagnostics(uri, 3)).toEqual([]);
  });

  it("renames across rules and tests, and refuses a taken name with a message", async () => {
    const edit = (await client.sendRequest("textDocument/rename", {
      textDocument: { uri },
      position: position(village, "培训人数: 计数"),
      newName: "受训人数",
    })) as WorkspaceEdit;
    expect(edit.changes?.[uri]?.length).toBe(6);
    await expect(
      client.sendRequest("textDocument/rename", {
        textDocument: { uri },
        position: position(village, "培训人数: 计数"),
        newName: "辖区企业数",
      }),
    ).rejects.toThrow("已经有名为「辖区企业数」的输入或派生值");
  });

  it("formats (nothing to do on a canonical annex; a messy line is fixed) and switches keywords", async () => {
    expect(
      await client.sendRequest("textDocument/formatting", {
        textDocument: { uri },
        options: { tabSize: 2, insertSpaces: true },
      }),
    ).toEqual([]);
    const messy = "file:///messy.rubric";
    const text = village.replace("      得 5 分 当 培训人数 >= 60% × 辖区企业数", "得 5分 当 培训人数>=60%×辖区企业数");
    open(messy, text);
    await diagnostics(messy, 1);
    const edits = (await client.sendRequest("textDocument/rangeFormatting", {
      textDocument: { uri: messy },
      range: { start: position(text, "得 5分"), end: position(text, "得 5分", 3) },
      options: { tabSize: 2, insertSpaces: true },
    })) as { newText: string }[];
    expect(edits.map((e) => e.newText).join("")).toContain("      得 5 分 当 培训人数 >= 60% × 辖区企业数");
    await client.sendRequest("workspace/executeCommand", { command: "kaoping.switchKeywords", arguments: [uri] });
    expect(applied.at(-1)?.changes?.[uri]?.[0]?.newText).toContain("rubric village_quality");
  });

  it("shows inline scores once a test is chosen, and code lenses to choose one", async () => {
    const lenses = (await client.sendRequest("textDocument/codeLens", { textDocument: { uri } })) as {
      command: { title: string; command: string; arguments: unknown[] };
    }[];
    expect(lenses).toHaveLength(9);
    const range = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
    expect(await client.sendRequest("textDocument/inlayHint", { textDocument: { uri }, range })).toEqual([]);
    const before = refreshes;
    const example = lenses.find(
      (l) => l.command.title.includes("用此测试行内计分") && JSON.stringify(l.command.arguments).includes("示例村"),
    );
    await client.sendRequest("workspace/executeCommand", {
      command: example?.command.command,
      arguments: example?.command.arguments,
    });
    expect(refreshes).toBeGreaterThan(before);
    const hints = (await client.sendRequest("textDocument/inlayHint", { textDocument: { uri }, range })) as {
      label: string;
    }[];
    expect(hints[0]?.label).toBe("总分 109.2 · 等级「优秀」");
  });

  it("reports each slip of the checker's golden files as the checker and engine do", async () => {
    const files = readdirSync(errDir).filter((f) => f.endsWith(".rubric"));
    for (const file of files) open(`file:///err/${file}`, readFileSync(errDir + file, "utf8"));
    for (const file of files) {
      const found = await diagnostics(`file:///err/${file}`, 1);
      const expected = compile(readFileSync(errDir + file, "utf8")).diagnostics;
      expect(
        found.map((d: Diagnostic) => d.code),
        file,
      ).toEqual(expected.map((d) => d.code));
      expect(
        found.map((d: Diagnostic) => String(d.message).split("\n")[0]),
        file,
      ).toEqual(expected.map((d) => d.message.zh));
    }
  });
});
