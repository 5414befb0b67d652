/**
 * Cell -> measurement. Scorecards hold numbers in every disguise: "96%" as text beside 0.944 with a
 * percentage format, "2,580", "1362 - this result is provisional", "88.3% (53/60)", "89.1 per 10,000",
 * "6 out of 15". This module reads them all into one shape, and never guesses a number that is not there.
 */
import { Cell, cellText, isError } from "../grid";

export type Unit = "percent" | "rate" | "score" | "number";

export type MeasurementKind =
  /** a number was read */
  | "number"
  /** deliberately empty: blank, "n/a", "-", "New PI" */
  | "missing"
  /** something is there but it is not a number: text, or an error value such as #DIV/0! */
  | "invalid";

export interface Measurement {
  kind: MeasurementKind;
  /** Percentages are fractions (94.4% is 0.944). Null unless kind is "number". */
  value: number | null;
  unit: Unit;
  /** Decimal places shown in the source, in the unit's display (94.4% has 1). */
  decimals: number;
  provisional: boolean;
  /** Counts embedded in the cell: "88.3% (53/60)", "62% (8 out of 13 homes)". */
  numerator?: number;
  denominator?: number;
  /** "per 10,000" for rates; "out of 15" for scores. */
  per?: number;
  /** Why the cell is missing or invalid, or the words that followed the number. */
  note?: string;
  /** What the cell said, for messages. */
  raw: string;
}

const MISSING_WORDS =
  /^(n\/?a|na|n\.a\.?|nil return|-+|–|—|\.\.?|\*|x|tbc|tba|not available|not applicable|no data|none|awaiting data|data not available|not yet available|no return)$/i;
const NEW_INDICATOR = /^new (pi|indicator|measure|kpi)\b/i;
const PROVISIONAL = /provisional|\bprov\.?\b|unvalidated|not yet validated/i;

// A number with optional thousands separators, sign and exponent ("1.5E+03", as Excel shows large
// numbers); the first one in the text is the measurement.
const NUMBER = String.raw`(?:[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+−]?\.\d+)(?:[eE][-+]?\d+)?`;
const LEADING = new RegExp(
  String.raw`^(?:score\s+of\s+|c\.\s*|approx\.?\s*|~\s*)?(${NUMBER})\s*(%|per\s*cent\b|pc\b)?`,
  "i",
);
const PER = new RegExp(String.raw`^\s*per\s+(${NUMBER})`, "i");
const OUT_OF = new RegExp(String.raw`^\s*(?:out\s+of|/)\s*(${NUMBER})`, "i");
const EMBEDDED_COUNTS = new RegExp(String.raw`\(\s*(${NUMBER})\s*(?:\/|out\s+of)\s*(${NUMBER})`, "i");

export function toNumber(s: string): number {
  return Number(s.replace(/,/g, "").replace("−", "-"));
}

function decimalsOf(numberText: string): number {
  const [mantissa, exponent = "0"] = numberText.split(/[eE]/);
  const dot = mantissa.indexOf(".");
  return Math.max(0, (dot < 0 ? 0 : mantissa.length - dot - 1) - Number(exponent));
}

/** Decimal places a number format shows: "0.0%" -> 1, "#,##0" -> 0, "General" -> undefined. */
const FORMAT_DECIMALS = new Map<string, number | undefined>();
const FORMAT_PERCENT = new Map<string, boolean>();

export function formatDecimals(format: string | undefined): number | undefined {
  if (!format) return undefined;
  if (FORMAT_DECIMALS.has(format)) return FORMAT_DECIMALS.get(format);
  const d = decimalsOfFormat(format);
  FORMAT_DECIMALS.set(format, d);
  return d;
}

function decimalsOfFormat(format: string): number | undefined {
  if (/general/i.test(format)) return undefined;
  const section = format.split(";")[0];
  const m = /\.(0+)/.exec(section);
  return m ? m[1].length : 0;
}

