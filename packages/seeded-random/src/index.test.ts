import { describe, expect, it } from "vitest";
import { mulberry32 } from "./index.ts";

describe("mulberry32", () => {
  it("draws uniformly enough, always in [0, 1)", () => {
    const rand = mulberry32(1);
    let sum = 0;
    let outside = 0;
    for (let i = 0; i < 10000; i++) {
      const x = rand();
      if (!(x >= 0 && x < 1)) outside++;
      sum += x;
    }
    expect(outside).toBe(0);
    expect(Math.abs(sum / 10000 - 0.5)).toBeLessThan(0.02);
  });

  it("gives the same numbers for the same seed, other numbers for another", () => {
    const a = mulberry32(2026);
    const b = mulberry32(2026);
    const c = mulberry32(2027);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
  });
});
