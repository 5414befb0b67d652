/**
 * Statistical process control as NHS England's "Making Data Count" reads it, following the defaults of
 * its reference implementation, the NHS-R Community's NHSRplotthedots (R/ptd_spc_standard.R,
 * R/ptd_calculate_point_type.R, R/ptd_calculate_assurance_type.R): an XmR chart with limits at the mean
 * ± 2.66 × the mean moving range; special cause where a point is outside the limits, part of a run of 7
 * rising or falling, part of 2 in 3 beyond two sigma on one side, or part of a run of 7 on one side of
 * the mean, in that order of precedence; assurance from where the target sits against the limits.
 *
 * One deliberate difference, as in the MDC Excel tools: moving ranges are not screened for outliers.
 */
import type { Polarity } from "./polarity";
import type { Targets } from "./targets";

export type Variation =
  | "common-cause"
  | "special-cause-improvement"
  | "special-cause-concern"
  | "special-cause-neutral-high"
  | "special-cause-neutral-low";
export type Assurance = "pass" | "fail" | "inconsistent";
export type SpcRule = "outside-limits" | "trend" | "two-in-three" | "shift";

export interface SpcSettings {
  /** Fewer points than this and no SPC is read: the limits would be too unsteady. */
  minPoints: number;
  /** Fix the mean and limits on the first N points (NHSRplotthedots' fix_after_n_points); null: all. */
  baseline: number | null;
  /** Points in a run that rises (or falls) every time. */
  trendLength: number;
  /** Points in a run on one side of the mean. */
  shiftLength: number;
}

export const DEFAULT_SPC: SpcSettings = Object.freeze({
  minPoints: 12,
  baseline: null,
  trendLength: 7,
  shiftLength: 7,
}) as SpcSettings;

/** NHSRplotthedots' constants: 3 sigma is 2.66 mean moving ranges, 2 sigma two thirds of that. */
export const LIMIT = 2.66;
export const NEAR_LIMIT = (2 * LIMIT) / 3;

/** Per-point rule codes, in order of precedence: 0 none, then outside-limits, trend, two-in-three, shift. */
export const RULES: readonly (SpcRule | null)[] = [null, "outside-limits", "trend", "two-in-three", "shift"];

/** The centre line and limits of an XmR chart. */
interface Limits {
  mean: number;
  /** Mean moving range of the points the limits are fixed on. */
  movingRange: number;
  lower: number;
  upper: number;
  /** Two sigma: beyond these (and inside the limits) a point is "close to the limits". */
  nearLower: number;
  nearUpper: number;
  /** Points the mean and limits were computed from. */
  fixedOn: number;
}

/** The XmR chart of one series: its centre, limits, and every point's special cause. */
export interface Xmr extends Limits {
  values: readonly number[];
  /** Index into RULES for each point. */
  rule: Uint8Array;
  /** +1 where the special cause is high (above, or increasing), -1 where low, 0 for common cause. */
  side: Int8Array;
}

