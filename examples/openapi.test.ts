// The plain-HTTP examples (the curl lines in README.md and the calls in curl.sh) checked against
// the OpenAPI document the server serves: each names a procedure the document has, with the
// method the document gives it (GET for a query, POST for a mutation), and sends an input its
// schema accepts. examples.test.ts runs them for real; this keeps the document honest about them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openApiDocument } from "@kaoping/server";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";

/** One HTTP call found in an example. */
interface Call {
  readonly where: string;
  readonly method: "GET" | "POST";
  readonly procedure: string;
  /** The input as the example sends it (JSON text), or undefined when it sends none. */
  readonly input: string | undefined;
}

/**
 * What curl.sh's variables stand for where they appear in an input: values of the kind the script
 * puts there (ids and revisions are numbers, the facts an object of input names).
 */
const SAMPLES: Record<string, string> = {
  PERIOD: "1",
  ID: "7",
  REVISION: "3",
  FACTS: '{"省抽不合格数":1,"国抽不合格数":0}',
};

/** Splits a shell command line into words: quotes removed, `\"` kept, `$NAME` from SAMPLES. */
function shellWords(line: string, where: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  const variable = (text: string, at: number): [string, number] => {
    const name = /^\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/.exec(text.slice(at));
    if (!name) return ["$", at + 1];
    return [`\${${name[1] ?? name[2]}}`, at + name[0].length];
  };
  for (let i = 0; i < line.length; ) {
    const c = line[i]!;
    if (c === " " || c === "\t") {
      if (word !== null) words.push(word);
      word = null;
      i++;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word = (word ?? "") + line.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      word ??= "";
      for (i++; line[i] !== '"'; ) {
        if (i >= line.length) throw new Error(`${where}: unclosed quote in ${line}`);
        if (line[i] === "\\") {
          word += line[i + 1];
          i += 2;
        } else if (line[i] === "$") {
          const [text, next] = variable(line, i);
          word += text;
          i = next;
        } else word += line[i++];
      }
      i++;
    } else if (c === "$") {
      const [text, next] = variable(line, i);
      word = (word ?? "") + text;
      i = next;
    } else {
      word = (word ?? "") + c;
      i++;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** `${NAME}` replaced by its sample; an unknown name fails the test, naming it. */
function withSamples(text: string, where: string): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_all, name: string) => {
    const sample = SAMPLES[name];
    if (sample === undefined) throw new Error(`${where}: no sample value for $${name} (add one to SAMPLES)`);
    return sample;
  });
}

/** A curl command's call: -G (or no body) is GET, -X POST or a body is POST. */
function curlCall(words: readonly string[], where: string): Call | null {
  const url = words.find((w) => /\/trpc\/[A-Za-z.]+/.test(w));
  if (url === undefined) return null;
  const procedure = /\/trpc\/([A-Za-z.]+)/.exec(url)![1]!;
  const after = (flag: string) => {
    const at = words.indexOf(flag);
    return at === -1 ? undefined : words[at + 1];
  };
  const encoded = after("--data-urlencode");
  const body = after("-d") ?? after("--data");
  const post = after("-X") === "POST" || (body !== undefined && !words.includes("-G"));
  const input = post ? body : encoded?.replace(/^input=/, "");
  return { where, method: post ? "POST" : "GET", procedure, input };
}

/** The curl lines of README.md's shell blocks, continuation lines joined. */
function readmeCalls(): Call[] {
  const text = readFileSync(join(import.meta.dirname, "README.md"), "utf8");
  const calls: Call[] = [];
  for (const block of text.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const lines = block[1]!.replace(/\\\n\s*/g, " ").split("\n");
    for (const line of lines.filter((l) => l.trim().startsWith("curl "))) {
      // An ellipsis in the README stands for more of the same: what is shown must still be valid.
      const call = curlCall(shellWords(line.replace(/, …/g, ""), "README.md"), "README.md");
      if (call) calls.push(call);
    }
  }
  return calls;
}

