/**
 * Period labels and dates -> time order. Councils label columns "May 18", "Oct-18", "October 2018",
 * "2017/18", "Q2 2021/22", "2021/22 Q2", or with real Excel dates formatted as months. Each becomes a
 * Period with an ordinal, so series can be sorted and "the same period last year" found.
 */
import { Cell, isError } from "./grid";
import { isDateFormat } from "./values";

export type Granularity = "month" | "quarter" | "year";

export interface Period {
  granularity: Granularity;
  /** Months since year 0 for months; financial quarters since year 0; financial year start for years. */
  ordinal: number;
  label: string;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function fullYear(y: number): number {
  if (y >= 100) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.toLowerCase().slice(0, 3));
}

export function monthPeriod(year: number, month0: number): Period {
  return {
    granularity: "month",
    ordinal: year * 12 + month0,
    label: `${MONTH_NAMES[month0].slice(0, 3)} ${String(year % 100).padStart(2, "0")}`,
  };
}

function yearPeriod(start: number): Period {
  return {
    granularity: "year",
    ordinal: start,
    label: `${start}/${String((start + 1) % 100).padStart(2, "0")}`,
  };
}

function quarterPeriod(fyStart: number, q: number): Period {
  return {
    granularity: "quarter",
    ordinal: fyStart * 4 + (q - 1),
    label: `Q${q} ${fyStart}/${String((fyStart + 1) % 100).padStart(2, "0")}`,
  };
}

/** Excel serial date -> calendar year and month (the 1900 leap-year bug does not matter at month grain). */
export function serialToYearMonth(serial: number): { year: number; month0: number; day: number } {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month0: d.getUTCMonth(), day: d.getUTCDate() };
}

const FY = String.raw`(\d{2}|\d{4})\s*[\/\-–]\s*(\d{2}|\d{4})`;
const RE_YEAR = new RegExp(String.raw`^(?:fy\s*)?${FY}$`, "i");
const RE_Q_FIRST = new RegExp(String.raw`^q\s*([1-4])\s*(?:of\s*)?(?:${FY}|(\d{4}))$`, "i");
const RE_Q_LAST = new RegExp(String.raw`^${FY}\s*q\s*([1-4])$`, "i");
const RE_MONTH = /^([a-z]{3,9})\.?[\s\-'’/]*(\d{2}|\d{4})$/i;
const RE_NUMERIC_MONTH = /^(\d{1,2})[/-](\d{4})$/;

function financialYear(a: string, b: string): number | null {
  const start = fullYear(Number(a));
  const endRaw = Number(b);
  const end = b.length === 4 ? endRaw : fullYear(endRaw);
  return end === start + 1 ? start : null;
}

export function parsePeriodLabel(label: string): Period | null {
  const s = label.replace(/\s+/g, " ").trim();
  if (!s || s.length > 24) return null;
  let m = RE_YEAR.exec(s);
  if (m) {
    const start = financialYear(m[1], m[2]);
    return start === null ? null : yearPeriod(start);
  }
  m = RE_Q_FIRST.exec(s);
  if (m) {
    const q = Number(m[1]);
    if (m[2] && m[3]) {
      const start = financialYear(m[2], m[3]);
      return start === null ? null : quarterPeriod(start, q);
    }
    // "Q2 2021" is a calendar quarter; file it in the financial year it falls in.
    const year = Number(m[4]);
    const month0 = (q - 1) * 3;
    const fyStart = month0 >= 3 ? year : year - 1;
    const fq = ((q + 2) % 4) + 1;
    return quarterPeriod(fyStart, fq);
  }
  m = RE_Q_LAST.exec(s);
  if (m) {
    const start = financialYear(m[1], m[2]);
    return start === null ? null : quarterPeriod(start, Number(m[3]));
  }
  m = RE_MONTH.exec(s);
  if (m) {
    const mi = monthIndex(m[1]);
    const full = m[1].toLowerCase();
    const name = MONTH_NAMES[mi]?.toLowerCase() ?? "";
    if (mi >= 0 && (full.length === 3 || name.startsWith(full) || full === "sept")) {
      return monthPeriod(fullYear(Number(m[2])), mi);
    }
  }
  m = RE_NUMERIC_MONTH.exec(s);
  if (m) {
    const month = Number(m[1]);
    if (month >= 1 && month <= 12) return monthPeriod(Number(m[2]), month - 1);
  }
  return null;
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
  const q = /\bQ([1-4])\s*(\d{4})\s*[/-]\s*(\d{2,4})\b/i.exec(s);
  if (q) return `Q${q[1]} ${q[2]}/${q[3].slice(-2)}`;
  const monthYear =
    /\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4})\b/i.exec(
      s,
    );
  if (monthYear)
    return `${monthYear[1][0].toUpperCase()}${monthYear[1].slice(1).toLowerCase()} ${monthYear[2]}`;
  return null;
}
