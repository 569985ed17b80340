// Exact decimal arithmetic for points, as fixed-point integers scaled by 10^6.
//
// Why fixed point: every value a rubric or a fact can hold has at most six decimals (the input
// schema and the compiler enforce it), so + and − on scaled integers are exact, and the hot path
// stays on plain JS numbers. × and ÷ can produce more decimals; they round to six decimals, half
// away from zero (四舍五入), which is the only rounding anywhere. A comparison whose side is a
// quotient is decided exactly by cross-multiplying (see `compareFractions`), so a threshold such as
// `已签数 / 应签数 >= 60%` never flips on a rounding.
//
// Number ops are exact only while every intermediate stays below LIMIT; past it they throw
// OVERFLOW and the caller re-runs the same rubric on the BigInt ops, which are always exact.

import type { RoundMode } from "./ir.ts";

/** Decimal places kept. */
export const SCALE_DIGITS = 6;
/** 10^SCALE_DIGITS: the scaled value of 1. */
export const SCALE = 1_000_000;
export const SCALE_BIG = 1_000_000n;
/** The largest number a literal or a fact may hold: keeps every sum of facts exact in a double. */
export const MAX_VALUE = 1_000_000_000n;
/** Intermediates stay within ±2^52 so that products and remainders are exact doubles. */
export const LIMIT = 2 ** 52;

/** Thrown (never escapes the engine) when a number op would leave the exact range. */
export const OVERFLOW: unique symbol = Symbol("kaoping.overflow");

/** Round-to-nearest division of two exact integers, halves away from zero. */
export function roundDiv(p: number, d: number): number {
  const negative = p < 0 !== d < 0;
  const a = Math.abs(p);
  const b = Math.abs(d);
  let q = Math.floor(a / b);
  let r = a - q * b;
  // The float quotient can be one off near an integer; the remainder is exact, so fix it up.
  if (r < 0) {
    q -= 1;
    r += b;
  } else if (r >= b) {
    q += 1;
    r -= b;
  }
  if (2 * r >= b) q += 1;
  return negative ? 0 - q : q;
}

function roundDivBig(p: bigint, d: bigint): bigint {
  const negative = p < 0n !== d < 0n;
  const a = p < 0n ? -p : p;
  const b = d < 0n ? -d : d;
  let q = a / b;
  const r = a - q * b;
  if (2n * r >= b) q += 1n;
  return negative ? -q : q;
}

/** A scaled value rounded to a multiple of `unit` (a power of ten), on exact integers. */
export function roundScaled(v: number, unit: number, mode: RoundMode): number {
  if (unit === 1) return v;
  let q = Math.floor(v / unit);
  let r = v - q * unit;
  // As in roundDiv: the float quotient can be one off; the remainder is exact.
  if (r < 0) {
    q -= 1;
    r += unit;
  } else if (r >= unit) {
    q += 1;
    r -= unit;
  }
  return roundedQuotient(q, r > 0, 2 * r - unit, v < 0, mode) * unit;
}

export function roundScaledBig(v: bigint, unit: bigint, mode: RoundMode): bigint {
  if (unit === 1n) return v;
  let q = v / unit;
  let r = v - q * unit;
  if (r < 0n) {
    q -= 1n;
    r += unit;
  }
  const half = 2n * r - unit;
  return BigInt(roundedQuotient(0, r > 0n, half > 0n ? 1 : half < 0n ? -1 : 0, v < 0n, mode)) * unit + q * unit;
}

/**
 * The rounded quotient from the floored one `q`: `rest` when a remainder is left, `half` its
 * sign against half a unit, `negative` the value's sign (a half rounds away from zero).
 */
function roundedQuotient(q: number, rest: boolean, half: number, negative: boolean, mode: RoundMode): number {
  if (!rest || mode === "down") return q;
  if (mode === "up") return q + 1;
  return half > 0 || (half === 0 && !negative) ? q + 1 : q;
}

function checked(x: number): number {
  if (x > LIMIT || x < -LIMIT) throw OVERFLOW;
  return x;
}

/** a + b on scaled numbers, checked. */
export function addChecked(a: number, b: number): number {
  return checked(a + b);
}

export function subChecked(a: number, b: number): number {
  return checked(a - b);
}

/** a × b on scaled numbers, rounded to six decimals. */
export function mulScaled(a: number, b: number): number {
  const p = a * b;
  if (p > LIMIT || p < -LIMIT) throw OVERFLOW;
  // A whole quotient means p is a multiple of SCALE: below 2^52 / SCALE < 2^33 doubles are spaced
  // at most 2^-20 apart, closer than the 10^-6 a remainder would leave. (A division, not `%`:
  // V8 does % of large doubles with a call to fmod, several times slower.)
  const q = p / SCALE;
  if (Math.floor(q) === q) return q + 0;
  return roundDiv(p, SCALE);
}

/** x × SCALE, checked: the numerator of a quotient compared exactly. */
export function scaleUp(x: number): number {
  return checked(x * SCALE);
}

