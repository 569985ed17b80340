// What reaches the disk before PGlite acknowledges a commit. The real file operations PGlite makes
// (node:fs, under Emscripten's NODEFS) are recorded; after each acknowledged insert, every WAL file
// written for it must have been fsynced after its last write. Plain PGlite fails this check (it
// never fsyncs): that is the fault durablePglite fixes.
import fs, { mkdtempSync, rmSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./connect.ts";
import { sql } from "kysely";

type FileEvent = { readonly op: "write" | "fsync"; readonly path: string };

/**
 * Records writes and fsyncs on real files, by path, between `start()` and `stop()`; which path
 * each descriptor has is tracked from the call (files stay open across commits).
 */
function recordFileOperations(): { events: FileEvent[]; start(): void; stop(): void } {
  const events: FileEvent[] = [];
  let on = false;
  const paths = new Map<number, string>();
  const real = { openSync: fs.openSync, writeSync: fs.writeSync, fsyncSync: fs.fsyncSync };
  const patched = fs as { -readonly [K in keyof typeof real]: (typeof real)[K] };
  patched.openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
    const fd = (real.openSync as (path: fs.PathLike, ...rest: unknown[]) => number)(path, ...rest);
    paths.set(fd, String(path));
    return fd;
  }) as typeof fs.openSync;
  patched.writeSync = ((fd: number, ...rest: unknown[]) => {
    if (on) events.push({ op: "write", path: paths.get(fd) ?? `fd ${fd}` });
    return (real.writeSync as (fd: number, ...rest: unknown[]) => number)(fd, ...rest);
  }) as typeof fs.writeSync;
  patched.fsyncSync = (fd: number) => {
    if (on) events.push({ op: "fsync", path: paths.get(fd) ?? `fd ${fd}` });
    real.fsyncSync(fd);
  };
  // ESM named imports of node:fs see the patched functions too.
  syncBuiltinESMExports();
  return {
    events,
    start() {
      events.length = 0;
      on = true;
    },
    stop() {
      on = false;
      Object.assign(patched, real);
      syncBuiltinESMExports();
    },
  };
}

/** WAL files written in `events` and not fsynced after their last write. */
function unflushedWal(events: readonly FileEvent[]): string[] {
  const wal = `${sep}pg_wal${sep}`;
  const pending = new Set<string>();
  for (const e of events) {
    if (!e.path.includes(wal)) continue;
    if (e.op === "write") pending.add(e.path);
    else pending.delete(e.path);
  }
  return [...pending];
}

/** A new PGlite directory is an initdb: over a minute on a busy two-core machine. */
const TEST_MS = 300_000;

describe("PGlite on disk", () => {
  const dirs: string[] = [];
  let recording: ReturnType<typeof recordFileOperations> | undefined;
  afterEach(() => {
    recording?.stop();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "kaoping-durable-"));
    dirs.push(dir);
    return dir;
  };

  it(
    "flushes each commit's WAL to the disk before acknowledging it",
    async () => {
      // Patched before opening: the WAL file is opened once, and its path is known from then on.
      recording = recordFileOperations();
      const database = await openDatabase({ dataDir: newDir() });
      try {
        expect((await sql<{ fsync: string }>`show fsync`.execute(database.db)).rows).toEqual([{ fsync: "on" }]);
        for (let i = 0; i < 10; i++) {
          recording.start();
          await database.db
            .insertInto("kp_migration")
            .values({ version: 1000 + i, name: `probe ${i}` })
            .execute();
          expect(recording.events.some((e) => e.op === "write" && e.path.includes(`${sep}pg_wal${sep}`))).toBe(true);
          expect(unflushedWal(recording.events)).toEqual([]);
        }
      } finally {
        recording?.stop();
        await database.close();
      }
    },
    TEST_MS,
  );

  it(
    "(plain PGlite, for contrast, leaves acknowledged commits in the operating system's cache)",
    async () => {
      recording = recordFileOperations();
      const client = new PGlite(newDir());
      try {
        await client.exec("create table t (x int)");
        recording.start();
        await client.query("insert into t values (1)");
        expect(recording.events.some((e) => e.op === "fsync")).toBe(false);
        expect(unflushedWal(recording.events)).not.toEqual([]);
      } finally {
        recording?.stop();
        await client.close();
      }
    },
    TEST_MS,
  );
});
