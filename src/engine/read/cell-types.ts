/**
 * The first look a person gives a sheet: what kind of thing each cell holds, before any word in it is
 * understood. Every cell gets one type in a single pass over the grid (linear in cells), and every row a
 * summary of its types, so that tables can be found by their shape rather than by their header words.
 */
import { Cell, Grid, isError } from "../grid";
import { parsePeriodLabel, isYearNumber } from "./period-grammar";
import { SUPPRESSED, isDateFormat, isPercentFormat } from "./values";

export const CellType = {
  blank: 0,
  shortText: 1,
  longText: 2,
  number: 3,
  percent: 4,
  /** A number written as text: "96%", "2,580", "88.3% (53/60)", "6 out of 15". */
  numericText: 5,
  /** A real Excel date (a number with a date format). */
  date: 6,
  /** Text that reads as a period: "May 18", "Q2 2023/24", "Actual 2017/18". */
  period: 7,
  /** A whole number that could be a year (1990 to 2100), written without a format. */
  year: 8,
  /** Deliberately empty: "n/a", "-", "tbc", TRUE/FALSE. */
  missing: 9,
  /** An error value such as #DIV/0!. */
  error: 10,
} as const;
export type CellType = (typeof CellType)[keyof typeof CellType];

/** Set on a cell's type where its value is a formula's result (the host says so). */
export const FORMULA = 0x80;
const TYPE_MASK = 0x7f;

/** Text longer than this, or as long with several words, reads as a sentence or a title. */
const LONG_TEXT = 40;
/** The figures a period needs: a year (two digits or four) or a quarter's number. */
const TIME_FIGURES = /\d\d|\b(?:q|qtr|quarter|ch)\s*[1-4]\b/i;
/** A single word that could be a month's name (English or Welsh): the only period without a figure. */
const BARE_WORD =
  /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ion|chw|maw|ebr|mai|meh|gor|aws|med|hyd|tac|rha)[a-z]{0,7}\.?$/i;
const NUMBERED = /^\d{1,3}[.)]$/;
const PLAIN_FIGURE = /^[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?\s*%?$/;
/** Period labels typed as such are short; headers' longer labels are read for periods where they are. */
const PERIOD_LABEL = 24;
const MISSING =
  /^(?:n\/?a|na|n\.a\.?|-+|–|—|\.\.?|\*|x|tbc|tba|no data|not available|not applicable|nil|none)$/i;
const NUMERIC_TEXT = /^[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?\s*(?:%|per\s*cent\b)?/i;

/** "2009/10 Target", "2017-18 outturn (provisional)": a label that starts with a year, not a figure. */
function leadingPeriod(t: string): boolean {
  const space = t.indexOf(" ");
  if (space < 0) return false;
  const head = t.slice(0, space);
  return /^\d{2,4}\s*[/\-–]\s*\d{2,4}$/.test(head) && parsePeriodLabel(head) !== null;
}

/** A text that starts with a figure: a number written as text, or a label that starts with a year. */
function typeOfDigitText(t: string): CellType {
  // "1.", "2)": a numbered label, not a figure.
  if (NUMBERED.test(t)) return CellType.shortText;
  // "96%", "2,580", "0.5": a figure at once (a bare "2019" may head a column of that year).
  if (PLAIN_FIGURE.test(t) && !/^\d{4}$/.test(t)) return CellType.numericText;
  if ((t.length <= 40 && parsePeriodLabel(t)) || leadingPeriod(t)) return CellType.period;
  const m = NUMERIC_TEXT.exec(t);
  return m && /\d/.test(m[0]) ? CellType.numericText : CellType.shortText;
}

/** At most four words: period labels are short ("Qtr 2 2023/24", "End of Q1 2019/20"). */
function fewWords(t: string): boolean {
  let spaces = 0;
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 32 && ++spaces > 3) return false;
  return true;
}

function typeOfText(raw: string): CellType {
  const s = raw.length > 200 ? raw.slice(0, 200) : raw;
  const t = s.trim();
  if (t === "") return CellType.blank;
  if (t.length <= 12 && (MISSING.test(t) || SUPPRESSED.test(t))) return CellType.missing;
  const c = t.charCodeAt(0);
  const digitFirst =
    (c >= 48 && c <= 57) || ((c === 45 || c === 43 || c === 8722 || c === 46) && /^.\d/.test(t));
  if (digitFirst) return typeOfDigitText(t);
  if (t.length > LONG_TEXT || (t.length >= 28 && t.split(/\s+/).length >= 5)) return CellType.longText;
  // Short labels only: "May 18", "Q2 2023/24", "Actual 2017/18", "April". Longer words that hold a
  // period ("Short term DOT against 2016/17") are labels all the same, and read as periods in headers.
  if (
    t.length <= PERIOD_LABEL &&
    fewWords(t) &&
    (TIME_FIGURES.test(t) || BARE_WORD.test(t)) &&
    parsePeriodLabel(t)
  )
    return CellType.period;
  return CellType.shortText;
}

/** The type of one cell, without its formula mark. */
export function typeOfCell(cell: Cell): CellType {
  const v = cell.value;
  if (v === null) return CellType.blank;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return CellType.error;
    if (isDateFormat(cell.format)) return CellType.date;
    if (isPercentFormat(cell.format)) return CellType.percent;
    if (isYearNumber(v) && (!cell.format || /^(general|0|@)$/i.test(cell.format))) return CellType.year;
    return CellType.number;
  }
  if (typeof v === "string") return typeOfText(v);
  if (typeof v === "boolean") return CellType.missing;
  return isError(v) ? CellType.error : CellType.shortText;
}

