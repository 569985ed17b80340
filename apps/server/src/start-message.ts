// What the server tells the person who started it: the URL to open and how to sign in, in the
// start log line, and on first start the accounts it made, once, as a plain block (not a JSON log
// field: log files are kept and shipped, and these passwords are shown only this one time).
import type { Role } from "@kaoping/db";
import type { SeedOutcome } from "./seed.ts";

const ROLE_CAN: Readonly<Record<Role, readonly [english: string, chinese: string]>> = {
  admin: ["everything, and users, API tokens, audit log", "管理员"],
  policy: ["edits, tests and publishes rubrics", "规则编制"],
  assessor: ["fills in assessments and submits them", "评分"],
  reviewer: ["approves or returns submitted assessments", "审核"],
  viewer: ["reads assessments, rubrics and reports only", "查看"],
};
const CAN_WIDTH = Math.max(...Object.values(ROLE_CAN).map(([english]) => english.length));

/** The start log line: where to go and how to sign in. */
export function listeningMessage(url: string, seeded: SeedOutcome, hasUsers: boolean): string {
  const open = `Kaoping is listening: open ${url}`;
  if (seeded.seeded) return `${open} and sign in with one of the accounts printed below`;
  if (hasUsers)
    return `${open} and sign in with your account (the first start printed the admin's and the demo users' passwords)`;
  return `${open}, but the database has no users to sign in with: start once without KAOPING_SEED=0 to create the admin`;
}

/** The first-start block: every account the seed made, with its password or where it came from. */
export function firstStartBlock(url: string, seeded: SeedOutcome): string {
  const rows = seeded.accounts.map((account) => {
    const from = account.role === "admin" ? "KAOPING_ADMIN_PASSWORD" : "KAOPING_DEMO_PASSWORD";
    const [english, chinese] = ROLE_CAN[account.role];
    return [account.username, account.password ?? `(${from})`, `${english.padEnd(CAN_WIDTH)}  ${chinese}`] as const;
  });
  const width = (column: 0 | 1) => Math.max(...rows.map((row) => row[column].length), column === 0 ? 4 : 8);
  const line = (cells: readonly [string, string, string]) =>
    `    ${cells[0].padEnd(width(0))}  ${cells[1].padEnd(width(1))}  ${cells[2]}`.trimEnd();
  const generated = seeded.accounts.some((account) => account.password !== undefined);
  return [
    "",
    `  Kaoping 考评 is running at ${url}`,
    "",
    "  First start: demo data was loaded and these accounts were made. Sign in as any of them:",
    "",
    line(["user", "password", "may"]),
    ...rows.map(line),
    "",
    generated
      ? "  Generated passwords are shown only this once. To choose them, set KAOPING_ADMIN_PASSWORD and\n  KAOPING_DEMO_PASSWORD before the first start (KAOPING_SEED=0 starts with no demo data)."
      : "  Passwords as set in KAOPING_ADMIN_PASSWORD and KAOPING_DEMO_PASSWORD.",
    "",
    "",
  ].join("\n");
}
