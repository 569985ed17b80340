// The .vsix the build made (the test command builds it first): what it holds, that it holds nothing
// else (no node_modules, no sources, no development tools), that its grammar knows every keyword of
// both sets, and that its bundled server answers an editor over stdio.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { keywords } from "@kaoping/language";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";

const vsix = fileURLToPath(new URL("../dist/kaoping-rubric.vsix", import.meta.url));
const files = new Map<string, Buffer>();

/** Every file of a zip, by name. */
function unzip(path: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const found = new Map<string, Buffer>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on("data", (chunk: Buffer) => chunks.push(chunk));
          stream.on("end", () => {
            found.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(found));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}

beforeAll(async () => {
  for (const [name, content] of await unzip(vsix)) files.set(name, content);
});

const text = (name: string) => files.get(name)?.toString("utf8") ?? "";

describe("the .vsix", () => {
  it("holds the manifest, both bundles, the grammar, the language configuration and the README, and nothing else", () => {
    expect([...files.keys()].sort()).toEqual([
      "[Content_Types].xml",
      "extension.vsixmanifest",
      "extension/dist/extension.cjs",
      "extension/dist/kaoping-rubric.tmLanguage.json",
      "extension/dist/server.cjs",
      "extension/language-configuration.json",
      "extension/package.json",
      // vsce writes the README in lower case.
      "extension/readme.md",
    ]);
  });

  it("declares the language, grammar, commands and entry point that it ships", () => {
    const manifest = JSON.parse(text("extension/package.json")) as {
      main: string;
      contributes: {
        languages: { id: string; extensions: string[] }[];
        grammars: { path: string }[];
        commands: { command: string }[];
      };
    };
    expect(files.has(`extension/${manifest.main.replace("./", "")}`)).toBe(true);
    expect(manifest.contributes.languages[0]).toMatchObject({ id: "kaoping-rubric", extensions: [".rubric"] });
    expect(files.has(`extension/${manifest.contributes.grammars[0]?.path.replace("./", "")}`)).toBe(true);
    expect(manifest.contributes.commands.map((c) => c.command)).toEqual([
      "kaoping.switchKeywordSet",
      "kaoping.scoreWithTest",
      "kaoping.scoreWithFacts",
      "kaoping.scoreOff",
    ]);
    // The client starts the bundled server from the path it ships at.
    expect(text("extension/dist/extension.cjs")).toContain("dist/server.cjs");
  });

  it("bundles no development tool: the runtime code is the client, the server and what they import", () => {
    for (const bundle of ["extension/dist/extension.cjs", "extension/dist/server.cjs"]) {
      const code = text(bundle);
      for (const tool of ["vitest", "esbuild", "typescript/lib", "@vscode/vsce", "tsx/"])
        expect(code.includes(tool), `${bundle} holds ${tool}`).toBe(false);
    }
  });

  it("has a grammar with every keyword of both sets", () => {
    const grammar = text("extension/dist/kaoping-rubric.tmLanguage.json");
    const patterns = (JSON.parse(grammar) as { patterns: { match?: string }[] }).patterns
      .map((p) => p.match ?? "")
      .join("\n");
    for (const k of keywords)
      for (const word of [...k.words.zh, ...k.words.en]) expect(patterns, word).toMatch(new RegExp(`[(:|]${word}[|)]`));
  });

  describe("its bundled server", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "kaoping-vsix-"));
      writeFileSync(join(dir, "server.cjs"), files.get("extension/dist/server.cjs") ?? "");
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("answers initialize and hover over stdio on its own (no node_modules beside it)", async () => {
      const child = spawn(process.execPath, [join(dir, "server.cjs"), "--stdio"], {
        cwd: dir,
        stdio: ["pipe", "pipe", "inherit"],
      });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
      const send = (message: object) => {
        const body = JSON.stringify({ jsonrpc: "2.0", ...message });
        child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      };
      const until = async (needle: string) => {
        while (!out.includes(needle)) await new Promise((r) => setTimeout(r, 50));
      };
      send({ id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {}, locale: "en" } });
      await until('"id":1');
      send({ method: "initialized", params: {} });
      const rubric =
        'rubric r "R" {\n  subject "s"\n  total 1\n  item 1 "i" standard 1 {\n    content "c"\n    input done: yesno "Done?"\n    criterion 1 "c" {\n      award 1 when done\n    }\n  }\n}\n';
      send({
        method: "textDocument/didOpen",
        params: { textDocument: { uri: "file:///r.rubric", languageId: "kaoping-rubric", version: 1, text: rubric } },
      });
      send({
        id: 2,
        method: "textDocument/hover",
        params: { textDocument: { uri: "file:///r.rubric" }, position: { line: 7, character: 20 } },
      });
      await until('"id":2');
      expect(out).toContain("**input done**: yesno");
      send({ id: 3, method: "shutdown" });
      send({ method: "exit" });
      expect(await new Promise((resolve) => child.on("exit", resolve))).toBe(0);
    });
  });
});
