/**
 * Red, amber, green, each with one plain sentence a councillor would understand. Three models:
 * the corporate minimum/upper model, a single target with a tolerance, and a range for bell-shaped
 * measures. Lower-is-better mirrors the first two.
 */
import type { Tolerance } from "../config";
import type { Polarity } from "./polarity";
import { polarityPhrase } from "./polarity";
import type { Targets } from "./targets";
import { Unit, describeAmount, formatValue } from "../read/values";

export type Band = "green" | "amber" | "red" | "none";

export interface BandVerdict {
  band: Band;
  reason: string;
  /** The tolerance used, in the value's units, for single targets and ranges. */
  tolerance?: number;
}

// Comparisons forgive floating-point dust, never a real difference.
const EPS = 1e-9;

export interface BandInputs {
  value: number | null;
  unit: Unit;
  decimals: number;
  per?: number;
  polarity: Polarity;
  targets: Targets;
  tolerance: Tolerance;
}

/**
 * The tolerance in the value's units. A count moves in whole numbers, so its tolerance is a whole
 * number too (at least 1): "within 52 of the target", never "within 51.6".
 */
export function toleranceIn(t: Tolerance, reference: number, unit?: Unit, targetDecimals = 0): number {
  const raw = t.kind === "relative" ? Math.abs(reference) * t.amount : t.amount;
  // A score out of a whole number ("8 out of 15") moves in whole numbers too.
  const isCount =
    (unit === "number" || unit === "score") && targetDecimals === 0 && Number.isInteger(reference);
  return isCount ? Math.max(1, Math.round(raw)) : raw;
}

