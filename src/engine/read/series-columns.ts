/**
 * The columns of time. Every column whose header reads as a period ("May 18", "Q2 2023/24", "2019",
 * "Actual 2017/18", an Excel date) is placed in time; the grain with most columns is the series, in time
 * order whatever the order of the columns, and the latest of it is the current value unless a column
 * that is clearly current exists. Dated columns outside the series are the latest figure when they run
 * later ("2013/14 | 2014/15 | Q2 2015/16"), or last year's outturn, or history not read.
 */
import { ColumnInfo, SeriesColumn } from "./column-info";
import { Period, periodEnd, periodMonths } from "./period-grammar";

/**
 * What makes columns one run: the same grain, and the same words after the period; "2008/09 Result"
 * beside "2009/10 Target" are two kinds of figure, not a run.
 */
function runOf(p: Period): string {
  return `${grainOf(p)}|${p.qualifierAfter ? (p.qualifier ?? "") : ""}`;
}

function grainOf(p: Period): string {
  return `${p.granularity}${p.calendar ? " (calendar)" : ""}${p.yearless ? " (yearless)" : ""}`;
}

/** The grain with most distinct periods; on equal counts, the one that runs later. */
function seriesGrain(columns: ColumnInfo[]): { grain: string; most: number } {
  const periods = new Map<string, Set<number>>();
  const ends = new Map<string, number>();
  for (const c of columns) {
    if (c.role !== "period" || !c.period) continue;
    const g = runOf(c.period);
    const set = periods.get(g) ?? new Set<number>();
    set.add(c.period.ordinal);
    periods.set(g, set);
    ends.set(g, Math.max(ends.get(g) ?? -Infinity, periodEnd(c.period)));
  }
  let grain = "";
  let most = 0;
  for (const [g, set] of periods) {
    const n = set.size;
    if (n > most || (n === most && (ends.get(g) ?? 0) > (ends.get(grain) ?? 0))) [grain, most] = [g, n];
  }
  return { grain, most };
}

const inTime = (a: SeriesColumn, b: SeriesColumn): number =>
  periodEnd(a.period) - periodEnd(b.period) || a.period.ordinal - b.period.ordinal;

/**
 * Two columns of the run for one period ("Actual 2017/18" and "Target 2017/18" with their words
 * unknown): the one whose words the other periods share is the series, and on a tie the one whose
 * figures are not round; the other is another figure for that period, left for the figure columns.
 */
function dropRepeatedPeriods(
  series: SeriesColumn[],
  columns: ColumnInfo[],
  round: (col: number) => number,
): void {
  const words = new Map<string, number>();
  for (const s of series) words.set(s.period.qualifier ?? "", (words.get(s.period.qualifier ?? "") ?? 0) + 1);
  const share = (s: SeriesColumn) => words.get(s.period.qualifier ?? "") ?? 0;
  for (let i = series.length - 1; i > 0; i--) {
    const a = series[i - 1];
    const b = series[i];
    if (a.period.ordinal !== b.period.ordinal) continue;
    const odd = share(a) !== share(b) ? (share(a) < share(b) ? a : b) : round(a.col) > round(b.col) ? a : b;
    const kept = odd === a ? b : a;
    series.splice(series.indexOf(odd), 1);
    const c = columns[odd.col];
    c.role = null;
    c.confidence = 0;
    c.evidence = `${c.letter} is not read as the series: its header gives ${odd.period.label}, as ${columns[kept.col].letter} does under the words the other periods share`;
  }
}

const latestFirst = (a: ColumnInfo, b: ColumnInfo): number =>
  (b.period ? periodEnd(b.period) : Infinity) - (a.period ? periodEnd(a.period) : Infinity);

/**
 * A year that the series' last period falls within ("2015/16" beside Oct, Nov, Dec 2015): not a later
 * figure than the series, but another figure for the year it is part of.
 */
function spans(p: Period, seriesEnd: number): boolean {
  const start = periodEnd(p) - periodMonths(p);
  return Number.isFinite(seriesEnd) && start < seriesEnd - 1 && periodEnd(p) > seriesEnd;
}

/** The clearly current column: pinned, undated, or dated later than the whole series. */
function currentOf(
  currents: ColumnInfo[],
  lone: ColumnInfo[],
  seriesEnd: number,
  round: (col: number) => number,
): ColumnInfo | undefined {
  const clear = currents.find((c) => c.pinned) ?? currents.find((c) => !c.period);
  if (clear) return clear;
  // Two figures for the latest period: the one whose figures are not round (a target's are) is the value.
  const top = [...currents, ...lone].sort((a, b) => latestFirst(a, b) || round(a.col) - round(b.col))[0];
  return top?.period && periodEnd(top.period) > seriesEnd && !spans(top.period, seriesEnd) ? top : undefined;
}

/** Earlier dated columns: the latest year before the current figure is last year's; the rest are not read. */
function history(
  columns: ColumnInfo[],
  dated: ColumnInfo[],
  current: ColumnInfo | undefined,
  seriesEnd: number,
): void {
  let previousTaken = columns.some((c) => c.role === "previous");
  for (const c of dated.sort(latestFirst)) {
    if (c === current) continue;
    const own = c.own.replace(/\s+/g, " ");
    if (c.period && spans(c.period, seriesEnd)) {
      c.role = null;
      c.confidence = 0;
      c.evidence = `${c.letter} is not read: its header says '${own}', ${c.period.label}, the year the series runs in, not a figure of the series`;
    } else if (!previousTaken && c.period?.granularity === "year") {
      previousTaken = true;
      c.role = "previous";
      c.evidence = `${c.letter} is Previous because its header says '${own}' (${c.period.label}), a year before the latest figure`;
    } else {
      c.role = null;
      c.confidence = 0;
      c.evidence = `${c.letter} is not read: its header says '${own}', ${c.period ? `${c.period.label}, ` : ""}an earlier figure than ${current ? current.letter : "the series"}`;
    }
  }
}

/** Decides the series, the current column among dated ones, and last year's; returns the series. */
export function seriesColumns(
  columns: ColumnInfo[],
  round: (col: number) => number = () => 0,
): SeriesColumn[] {
  const { grain, most } = seriesGrain(columns);
  const inSeries = (c: ColumnInfo): boolean =>
    c.role === "period" &&
    c.period !== undefined &&
    runOf(c.period) === grain &&
    (most >= 2 || c.pinned === true);
  const series: SeriesColumn[] = [];
  for (const c of columns) if (inSeries(c) && c.period) series.push({ col: c.col, period: c.period });
  series.sort(inTime);
  dropRepeatedPeriods(series, columns, round);
  // Dated columns of another frequency beside the series (a year-end outturn beside months) are
  // comparators: the latest figure where later than the series, else last year's or history.
  const lone = columns.filter((c) => c.role === "period" && !inSeries(c) && c.period && !c.pinned);
  const seriesEnd = series.length ? Math.max(...series.map((s) => periodEnd(s.period))) : -Infinity;
  const currents = columns.filter((c) => c.role === "current");
  const current = currentOf(currents, lone, seriesEnd, round);
  if (current && current.role === "period") {
    current.evidence = `${current.letter} is Current because its header says '${current.own}' (${current.period?.label}), the latest period on the sheet${series.length ? `, later than the series by ${series[0].period.granularity}` : ""}`;
  }
  if (current) current.role = "current";
  history(columns, [...currents, ...lone], current, seriesEnd);
  return series;
}
