/**
 * The indicator's series as the direction, SPC and flag steps read it: the periods that have a value, as
 * plain arrays (a scorecard of 10,000 indicators makes a quarter of a million of them), the same period a
 * year earlier, the unusual jumps, and whether the current value is the latest period's.
 */
import { periodEnd } from "../read/period-grammar";
import { formatValue } from "../read/values";
import type { Measurements } from "./measurements";
import { valueIn } from "./measurements";
import { roundingTolerance, unusualJumps } from "./quality";
import type { RowCells } from "./row-cells";

export interface SeriesFacts {
  /** The value of each period of the table's series, in the indicator's unit; null where there is none. */
  series: (number | null)[];
  /** Indexes of the periods that have a value, and their values and time positions. */
  known: number[];
  knownValues: number[];
  knownPositions: number[];
  latest?: number;
  beforeLatest?: number;
  /** Index into known of the same period a year before the latest, or -1. */
  yearAgo: number;
  /** Indexes into knownValues of the figures that jump unusually from the one before. */
  jumps: number[];
  /** A year-to-date figure grows through the year, so only the same point a year earlier compares. */
  cumulative: boolean;
  currentIsLatest: boolean;
  labelOf(i: number): string;
  /** Each figure is compared at the precision the source wrote it: months typed "94%" stay 94%. */
  decimalsAt(i: number): number;
  yearAgoLabel(i: number): string;
}

/** The index into known of the same period a year before the latest, in the same grain, or -1. */
function yearAgoIndex(rc: RowCells, known: number[], positions: number[], latest: number): number {
  const p = rc.series[latest].period;
  const want = periodEnd(p) - 12;
  for (let j = 0; j < known.length; j++)
    if (positions[j] === want && rc.series[known[j]].period.granularity === p.granularity) return j;
  return -1;
}

export function seriesFacts(
  rc: RowCells,
  m: Measurements,
  periodType: string | null,
  title: string,
): SeriesFacts {
  const series = m.seriesM.map((x) => valueIn(x, m.unit));
  const known: number[] = [];
  const knownValues: number[] = [];
  const knownPositions: number[] = [];
  series.forEach((v, i) => {
    if (v === null) return;
    known.push(i);
    knownValues.push(v);
    // Months since year 0 at the period's end: one scale for months, quarters and years alike.
    knownPositions.push(periodEnd(rc.series[i].period));
  });
  const k = known.length;
  const latest = k ? known[k - 1] : undefined;
  const labelOf = (i: number): string => rc.series[i].period.label;
  const yearAgo = latest !== undefined ? yearAgoIndex(rc, known, knownPositions, latest) : -1;
  const currentIsLatest =
    latest !== undefined &&
    (rc.roles.current === undefined ||
      (m.value !== null && Math.abs(knownValues[k - 1] - m.value) <= roundingTolerance(m.unit, m.decimals)));
  return {
    series,
    known,
    knownValues,
    knownPositions,
    latest,
    beforeLatest: k > 1 ? known[k - 2] : undefined,
    yearAgo,
    jumps: unusualJumps(knownValues, m.unit),
    cumulative: /\b(ytd|year[- ]to[- ]date|cumulative)\b/i.test(`${periodType ?? ""} ${title}`),
    currentIsLatest,
    labelOf,
    decimalsAt: (i) => {
      const x = m.seriesM[i];
      return x.kind === "number" ? x.decimals : m.decimals;
    },
    yearAgoLabel: (i) => `${labelOf(known[i])}, the same period a year earlier`,
  };
}

/** The figure a year earlier, where the sheet gives no last-year column but the series has it. */
export function yearAgoFigure(
  m: Measurements,
  s: SeriesFacts,
): { value: number; display: string; label: string } | undefined {
  if (s.yearAgo < 0 || !s.currentIsLatest) return undefined;
  const i = s.known[s.yearAgo];
  return {
    value: s.knownValues[s.yearAgo],
    display: formatValue(s.knownValues[s.yearAgo], m.unit, s.decimalsAt(i), m.per),
    label: s.labelOf(i),
  };
}
