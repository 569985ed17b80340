// The first start of a real server process: killed (-9) half way through seeding, it leaves the
// database empty, and the next start seeds all of it, with the admin and a demo user per role
// whose passwords come from the environment. Logs are JSON lines when stdout is not a terminal; the
// accounts come once, as a plain block after the start line; later starts seed nothing.
import { POSTGRES_SKIP_NOTE } from "@kaoping/db";
import { afterAll, describe, expect, it } from "vitest";
import { newStore, type Store } from "./fixtures.ts";
import { trpcHttp } from "./helpers.ts";
import { launchServer, PROCESS_TEST_MS, startServer, waitForOutput } from "./process.ts";

const hasPostgres = Boolean(process.env.DATABASE_URL);
if (!hasPostgres) console.warn(POSTGRES_SKIP_NOTE);

const ADMIN_PASSWORD = "first-start-admin";
const DEMO_PASSWORD = "first-start-demo";

async function signIn(url: string, username: string, password: string) {
  const login = await trpcHttp(url, "auth.login", { username, password });
  expect(login.status, `${username} signs in`).toBe(200);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
  return (await trpcHttp(url, "auth.me", null, { method: "GET", headers: { cookie } })).body.result?.data as {
    user: { role: string };
  };
}

describe.each([
  { kind: "pglite" as const, available: true },
  { kind: "postgres" as const, available: hasPostgres },
])("first start on $kind", ({ kind, available }) => {
  const stores: Store[] = [];
  afterAll(async () => {
    for (const s of stores) await s.remove();
  });

  it.skipIf(!available)(
    "seeds all or nothing across kill -9, then once, and says how to sign in",
    async () => {
      const store = newStore(kind);
      stores.push(store);

      const dying = await launchServer(store.env);
      await waitForOutput(dying, '"msg":"rubric published"');
      dying.child.kill("SIGKILL");
      expect(await dying.exited).toBe("SIGKILL");
      expect(dying.output()).not.toContain("demo data seeded");
      const database = await store.open();
      try {
        const count = async (table: "app_user" | "rubric_version" | "audit_log") =>
          Number(
            (
              await database.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as("n"))
                .executeTakeFirstOrThrow()
            ).n,
          );
        expect({
          users: await count("app_user"),
          rubrics: await count("rubric_version"),
          audit: await count("audit_log"),
        }).toEqual({
          users: 0,
          rubrics: 0,
          audit: 0,
        });
      } finally {
        await database.close();
      }

      const env = { ...store.env, KAOPING_ADMIN_PASSWORD: ADMIN_PASSWORD, KAOPING_DEMO_PASSWORD: DEMO_PASSWORD };
      const first = await startServer(env);
      try {
        await waitForOutput(first, "Sign in as any of them");
        const [logs, block] = first.output().split("\n\n  Kaoping 考评 is running at ");
        // Before the block, JSON lines only; the start line says where to go and how to sign in.
        const lines = logs!
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line) as { msg: string; url?: string });
        const listening = lines.find((line) => line.msg.startsWith("Kaoping is listening"));
        expect(listening?.msg).toBe(
          `Kaoping is listening: open ${listening?.url} and sign in with one of the accounts printed below`,
        );
        expect(listening?.url).toMatch(/^http:\/\/localhost:\d+\/$/);
        expect(block).toMatch(/^ {4}admin +\(KAOPING_ADMIN_PASSWORD\) /m);
        for (const role of ["policy", "assessor", "reviewer", "viewer"])
          expect(block).toMatch(new RegExp(`^ {4}${role} +\\(KAOPING_DEMO_PASSWORD\\) `, "m"));
        expect(block).not.toContain(DEMO_PASSWORD);
        expect((await signIn(first.url, "admin", ADMIN_PASSWORD)).user.role).toBe("admin");
        expect((await signIn(first.url, "assessor", DEMO_PASSWORD)).user.role).toBe("assessor");
      } finally {
        first.child.kill("SIGTERM");
      }
      expect(await first.exited).toBe(0);

      const again = await startServer(store.env);
      try {
        expect((await signIn(again.url, "reviewer", DEMO_PASSWORD)).user.role).toBe("reviewer");
        await waitForOutput(again, "Kaoping is listening");
        expect(again.output()).toContain("and sign in with your account");
        expect(again.output()).not.toContain("demo data seeded");
        expect(again.output()).not.toContain("Kaoping 考评 is running");
      } finally {
        again.child.kill("SIGTERM");
      }
      expect(await again.exited).toBe(0);
    },
    PROCESS_TEST_MS,
  );
});