/** a ÷ b on scaled numbers, rounded to six decimals; ÷ 0 is 0 (the checker demands a guard). */
export function divScaled(a: number, b: number): number {
  if (b === 0) return 0;
  const p = a * SCALE;
  if (p > LIMIT || p < -LIMIT) throw OVERFLOW;
  return roundDiv(p, b);
}

export function mulBig(a: bigint, b: bigint): bigint {
  return roundDivBig(a * b, SCALE_BIG);
}

export function divBig(a: bigint, b: bigint): bigint {
  if (b === 0n) return 0n;
  return roundDivBig(a * SCALE_BIG, b);
}

/**
 * Sign of n1/d1 − n2/d2 for integers with d1, d2 ≠ 0: an exact comparison of two fractions.
 * A plain scaled value x is the fraction x/1; a quotient a ÷ b is (a × SCALE)/b.
 */
export function compareFractions(n1: number, d1: number, n2: number, d2: number): number {
  let a = n1;
  let b = d1;
  let c = n2;
  let d = d2;
  if (b < 0) {
    a = -a;
    b = -b;
  }
  if (d < 0) {
    c = -c;
    d = -d;
  }
  const left = a * d;
  const right = c * b;
  if (left > LIMIT || left < -LIMIT || right > LIMIT || right < -LIMIT) throw OVERFLOW;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function compareFractionsBig(n1: bigint, d1: bigint, n2: bigint, d2: bigint): number {
  let a = n1;
  let b = d1;
  let c = n2;
  let d = d2;
  if (b < 0n) {
    a = -a;
    b = -b;
  }
  if (d < 0n) {
    c = -c;
    d = -d;
  }
  const left = a * d;
  const right = c * b;
  return left < right ? -1 : left > right ? 1 : 0;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * "2500" → "25". A loop, not /0+$/: that pattern retries from every 0 of a long run that does not
 * end the text, quadratic in a rubric's 40,000-digit literal (5.6 s).
 */
function withoutTrailingZeros(digits: string): string {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return digits.slice(0, end);
}

/**
 * Parses an unsigned decimal text ("3.2", "0.000001") into a scaled BigInt, or null when it is not
 * a plain decimal or has more than six decimals (such a number cannot be held exactly).
 */
export function parseDecimal(text: string): bigint | null {
  const m = DECIMAL.exec(text);
  if (m === null) return null;
  const whole = m[1] ?? "0";
  const fraction = m[2] ?? "";
  const trimmed = withoutTrailingZeros(fraction);
  if (trimmed.length > SCALE_DIGITS) return null;
  return BigInt(whole) * SCALE_BIG + BigInt(trimmed.padEnd(SCALE_DIGITS, "0") || "0");
}

/**
 * The exact scaled value of a JS number as a person wrote it: its shortest round-trip decimal
 * (String(0.3) is "0.3"), so 0.3 is exactly 300000. Null when that decimal has more than six
 * decimals, or the number is not finite.
 */
export function scaledFromNumber(v: number): bigint | null {
  if (!Number.isFinite(v)) return null;
  const negative = v < 0;
  const text = String(Math.abs(v));
  let digits: string;
  let exponent = 0;
  const e = text.indexOf("e");
  if (e >= 0) {
    digits = text.slice(0, e);
    exponent = Number(text.slice(e + 1));
  } else {
    digits = text;
  }
  const dot = digits.indexOf(".");
  const intPart = dot >= 0 ? digits.slice(0, dot) : digits;
  const fracPart = dot >= 0 ? digits.slice(dot + 1) : "";
  // value = (intPart fracPart) × 10^(exponent − fracPart.length)
  const mantissa = BigInt(intPart + fracPart);
  const shift = exponent - fracPart.length + SCALE_DIGITS;
  let scaled: bigint;
  if (shift >= 0) {
    scaled = mantissa * 10n ** BigInt(shift);
  } else {
    const div = 10n ** BigInt(-shift);
    if (mantissa % div !== 0n) return null;
    scaled = mantissa / div;
  }
  return negative ? -scaled : scaled;
}

/** Formats a scaled value as its exact decimal text: 3200000 → "3.2", -500000 → "-0.5". */
export function formatScaled(x: number | bigint): string {
  if (typeof x === "number" && x < 1e15 && x > -1e15) {
    // Correctly rounded division gives the double nearest the decimal, and up to 15 significant
    // digits String() prints that decimal back.
    return String(x / SCALE + 0);
  }
  const big = typeof x === "bigint" ? x : BigInt(x);
  const negative = big < 0n;
  const abs = negative ? -big : big;
  const whole = abs / SCALE_BIG;
  const digits = (abs % SCALE_BIG).toString().padStart(SCALE_DIGITS, "0");
  const fraction = withoutTrailingZeros(digits);
  const text = fraction === "" ? whole.toString() : `${whole}.${fraction}`;
  return negative && text !== "0" ? `-${text}` : text;
}

/** A scaled value as the JS number that prints as its decimal (3200000 → 3.2). */
export function toPoints(x: number | bigint): number {
  if (typeof x === "number") return x / SCALE + 0;
  if (x < 1_000_000_000_000_000n && x > -1_000_000_000_000_000n) return Number(x) / SCALE + 0;
  return Number(formatScaled(x));
}
