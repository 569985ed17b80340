// `kaoping lsp --stdio` is a language server: it answers initialize on stdout and ends on exit.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

function frame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

describe("kaoping lsp --stdio", () => {
  it("speaks LSP on stdin and stdout, and exits when asked", async () => {
    const cwd = fileURLToPath(new URL("../..", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "lsp", "--stdio"], {
      cwd,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString("utf8")));
    child.stdin.write(
      frame({
        jsonrpc: "2.0",
        id: 1,
        method: "initialize",
        params: { processId: null, rootUri: null, capabilities: {} },
      }),
    );
    while (!out.includes('"id":1')) await new Promise((r) => setTimeout(r, 50));
    expect(out).toMatch(/^Content-Length: \d+\r\n\r\n/);
    expect(out).toContain('"hoverProvider":true');
    child.stdin.write(frame({ jsonrpc: "2.0", id: 2, method: "shutdown" }));
    child.stdin.write(frame({ jsonrpc: "2.0", method: "exit" }));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    // Starting tsx and the server takes seconds on a busy machine.
  }, 60_000);
});
