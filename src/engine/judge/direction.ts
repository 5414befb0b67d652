/**
 * Direction of travel: the latest figure against the one before (short term) and against a year earlier,
 * last year's outturn or the baseline (long term), and the slope of the whole series. A year-to-date
 * figure is compared only with the same point a year earlier.
 */
import { formatValue } from "../read/values";
import type { Measurements } from "./measurements";
import { valueIn } from "./measurements";
import { roundingTolerance } from "./quality";
import type { RowCells } from "./row-cells";
import type { SeriesFacts } from "./series-facts";
import { Movement, TrendContext, compare, slopeOver } from "./trend";

export interface Direction {
  shortTerm: Movement;
  longTerm: Movement;
  slope?: Movement & { points: number };
  /** The movement the headline arrow shows. */
  headline: Movement;
  /** Where the banded figure is not the one the direction reads, a sentence that says which is which. */
  bridge: string;
}

function shortTermOf(m: Measurements, s: SeriesFacts, ctx: TrendContext, seriesCtx: TrendContext): Movement {
  const k = s.known.length;
  const v = s.knownValues;
  if (s.cumulative && s.currentIsLatest && s.latest !== undefined) {
    if (s.yearAgo < 0)
      return {
        direction: "unknown",
        from: null,
        to: m.value,
        reason:
          "A year-to-date figure grows through the year, so it is compared only with the same point last year, which the sheet does not give.",
      };
    return compare(v[s.yearAgo], v[k - 1], s.yearAgoLabel(s.yearAgo), seriesCtx, undefined, undefined, {
      fromDecimals: s.decimalsAt(s.known[s.yearAgo]),
      toDecimals: s.decimalsAt(s.latest),
    });
  }
  if (s.latest === undefined || s.beforeLatest === undefined) return compare(null, m.value, undefined, ctx);
  return compare(
    v[k - 2],
    v[k - 1],
    s.yearAgo === k - 2 ? s.yearAgoLabel(k - 2) : s.labelOf(s.beforeLatest),
    seriesCtx,
    undefined,
    s.labelOf(s.latest),
    {
      fromDecimals: s.decimalsAt(s.beforeLatest),
      toDecimals: s.decimalsAt(s.latest),
      fromUnusual: s.jumps.includes(k - 2),
      toUnusual: s.jumps.includes(k - 1),
    },
  );
}

/** "2017/18 outturn" from a Previous column headed with a year, else "last year". */
export function previousLabelOf(rc: RowCells): string {
  const col = rc.roles.previous;
  if (col === undefined) return "last year";
  const year = /(\d{2,4}\s*[/-]\s*\d{2,4})/.exec(rc.table.columns[col].label);
  return year ? `${year[1].replace(/\s+/g, "")} outturn` : "last year";
}

function longTermOf(
  rc: RowCells,
  m: Measurements,
  s: SeriesFacts,
  ctx: TrendContext,
  seriesCtx: TrendContext,
): Movement {
  const k = s.known.length;
  const sameRun = s.cumulative && s.currentIsLatest;
  if (s.latest !== undefined && s.yearAgo >= 0)
    return compare(
      s.knownValues[s.yearAgo],
      s.knownValues[k - 1],
      s.yearAgoLabel(s.yearAgo),
      seriesCtx,
      undefined,
      s.labelOf(s.latest),
      {
        fromDecimals: s.decimalsAt(s.known[s.yearAgo]),
        toDecimals: s.decimalsAt(s.latest),
      },
    );
  const previous = m.previousM ? valueIn(m.previousM, m.unit) : null;
  if (previous !== null && m.value !== null && !sameRun)
    return compare(
      previous,
      m.value,
      previousLabelOf(rc),
      ctx,
      { n1: m.previousM?.denominator, n2: m.denominator },
      undefined,
      {
        fromDecimals: m.previousM?.kind === "number" ? m.previousM.decimals : m.decimals,
      },
    );
  const baseline = m.baselineM ? valueIn(m.baselineM, m.unit) : null;
  if (m.baselineM && baseline !== null && m.value !== null && !sameRun)
    return compare(
      baseline,
      m.value,
      "the baseline",
      ctx,
      { n1: m.baselineM.denominator, n2: m.denominator },
      undefined,
      {
        fromDecimals: m.baselineM.kind === "number" ? m.baselineM.decimals : m.decimals,
      },
    );
  return compare(null, m.value, undefined, ctx);
}

function bridgeOf(m: Measurements, s: SeriesFacts, rc: RowCells, headline: Movement): string {
  if (s.latest === undefined || m.value === null || headline.to === null || !headline.toLabel) return "";
  const tol = Math.max(
    roundingTolerance(m.unit, m.decimals),
    roundingTolerance(m.unit, s.decimalsAt(s.latest)),
  );
  if (Math.abs(headline.to - m.value) <= tol) return "";
  const cur = formatValue(m.value, m.unit, m.decimals, m.per);
  if (s.cumulative)
    return ` The current ${cur} is the year to date and is what is banded; the direction reads the ${rc.series[s.latest].period.granularity === "quarter" ? "quarterly" : "monthly"} figures.`;
  return ` The current ${cur} is banded, but it differs from ${headline.toLabel} (${formatValue(headline.to, m.unit, s.decimalsAt(s.latest), m.per)}), so the direction reads the period figures: check which is right.`;
}

export function directionOf(rc: RowCells, m: Measurements, s: SeriesFacts, ctx: TrendContext): Direction {
  // The current value's counts say nothing of the period figures when the two disagree.
  const seriesCtx: TrendContext = s.currentIsLatest ? ctx : { ...ctx, denominator: undefined };
  const shortTerm = shortTermOf(m, s, ctx, seriesCtx);
  const longTerm = longTermOf(rc, m, s, ctx, seriesCtx);
  const k = s.known.length;
  const slope = k
    ? slopeOver(s.knownValues, s.knownPositions, s.labelOf(s.known[0]), s.labelOf(s.known[k - 1]), ctx)
    : undefined;
  const headline = shortTerm.direction !== "unknown" || s.cumulative ? shortTerm : longTerm;
  return { shortTerm, longTerm, slope, headline, bridge: bridgeOf(m, s, rc, headline) };
}
