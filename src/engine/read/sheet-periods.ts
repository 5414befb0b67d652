/**
 * The periods of a whole sheet: every table's series together, in time order, each label once. Where a
 * sheet holds one table this is simply its series.
 */
import type { SeriesColumn } from "./column-info";
import { Period, periodEnd } from "./period-grammar";

export function sheetPeriods(tables: { series: SeriesColumn[] }[]): Period[] {
  if (tables.length === 1) return tables[0].series.map((s) => s.period);
  const byLabel = new Map<string, Period>();
  for (const t of tables)
    for (const s of t.series) if (!byLabel.has(s.period.label)) byLabel.set(s.period.label, s.period);
  return [...byLabel.values()].sort((a, b) => periodEnd(a) - periodEnd(b) || a.ordinal - b.ordinal);
}