function sign(x: number): -1 | 0 | 1 {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/**
 * +1 where a run of `length` points each above the one before ends, -1 where a falling run ends; a tie
 * breaks the run (NHSRplotthedots' ptd_seven_point_trend). Fills `out` for the first `n` points.
 */
export function trendEnds(
  values: ArrayLike<number>,
  length: number,
  n = values.length,
  out = new Int8Array(n),
): Int8Array {
  let rising = 0;
  let falling = 0;
  for (let i = 0; i < n; i++) {
    const d = i > 0 ? sign(values[i] - values[i - 1]) : 0;
    rising = d > 0 ? rising + 1 : 0;
    falling = d < 0 ? falling + 1 : 0;
    out[i] = rising >= length - 1 ? 1 : falling >= length - 1 ? -1 : 0;
  }
  return out;
}

/**
 * ±1 where a run of `length` points on the same side of the mean ends; a point on the mean (0) breaks
 * it (ptd_seven_point_one_side_mean). `side` holds each point's sign against the mean.
 */
export function shiftEnds(
  side: ArrayLike<number>,
  length: number,
  n = side.length,
  out = new Int8Array(n),
): Int8Array {
  let run = 0;
  for (let i = 0; i < n; i++) {
    run = side[i] === 0 ? 0 : i > 0 && side[i] === side[i - 1] ? run + 1 : 1;
    out[i] = run >= length ? (side[i] > 0 ? 1 : -1) : 0;
  }
  return out;
}

/**
 * 1 for every point in a window of `length` points that ends where a run ends: a run's flag spreads
 * back over the whole run (ptd_part_of_seven_trend). `out` may be `ends` itself.
 */
export function partOfRun(
  ends: ArrayLike<number>,
  length: number,
  n = ends.length,
  out: Int8Array | Uint8Array = new Uint8Array(n),
): Int8Array | Uint8Array {
  let next = Infinity;
  for (let i = n - 1; i >= 0; i--) {
    if (ends[i] !== 0) next = i;
    out[i] = next - i <= length - 1 ? 1 : 0;
  }
  return out;
}

/**
 * 1 for every point in some three consecutive points of which at least two are close to the limits and
 * all three are on one side of the mean (ptd_two_in_three). Only points that are themselves close are
 * special cause (ptd_part_of_two_in_three).
 */
export function twoInThree(
  close: ArrayLike<number>,
  side: ArrayLike<number>,
  n = close.length,
  out = new Uint8Array(n),
): Uint8Array {
  out.fill(0, 0, n);
  for (let w = 0; w + 2 < n; w++) {
    if (close[w] + close[w + 1] + close[w + 2] >= 2 && Math.abs(side[w] + side[w + 1] + side[w + 2]) === 3) {
      out[w] = out[w + 1] = out[w + 2] = 1;
    }
  }
  return out;
}

/**
 * Working arrays shared by every call: the engine reads SPC for every indicator of a scorecard, and
 * nine small arrays each time would cost more than the arithmetic.
 */
let work = scratch(64);
function scratch(size: number) {
  return {
    size,
    values: new Float64Array(size),
    outside: new Uint8Array(size),
    close: new Uint8Array(size),
    rtm: new Int8Array(size),
    trend: new Int8Array(size),
    shift: new Int8Array(size),
    twoOfThree: new Uint8Array(size),
    rule: new Uint8Array(size),
    side: new Int8Array(size),
  };
}
function workFor(n: number): typeof work {
  if (n > work.size) work = scratch(Math.max(n, work.size * 2));
  return work;
}

/** The limits of the first n values, and each point's rule and side into `rule` and `side`. */
function classify(
  values: ArrayLike<number>,
  n: number,
  settings: SpcSettings,
  rule: Uint8Array,
  side: Int8Array,
): Limits {
  const w = workFor(n);
  const limits = limitsOf(values, n, settings);
  const { mean, lower, upper, nearLower, nearUpper } = limits;

  const { outside, close, rtm } = w;
  for (let i = 0; i < n; i++) {
    const y = values[i];
    outside[i] = y > upper || y < lower ? 1 : 0;
    rtm[i] = sign(y - mean);
    close[i] = !outside[i] && (y < nearLower || y > nearUpper) ? 1 : 0;
  }
  const inTrend = partOfRun(
    trendEnds(values, settings.trendLength, n, w.trend),
    settings.trendLength,
    n,
    w.trend,
  );
  const inShift = partOfRun(
    shiftEnds(rtm, settings.shiftLength, n, w.shift),
    settings.shiftLength,
    n,
    w.shift,
  );
  const inTwoOfThree = twoInThree(close, rtm, n, w.twoOfThree);

  for (let i = 0; i < n; i++) {
    rule[i] = 0;
    side[i] = 0;
    if (outside[i]) {
      rule[i] = 1;
      side[i] = rtm[i] === 1 ? 1 : -1;
    } else if (inTrend[i]) {
      // Where a point belongs to a trend on both sides (a peak between two trends) the later one decides;
      // otherwise the step into the point does, and a flat step counts as falling, as in the R code.
      const d =
        i + 1 < n && inTrend[i + 1]
          ? sign(values[i + 1] - values[i])
          : i > 0
            ? sign(values[i] - values[i - 1])
            : 0;
      rule[i] = 2;
      side[i] = d === 1 ? 1 : -1;
    } else if (inTwoOfThree[i] && close[i]) {
      rule[i] = 3;
      side[i] = rtm[i] > 0 ? 1 : -1;
    } else if (inShift[i]) {
      rule[i] = 4;
      side[i] = rtm[i] > 0 ? 1 : -1;
    }
  }
  return limits;
}

/**
 * The mean as R's mean() computes it (src/main/summary.c): the sum over n, then a second pass that adds
 * the mean of what is left over. A one-pass sum / n of twelve months at 95% is 0.9499999999999998, one
 * bit under the value, and the latest 95% then lies "outside" limits of zero width; the second pass
 * gives back exactly 0.95, as NHSRplotthedots (which calls mean()) does.
 */
export function rMean(values: ArrayLike<number>, from: number, to: number): number {
  const n = to - from;
  let s = 0;
  for (let i = from; i < to; i++) s += values[i];
  s /= n;
  if (!Number.isFinite(s)) return s;
  let t = 0;
  for (let i = from; i < to; i++) t += values[i] - s;
  return s + t / n;
}

/** The mean moving range of the first n values, by the same two passes as rMean. */
function meanMovingRange(values: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 1; i < n; i++) s += Math.abs(values[i] - values[i - 1]);
  s /= n - 1;
  if (!Number.isFinite(s)) return s;
  let t = 0;
  for (let i = 1; i < n; i++) t += Math.abs(values[i] - values[i - 1]) - s;
  return s + t / (n - 1);
}

