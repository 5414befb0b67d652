/**
 * Direction of travel, read through polarity, that does not move on noise: with counts, a change must be
 * significant at 95% (two-proportion z-test); without them, it must be material.
 */
import type { Settings } from "../config";
import type { Polarity } from "./polarity";
import { Unit, describeAmount, formatValue, groupedFixed } from "../read/values";

export type Direction = "improving" | "worsening" | "stable" | "up" | "down" | "unknown";

export interface Movement {
  direction: Direction;
  from: number | null;
  to: number | null;
  /** What the earlier value was: "Sep 18", "2017/18 outturn", "Oct 17". */
  fromLabel?: string;
  /** What the later value was, where it is not simply the current value: "Oct 18". */
  toLabel?: string;
  change?: number;
  reason: string;
  /** A move too small, or too like chance, to call: "stable" with a direction still to show. */
  withinChance?: boolean;
  /** One end of the comparison is flagged as an unusual jump, so the move is not read as a trend. */
  unusual?: boolean;
  /** The figures and the change as the reason words them, for sentences that must agree with it. */
  fromText?: string;
  toText?: string;
  changeText?: string;
  /** Why a move is not called: "within what chance alone gives with 132 cases". */
  note?: string;
}

export interface Trend {
  /** The headline: the short-term direction, or the long-term one where there is no earlier period. */
  direction: Direction;
  reason: string;
  shortTerm: Movement;
  longTerm: Movement;
  slope?: Movement & { points: number };
}

export interface TrendContext {
  unit: Unit;
  decimals: number;
  per?: number;
  polarity: Polarity;
  /** Where a range measure is best, to judge moves toward or away from it. */
  centre?: number;
  /** Denominator of the current value; it stands in for earlier periods whose own is unknown. */
  denominator?: number;
  settings: Settings["trend"];
}

const Z95 = 1.959963984540054;

/** Two-proportion z statistic, pooled; NaN where it cannot be computed. */
export function twoProportionZ(p1: number, n1: number, p2: number, n2: number): number {
  if (!(n1 > 0 && n2 > 0)) return NaN;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return p1 === p2 ? 0 : Infinity;
  return (p2 - p1) / se;
}

function read(delta: number, from: number, to: number, ctx: TrendContext): Direction {
  switch (ctx.polarity) {
    case "higher":
      return delta > 0 ? "improving" : "worsening";
    case "lower":
      return delta < 0 ? "improving" : "worsening";
    case "range": {
      if (ctx.centre === undefined) return delta > 0 ? "up" : "down";
      const before = Math.abs(from - ctx.centre);
      const after = Math.abs(to - ctx.centre);
      if (after === before) return delta > 0 ? "up" : "down";
      return after < before ? "improving" : "worsening";
    }
    default:
      return delta > 0 ? "up" : "down";
  }
}

function fmt(x: number, ctx: TrendContext, decimals = ctx.decimals): string {
  return formatValue(x, ctx.unit, decimals, ctx.per);
}

/**
 * A change in words at the precision of the figures it joins: 98% to 99% is "1 point", 91.0% to 91.3%
 * is "0.3 points". Percentages move in points, which is how committees speak of them.
 */
export function describeChange(delta: number, ctx: TrendContext, decimals = ctx.decimals): string {
  const a = Math.abs(delta);
  if (ctx.unit === "percent") {
    const pts = formatValue(a * 100, "number", decimals);
    return `${pts} point${pts === "1" ? "" : "s"}`;
  }
  if (ctx.unit === "number") return formatValue(a, "number", decimals);
  return describeAmount(a, ctx.unit, decimals, ctx.per);
}

/** How the source wrote the two figures, and whether either is flagged as an unusual jump. */
export interface CompareOptions {
  fromDecimals?: number;
  toDecimals?: number;
  /** The earlier figure is flagged as an unusual jump: the move is then not read as a trend. */
  fromUnusual?: boolean;
  toUnusual?: boolean;
}

export function compare(
  from: number | null,
  to: number | null,
  fromLabel: string | undefined,
  ctx: TrendContext,
  counts?: { n1?: number; n2?: number },
  toLabel?: string,
  options: CompareOptions = {},
): Movement {
  if (from === null || to === null) {
    return {
      direction: "unknown",
      from,
      to,
      fromLabel,
      reason: from === null ? "No earlier value to compare with." : "No current value.",
    };
  }
  const fromDecimals = options.fromDecimals ?? ctx.decimals;
  const toDecimals = options.toDecimals ?? ctx.decimals;
  // The change is stated at the finer of the two precisions, so that no shown difference disappears.
  const deltaDecimals = Math.max(fromDecimals, toDecimals);
  const delta = to - from;
  const since = fromLabel ? ` since ${fromLabel}` : "";
  const base = { from, to, fromLabel, toLabel, change: delta };
  const fromText = fmt(from, ctx, fromDecimals);
  const toText = fmt(to, ctx, toDecimals);
  // A change hidden by the displayed precision is no change.
  const unitScale = ctx.unit === "percent" ? 100 : 1;
  const shownDelta = Math.round(Math.abs(delta) * unitScale * 10 ** deltaDecimals);
  if (shownDelta === 0 || (fromText === toText && fromDecimals === toDecimals))
    return {
      direction: "stable",
      ...base,
      change: 0,
      fromText,
      toText,
      reason: `Unchanged at ${toText}${since}.`,
    };
  const moved = read(delta, from, to, ctx);
  const changeText = describeChange(delta, ctx, deltaDecimals);
  Object.assign(base, { fromText, toText, changeText });
  const movedWord = delta > 0 ? "up" : "down";
  const movement = `${movedWord} ${changeText} from ${fromText}${fromLabel ? ` (${fromLabel})` : ""} to ${toText}${toLabel ? ` (${toLabel})` : ""}`;
  if (options.fromUnusual || options.toUnusual) {
    const which = options.fromUnusual
      ? `${fromText}${fromLabel ? ` in ${fromLabel}` : ""}`
      : `${toText}${toLabel ? ` in ${toLabel}` : ""}`;
    const note = `but ${which} is flagged as an unusual jump, so the change is not read as a trend`;
    return { direction: "stable", ...base, unusual: true, note, reason: `${cap(movement)}, ${note}.` };
  }
  if (ctx.settings.sensitivity === "any-change")
    return { direction: moved, ...base, reason: `${cap(movement)}.` };
  const judged = { moved, base, movement, from, to, delta };
  return significance(judged, ctx, counts) ?? materiality(judged, ctx);
}