/** curl.sh's calls: its get/post helpers, and curl itself. */
function scriptCalls(): Call[] {
  const text = readFileSync(join(import.meta.dirname, "curl.sh"), "utf8").replace(/\\\n\s*/g, " ");
  const calls: Call[] = [];
  text.split("\n").forEach((line, index) => {
    const where = `curl.sh:${index + 1}`;
    for (const use of line.matchAll(/\$\((get|post) ([a-zA-Z.]+) ('[^']*'|"(?:[^"\\]|\\.)*")/g)) {
      const [input] = shellWords(use[3]!, where);
      calls.push({ where, method: use[1] === "get" ? "GET" : "POST", procedure: use[2]!, input });
    }
    const curl = line.indexOf("curl ");
    if (curl !== -1 && !line.trimStart().startsWith("#")) {
      const command = line.slice(curl).replace(/\)\s*$/, "");
      const call = curlCall(shellWords(command, where), where);
      if (call && !call.procedure.startsWith("$")) calls.push(call);
    }
  });
  return calls;
}

type Operation = {
  parameters?: { content: { "application/json": { schema: unknown } } }[];
  requestBody?: { content: { "application/json": { schema: unknown } } };
};

describe("the plain-HTTP examples against the OpenAPI document", () => {
  const document = openApiDocument() as { paths: Record<string, { get?: Operation; post?: Operation }> };
  // The document as one schema resource, so that its internal $refs (#/components/…) resolve.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...document, $id: "kaoping-openapi" });
  const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

  const calls = [...readmeCalls(), ...scriptCalls()];

  it("finds the examples' calls (README.md and curl.sh)", () => {
    expect(calls.filter((c) => c.where === "README.md").length).toBeGreaterThanOrEqual(2);
    expect(calls.filter((c) => c.where.startsWith("curl.sh")).length).toBeGreaterThanOrEqual(6);
  });

  it.each(calls.map((call) => [`${call.where} ${call.method} ${call.procedure}`, call] as const))(
    "%s: in the document, with its method and an input its schema accepts",
    (_name, call) => {
      const item = document.paths[`/trpc/${call.procedure}`];
      expect(item, `no operation /trpc/${call.procedure}`).toBeDefined();
      const method = call.method === "GET" ? "get" : "post";
      expect(Object.keys(item!), `${call.procedure} is not a ${call.method}`).toEqual([method]);
      const operation = item![method]!;
      const input = call.input === undefined ? undefined : (JSON.parse(withSamples(call.input, call.where)) as unknown);
      const path =
        method === "get"
          ? operation.parameters
            ? pointer(
                "paths",
                `/trpc/${call.procedure}`,
                "get",
                "parameters",
                "0",
                "content",
                "application/json",
                "schema",
              )
            : null
          : operation.requestBody
            ? pointer(
                "paths",
                `/trpc/${call.procedure}`,
                "post",
                "requestBody",
                "content",
                "application/json",
                "schema",
              )
            : null;
      if (path === null) {
        // A procedure without input: the example sends none, or null.
        expect(input ?? null).toBeNull();
        return;
      }
      const validate = ajv.getSchema(`kaoping-openapi#/${path}`);
      expect(validate).toBeDefined();
      const valid = validate!(input);
      expect(valid, JSON.stringify(validate!.errors)).toBe(true);
    },
  );

  it("would catch an example the document does not accept", () => {
    const schema = ajv.getSchema(
      `kaoping-openapi#/${pointer("paths", "/trpc/assessments.saveFacts", "post", "requestBody", "content", "application/json", "schema")}`,
    )!;
    expect(schema({ id: 7, revision: 3, facts: {} })).toBe(true);
    expect(schema({ id: "7", revision: 3, facts: {} })).toBe(false);
    expect(schema({ id: 7, facts: {} })).toBe(false);
  });
});