/** The centre and limits of the first n values, fixed on the baseline where there is one. */
function limitsOf(values: ArrayLike<number>, n: number, settings: SpcSettings): Limits {
  const fixedOn = settings.baseline !== null ? Math.max(2, Math.min(settings.baseline, n)) : n;
  const mean = rMean(values, 0, fixedOn);
  const movingRange = meanMovingRange(values, fixedOn);
  return {
    mean,
    movingRange,
    lower: mean - LIMIT * movingRange,
    upper: mean + LIMIT * movingRange,
    nearLower: mean - NEAR_LIMIT * movingRange,
    nearUpper: mean + NEAR_LIMIT * movingRange,
    fixedOn,
  };
}

/**
 * The rule and side of the last point alone, the same as classify gives it, without the per-point
 * arrays: a run can only reach the last point by ending there, and a two-in-three window can only be
 * the last three points. The engine needs just this for every indicator.
 */
function classifyLast(
  values: ArrayLike<number>,
  n: number,
  settings: SpcSettings,
  l: Limits,
): { rule: number; side: number } {
  const last = n - 1;
  const y = values[last];
  const sideOf = (v: number) => sign(v - l.mean);
  const isOutside = (v: number) => v > l.upper || v < l.lower;
  const isClose = (v: number) => !isOutside(v) && (v < l.nearLower || v > l.nearUpper);
  if (isOutside(y)) return { rule: 1, side: sideOf(y) === 1 ? 1 : -1 };
  if (n > 1) {
    const d = sign(y - values[last - 1]);
    let run = 0;
    for (let i = last; i > 0 && d !== 0 && sign(values[i] - values[i - 1]) === d; i--) run++;
    if (run >= settings.trendLength - 1) return { rule: 2, side: d === 1 ? 1 : -1 };
  }
  if (n >= 3 && isClose(y)) {
    const a = values[last - 2];
    const b = values[last - 1];
    const close = (isClose(a) ? 1 : 0) + (isClose(b) ? 1 : 0) + 1;
    if (close >= 2 && Math.abs(sideOf(a) + sideOf(b) + sideOf(y)) === 3)
      return { rule: 3, side: sideOf(y) > 0 ? 1 : -1 };
  }
  const s = sideOf(y);
  if (s !== 0) {
    let run = 0;
    for (let i = last; i >= 0 && sideOf(values[i]) === s; i--) run++;
    if (run >= settings.shiftLength) return { rule: 4, side: s };
  }
  return { rule: 0, side: 0 };
}

/** The XmR chart of the values (no blanks: the caller drops them), or null with fewer than 2 points. */
export function xmr(values: readonly number[], settings: SpcSettings = DEFAULT_SPC): Xmr | null {
  const n = values.length;
  if (n < 2) return null;
  const rule = new Uint8Array(n);
  const side = new Int8Array(n);
  return { values, ...classify(values, n, settings, rule, side), rule, side };
}

/** A point's special cause read through polarity; with no better direction it is neutral, high or low. */
export function variationOf(rule: number, side: number, polarity: Polarity): Variation {
  if (rule === 0 || side === 0) return "common-cause";
  if (polarity === "higher" || polarity === "lower") {
    const good = polarity === "higher" ? 1 : -1;
    return side === good ? "special-cause-improvement" : "special-cause-concern";
  }
  return side > 0 ? "special-cause-neutral-high" : "special-cause-neutral-low";
}

