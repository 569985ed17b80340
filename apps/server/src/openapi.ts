// The OpenAPI 3.1 document of the API at /api/openapi.json, generated from the procedures' own zod
// schemas (z.toJSONSchema), so it cannot drift from what the server accepts and answers.
// It describes tRPC's plain-HTTP form: a query is GET /trpc/<path>?input=<JSON>, a mutation is
// POST /trpc/<path> with the input as the JSON body; answers are {"result":{"data":…}} or {"error":…}.
import type { IncomingMessage, ServerResponse } from "node:http";
import { appRouter } from "@kaoping/api";
import { z } from "zod";

export const OPENAPI_PATH = "/api/openapi.json";

interface ProcedureDef {
  readonly type: "query" | "mutation" | "subscription";
  readonly inputs: readonly z.ZodType[];
  readonly output?: z.ZodType;
}

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of `schema` as a client sends it (input) or receives it (output). Recursive
 * parts (JSON values) come as `$defs` referenced from the schema's root; in the document "#" is the
 * document, so they move to components.schemas under `<prefix>.<name>` (into `shared`).
 */
function jsonSchema(
  schema: z.ZodType,
  io: "input" | "output",
  prefix: string,
  shared: Record<string, JsonSchema>,
): JsonSchema {
  const {
    $schema: _dialect,
    $defs,
    ...rest
  } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  if ($defs === undefined) return rest;
  const moved = (text: string) =>
    text.replace(/"#\/\$defs\/([^"]+)"/g, (_all, name: string) =>
      JSON.stringify(`#/components/schemas/${prefix}.${name}`),
    );
  for (const [name, definition] of Object.entries($defs))
    shared[`${prefix}.${name}`] = JSON.parse(moved(JSON.stringify(definition))) as JsonSchema;
  return JSON.parse(moved(JSON.stringify(rest))) as JsonSchema;
}

const ERROR_SCHEMA: JsonSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["message", "code", "data"],
      properties: {
        message: { type: "string" },
        code: { type: "integer", description: "JSON-RPC error code" },
        data: {
          type: "object",
          required: ["code", "httpStatus"],
          properties: {
            code: {
              type: "string",
              description:
                "tRPC code: BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, TOO_MANY_REQUESTS, INTERNAL_SERVER_ERROR, SERVICE_UNAVAILABLE, …",
            },
            httpStatus: { type: "integer" },
            path: { type: "string" },
            issues: {
              type: ["array", "null"],
              items: {
                type: "object",
                properties: {
                  path: { type: "array", items: { type: ["string", "integer"] } },
                  message: { type: "string" },
                  zh: { type: "string" },
                },
              },
            },
            currentRevision: { type: ["integer", "null"] },
            requestId: {
              type: ["string", "null"],
              description: "The request's id (also in the X-Request-Id header), to quote when reporting a failure",
            },
          },
        },
      },
    },
  },
};

/** The API's version in the document: the shape of the procedures, not a release number. */
const API_VERSION = "1";

/** The OpenAPI document: one operation per procedure. */
export function openApiDocument(): Record<string, unknown> {
  const procedures = appRouter._def.procedures as unknown as Record<string, { _def: ProcedureDef }>;
  const paths: Record<string, unknown> = {};
  const schemas: Record<string, JsonSchema> = { Error: ERROR_SCHEMA };
  for (const [path, { _def: def }] of Object.entries(procedures)) {
    if (def.type === "subscription") continue;
    const [tag] = path.split(".");
    // Chained .input() calls merge their objects.
    const inputs = def.inputs.map((s, i) => jsonSchema(s, "input", `${path}.input${i}`, schemas));
    const input = inputs.length === 0 ? null : inputs.length === 1 ? inputs[0]! : { allOf: inputs };
    const data = def.output ? jsonSchema(def.output, "output", `${path}.output`, schemas) : {};
    const result = {
      type: "object",
      required: ["result"],
      properties: { result: { type: "object", properties: { data } } },
    };
    const operation: Record<string, unknown> = {
      operationId: path,
      tags: [tag],
      responses: {
        "200": { description: "The procedure's answer", content: { "application/json": { schema: result } } },
        default: {
          description: "An error (4xx: the request; 5xx: the server or its database)",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
    };
    if (def.type === "query") {
      if (input)
        operation.parameters = [
          {
            name: "input",
            in: "query",
            required: false,
            description: "The input as JSON",
            content: { "application/json": { schema: input } },
          },
        ];
      paths[`/trpc/${path}`] = { get: operation };
    } else {
      if (input) operation.requestBody = { required: true, content: { "application/json": { schema: input } } };
      paths[`/trpc/${path}`] = { post: operation };
    }
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Kaoping 考评 API",
      version: API_VERSION,
      description:
        "tRPC over plain HTTP. Sign in with auth.login (a session cookie) or send an API token as Authorization: Bearer <token>. Mutations that check a secret must not be batched.",
    },
    servers: [{ url: "/" }],
    components: {
      schemas,
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "kp_session" },
        token: { type: "http", scheme: "bearer" },
      },
    },
    security: [{ session: [] }, { token: [] }, {}],
    paths,
  };
}

/** Serves the document (made once, on first request: it is the same for the process's life). */
export function openApiHandler(): (req: IncomingMessage, res: ServerResponse) => void {
  let body: string | null = null;
  return (_req, res) => {
    body ??= JSON.stringify(openApiDocument());
    res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache" });
    res.end(body);
  };
}
