// kaoping as users get it: the package packed (`pnpm pack`), installed as a global command with
// npm into a temporary prefix from a clean folder with no node_modules above it, offline (the
// tarball has no dependencies to fetch), and run there with plain node: it checks an annex
// (exit 0) and a broken rubric (exit 1), scores a facts file, prints its version, and serves LSP.
// Needs the build (`pnpm turbo run test` builds first; alone: pnpm --filter @kaoping/cli build).
import { execFile, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CLI_DIR = resolve(import.meta.dirname, "..");
const REPO = resolve(CLI_DIR, "../..");
const { version } = JSON.parse(readFileSync(join(CLI_DIR, "package.json"), "utf8")) as { version: string };
/** Only Node 24 (the node running this test) and the system's tools: nothing of the workspace. */
const ENV = { PATH: `${dirname(process.execPath)}:/usr/bin:/bin`, LANG: "C.UTF-8" };

let clean: string;
let kaoping: string;

beforeAll(async () => {
  if (!existsSync(join(CLI_DIR, "dist/kaoping.js")))
    throw new Error("apps/cli/dist is not built: pnpm --filter @kaoping/cli build");
  clean = mkdtempSync(join(tmpdir(), "kaoping-installed-"));
  await promisify(execFile)("pnpm", ["pack", "--pack-destination", clean], { cwd: CLI_DIR });
  await promisify(execFile)(
    "npm",
    ["install", "--global", "--prefix", join(clean, "prefix"), "--offline", "--no-audit", "--no-fund", tarball()],
    { cwd: clean, env: { ...ENV, HOME: clean } },
  );
  kaoping = join(clean, "prefix/bin/kaoping");
  copyFileSync(join(REPO, "rubrics/village-quality.rubric"), join(clean, "village.rubric"));
  const facts = join(REPO, "packages/engine/test/fixtures/facts");
  copyFileSync(join(facts, "village-worked-example.json"), join(clean, "facts.json"));
  copyFileSync(join(facts, "villages.csv"), join(clean, "villages.csv"));
}, 120_000);

afterAll(() => {
  if (clean) rmSync(clean, { recursive: true, force: true });
});

function tarball(): string {
  const [file, ...more] = readdirSync(clean).filter((name) => name.endsWith(".tgz"));
  expect(more).toEqual([]);
  expect(file).toBe(`kaoping-cli-${version}.tgz`);
  return join(clean, file!);
}

/** Runs the installed command in the clean folder; never rejects, so that exit codes can be read. */
function run(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(kaoping, args, { cwd: clean, env: { ...ENV, ...env } }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

// Each run starts a process: seconds on a busy two-core machine.
describe("kaoping installed from its tarball", { timeout: 60_000 }, () => {
  it("is one bundled file and a manifest with no dependencies", async () => {
    const { stdout } = await promisify(execFile)("tar", ["tzf", tarball()]);
    expect(stdout.trim().split("\n").sort()).toEqual([
      "package/README.md",
      "package/dist/kaoping.js",
      "package/package.json",
    ]);
    const installed = JSON.parse(
      readFileSync(join(clean, "prefix/lib/node_modules/@kaoping/cli/package.json"), "utf8"),
    ) as Record<string, unknown>;
    expect(installed["dependencies"]).toBeUndefined();
    expect(readdirSync(join(clean, "prefix/lib/node_modules/@kaoping/cli"))).not.toContain("node_modules");
  });

  it("has no node_modules above its folder to borrow from", () => {
    for (let dir = clean; dir !== dirname(dir); dir = dirname(dir))
      expect(existsSync(join(dir, "node_modules")), `${dir}/node_modules`).toBe(false);
  });

  it("prints its version", async () => {
    expect(await run(["--version"])).toEqual({ code: 0, out: `kaoping ${version}\n` });
  });

  it("checks an annex clean (exit 0) and a broken rubric with its diagnostic (exit 1)", async () => {
    expect(await run(["check", "village.rubric"])).toMatchObject({ code: 0 });
    writeFileSync(
      join(clean, "broken.rubric"),
      readFileSync(join(clean, "village.rubric"), "utf8").replace("满分 100", "满分 一百"),
    );
    const broken = await run(["check", "--lang", "en", "broken.rubric"]);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/broken\.rubric:\d+:\d+/);
    expect(broken.out).toMatch(/error\[KP\d{3}\]/);
  });

  it("scores a facts file and runs the rubric's own tests", async () => {
    const scored = await run(["score", "--json", "village.rubric", "facts.json"]);
    expect(scored.code).toBe(0);
    expect((JSON.parse(scored.out) as { total: number }[])[0]?.total).toBe(109.2);
    // A CSV (one record of it invalid: exit 2, the others still scored).
    const csv = await run(["score", "village.rubric", "villages.csv"]);
    expect(csv.code).toBe(2);
    expect(csv.out).toMatch(/示例村\s+5\s+9\.2\s+7\s+20\s+5\s+22\s+9\s+22\s+10\s+109\.2/);
    const tested = await run(["test", "village.rubric"]);
    expect(tested.code).toBe(0);
    expect(tested.out.trim().split("\n").at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });

  it("answers an editor's initialize over LSP on stdio", async () => {
    const child = spawn(kaoping, ["lsp", "--stdio"], { cwd: clean, env: ENV, stdio: ["pipe", "pipe", "pipe"] });
    const send = (message: object) => {
      const body = JSON.stringify({ jsonrpc: "2.0", ...message });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    // Messages framed by Content-Length; the server may send notifications besides the answer.
    let received = Buffer.alloc(0);
    const answer = new Promise<{ result: { capabilities: Record<string, unknown> } }>((resolvePromise) =>
      child.stdout.on("data", (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        for (;;) {
          const header = received.indexOf("\r\n\r\n");
          const length = Number(/Content-Length: (\d+)/i.exec(received.subarray(0, header).toString())?.[1]);
          if (header === -1 || received.length < header + 4 + length) return;
          const message = JSON.parse(received.subarray(header + 4, header + 4 + length).toString()) as {
            id?: number;
            result: { capabilities: Record<string, unknown> };
          };
          received = received.subarray(header + 4 + length);
          if (message.id === 1) resolvePromise(message);
        }
      }),
    );
    const exited = new Promise<number | null>((resolvePromise) => child.on("exit", resolvePromise));
    send({ id: 1, method: "initialize", params: { processId: null, rootUri: null, capabilities: {} } });
    const { result } = await answer;
    expect(result.capabilities).toHaveProperty("hoverProvider");
    expect(result.capabilities).toHaveProperty("documentFormattingProvider");
    send({ id: 2, method: "shutdown" });
    send({ method: "exit" });
    expect(await exited).toBe(0);
  });
});