/**
 * Will the process meet the target? A target beyond the upper limit will always be missed (met, where
 * lower is better), beyond the lower limit always met (missed), between them it is hit and miss.
 * Null with no target, or with no better direction (NHSRplotthedots' "neutral").
 */
export function assuranceOf(
  chart: Pick<Xmr, "lower" | "upper">,
  target: number | undefined,
  polarity: Polarity,
): Assurance | null {
  if (target === undefined || !Number.isFinite(target)) return null;
  if (polarity !== "higher" && polarity !== "lower") return null;
  const increasing = polarity === "higher";
  if (target > chart.upper) return increasing ? "fail" : "pass";
  if (target < chart.lower) return increasing ? "pass" : "fail";
  return "inconsistent";
}

/** What assurance is judged against: the band's green threshold, named as the band names it. */
export interface AssuranceTarget {
  value: number;
  /** "upper target" where a minimum/upper pair differs, otherwise "target". */
  name: string;
}

/**
 * The band's green threshold: the single target, or of a minimum/upper pair the one polarity makes
 * the better (the lower of the two where lower is better, whichever column holds it), so that
 * assurance never contradicts the band. None for ranges, or with no better direction.
 */
export function assuranceTarget(t: Targets, polarity: Polarity): AssuranceTarget | undefined {
  if (polarity !== "higher" && polarity !== "lower") return undefined;
  if (t.kind === "single" && t.target !== undefined) return { value: t.target, name: "target" };
  if (t.kind !== "min-upper" || t.min === undefined || t.upper === undefined) return undefined;
  const value = polarity === "lower" ? Math.min(t.min, t.upper) : Math.max(t.min, t.upper);
  return { value, name: t.min === t.upper ? "target" : "upper target" };
}

/** The headline direction of travel that a variation gives. */
export function spcDirection(v: Variation): "improving" | "worsening" | "stable" | "up" | "down" {
  switch (v) {
    case "special-cause-improvement":
      return "improving";
    case "special-cause-concern":
      return "worsening";
    case "special-cause-neutral-high":
      return "up";
    case "special-cause-neutral-low":
      return "down";
    default:
      return "stable";
  }
}

/** What an indicator's SPC tells a committee: the contract of `analyse --json`, plus reasons in words. */
export interface Spc {
  points: number;
  mean: number;
  lower: number;
  upper: number;
  variation: Variation;
  assurance: Assurance | null;
  /** The threshold assurance was judged against, where there is one. */
  target: AssuranceTarget | null;
  rule: SpcRule | null;
  /** The variation of the latest point, and why, in plain English. */
  reason: string;
}

export interface SpcInput {
  /** The series in time order, null where a period is blank (blanks are skipped). */
  series: readonly (number | null)[];
  /** The label of the period at an index of the series. */
  labelOf: (index: number) => string;
  polarity: Polarity;
  /** The band's green threshold (assuranceTarget), or a bare number, which is called "target". */
  target?: number | AssuranceTarget;
  /** "months", "quarters", "years": what a point is, for the reasons. */
  pointWord?: string;
  /** A value as the scorecard shows it, for the reasons. */
  format: (x: number) => string;
  settings?: SpcSettings;
}

const VARIATION_WORDS: Record<Variation, string> = {
  "common-cause": "common cause variation",
  "special-cause-improvement": "special cause improvement",
  "special-cause-concern": "special cause concern",
  "special-cause-neutral-high": "special cause (high)",
  "special-cause-neutral-low": "special cause (low)",
};

export function variationPhrase(v: Variation): string {
  return VARIATION_WORDS[v];
}

/**
 * What an assurance means, in plain English and Making Data Count's words, naming the threshold it was
 * judged against: "Pass: will reliably meet the upper target of 95% (it lies beyond the lower limit,
 * 88.1%)". Made when a paper shows it rather than for every indicator of every analysis.
 */
