// PGlite with commits that survive power loss. Out of the box PGlite on Node never flushes to the
// disk: it starts PostgreSQL with fsync off (`-F`), its WASI layer makes fdatasync() a no-op, and
// Emscripten's NODEFS has no fsync at all. A commit then reaches the operating system's cache,
// which survives the process being killed but not the machine losing power. Here PostgreSQL runs
// with fsync on and `wal_sync_method=fsync` (so the WAL is flushed with fsync(), not the no-op),
// and NODEFS gets an fsync that calls the real one: a commit returns only once its WAL is on disk.
import { fsyncSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";

/** What NODEFS gives each open file: the real descriptor behind it. */
interface NodeStream {
  readonly nfd?: number;
}

/** The parts of Emscripten's NODEFS used here (its type declares none of them). */
interface NodeFsInternals {
  readonly stream_ops: { fsync?: (stream: NodeStream) => number };
  tryFSOperation(operation: () => void): void;
}

/** NodeFS whose files can be flushed: fsync() on a PGlite file is fsync() on the real one. */
class FlushingNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS["init"]>[1]) {
    const { emscriptenOpts } = await super.init(pg, opts);
    const flush = (mod: { NODEFS: unknown }) => {
      const nodefs = mod.NODEFS as NodeFsInternals;
      nodefs.stream_ops.fsync = (stream) => {
        const fd = stream.nfd;
        // tryFSOperation turns a failure into an errno that PostgreSQL sees (and stops on, as it
        // must when a flush fails), instead of a JavaScript exception inside WebAssembly.
        if (fd !== undefined) nodefs.tryFSOperation(() => fsyncSync(fd));
        return 0;
      };
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), flush] } };
  }
}

/** PGlite's own start parameters with fsync left on, and the WAL flushed by fsync(). */
const DURABLE_START_PARAMS = [...PGlite.defaultStartParams.filter((p) => p !== "-F"), "-c", "wal_sync_method=fsync"];

/** A PGlite on `dir` whose acknowledged commits are on disk. */
export function durablePglite(dir: string): PGlite {
  return new PGlite({ fs: new FlushingNodeFS(dir), startParams: DURABLE_START_PARAMS });
}