export function baseType(t: number): CellType {
  return (t & TYPE_MASK) as CellType;
}

export function isFigureType(t: number): boolean {
  const b = t & TYPE_MASK;
  return b === CellType.number || b === CellType.percent || b === CellType.numericText;
}

export function isTextType(t: number): boolean {
  const b = t & TYPE_MASK;
  return b === CellType.shortText || b === CellType.longText;
}

/** Header-like: words, periods, years or dates, but no figures. */
export function isLabelType(t: number): boolean {
  const b = t & TYPE_MASK;
  return isTextType(b) || b === CellType.period || b === CellType.year || b === CellType.date;
}

/** What one row holds, counted by type. */
export interface RowShape {
  filled: number;
  text: number;
  long: number;
  /** Numbers, percentages and numbers written as text. */
  figures: number;
  /** Whole numbers in the years' range: a header of years, or small counts. */
  years: number;
  dates: number;
  periods: number;
  /** "n/a", "-", errors: places where a figure would be. */
  slots: number;
  formulas: number;
  first: number;
  last: number;
}

export interface TypedGrid {
  grid: Grid;
  width: number;
  /** One type per cell, row after row (with FORMULA set where the host marked a formula). */
  cells: Uint8Array;
  /** Where each row's types start in `cells`; the row's length is the next start less its own. */
  starts: Int32Array;
  shapes: RowShape[];
}

function shapeOf(cells: Uint8Array, from: number, to: number): RowShape {
  const s: RowShape = {
    filled: 0,
    text: 0,
    long: 0,
    figures: 0,
    years: 0,
    dates: 0,
    periods: 0,
    slots: 0,
    formulas: 0,
    first: -1,
    last: -1,
  };
  for (let i = from; i < to; i++) {
    const raw = cells[i];
    const t = raw & TYPE_MASK;
    if (raw & FORMULA) s.formulas++;
    if (t === CellType.blank) continue;
    s.filled++;
    if (s.first < 0) s.first = i - from;
    s.last = i - from;
    if (t === CellType.shortText || t === CellType.longText) {
      s.text++;
      if (t === CellType.longText) s.long++;
    } else if (t === CellType.number || t === CellType.percent || t === CellType.numericText) s.figures++;
    else if (t === CellType.year) s.years++;
    else if (t === CellType.date) s.dates++;
    else if (t === CellType.period) s.periods++;
    else s.slots++;
  }
  return s;
}

/** Types every cell of the grid once, into one buffer (one allocation, however many rows). */
export function typeGrid(grid: Grid): TypedGrid {
  const rows = grid.rows.length;
  const starts = new Int32Array(rows + 1);
  let width = 0;
  for (let r = 0; r < rows; r++) {
    const n = grid.rows[r]?.length ?? 0;
    starts[r + 1] = starts[r] + n;
    if (n > width) width = n;
  }
  const cells = new Uint8Array(starts[rows]);
  const shapes: RowShape[] = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const row = grid.rows[r] ?? [];
    const base = starts[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell) cells[base + c] = typeOfCell(cell) | (cell.formula ? FORMULA : 0);
    }
    shapes[r] = shapeOf(cells, base, starts[r + 1]);
  }
  return { grid, width, cells, starts, shapes };
}

export function typeAt(t: TypedGrid, row: number, col: number): CellType {
  if (row < 0 || row >= t.shapes.length) return CellType.blank;
  const i = t.starts[row] + col;
  return (col >= 0 && i < t.starts[row + 1] ? t.cells[i] & TYPE_MASK : CellType.blank) as CellType;
}

/** How many cells row r holds (its ragged length). */
export function rowLength(t: TypedGrid, row: number): number {
  return t.starts[row + 1] - t.starts[row];
}
