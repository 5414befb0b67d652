/**
 * A paper "as at" an earlier period of the series, as analysts re-issue one: the series is cut at that
 * period, so its value, the previous period and the same period last year are all read relative to it.
 * The Current, Num and Denom columns (and the previous report's RAG and direction) describe the latest
 * period only, so they are set aside unless the chosen period is the latest. Every table of the sheet is
 * cut at the same point in time.
 */
import type { Analysis } from "./assess";
import type { Layout, TableLayout } from "../read/layout";
import { periodEnd } from "../read/period-grammar";
import { sheetPeriods } from "../read/sheet-periods";

export interface AsAtResult {
  layout: Layout;
  /** The period the paper reports, or undefined where the sheet has no series. */
  period?: string;
  /** Every period of the series, to choose from. */
  periods: string[];
  /** Why the chosen period could not be used. */
  note?: string;
}

// What the sheet says about its latest period, and about the report before it, is not true of an earlier one.
const LATEST_ONLY = ["current", "numerator", "denominator", "previousRag", "previousDirection"] as const;

function cutTable(t: TableLayout, end: number): TableLayout {
  const series = t.series.filter((s) => periodEnd(s.period) <= end);
  if (series.length === t.series.length) return t;
  const roles: TableLayout["roles"] = Object.fromEntries(
    Object.entries(t.roles).filter(([r]) => !(LATEST_ONLY as readonly string[]).includes(r)),
  );
  return { ...t, roles, series };
}

export function layoutAsAt(layout: Layout, asAt: string | undefined): AsAtResult {
  const all = sheetPeriods(layout.tables);
  const periods = all.map((p) => p.label);
  const latest = periods.length ? periods[periods.length - 1] : undefined;
  if (asAt === undefined) return { layout, period: latest, periods };
  const wanted = asAt.trim().toLowerCase();
  const i = periods.findIndex((p) => p.toLowerCase() === wanted);
  if (i < 0) {
    return {
      layout,
      period: latest,
      periods,
      note: `The paper was set to report as at '${asAt}', which is not a period of sheet '${layout.sheet}' (${periods.length ? `${periods[0]} to ${latest}` : "it has no monthly or quarterly series"}); ${latest ? `the latest, ${latest}, is used` : "its current values are used"}.`,
    };
  }
  if (i === periods.length - 1) return { layout, period: latest, periods };
  const tables = layout.tables.map((t) => cutTable(t, periodEnd(all[i])));
  const first = tables[0];
  return {
    layout: { ...layout, tables, roles: first.roles, series: first.series },
    period: periods[i],
    periods,
  };
}

/** The period a paper reports: as stated (or chosen), else the latest of its series. */
export function reportedPeriod(a: Pick<Analysis, "reportingPeriod" | "periods">): string | undefined {
  return a.reportingPeriod ?? (a.periods.length ? a.periods[a.periods.length - 1] : undefined);
}
