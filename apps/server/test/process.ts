// Running the server as a real child process (as `pnpm start` does), for the crash, fault,
// launcher and scale-out tests: it can be killed with SIGKILL and started again on the same data.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SERVER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** Everything the process printed. */
  readonly output: () => string;
  /** Resolves with the exit code or signal. */
  readonly exited: Promise<number | string>;
}

/** A port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolvePromise(port));
    });
  });
}

/**
 * Time for a test that starts server processes on PGlite: each start of a new directory is an
 * initdb, over a minute on a busy two-core machine (the 60 s given to tests in CI is too little).
 */
export const PROCESS_TEST_MS = 300_000;

/**
 * How to start the server: node on the source through tsx (the default), through the package
 * script as people do, or plain node on a deployed bundle in `deployed` with no environment but
 * what the test gives (no PATH to the workspace, no NODE_OPTIONS).
 */
export type Launch = "node" | "package-script" | { readonly deployed: string };

/** Starts the server with `env` on a free port and waits until its health check answers. */
export async function startServer(env: Record<string, string>, launch: Launch = "node"): Promise<ServerProcess> {
  const server = await launchServer(env, launch);
  await waitUntilHealthy(server);
  return server;
}

/** The command that starts the server as `launch` says, with `settings` in its environment. */
function commandLine(launch: Launch, settings: Record<string, string>) {
  // node --import tsx runs the TypeScript in this very process, so a SIGKILL hits the server
  // itself and not a wrapper; "package-script" is `pnpm --filter @kaoping/server start`, the line
  // scripts/start.sh ends with, where a signal goes to pnpm and must reach the server through it.
  if (launch === "node")
    return {
      command: process.execPath,
      args: ["--import", "tsx", "src/main.ts"],
      cwd: SERVER_DIR,
      environment: { ...process.env, ...settings },
    };
  if (launch === "package-script")
    return {
      command: "pnpm",
      args: ["--silent", "--filter", "@kaoping/server", "start"],
      cwd: resolve(SERVER_DIR, "../.."),
      environment: { ...process.env, ...settings },
    };
  return {
    command: process.execPath,
    args: ["dist/main.js"],
    cwd: launch.deployed,
    environment: { PATH: "/usr/bin:/bin", ...settings },
  };
}

/** Starts the server with `env` on a free port without waiting for it (to kill it while it starts). */
export async function launchServer(env: Record<string, string>, launch: Launch = "node"): Promise<ServerProcess> {
  const port = await freePort();
  const settings = { PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "info", ...env };
  const { command, args, cwd, environment } = commandLine(launch, settings);
  const child = spawn(command, args, { cwd, env: environment, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (b: Buffer) => void (out += b.toString()));
  child.stderr!.on("data", (b: Buffer) => void (out += b.toString()));
  const exited = new Promise<number | string>((resolvePromise) =>
    child.on("exit", (code, signal) => resolvePromise(code ?? signal ?? "unknown")),
  );
  return { child, url: `http://127.0.0.1:${port}`, output: () => out, exited };
}

/** Waits until `server` has printed `text`; fails if it exits first or takes over three minutes. */
export async function waitForOutput(server: ServerProcess, text: string): Promise<void> {
  await waitFor(server, async () => server.output().includes(text), `print "${text}"`);
}

async function waitUntilHealthy(server: ServerProcess): Promise<void> {
  await waitFor(
    server,
    async () => {
      try {
        return (await fetch(`${server.url}/readyz`)).ok;
      } catch {
        return false; // Not listening yet.
      }
    },
    "start",
  );
}

async function waitFor(server: ServerProcess, done: () => Promise<boolean>, what: string): Promise<void> {
  let gone: string | null = null;
  void server.exited.then((code) => void (gone = String(code)));
  // PGlite's first start (an initdb) alone took over a minute on a busy two-core machine; the
  // test's own time limit is the bound that matters, this one only names what was awaited.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (await done()) return;
    if (gone !== null) throw new Error(`server exited (${gone}) while waiting for it to ${what}:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`server did not ${what} in time:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