export function describeAssurance(
  spc: Pick<Spc, "assurance" | "lower" | "upper" | "target">,
  polarity: Polarity,
  format: (x: number) => string,
  pointWord = "periods",
): string | null {
  const t = spc.target;
  if (!spc.assurance || !t) return null;
  const named = `the ${t.name} of ${format(t.value)}`;
  const nearSide = polarity === "higher" ? "lower" : "upper";
  const farSide = polarity === "higher" ? "upper" : "lower";
  const limit = (side: string) => format(side === "lower" ? spc.lower : spc.upper);
  switch (spc.assurance) {
    case "pass":
      return `Pass: will reliably meet ${named} (it lies beyond the ${nearSide} limit, ${limit(nearSide)})`;
    case "fail":
      return `Fail: will not meet ${named} without a change to the process (it lies beyond the ${farSide} limit, ${limit(farSide)})`;
    default:
      return `Hit and miss: will meet ${named} in some ${pointWord} and miss it in others (it lies between the limits, ${format(spc.lower)} to ${format(spc.upper)})`;
  }
}

/** How many points in a row end at the last point, by a test on each step. */
function runBack(values: ArrayLike<number>, n: number, step: (i: number) => boolean): number {
  let k = 1;
  for (let i = n - 1; i > 0 && step(i); i--) k++;
  return k;
}

/** Why the latest point reads as it does, in words: "Oct 18 (49.7%) is below the lower limit of 53.2%". */
function latestWhy(
  values: ArrayLike<number>,
  n: number,
  chart: Limits,
  latest: { rule: SpcRule | null; high: boolean },
  words: { label: string; word: string; f: (x: number) => string },
): string {
  const { label, word, f } = words;
  const y = values[n - 1];
  const high = latest.high;
  switch (latest.rule) {
    case "outside-limits":
      return high
        ? `${label} (${f(y)}) is above the upper limit of ${f(chart.upper)}`
        : `${label} (${f(y)}) is below the lower limit of ${f(chart.lower)}`;
    case "trend": {
      const k = runBack(values, n, (i) => (high ? values[i] > values[i - 1] : values[i] < values[i - 1]));
      return `${k} ${word} in a row ${high ? "rising" : "falling"}, to ${f(y)} in ${label}`;
    }
    case "two-in-three":
      return high
        ? `2 of the last 3 ${word} close to the upper limit (above ${f(chart.nearUpper)})`
        : `2 of the last 3 ${word} close to the lower limit (below ${f(chart.nearLower)})`;
    case "shift": {
      const s = high ? 1 : -1;
      const k = runBack(values, n, (i) => sign(values[i - 1] - chart.mean) === s);
      return `${k} ${word} in a row ${high ? "above" : "below"} the average of ${f(chart.mean)}`;
    }
    default:
      return `${label} is within the limits of ${f(chart.lower)} to ${f(chart.upper)} around the average of ${f(chart.mean)}, over ${n} ${word}`;
  }
}

/** The SPC of an indicator, or null where the series has fewer than the minimum points. */
export function assessSpc(input: SpcInput): Spc | null {
  const settings = input.settings ?? DEFAULT_SPC;
  const series = input.series;
  const values = workFor(series.length).values;
  let n = 0;
  let lastIndex = -1;
  for (let i = 0; i < series.length; i++) {
    const v = series[i];
    if (v === null || !Number.isFinite(v)) continue;
    values[n++] = v;
    lastIndex = i;
  }
  if (n < Math.max(2, settings.minPoints)) return null;
  const chart = limitsOf(values, n, settings);
  const latest = classifyLast(values, n, settings, chart);
  const variation = variationOf(latest.rule, latest.side, input.polarity);
  const rule = RULES[latest.rule] ?? null;
  const target =
    input.target === undefined
      ? null
      : typeof input.target === "number"
        ? { value: input.target, name: "target" }
        : input.target;
  const assurance = assuranceOf(chart, target?.value, input.polarity);
  const word = input.pointWord ?? "periods";
  const why = latestWhy(
    values,
    n,
    chart,
    { rule, high: latest.side > 0 },
    {
      label: input.labelOf(lastIndex),
      word,
      f: input.format,
    },
  );
  const fixed =
    chart.fixedOn < n ? `, with the average and limits fixed on the first ${chart.fixedOn} ${word}` : "";
  const phrase = variationPhrase(variation);
  // A sentence of its own in the paper's "Why" column, after the band's reason and before any other.
  const reason = `${phrase[0].toUpperCase()}${phrase.slice(1)}: ${why}${fixed}.`;
  return {
    points: n,
    mean: chart.mean,
    lower: chart.lower,
    upper: chart.upper,
    variation,
    assurance,
    target: assurance ? target : null,
    rule,
    reason,
  };
}