/** A movement found, before it is called: the direction it would be, the figures, the words. */
interface Move {
  moved: Direction;
  base: Omit<Movement, "direction" | "reason">;
  movement: string;
  from: number;
  to: number;
  delta: number;
}

/** With counts, a percentage's move must be significant at 95% (two-proportion test); else null. */
function significance(m: Move, ctx: TrendContext, counts?: { n1?: number; n2?: number }): Movement | null {
  const n2 = counts?.n2 ?? ctx.denominator;
  const n1 = counts?.n1 ?? n2;
  const proportions = m.from >= 0 && m.from <= 1 && m.to >= 0 && m.to <= 1;
  if (ctx.unit !== "percent" || n1 === undefined || n2 === undefined || !(n1 > 0 && n2 > 0) || !proportions)
    return null;
  const z = twoProportionZ(m.from, n1, m.to, n2);
  const cases = groupedFixed(Math.round(n2), 0);
  if (Number.isFinite(z) && Math.abs(z) < Z95) {
    const note = `within what chance alone gives with ${cases} cases`;
    const reason = `${cap(m.movement)}: ${note}, so no clear change.`;
    return { direction: "stable", ...m.base, withinChance: true, note, reason };
  }
  return {
    direction: m.moved,
    ...m.base,
    reason: `${cap(m.movement)}: more than chance alone would give with ${cases} cases.`,
  };
}

/** Without counts, a move must be material: half a point for percentages, 1% of the figure otherwise. */
function materiality(m: Move, ctx: TrendContext): Movement {
  const small =
    ctx.unit === "percent"
      ? Math.abs(m.delta) < ctx.settings.materialityPoints
      : Math.abs(m.delta) < Math.abs(m.from) * ctx.settings.materialityRelative;
  if (!small) return { direction: m.moved, ...m.base, reason: `${cap(m.movement)}.` };
  const points = ctx.settings.materialityPoints;
  const note =
    ctx.unit === "percent"
      ? `less than ${describeChange(points, ctx, Number.isInteger(Math.round(points * 1e6) / 1e4) ? 0 : 1)}, too small to call`
      : `less than ${Math.round(ctx.settings.materialityRelative * 1000) / 10}% of the earlier figure, too small to call`;
  return { direction: "stable", ...m.base, withinChance: true, note, reason: `${cap(m.movement)}: ${note}.` };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Least-squares slope of the series, as a movement over its whole span. */
export function slopeOver(
  values: number[],
  positions: number[],
  firstLabel: string,
  lastLabel: string,
  ctx: TrendContext,
): (Movement & { points: number }) | undefined {
  const n = values.length;
  if (n < 4) return undefined;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += positions[i];
    sy += values[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (positions[i] - mx) * (values[i] - my);
    den += (positions[i] - mx) ** 2;
  }
  if (den === 0) return undefined;
  const slope = num / den;
  const fittedFrom = my + slope * (positions[0] - mx);
  const fittedTo = my + slope * (positions[n - 1] - mx);
  // Counts say nothing about a fitted line; only materiality applies to it.
  const material =
    ctx.unit === "percent"
      ? Math.abs(fittedTo - fittedFrom) >= ctx.settings.materialityPoints
      : Math.abs(fittedTo - fittedFrom) >= Math.abs(fittedFrom) * ctx.settings.materialityRelative;
  const direction =
    material || ctx.settings.sensitivity === "any-change"
      ? read(fittedTo - fittedFrom, fittedFrom, fittedTo, ctx)
      : "stable";
  const over = `over ${n} periods (${firstLabel} to ${lastLabel})`;
  const reason =
    direction === "stable"
      ? `Broadly flat ${over}.`
      : `The trend line ${fittedTo > fittedFrom ? "rises" : "falls"} ${describeChange(fittedTo - fittedFrom, ctx)} ${over}.`;
  return {
    direction,
    from: fittedFrom,
    to: fittedTo,
    change: fittedTo - fittedFrom,
    fromLabel: firstLabel,
    reason,
    points: n,
  };
}
