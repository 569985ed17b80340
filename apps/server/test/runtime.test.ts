// The project runs on the Node.js it declares (the root `node` devDependency, put on PATH by pnpm
// for every script and turbo task), not on whatever older Node the machine came with.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../../package.json"), "utf8")) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const major = (version: string): number => Number(/\d+/.exec(version)?.[0]);

describe("the Node.js runtime", () => {
  it("is the declared LTS, 24, in the test process and for a script that calls `node`", () => {
    const onPath = execFileSync("node", ["--version"], { encoding: "utf8" }).trim();
    console.log(`node ${process.version} (${process.execPath}); \`node\` on PATH: ${onPath}`);
    expect(major(process.version)).toBe(24);
    expect(major(root.devDependencies["node"] ?? "")).toBe(24);
    expect(major(root.engines.node)).toBe(24);
    expect(onPath).toBe(process.version);
  });
});
