import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  LIMIT,
  OVERFLOW,
  compareFractions,
  divBig,
  divScaled,
  formatScaled,
  mulBig,
  mulScaled,
  parseDecimal,
  roundDiv,
  roundScaled,
  roundScaledBig,
  scaledFromNumber,
  toPoints,
} from "./decimal.ts";

describe("fixed-point decimals", () => {
  it("adds 3.2 + 2.5 + 0.1 exactly", () => {
    const sum = Number(parseDecimal("3.2")) + Number(parseDecimal("2.5")) + Number(parseDecimal("0.1"));
    expect(toPoints(sum)).toBe(5.8);
    expect(String(toPoints(sum))).toBe("5.8");
    expect(toPoints(Number(parseDecimal("0.1")) + Number(parseDecimal("0.2")))).toBe(0.3);
  });

  it("parses decimals up to six places and refuses more", () => {
    expect(parseDecimal("109.2")).toBe(109_200_000n);
    expect(parseDecimal("0.000001")).toBe(1n);
    expect(parseDecimal("1.2300000")).toBe(1_230_000n);
    expect(parseDecimal("0.0000001")).toBeNull();
    expect(parseDecimal("1e3")).toBeNull();
    expect(parseDecimal("-1")).toBeNull();
  });

  it("reads a JS number as the decimal a person wrote", () => {
    expect(scaledFromNumber(0.3)).toBe(300_000n);
    expect(scaledFromNumber(97.9)).toBe(97_900_000n);
    expect(scaledFromNumber(1e-6)).toBe(1n);
    expect(scaledFromNumber(1e-7)).toBeNull();
    expect(scaledFromNumber(1e21)).toBe(10n ** 27n);
    expect(scaledFromNumber(-0)).toBe(0n);
    expect(scaledFromNumber(Number.NaN)).toBeNull();
    expect(scaledFromNumber(Infinity)).toBeNull();
  });

  it("formats exactly, large values included", () => {
    expect(formatScaled(3_200_000)).toBe("3.2");
    expect(formatScaled(-500_000)).toBe("-0.5");
    expect(formatScaled(0)).toBe("0");
    expect(formatScaled(-0)).toBe("0");
    expect(formatScaled(123_456_789_123_456_789n)).toBe("123456789123.456789");
    expect(formatScaled(-1n)).toBe("-0.000001");
  });

  it("rounds × and ÷ to six decimals, halves away from zero", () => {
    expect(roundDiv(5, 2)).toBe(3);
    expect(roundDiv(-5, 2)).toBe(-3);
    expect(roundDiv(4, 3)).toBe(1);
    expect(Object.is(roundDiv(-1, 3), 0)).toBe(true);
    // 2 ÷ 3 = 0.666667; 1 ÷ 3 = 0.333333
    expect(divScaled(2_000_000, 3_000_000)).toBe(666_667);
    expect(divScaled(1_000_000, 3_000_000)).toBe(333_333);
    expect(divBig(2_000_000n, 3_000_000n)).toBe(666_667n);
    // 0.000001 × 0.5 = 0.0000005 → 0.000001
    expect(mulScaled(1, 500_000)).toBe(1);
    expect(mulBig(1n, 500_000n)).toBe(1n);
    expect(mulScaled(-1, 500_000)).toBe(-1);
    expect(mulScaled(600_000, 40_000_000)).toBe(24_000_000);
    expect(divScaled(5, 0)).toBe(0);
  });

  it("× agrees with BigInt up to the exact limit, one millionth off a whole quotient included", () => {
    // mulScaled takes a whole p / SCALE for a multiple of SCALE; the products here sit one unit
    // either side of multiples, where a float quotient could round onto a whole number.
    const cases: [number, number][] = [];
    for (const p of [LIMIT, LIMIT - 1, 2 ** 51 + 3, 4_503_599_627_000_000, 999_999_999_999_999]) {
      for (const d of [-1, 0, 1]) cases.push([p + d, 1]);
    }
    cases.push([4_503_599, 1_000_000_001], [-4_503_599, 1_000_000_001], [3_000_001, 1_499_999_999], [999_999, 999_999]);
    for (const [a, b] of cases) {
      if (Math.abs(a * b) > LIMIT) continue;
      expect(mulScaled(a, b), `${a} × ${b}`).toBe(Number(mulBig(BigInt(a), BigInt(b))));
    }
  });

  it("throws OVERFLOW instead of losing digits", () => {
    expect(() => mulScaled(LIMIT, 2_000_000)).toThrow();
    try {
      mulScaled(1e15, 1e15);
    } catch (e) {
      expect(e).toBe(OVERFLOW);
    }
    expect(() => divScaled(1e12, 3)).toThrow();
  });

  it("compares fractions exactly", () => {
    // 5999995/10000000 < 0.6 although it rounds to 0.600000
    expect(compareFractions(5_999_995 * 1_000_000, 10_000_000, 600_000, 1)).toBe(-1);
    expect(compareFractions(3, -4, -3, 4)).toBe(0);
    expect(compareFractions(1, 3, 1, 4)).toBe(1);
  });

  it("reads and prints long digit runs in linear time (a /0+$/ trim once took 5.6 s on 40,000 digits)", () => {
    const long = `0.${"0".repeat(200_000)}1`;
    const start = performance.now();
    expect(parseDecimal(long)).toBeNull();
    expect(parseDecimal(`1.${"0".repeat(200_000)}`)).toBe(1_000_000n);
    expect(formatScaled(1_500_000)).toBe("1.5");
    // Generous (shared machines): linear work is a few ms, the quadratic trim was minutes.
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe("roundScaled", () => {
  const modes = ["half", "down", "up"] as const;
  it("agrees with the BigInt rounding and with a reference on exact integers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 50), max: 2 ** 50 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom(...modes),
        (v, digits, mode) => {
          const unit = 10 ** (6 - digits);
          const r = roundScaled(v, unit, mode);
          expect(BigInt(r)).toBe(roundScaledBig(BigInt(v), BigInt(unit), mode));
          // The reference: the nearest multiples below and above, picked by the mode.
          const below = BigInt(v) - (((BigInt(v) % BigInt(unit)) + BigInt(unit)) % BigInt(unit));
          const above = below === BigInt(v) ? below : below + BigInt(unit);
          const twice = 2n * (BigInt(v) - below);
          const half = twice > BigInt(unit) || (twice === BigInt(unit) && v >= 0) ? above : below;
          expect(BigInt(r)).toBe(mode === "down" ? below : mode === "up" ? above : half);
        },
      ),
    );
  });
});
