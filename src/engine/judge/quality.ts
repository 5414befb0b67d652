/**
 * Data-quality flags: what a careful analyst would check before the paper goes out. Each flag names the
 * cell to look at and says why in a sentence.
 */
import type { CellRef } from "../grid";
import { describeRef } from "../grid";
import { Unit, formatValue } from "../read/values";

export const FLAG_CODES = [
  "provisional",
  "data-quality-note",
  "numerator-denominator-mismatch",
  "current-differs-from-latest-period",
  "missing-period",
  "missing-value",
  "invalid-value",
  "value-out-of-range",
  "target-not-numeric",
  "duplicate-ref",
  "small-denominator",
  "polarity-assumed",
  "unusual-jump",
] as const;

export type FlagCode = (typeof FLAG_CODES)[number];

/** Checks for the analyst alone; every other flag is a data-quality caveat the committee sees. */
export const ANALYST_CHECKS: FlagCode[] = ["target-not-numeric", "duplicate-ref", "polarity-assumed"];

export const CAVEAT_CODES: FlagCode[] = FLAG_CODES.filter((c) => !ANALYST_CHECKS.includes(c));

export interface Flag {
  code: FlagCode;
  message: string;
  /** The cell a person should look at. */
  cell?: CellRef;
}

export const FLAG_TITLES: Record<FlagCode, string> = {
  provisional: "Provisional",
  "data-quality-note": "Data quality concern",
  "numerator-denominator-mismatch": "Num/Denom mismatch",
  "current-differs-from-latest-period": "Current ≠ latest period",
  "missing-period": "Missing period",
  "missing-value": "No current value",
  "invalid-value": "Unreadable value",
  "value-out-of-range": "Impossible value",
  "target-not-numeric": "Target not a number",
  "duplicate-ref": "Duplicate reference",
  "small-denominator": "Small numbers",
  "polarity-assumed": "Polarity assumed",
  "unusual-jump": "Unusual jump",
};

export function flag(code: FlagCode, message: string, cell?: CellRef): Flag {
  return { code, message: cell ? `${message} (${describeRef(cell)})` : message, cell };
}

const NO_CONCERNS =
  /^(no (concerns?|issues?|known issues?|problems?)|none|ok|good|fine|validated|n\/?a|-|robust|reliable|green)\b/i;

/** A data-quality note that reports a concern; "No concerns with data" is not one. */
export function isConcern(note: string): boolean {
  const s = note.trim();
  return s !== "" && !NO_CONCERNS.test(s);
}

/** Half a unit of the last displayed decimal, in the value's own scale. */
export function roundingTolerance(unit: Unit, decimals: number): number {
  const half = 0.5 * 10 ** -decimals;
  return (unit === "percent" ? half / 100 : half) + 1e-9;
}

// Reused between calls: a median per indicator should not cost an allocation per indicator.
const scratch: number[] = [];

function medianAbsStep(values: number[]): number {
  const n = values.length - 1;
  scratch.length = 0;
  for (let i = 1; i <= n; i++) {
    const d = Math.abs(values[i] - values[i - 1]);
    let j = scratch.length;
    while (j > 0 && scratch[j - 1] > d) {
      scratch[j] = scratch[j - 1];
      j--;
    }
    scratch[j] = d;
  }
  return scratch[Math.floor((n - 1) / 2)];
}

/**
 * Period-to-period changes far larger than the series' usual movement. Robust to a flat series: a
 * change must also pass a floor (5 percentage points, or 20% of the earlier value). Returns the
 * positions in `values` at which such a jump lands.
 */
export function unusualJumps(values: number[], unit: Unit): number[] {
  if (values.length < 4) return [];
  const median = medianAbsStep(values);
  const out: number[] = [];
  for (let i = 1; i < values.length; i++) {
    const d = Math.abs(values[i] - values[i - 1]);
    const prev = values[i - 1];
    const floor = unit === "percent" ? 0.05 : Math.max(Math.abs(prev) * 0.2, 1e-9);
    if (d >= floor && d > 5 * median) out.push(i);
  }
  return out;
}

export function describeJump(
  j: { from: number; to: number; label: string; previousLabel: string },
  unit: Unit,
  decimals: number,
  per?: number,
): string {
  return `Unusual jump from ${formatValue(j.from, unit, decimals, per)} in ${j.previousLabel} to ${formatValue(j.to, unit, decimals, per)} in ${j.label}: check the data before reading it as a trend`;
}
