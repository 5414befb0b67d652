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

/** What every model's sentences need: the value as shown, a target formatter, the polarity's phrase. */
interface Said {
  i: BandInputs;
  v: number;
  shown: string;
  why: string;
  f: (x: number) => string;
}

/** The corporate minimum/upper model, mirrored where lower is better (Min above Upper). */
function bandMinUpper(x: Said, min: number, upper: number): BandVerdict {
  const { v, shown, why, f } = x;
  const lower = x.i.polarity === "lower";
  const good = lower ? Math.min(min, upper) : Math.max(min, upper);
  const floor = lower ? Math.max(min, upper) : Math.min(min, upper);
  const better = (a: number, b: number): boolean => (lower ? a <= b + EPS : a >= b - EPS);
  const side = lower ? "below" : "above";
  if (good === floor)
    return better(v, good)
      ? { band: "green", reason: `${shown} is at or ${side} the target of ${f(good)}; ${why}.` }
      : { band: "red", reason: `${shown} is ${lower ? "above" : "below"} the target of ${f(good)}; ${why}.` };
  if (better(v, good))
    return { band: "green", reason: `${shown} is at or ${side} the upper target of ${f(good)}; ${why}.` };
  if (better(v, floor)) {
    const between = lower
      ? `between the upper target of ${f(good)} and the minimum of ${f(floor)}`
      : `between the minimum of ${f(floor)} and the upper target of ${f(good)}`;
    return { band: "amber", reason: `${shown} is ${between}; ${why}.` };
  }
  const short = lower ? "worse than" : "below";
  return { band: "red", reason: `${shown} is ${short} the minimum of ${f(floor)}; ${why}.` };
}

/** A single target for a measure best within a range: green within the tolerance, amber within twice it. */
function bandAround(x: Said, target: number, tol: number, tolText: string): BandVerdict {
  const { v, shown, why, f, i } = x;
  const twiceText = describeAmount(2 * tol, i.unit, i.targets.decimals, i.per);
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

/** A single target with a tolerance: green where met, amber where missed within the tolerance. */
function bandSingle(x: Said, target: number): BandVerdict {
  const { v, shown, why, f, i } = x;
  const t = i.targets;
  const tol = toleranceIn(i.tolerance, target, i.unit, t.decimals);
  const tolText = describeAmount(tol, i.unit, t.decimals, i.per);
  if (i.polarity === "range") return bandAround(x, target, tol, tolText);
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
  const side = lower ? "above" : "below";
  if (Math.abs(v - target) <= tol + EPS)
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

/** A range for a bell-shaped measure: green inside it, amber just outside. */
function bandRange(x: Said, low: number, high: number): BandVerdict {
  const { v, shown, f, i } = x;
  const tol = toleranceIn(i.tolerance, (low + high) / 2, i.unit, i.targets.decimals);
  const tolText = describeAmount(tol, i.unit, i.targets.decimals, i.per);
  const span = `${f(low)} to ${f(high)}`;
  if (v >= low - EPS && v <= high + EPS)
    return { band: "green", tolerance: tol, reason: `${shown} is within the range ${span}.` };
  const off = v < low ? low - v : v - high;
  const where = v < low ? "below" : "above";
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

export function bandIndicator(i: BandInputs): BandVerdict {
  const t = i.targets;
  if (t.kind === "none") {
    const reason = t.notNumeric
      ? `The target '${t.notNumeric.text}' is not a number, so it is not banded.`
      : "No target: not banded.";
    return { band: "none", reason };
  }
  if (i.polarity === "none") return { band: "none", reason: "A measure for information: not banded." };
  if (i.value === null) return { band: "none", reason: "No value to compare with the target." };
  const fmtDecimals = (x: number): number => {
    const shown = i.unit === "percent" ? x * 100 : x;
    return Number.isInteger(Math.round(shown * 1e6) / 1e6) ? 0 : Math.max(t.decimals, 1);
  };
  const said: Said = {
    i,
    v: i.value,
    shown: formatValue(i.value, i.unit, i.decimals, i.per),
    why: polarityPhrase(i.polarity),
    f: (x) => formatValue(x, i.unit, fmtDecimals(x), i.per),
  };
  if (t.kind === "min-upper" && t.min !== undefined && t.upper !== undefined)
    return bandMinUpper(said, t.min, t.upper);
  if (t.kind === "single" && t.target !== undefined) return bandSingle(said, t.target);
  if (t.kind === "range" && t.low !== undefined && t.high !== undefined)
    return bandRange(said, t.low, t.high);
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

/** The pipeline's band step: the value against its targets, read through its polarity. */
export function bandOf(
  m: { value: number | null; unit: Unit; decimals: number; per?: number },
  polarity: Polarity,
  targets: Targets,
  tolerance: Tolerance,
): BandVerdict {
  return bandIndicator({
    value: m.value,
    unit: m.unit,
    decimals: m.decimals,
    per: m.per,
    polarity,
    targets,
    tolerance,
  });
}