export function bandIndicator(i: BandInputs): BandVerdict {
  const t = i.targets;
  const fmtDecimals = (x: number): number => {
    const shown = i.unit === "percent" ? x * 100 : x;
    return Number.isInteger(Math.round(shown * 1e6) / 1e6) ? 0 : Math.max(t.decimals, 1);
  };
  const f = (x: number): string => formatValue(x, i.unit, fmtDecimals(x), i.per);
  const v = i.value;
  const why = polarityPhrase(i.polarity);
  if (t.kind === "none") {
    return {
      band: "none",
      reason: t.notNumeric
        ? `The target '${t.notNumeric.text}' is not a number, so it is not banded.`
        : "No target: not banded.",
    };
  }
  if (i.polarity === "none") return { band: "none", reason: "A measure for information: not banded." };
  if (v === null) return { band: "none", reason: "No value to compare with the target." };
  const shown = formatValue(v, i.unit, i.decimals, i.per);

  if (t.kind === "min-upper" && t.min !== undefined && t.upper !== undefined) {
    if (i.polarity === "lower") {
      const good = Math.min(t.min, t.upper);
      const floor = Math.max(t.min, t.upper);
      if (good === floor) {
        return v <= good + EPS
          ? { band: "green", reason: `${shown} is at or below the target of ${f(good)}; ${why}.` }
          : { band: "red", reason: `${shown} is above the target of ${f(good)}; ${why}.` };
      }
      if (v <= good + EPS)
        return { band: "green", reason: `${shown} is at or below the upper target of ${f(good)}; ${why}.` };
      if (v <= floor + EPS)
        return {
          band: "amber",
          reason: `${shown} is between the upper target of ${f(good)} and the minimum of ${f(floor)}; ${why}.`,
        };
      return { band: "red", reason: `${shown} is worse than the minimum of ${f(floor)}; ${why}.` };
    }
    const good = Math.max(t.min, t.upper);
    const floor = Math.min(t.min, t.upper);
    if (good === floor) {
      return v >= good - EPS
        ? { band: "green", reason: `${shown} is at or above the target of ${f(good)}; ${why}.` }
        : { band: "red", reason: `${shown} is below the target of ${f(good)}; ${why}.` };
    }
    if (v >= good - EPS)
      return { band: "green", reason: `${shown} is at or above the upper target of ${f(good)}; ${why}.` };
    if (v >= floor - EPS)
      return {
        band: "amber",
        reason: `${shown} is between the minimum of ${f(floor)} and the upper target of ${f(good)}; ${why}.`,
      };
    return { band: "red", reason: `${shown} is below the minimum of ${f(floor)}; ${why}.` };
  }

  if (t.kind === "single" && t.target !== undefined) {
    const target = t.target;
    const tol = toleranceIn(i.tolerance, target, i.unit, t.decimals);
    const tolText = describeAmount(tol, i.unit, t.decimals, i.per);
    if (i.polarity === "range") {
      const twiceText = describeAmount(2 * tol, i.unit, t.decimals, i.per);
      const off = Math.abs(v - target);
      if (off <= tol + EPS)
        return {
          band: "green",
          tolerance: tol,
          reason: `${shown} is within ${tolText} of the target of ${f(target)}; ${why}.`,
        };
      if (off <= 2 * tol + EPS)
        return {
          band: "amber",
          tolerance: tol,
          reason: `${shown} is more than ${tolText} from the target of ${f(target)} but within ${twiceText} (twice the tolerance); ${why}.`,
        };
      return {
        band: "red",
        tolerance: tol,
        reason: `${shown} is more than ${twiceText} (twice the tolerance of ${tolText}) from the target of ${f(target)}; ${why}.`,
      };
    }
    const lower = i.polarity === "lower";
    const met = lower
      ? t.strict
        ? v < target - EPS
        : v <= target + EPS
      : t.strict
        ? v > target + EPS
        : v >= target - EPS;
    const targetText = t.strict ? `${lower ? "below" : "above"} ${f(target)}` : f(target);
    if (met)
      return { band: "green", tolerance: tol, reason: `${shown} meets the target of ${targetText}; ${why}.` };
    const miss = Math.abs(v - target);
    const side = lower ? "above" : "below";
    if (miss <= tol + EPS)
      return {
        band: "amber",
        tolerance: tol,
        reason: `${shown} is ${side} the target of ${targetText}, within the tolerance of ${tolText}; ${why}.`,
      };
    return {
      band: "red",
      tolerance: tol,
      reason: `${shown} is ${side} the target of ${targetText} by more than the tolerance of ${tolText}; ${why}.`,
    };
  }

  if (t.kind === "range" && t.low !== undefined && t.high !== undefined) {
    const tol = toleranceIn(i.tolerance, (t.low + t.high) / 2, i.unit, t.decimals);
    const tolText = describeAmount(tol, i.unit, t.decimals, i.per);
    const span = `${f(t.low)} to ${f(t.high)}`;
    if (v >= t.low - EPS && v <= t.high + EPS)
      return { band: "green", tolerance: tol, reason: `${shown} is within the range ${span}.` };
    const off = v < t.low ? t.low - v : v - t.high;
    const where = v < t.low ? "below" : "above";
    if (off <= tol + EPS)
      return {
        band: "amber",
        tolerance: tol,
        reason: `${shown} is just ${where} the range ${span}, within ${tolText}.`,
      };
    return {
      band: "red",
      tolerance: tol,
      reason: `${shown} is ${where} the range ${span} by more than ${tolText}.`,
    };
  }
  return { band: "none", reason: "No usable target: not banded." };
}

/** The targets as one short phrase for tables and sentences: "Min 90% / Upper 95%", "Fewer than 85". */
export function describeTargets(t: Targets, unit: Unit, per?: number): string {
  const f = (x: number): string => {
    const shown = unit === "percent" ? x * 100 : x;
    return formatValue(
      x,
      unit,
      Number.isInteger(Math.round(shown * 1e6) / 1e6) ? 0 : Math.max(t.decimals, 1),
      per,
    );
  };
  switch (t.kind) {
    case "min-upper":
      if (t.min === undefined || t.upper === undefined) return "";
      return t.min === t.upper ? f(t.min) : `Min ${f(t.min)} / Upper ${f(t.upper)}`;
    case "single":
      if (t.target === undefined) return "";
      return t.text && /[a-z]/i.test(t.text) && !/^\d/.test(t.text) ? t.text : f(t.target);
    case "range":
      return t.low !== undefined && t.high !== undefined ? `${f(t.low)} to ${f(t.high)}` : "";
    default:
      return t.notNumeric ? t.notNumeric.text : (t.text ?? "");
  }
}
