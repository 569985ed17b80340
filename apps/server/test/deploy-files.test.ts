// The files docs/deploy.md tells operators to install, checked by the tools that read them:
// deploy/kaoping.service by `systemd-analyze verify` (on a copy of the system's units, with the
// paths it names made), deploy/nginx/kaoping.conf by `nginx -t` (its certificate and log paths
// pointed at a temporary folder, with a self-signed certificate made by openssl), and the
// settings both carry by the server's own configuration check. The tools come from Debian's
// systemd and nginx packages (scripts/install-tools.sh --test); without them these tests are
// skipped with a note, except in CI, where they fail.
import { execFile } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { configFromEnv } from "../src/config.ts";

const REPO = resolve(import.meta.dirname, "../../..");
const UNIT = readFileSync(join(REPO, "deploy/kaoping.service"), "utf8");
const NGINX = readFileSync(join(REPO, "deploy/nginx/kaoping.conf"), "utf8");
const ENV_FILE = readFileSync(join(REPO, "deploy/kaoping.env"), "utf8");
const GUIDE = readFileSync(join(REPO, "docs/deploy.md"), "utf8");

const run = promisify(execFile);
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
function folder(): string {
  const made = mkdtempSync(join(tmpdir(), "kaoping-deploy-files-"));
  folders.push(made);
  return made;
}

/** The tool's path, or null (a skip with a note; a failure in CI, which installs them). */
function tool(candidates: readonly string[], pkg: string): string | null {
  const found = candidates.find((path) => existsSync(path)) ?? null;
  if (found === null) {
    if (process.env.CI) throw new Error(`${candidates[0]} is missing: scripts/install-tools.sh --test installs ${pkg}`);
    console.warn(`deploy file check SKIPPED: ${candidates[0]} is missing (apt-get install ${pkg})`);
  }
  return found;
}
const systemdAnalyze = tool(["/usr/bin/systemd-analyze", "/bin/systemd-analyze"], "systemd");
const nginx = tool(["/usr/sbin/nginx", "/usr/bin/nginx"], "nginx");
const SYSTEM_UNITS = ["/usr/lib/systemd/system", "/lib/systemd/system"].find((dir) =>
  existsSync(join(dir, "multi-user.target")),
);

/** The `Key=value` settings of the unit, in order (a key may come more than once). */
function unitSettings(key: string): string[] {
  return [...UNIT.matchAll(new RegExp(`^${key}=(.*)$`, "gm"))].map((match) => match[1]!.trim());
}

/** NAME=value lines (comments and blanks skipped), as systemd reads an EnvironmentFile. */
function environmentFile(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && !line.startsWith("#"))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

/**
 * `systemd-analyze verify` on `unit`, in a root of its own: the system's units (for the targets it
 * names) and the programs and folders the unit names, so that the check does not depend on what
 * this machine has installed. Its output: unknown keys and values it cannot parse are only
 * warnings (exit 0), so the output is what tells.
 */
