// The server process refuses a bad environment before it opens anything: the message names each
// variable and what it may be, no stack trace, exit code 2; `--check-config` prints what it would run with.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PROCESS_TEST_MS } from "./process.ts";

const SERVER_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..");

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the server's entry point with only `env` (and PATH) set, to its end. */
function runServer(env: Record<string, string>, args: readonly string[] = []): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", "src/main.ts", ...args],
      { cwd: SERVER_DIR, env: { PATH: process.env.PATH ?? "", ...env }, timeout: PROCESS_TEST_MS },
      (_error, stdout, stderr) => done({ code: child.exitCode, stdout, stderr }),
    );
  });
}

describe("the server's configuration", () => {
  it(
    "refuses every bad variable at once with exit code 2, before opening the database",
    async () => {
      const dataDir = join(mkdtempSync(join(tmpdir(), "kaoping-config-")), "data");
      const run = await runServer({
        KAOPING_DATA_DIR: dataDir,
        KAOPING_SECURE_COOKIES: "yes",
        PORT: "99999",
        DATABASE_URL: "mysql://kaoping:hunter2-secret@db/kaoping",
        KAOPING_DEMO_PASSWORD: "short",
      });
      expect(run.code).toBe(2);
      expect(existsSync(dataDir)).toBe(false);
      expect(run.stdout).toBe("");
      expect(run.stderr).toContain("The server's configuration is not valid:");
      expect(run.stderr).toContain('PORT="99999" is not allowed: it must be a port number, 0 to 65535.');
      expect(run.stderr).toContain('KAOPING_SECURE_COOKIES="yes" is not allowed: it must be true, false, 1 or 0.');
      expect(run.stderr).toContain(
        'DATABASE_URL="mysql://kaoping:********@db/kaoping" is not allowed: it must be a PostgreSQL URL',
      );
      expect(run.stderr).toContain(
        'KAOPING_DEMO_PASSWORD="********" is not allowed: it must be a password of at least 10 characters.',
      );
      expect(run.stderr).not.toMatch(/hunter2|short|\n\s+at /);
    },
    PROCESS_TEST_MS,
  );

  it(
    "prints the resolved configuration with --check-config, secrets masked, and exits 0",
    async () => {
      const run = await runServer(
        {
          DATABASE_URL: "postgres://kaoping:hunter2-secret@db.internal:5432/kaoping",
          KAOPING_ADMIN_PASSWORD: "correct horse battery",
          KAOPING_SECURE_COOKIES: "true",
          KAOPING_TRUST_PROXY: "1",
        },
        ["--check-config"],
      );
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Kaoping server configuration \(secrets masked\):\n/);
      expect(run.stdout).toMatch(/DATABASE_URL +postgres:\/\/kaoping:\*{8}@db\.internal:5432\/kaoping\n/);
      expect(run.stdout).toMatch(/KAOPING_SECURE_COOKIES +true\n/);
      expect(run.stdout).toMatch(/KAOPING_TRUST_PROXY +1\n/);
      expect(run.stdout).toMatch(/KAOPING_ADMIN_PASSWORD +\*{8}\n/);
      expect(run.stdout).toMatch(/PORT +3000 +\(default\)\n/);
      expect(run.stdout).not.toMatch(/hunter2|correct horse/);
    },
    PROCESS_TEST_MS,
  );
});
