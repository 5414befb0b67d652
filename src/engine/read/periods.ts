/**
 * Period cells -> time order. The label grammar ("May 18", "Qtr 2 2023/24", "Ch1 / Q1 12-13", "2016/17
 * outturn") lives in period-grammar.ts; this module adds real Excel dates formatted as months, the
 * same period a year earlier, and the reporting period named in a title.
 */
import { Cell, isError } from "../grid";
import { isDateFormat } from "./values";
import { Period, monthPeriod, parsePeriodLabel } from "./period-grammar";

export type { Granularity, Period } from "./period-grammar";
export { MONTH_NAMES, monthPeriod, parsePeriodLabel, periodEnd } from "./period-grammar";

/** Excel serial date -> calendar year and month (the 1900 leap-year bug does not matter at month grain). */
export function serialToYearMonth(serial: number): { year: number; month0: number; day: number } {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month0: d.getUTCMonth(), day: d.getUTCDate() };
}

export function parsePeriodCell(cell: Cell): Period | null {
  const v = cell.value;
  if (typeof v === "number" && isDateFormat(cell.format) && v > 20000 && v < 80000) {
    const { year, month0 } = serialToYearMonth(v);
    return monthPeriod(year, month0);
  }
  if (typeof v === "string") return parsePeriodLabel(v);
  if (v !== null && !isError(v) && cell.text) return parsePeriodLabel(cell.text);
  return null;
}

/** Ordinal of the same period a year earlier. */
export function yearEarlier(p: Period): number {
  return p.ordinal - (p.granularity === "month" ? 12 : p.granularity === "quarter" ? 4 : 1);
}

/** "October 2018", "Q2 2021/22", "2018-10-31" -> a reporting period label, if the text is one. */
export function reportingPeriodIn(text: string): string | null {
  const s = text.trim();
  const q = /\b(?:Q|Qtr\.?|Quarter)\s*([1-4]),?\s*(\d{4})\s*[/-]\s*(\d{2,4})\b/i.exec(s);
  if (q) return `Q${q[1]} ${q[2]}/${q[3].slice(-2)}`;
  const monthYear =
    /\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4})\b/i.exec(
      s,
    );
  if (monthYear)
    return `${monthYear[1][0].toUpperCase()}${monthYear[1].slice(1).toLowerCase()} ${monthYear[2]}`;
  return null;
}