async function verifyUnit(unit: string): Promise<string> {
  const root = folder();
  mkdirSync(join(root, "usr/lib/systemd"), { recursive: true });
  cpSync(SYSTEM_UNITS!, join(root, "usr/lib/systemd/system"), { recursive: true, verbatimSymlinks: true });
  const [program] = (unitSettings("ExecStart")[0] ?? "").split(" ");
  expect(program).toMatch(/^\//);
  mkdirSync(join(root, dirname(program!)), { recursive: true });
  writeFileSync(join(root, program!), "#!/bin/sh\n");
  chmodSync(join(root, program!), 0o755);
  for (const dir of unitSettings("WorkingDirectory")) mkdirSync(join(root, dir), { recursive: true });
  mkdirSync(join(root, "etc/systemd/system"), { recursive: true });
  writeFileSync(join(root, "etc/systemd/system/kaoping.service"), unit);
  return run(systemdAnalyze!, ["--root", root, "--man=no", "verify", "kaoping.service"]).then(
    ({ stdout, stderr }) => stdout + stderr,
    (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}(failed)`,
  );
}

describe("deploy/kaoping.service", () => {
  const verifiable = systemdAnalyze !== null && SYSTEM_UNITS !== undefined;

  it.skipIf(!verifiable)("passes systemd-analyze verify, with no warning", async () => {
    expect(await verifyUnit(UNIT)).toBe("");
  });

  it.skipIf(!verifiable)("is refused by systemd-analyze when broken (so the check above can fail)", async () => {
    expect(await verifyUnit(UNIT.replace("Restart=on-failure", "Restart=sometimes"))).toContain("sometimes");
    expect(await verifyUnit(UNIT.replace("ProtectHome=yes", "ProtectHomes=yes"))).toContain("ProtectHomes");
    // A program the root does not have: the check looks in its own root, not on this machine.
    expect(await verifyUnit(UNIT.replace("ExecStart=/usr/bin/node ", "ExecStart=/usr/bin/nodejs "))).toContain(
      "/usr/bin/nodejs is not executable",
    );
  });

  it("runs the server with settings it accepts: loopback, one trusted proxy, secure cookies, no demo data", () => {
    const environment = Object.fromEntries(
      unitSettings("Environment").flatMap((line) =>
        line.split(/\s+/).map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
      ),
    );
    // The EnvironmentFile overrides Environment= lines, as systemd reads them.
    const config = configFromEnv({ ...environment, ...environmentFile(ENV_FILE) });
    expect(config).toMatchObject({
      host: "127.0.0.1",
      port: 3000,
      trustedProxies: 1,
      secureCookies: true,
      seed: false,
      logFormat: "json",
      dataDir: "/var/lib/kaoping/data",
    });
    expect(unitSettings("StateDirectory")).toEqual(["kaoping"]);
    expect(unitSettings("EnvironmentFile")).toEqual(["/etc/kaoping/kaoping.env"]);
    // nginx sends to where the server listens.
    expect(NGINX).toContain(`server ${config.host}:${config.port};`);
  });
});

describe("deploy/nginx/kaoping.conf", () => {
  /** The file with its certificate and log paths in `dir`; each path must be there to be replaced. */
  function withPathsIn(dir: string): string {
    const replacements = [
      ["/etc/ssl/kaoping/fullchain.pem", join(dir, "cert.pem")],
      ["/etc/ssl/kaoping/privkey.pem", join(dir, "key.pem")],
      ["/var/log/nginx/", `${join(dir, "logs")}/`],
    ] as const;
    let text = NGINX;
    for (const [from, to] of replacements) {
      expect(text).toContain(from);
      text = text.replaceAll(from, to);
    }
    return text;
  }

  /** nginx -t on `site` included in a main file whose every path is in `dir`. */
  async function nginxTest(dir: string, site: string): Promise<{ code: number; output: string }> {
    mkdirSync(join(dir, "logs"), { recursive: true });
    writeFileSync(join(dir, "kaoping.conf"), site);
    const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
      .map((kind) => `    ${kind}_temp_path ${join(dir, kind)};`)
      .join("\n");
    writeFileSync(
      join(dir, "nginx.conf"),
      `pid ${join(dir, "nginx.pid")};\nerror_log ${join(dir, "logs/error.log")};\nevents {}\nhttp {\n` +
        `    access_log ${join(dir, "logs/access.log")};\n${temp}\n    include ${join(dir, "kaoping.conf")};\n}\n`,
    );
    const args = ["-t", "-p", `${dir}/`, "-c", join(dir, "nginx.conf"), "-e", join(dir, "logs/error.log")];
    return run(nginx!, args).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        output: error.stdout + error.stderr,
      }),
    );
  }

  async function selfSignedCertificate(dir: string): Promise<void> {
    await run("openssl", [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
      "-days",
      "2",
      "-subj",
      "/CN=kaoping.example.gov.cn",
    ]);
  }

  it.skipIf(nginx === null)("passes nginx -t with a self-signed certificate, with no warning", async () => {
    const dir = folder();
    await selfSignedCertificate(dir);
    const { code, output } = await nginxTest(dir, withPathsIn(dir));
    expect(output).toContain("syntax is ok");
    expect(output).toContain("test is successful");
    expect(output).not.toMatch(/\[(warn|emerg|alert|crit)\]/);
    expect(code).toBe(0);
  });

  it.skipIf(nginx === null)("is refused by nginx -t when broken (so the check above can fail)", async () => {
    const dir = folder();
    await selfSignedCertificate(dir);
    const { code, output } = await nginxTest(
      dir,
      withPathsIn(dir).replace("proxy_pass http://kaoping;", "proxy_pass;"),
    );
    expect(code).not.toBe(0);
    expect(output).toContain("[emerg]");
  });

  it("proxies with the trusted-proxy headers the server reads, and keeps /metrics off the public side", () => {
    expect(NGINX).toMatch(/proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;/);
    expect(NGINX).toMatch(/proxy_set_header X-Request-Id \$request_id;/);
    expect(NGINX).toMatch(/location = \/metrics \{\s*return 404;\s*\}/);
  });
});

describe("docs/deploy.md", () => {
  it("quotes the unit, the nginx file and the settings file as they are", () => {
    for (const file of [UNIT, NGINX, ENV_FILE]) expect(GUIDE).toContain(file.trimEnd());
  });
});
