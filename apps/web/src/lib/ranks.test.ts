import { describe, expect, it } from "vitest";
import { rankChanges, rankOf } from "./ranks.ts";

describe("rankOf", () => {
  it("shares ranks on equal totals and skips after them", () => {
    expect([
      ...rankOf([
        { id: 1, total: 90 },
        { id: 2, total: 95 },
        { id: 3, total: 90 },
        { id: 4, total: 80 },
      ]),
    ]).toEqual([
      [2, 1],
      [1, 2],
      [3, 2],
      [4, 4],
    ]);
  });
  it("moves a subject whose total drops below others", () => {
    const r = rankChanges(
      [
        { id: 1, total: 100 },
        { id: 2, total: 95 },
      ],
      new Map([[1, 94]]),
    );
    expect(r.before.get(1)).toBe(1);
    expect(r.after.get(1)).toBe(2);
    expect(r.after.get(2)).toBe(1);
  });
});