export function isPercentFormat(format: string | undefined): boolean {
  if (!format) return false;
  let p = FORMAT_PERCENT.get(format);
  if (p === undefined) {
    p = /%/.test(format.split(";")[0].replace(/"[^"]*"/g, ""));
    FORMAT_PERCENT.set(format, p);
  }
  return p;
}

const FORMAT_DATE = new Map<string, boolean>();

export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  let d = FORMAT_DATE.get(format);
  if (d === undefined) {
    d = isDateFormatUncached(format);
    FORMAT_DATE.set(format, d);
  }
  return d;
}

function isDateFormatUncached(format: string): boolean {
  const f = format.split(";")[0].replace(/"[^"]*"|\[[^\]]*\]/g, "");
  return /[dmy]/i.test(f) && !/[#0?]/.test(f.replace(/[dmyhs:/\-\s.,]/gi, "").replace(/0/g, ""));
}

function decimalsOfNumber(value: number, unit: Unit): number {
  const shown = unit === "percent" ? value * 100 : value;
  for (let d = 0; d <= 3; d++) {
    if (Math.abs(Math.round(shown * 10 ** d) - shown * 10 ** d) < 1e-6) return d;
  }
  return unit === "percent" ? 1 : 2;
}

/**
 * The marks statistics put where a figure is withheld or not published: the Government Statistical
 * Service's "[c]" (confidential), "[x]" (not available), "[z]" (not applicable), "[u]", "[w]", "[low]",
 * "c", "x" and "z" without brackets as the Department for Education prints them, ":" and "*", and "<5" for a
 * small count kept back. A person reads them as "not published", not as a broken figure.
 */
export const SUPPRESSED =
  /^(?:\[\s*(?:c|x|z|u|w|k|low|d|e|t)\s*\]|c|x|z|:|\*+|<\s*\d+|supp(?:ressed)?|redacted)$/i;

export function missing(raw: string, note?: string): Measurement {
  return { kind: "missing", value: null, unit: "number", decimals: 0, provisional: false, raw, note };
}

function invalid(raw: string, note: string): Measurement {
  return { kind: "invalid", value: null, unit: "number", decimals: 0, provisional: false, raw, note };
}

export function parseMeasurement(cell: Cell): Measurement {
  const v = cell.value;
  if (v === null) return missing("");
  // Most cells are plain numbers; their text is only wanted in messages, so it is not built here.
  if (typeof v === "number" && Number.isFinite(v)) {
    const unit: Unit = isPercentFormat(cell.format) ? "percent" : "number";
    const decimals = formatDecimals(cell.format) ?? decimalsOfNumber(v, unit);
    return { kind: "number", value: v, unit, decimals, provisional: false, raw: cell.text ?? "" };
  }
  const raw = cellText(cell);
  if (isError(v)) return invalid(raw, `the cell holds the error ${v.error}`);
  if (typeof v === "boolean") return invalid(raw, "the cell holds TRUE/FALSE, not a number");
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return invalid(raw, "the number is not finite");
    const unit: Unit = isPercentFormat(cell.format) ? "percent" : "number";
    const decimals = formatDecimals(cell.format) ?? decimalsOfNumber(v, unit);
    return { kind: "number", value: v, unit, decimals, provisional: false, raw };
  }
  return parseText(v, raw);
}

/** Text that holds a measurement, or says why it does not. */
export function parseText(text: string, raw = text): Measurement {
  const s = text.replace(/\s+/g, " ").trim();
  if (SUPPRESSED.test(s)) return missing(raw, `not published: '${s}'`);
  if (s === "" || MISSING_WORDS.test(s)) return missing(raw);
  if (NEW_INDICATOR.test(s)) return missing(raw, "new indicator: no result yet");
  const provisional = PROVISIONAL.test(s);
  const m = LEADING.exec(s);
  if (!m) {
    if (/^(no target|not applicable)/i.test(s)) return missing(raw);
    return { ...invalid(raw, `'${s}' is not a number`), provisional };
  }
  const numText = m[1];
  let value = toNumber(numText);
  let unit: Unit = "number";
  let decimals = decimalsOf(numText);
  let per: number | undefined;
  let rest = s.slice(m[0].length);
  if (m[2]) {
    unit = "percent";
    value = value / 100;
  } else {
    const p = PER.exec(rest);
    const o = OUT_OF.exec(rest);
    if (p) {
      unit = "rate";
      per = toNumber(p[1]);
      rest = rest.slice(p[0].length);
    } else if (o) {
      unit = "score";
      per = toNumber(o[1]);
      rest = rest.slice(o[0].length);
    }
  }
  if (!Number.isFinite(value)) return invalid(raw, `'${s}' is not a number`);
  decimals = Math.min(decimals, 6);
  const out: Measurement = { kind: "number", value, unit, decimals, provisional, raw, per };
  const counts = EMBEDDED_COUNTS.exec(rest);
  if (counts) {
    out.numerator = toNumber(counts[1]);
    out.denominator = toNumber(counts[2]);
  }
  const note = rest.replace(/^[\s\-–—:;,(]+|[\s)]+$/g, "").trim();
  if (note) out.note = note;
  return out;
}

