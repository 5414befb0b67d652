/**
 * Direction of travel, read through polarity, that does not move on noise: with counts, a change must be
 * significant at 95% (two-proportion z-test); without them, it must be material.
 */
import type { Settings } from "./config";
import type { Polarity } from "./polarity";
import { Unit, describeAmount, formatValue, numberFormatter } from "./values";

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

function fmt(x: number, ctx: TrendContext): string {
  return formatValue(x, ctx.unit, ctx.decimals, ctx.per);
}

function describeChange(delta: number, ctx: TrendContext): string {
  return describeAmount(Math.abs(delta), ctx.unit, ctx.decimals, ctx.per);
}

export function compare(
  from: number | null,
  to: number | null,
  fromLabel: string | undefined,
  ctx: TrendContext,
  counts?: { n1?: number; n2?: number },
  toLabel?: string,
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
  const delta = to - from;
  const since = fromLabel ? ` since ${fromLabel}` : "";
  const base = { from, to, fromLabel, toLabel, change: delta };
  // A change hidden by the displayed precision is no change.
  const unitScale = ctx.unit === "percent" ? 100 : 1;
  const shownDelta = Math.round(Math.abs(delta) * unitScale * 10 ** ctx.decimals);
  if (shownDelta === 0)
    return { direction: "stable", ...base, reason: `Unchanged at ${fmt(to, ctx)}${since}.` };
  const moved = read(delta, from, to, ctx);
  const movedWord = delta > 0 ? "up" : "down";
  const movement = `${movedWord} ${describeChange(delta, ctx)} from ${fmt(from, ctx)}${fromLabel ? ` (${fromLabel})` : ""} to ${fmt(to, ctx)}`;
  if (ctx.settings.sensitivity === "any-change")
    return { direction: moved, ...base, reason: `${cap(movement)}.` };
  const n2 = counts?.n2 ?? ctx.denominator;
  const n1 = counts?.n1 ?? n2;
  if (
    ctx.unit === "percent" &&
    n1 !== undefined &&
    n2 !== undefined &&
    n1 > 0 &&
    n2 > 0 &&
    from >= 0 &&
    from <= 1 &&
    to >= 0 &&
    to <= 1
  ) {
    const z = twoProportionZ(from, n1, to, n2);
    if (Number.isFinite(z) && Math.abs(z) < Z95) {
      return {
        direction: "stable",
        ...base,
        reason: `${cap(movement)}: no significant change at 95% with ${numberFormatter(0).format(Math.round(n2))} cases.`,
      };
    }
    return { direction: moved, ...base, reason: `${cap(movement)}: a significant change at 95%.` };
  }
  if (ctx.unit === "percent") {
    if (Math.abs(delta) < ctx.settings.materialityPoints) {
      return {
        direction: "stable",
        ...base,
        reason: `${cap(movement)}: within ${describeChange(ctx.settings.materialityPoints, ctx)}, too small to call.`,
      };
    }
  } else if (Math.abs(delta) < Math.abs(from) * ctx.settings.materialityRelative) {
    return {
      direction: "stable",
      ...base,
      reason: `${cap(movement)}: less than ${Math.round(ctx.settings.materialityRelative * 1000) / 10}% of the earlier value, too small to call.`,
    };
  }
  return { direction: moved, ...base, reason: `${cap(movement)}.` };
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
