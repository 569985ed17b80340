// /api/openapi.json: a valid OpenAPI 3.1 document (checked by swagger-parser) with one operation
// per procedure, of the right method, whose schemas accept what the server accepts.
import SwaggerParser from "@apidevtools/swagger-parser";
import { appRouter } from "@kaoping/api";
import { openDatabase } from "@kaoping/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serve, type Running } from "./helpers.ts";

interface Operation {
  readonly operationId: string;
  readonly parameters?: { name: string; content: { "application/json": { schema: Record<string, unknown> } } }[];
  readonly requestBody?: { content: { "application/json": { schema: Record<string, unknown> } } };
}
type Document = { openapi: string; paths: Record<string, { get?: Operation; post?: Operation }> };

describe("the OpenAPI document", () => {
  let running: Running;
  let document: Document;
  beforeAll(async () => {
    running = await serve(await openDatabase({ dataDir: "memory://" }));
    const answer = await fetch(`${running.url}/api/openapi.json`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("application/json; charset=utf-8");
    document = (await answer.json()) as Document;
  });
  afterAll(async () => {
    await running?.app.close();
  });

  it("is valid OpenAPI 3.1", async () => {
    expect(document.openapi).toBe("3.1.0");
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it("has every procedure, queries as GET and mutations as POST, each with its input", () => {
    const procedures = appRouter._def.procedures as unknown as Record<
      string,
      { _def: { type: string; inputs: unknown[] } }
    >;
    expect(Object.keys(document.paths).sort()).toEqual(
      Object.keys(procedures)
        .map((p) => `/trpc/${p}`)
        .sort(),
    );
    for (const [path, { _def: def }] of Object.entries(procedures)) {
      const item = document.paths[`/trpc/${path}`]!;
      const operation = def.type === "query" ? item.get : item.post;
      expect(operation?.operationId, path).toBe(path);
      const hasInput =
        def.type === "query" ? operation?.parameters !== undefined : operation?.requestBody !== undefined;
      expect(hasInput, path).toBe(def.inputs.length > 0);
    }
  });

  it("describes the inputs the server checks", () => {
    const login = document.paths["/trpc/auth.login"]!.post!.requestBody!.content["application/json"].schema;
    expect(login).toMatchObject({
      type: "object",
      properties: { username: { type: "string" }, password: { type: "string" } },
    });
    expect(login.required).toEqual(expect.arrayContaining(["username", "password"]));
  });
});
