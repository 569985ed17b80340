// The completion scripts, loaded into the real shells: bash (complete -p, then the completion
// function called as bash calls it), fish (complete -C answers as the shell would on Tab), and
// zsh (the script parses and registers itself with compinit). zsh and fish come from Debian
// (scripts/install-tools.sh --test); a machine without them skips their tests, saying so.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../main.ts";

async function script(shell: string, lang = "zh"): Promise<string> {
  const lines: string[] = [];
  expect(await main(["completion", shell, "--lang", lang], { out: (t) => lines.push(t) })).toBe(0);
  return lines.join("\n");
}

function has(shell: string): boolean {
  return spawnSync("sh", ["-c", `command -v ${shell}`]).status === 0;
}

/** A folder with a rubric, facts files and a sub-folder, to complete file names in. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "kaoping-completion-"));
  for (const f of ["village.rubric", "enterprise.rubric", "villages.csv", "facts.json", "notes.txt"])
    writeFileSync(join(dir, f), "");
  mkdirSync(join(dir, "more"));
  return dir;
}

describe("kaoping completion bash", () => {
  const dir = workspace();
  const run = async (...words: string[]): Promise<string[]> => {
    const file = join(dir, "kaoping.bash");
    writeFileSync(file, await script("bash"));
    // COMP_WORDS and COMP_CWORD as bash sets them when Tab is pressed after the last word.
    const array = words.map((w) => `'${w}'`).join(" ");
    const out = execFileSync(
      "bash",
      [
        "--norc",
        "-c",
        `source ${file}; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _kaoping; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      { cwd: dir, encoding: "utf8" },
    );
    return out
      .split("\n")
      .filter((l) => l !== "")
      .sort();
  };

  it("registers the function for kaoping", async () => {
    const file = join(dir, "k.bash");
    writeFileSync(file, await script("bash"));
    expect(
      execFileSync("bash", ["--norc", "-c", `source ${file}; complete -p kaoping`], { encoding: "utf8" }).trim(),
    ).toBe("complete -F _kaoping kaoping");
  });

  it("completes commands, global options and their values", async () => {
    expect(await run("kaoping", "")).toEqual([
      "bounds",
      "check",
      "completion",
      "diff",
      "fmt",
      "help",
      "lsp",
      "score",
      "test",
    ]);
    expect(await run("kaoping", "s")).toEqual(["score"]);
    expect(await run("kaoping", "--")).toEqual(["--help", "--lang", "--version"]);
    expect(await run("kaoping", "--lang", "")).toEqual(["en", "zh"]);
    expect(await run("kaoping", "--lang", "en", "te")).toEqual(["test"]);
  });

  it("completes each command's options and option values", async () => {
    expect(await run("kaoping", "check", "--")).toEqual(["--format", "--help", "--json", "--lang"]);
    expect(await run("kaoping", "check", "--format", "")).toEqual(["json", "sarif", "text"]);
    expect(await run("kaoping", "test", "--j")).toEqual(["--json", "--junit"]);
    expect(await run("kaoping", "completion", "")).toEqual(["bash", "fish", "zsh"]);
    expect(await run("kaoping", "help", "c")).toEqual(["check", "completion"]);
  });

  it("completes rubric files, then facts files, by the argument's position", async () => {
    expect(await run("kaoping", "check", "")).toEqual(["enterprise.rubric", "more", "village.rubric"]);
    expect(await run("kaoping", "score", "v")).toEqual(["village.rubric"]);
    expect(await run("kaoping", "score", "--explain", "village.rubric", "")).toEqual([
      "facts.json",
      "more",
      "villages.csv",
    ]);
    expect(await run("kaoping", "diff", "--facts", "")).toEqual(["facts.json", "more", "villages.csv"]);
    expect(await run("kaoping", "diff", "--facts", "facts.json", "village.rubric", "e")).toEqual(["enterprise.rubric"]);
    expect(await run("kaoping", "test", "--junit", "n")).toEqual(["notes.txt"]);
  });
});

describe.runIf(has("fish"))("kaoping completion fish", () => {
  const dir = workspace();
  const complete = async (line: string, lang = "zh"): Promise<string[]> => {
    const file = join(dir, `kaoping-${lang}.fish`);
    writeFileSync(file, await script("fish", lang));
    const out = execFileSync("fish", ["--no-config", "-c", `source ${file}; complete -C '${line}'`], {
      cwd: dir,
      encoding: "utf8",
    });
    return out
      .split("\n")
      .filter((l) => l !== "")
      .sort();
  };

  it("parses", async () => {
    const file = join(dir, "parse.fish");
    writeFileSync(file, await script("fish"));
    expect(spawnSync("fish", ["--no-execute", file]).status).toBe(0);
  });

  it("offers commands and options with descriptions in the chosen language", async () => {
    expect(await complete("kaoping ch")).toEqual(["check\t检查评分细则，列出全部错误和警告"]);
    expect(await complete("kaoping ch", "en")).toEqual(["check\tcheck rubrics and list every error and warning"]);
    expect((await complete("kaoping check --f")).map((l) => l.split("\t")[0])).toEqual(["--format"]);
    expect((await complete("kaoping check --format ")).map((l) => l.split("\t")[0])).toEqual(["json", "sarif", "text"]);
    expect(await complete("kaoping completion ")).toEqual(["bash", "fish", "zsh"]);
  });

  it("offers rubric files for a rubric", async () => {
    expect(await complete("kaoping score v")).toContain("village.rubric");
  });
});

describe.runIf(has("zsh"))("kaoping completion zsh", () => {
  it("parses and registers _kaoping for kaoping with compinit", { timeout: 60_000 }, async () => {
    const dir = workspace();
    const file = join(dir, "_kaoping");
    writeFileSync(file, await script("zsh"));
    expect(spawnSync("zsh", ["-n", file]).status).toBe(0);
    const out = execFileSync(
      "zsh",
      [
        "-f",
        "-c",
        `autoload -U compinit; compinit -u -d ${join(dir, "zcompdump")}; source ${file}; print -r -- $_comps[kaoping]`,
      ],
      { encoding: "utf8" },
    );
    expect(out.trim()).toBe("_kaoping");
  });
});

describe("kaoping completion", () => {
  it("refuses a shell it does not know, exit 2", async () => {
    const errors: string[] = [];
    expect(await main(["completion", "tcsh"], { out: () => {}, err: (t) => errors.push(t) })).toBe(2);
    expect(errors[0]).toContain("tcsh");
  });
});
