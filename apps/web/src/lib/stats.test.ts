import { describe, expect, it } from "vitest";
import { histogram, lostPoints } from "./stats.ts";

describe("histogram", () => {
  it("puts bonus totals above 100 in their own bin and 60 in 60–70", () => {
    expect(histogram([59.9, 60, 75, 109.2, 100])).toEqual([1, 1, 1, 0, 0, 2]);
  });
});

describe("lostPoints", () => {
  it("orders items by points lost, largest first", () => {
    const out = lostPoints([
      { number: 1, title: "a", standard: 5, mean: 5 },
      { number: 2, title: "b", standard: 10, mean: 7.5 },
      { number: 3, title: "c", standard: 5, mean: 6 },
    ]);
    expect(out.map((i) => [i.number, i.lost])).toEqual([
      [2, 2.5],
      [1, 0],
      [3, -1],
    ]);
  });
});
