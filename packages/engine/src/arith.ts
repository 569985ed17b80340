// The two arithmetics the interpreter runs on: checked doubles (fast, throw OVERFLOW past 2^52)
// and BigInt (always exact). Both hold points scaled by 10^6 and round × and ÷ the same way.

import {
  SCALE_BIG,
  addChecked,
  compareFractions,
  compareFractionsBig,
  divBig,
  divScaled,
  formatScaled,
  mulBig,
  mulScaled,
  roundScaled,
  roundScaledBig,
  scaleUp,
  subChecked,
  toPoints,
} from "./decimal.ts";
import type { RoundMode } from "./ir.ts";

export interface Arith<T> {
  /** True when scaled numbers are already values of T (no conversion needed). */
  readonly identity: boolean;
  readonly zero: T;
  fromScaled(v: bigint | number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  neg(a: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  isZero(a: T): boolean;
  compare(a: T, b: T): number;
  /** Exact sign of (n1 ÷ d1) − v, for d1 ≠ 0, all scaled. */
  compareQuotient(n1: T, d1: T, v: T): number;
  /** Exact sign of (n1 ÷ d1) − (n2 ÷ d2), for d1, d2 ≠ 0. */
  compareQuotients(n1: T, d1: T, n2: T, d2: T): number;
  toPoints(a: T): number;
  format(a: T): string;
  /** The value × 100, for showing ratios as percent points. */
  percentPoints(a: T): string;
  /** Rounded to a multiple of a scaled unit (四舍五入 and its siblings). */
  round(a: T, unit: bigint, mode: RoundMode): T;
}

export const numberArith: Arith<number> = {
  identity: true,
  zero: 0,
  fromScaled: (v) => Number(v),
  add: addChecked,
  sub: subChecked,
  neg: (a) => 0 - a,
  mul: mulScaled,
  div: divScaled,
  isZero: (a) => a === 0,
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  compareQuotient: (n1, d1, v) => compareFractions(scaleUp(n1), d1, v, 1),
  compareQuotients: (n1, d1, n2, d2) => compareFractions(scaleUp(n1), d1, scaleUp(n2), d2),
  toPoints,
  format: formatScaled,
  percentPoints: (a) => formatScaled(a * 100),
  round: (a, unit, mode) => roundScaled(a, Number(unit), mode),
};

export const bigArith: Arith<bigint> = {
  identity: false,
  zero: 0n,
  fromScaled: (v) => (typeof v === "bigint" ? v : BigInt(v)),
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  neg: (a) => -a,
  mul: mulBig,
  div: divBig,
  isZero: (a) => a === 0n,
  compare: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  compareQuotient: (n1, d1, v) => compareFractionsBig(n1 * SCALE_BIG, d1, v, 1n),
  compareQuotients: (n1, d1, n2, d2) => compareFractionsBig(n1 * SCALE_BIG, d1, n2 * SCALE_BIG, d2),
  toPoints,
  format: formatScaled,
  percentPoints: (a) => formatScaled(a * 100n),
  round: roundScaledBig,
};