/** A count cell (numerator, denominator): a plain number, or nothing. */
export function parseCount(cell: Cell): number | undefined {
  const m = parseMeasurement(cell);
  return m.kind === "number" && m.value !== null && m.unit === "number" ? m.value : undefined;
}

// Building an Intl formatter costs far more than using one; a scorecard formats thousands of numbers.
const FORMATTERS = new Map<number, Intl.NumberFormat>();

export function numberFormatter(decimals: number): Intl.NumberFormat {
  let f = FORMATTERS.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat("en-GB", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    FORMATTERS.set(decimals, f);
  }
  return f;
}

/**
 * en-GB digits with thousands commas, as Intl would write them, without Intl's cost: a scorecard of
 * 10,000 indicators formats hundreds of thousands of numbers for its reasons.
 */
export function groupedFixed(x: number, decimals: number): string {
  if (!Number.isFinite(x)) return numberFormatter(decimals).format(x);
  const fixed = Math.abs(x).toFixed(decimals);
  const dot = fixed.indexOf(".");
  let int = dot < 0 ? fixed : fixed.slice(0, dot);
  if (int.length > 3) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const body = dot < 0 ? int : int + fixed.slice(dot);
  return x < 0 && /[1-9]/.test(fixed) ? `-${body}` : body;
}

/** The displayed form of a value in its unit, e.g. 0.944 -> "94.4%", 2580 -> "2,580". */
export function formatValue(value: number, unit: Unit, decimals: number, per?: number): string {
  const shown = unit === "percent" ? value * 100 : value;
  const body = groupedFixed(shown, decimals);
  switch (unit) {
    case "percent":
      return `${body}%`;
    case "rate":
      return per ? `${body} per ${groupedFixed(per, 0)}` : body;
    case "score":
      return per ? `${body} out of ${groupedFixed(per, 0)}` : body;
    default:
      return body;
  }
}

/** Excel number format for a unit at a precision, for the committee sheet. */
export function excelFormat(unit: Unit, decimals: number, per?: number): string {
  const frac = decimals > 0 ? "." + "0".repeat(decimals) : "";
  if (unit === "percent") return `0${frac}%`;
  // A rate or a score keeps its unit in the cell, as the source wrote it: 89.1 per 10,000, 6 out of 15.
  if (unit === "rate" && per) return `#,##0${frac}" per ${groupedFixed(per, 0)}"`;
  if (unit === "score" && per) return `#,##0${frac}" out of ${groupedFixed(per, 0)}"`;
  return `#,##0${frac}`;
}

/** A difference or tolerance in words: "2.5 percentage points", "1 point", "3.2 per 10,000", "41". */
export function describeAmount(amount: number, unit: Unit, decimals: number, per?: number): string {
  const a = Math.abs(amount);
  const plural = (n: string, word: string) => `${n} ${word}${n === "1" ? "" : "s"}`;
  switch (unit) {
    case "percent": {
      const pts = a * 100;
      const d = pts < 1 ? 2 : 1;
      return plural(String(Math.round(pts * 10 ** d) / 10 ** d), "percentage point");
    }
    case "score":
      return plural(String(Math.round(a * 100) / 100), "point");
    case "rate":
      return formatValue(a, unit, Math.max(decimals, 1), per);
    default:
      return formatValue(a, unit, Number.isInteger(a) ? 0 : Math.max(decimals, 1));
  }
}
