// Running the server as a real child process (as `pnpm start` does), for the crash and
// scale-out tests: it can be killed with SIGKILL and started again on the same data.
import { spawn, type ChildProcess } from "node:child_process";
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

/** Starts `src/main.ts` with `env` on a free port and waits until it listens. */
export async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  // node --import tsx runs the TypeScript in this very process, so a SIGKILL hits the server
  // itself and not a wrapper.
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.on("data", (b: Buffer) => void (out += b.toString()));
  child.stderr!.on("data", (b: Buffer) => void (out += b.toString()));
  const exited = new Promise<number | string>((resolvePromise) =>
    child.on("exit", (code, signal) => resolvePromise(code ?? signal ?? "unknown")),
  );
  const url = await new Promise<string>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}`)), 60_000);
    const look = () => {
      const match = /"port":(\d+).*Kaoping is listening/.exec(out);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off("data", look);
        resolvePromise(`http://127.0.0.1:${match[1]}`);
      }
    };
    child.stdout!.on("data", look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${out}`));
    });
  });
  return { child, url, output: () => out, exited };
}
