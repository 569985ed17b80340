import { describe, expect, it } from "vitest";
import type { SeedOutcome } from "./seed.ts";
import { firstStartBlock, listeningMessage } from "./start-message.ts";

const URL = "http://localhost:3000/";
const generated: SeedOutcome = {
  seeded: true,
  accounts: [
    { username: "admin", displayName: "管理员", role: "admin", password: "AAAAAAAAAAAAAAAA" },
    { username: "policy", displayName: "规则编制员（演示）", role: "policy", password: "PPPPPPPPPPPPPPPP" },
    { username: "assessor", displayName: "评分员（演示）", role: "assessor", password: "SSSSSSSSSSSSSSSS" },
    { username: "reviewer", displayName: "审核员（演示）", role: "reviewer", password: "RRRRRRRRRRRRRRRR" },
    { username: "viewer", displayName: "查看者（演示）", role: "viewer", password: "VVVVVVVVVVVVVVVV" },
  ],
};

describe("start-up message", () => {
  it("says where to go and how to sign in", () => {
    expect(listeningMessage(URL, generated, true)).toBe(
      "Kaoping is listening: open http://localhost:3000/ and sign in with one of the accounts printed below",
    );
    expect(listeningMessage(URL, { seeded: false, accounts: [] }, true)).toMatch(
      /^Kaoping is listening: open http:\/\/localhost:3000\/ and sign in with your account \(the first start printed/,
    );
    expect(listeningMessage(URL, { seeded: false, accounts: [] }, false)).toMatch(
      /no users to sign in with: start once without KAOPING_SEED=0/,
    );
  });

  it("lists every first-start account with its generated password, in columns, once", () => {
    const block = firstStartBlock(URL, generated);
    expect(block).toContain("Kaoping 考评 is running at http://localhost:3000/");
    const lines = block.split("\n");
    const rows = lines.filter((l) => /^ {4}(admin|policy|assessor|reviewer|viewer) /.test(l));
    expect(rows.map((r) => r.trim().split(/\s+/).slice(0, 2))).toEqual(
      generated.accounts.map((a) => [a.username, a.password]),
    );
    // The password column starts at the same place on every row.
    expect(new Set(rows.map((r, i) => r.indexOf(generated.accounts[i]!.password!))).size).toBe(1);
    expect(block).toMatch(/reviewer +RRRRRRRRRRRRRRRR +approves or returns submitted assessments +审核/);
    expect(block).toContain("shown only this once");
  });

  it("names the variable a configured password came from instead of printing it", () => {
    const configured: SeedOutcome = {
      seeded: true,
      accounts: generated.accounts.map(({ password: _password, ...rest }) => rest),
    };
    const block = firstStartBlock(URL, configured);
    expect(block).toMatch(/admin +\(KAOPING_ADMIN_PASSWORD\)/);
    expect(block).toMatch(/viewer +\(KAOPING_DEMO_PASSWORD\)/);
    expect(block).not.toContain("AAAA");
    expect(block).not.toContain("shown only this once");
  });
});
