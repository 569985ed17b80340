// Every migration in order. A static list (not a directory scan) so that bundlers and tsx see
// the same files; the version is the number in the file name.
import type { Kysely } from "kysely";
import * as m0001 from "./0001-initial.ts";
import * as m0002 from "./0002-report-indexes.ts";
import * as m0003 from "./0003-evidence-history-index.ts";
import * as m0004 from "./0004-accountability.ts";

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Kysely<unknown>) => Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, ...m0001 },
  { version: 2, ...m0002 },
  { version: 3, ...m0003 },
  { version: 4, ...m0004 },
];
