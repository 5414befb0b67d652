/**
 * Tables found as a person finds them: runs of rows that hold figures, and above each run the rows of
 * labels that stand over its figures, whatever the labels say. A sheet may hold several tables, each
 * with its own header and title; a header that repeats the one before (a page break) continues the table.
 * Rows are visited once and each run's start looks a few rows up, so finding is linear in cells.
 */
import { cellText } from "../grid";
import { normaliseLabel } from "./roles";
import { CellType, TypedGrid, isFigureType, isLabelType, isTextType, rowLength, typeAt } from "./cell-types";
import { parsePeriodLabel } from "./period-grammar";
import { SheetLabels } from "./merge-map";

export interface FoundTable {
  /** Grid rows, 0-based and inclusive. */
  headerTop: number;
  headerBottom: number;
  bodyTop: number;
  bodyBottom: number;
  /** The text rows directly above the header (a table's own title), nearest last. */
  titleRows: number[];
}

/** Rows skipped (blank, or a single label such as a section name) between a header and its figures. */
const HEADER_GAP = 3;
/** Rows of title looked for above a header. */
const TITLE_ROWS = 2;

/** Words that stamp when a file was made or exported: never part of a header or a title. */
export const STAMP =
  /\b(?:updated|last updated|exported|extracted|downloaded|printed|generated|refreshed|produced|run on|run date|date run|created)\b/i;
/** Notes and caveats above a header: never part of it, never the scorecard's title. */
export const NOTE =
  /^(?:please note|note|notes|nb|n\.b\.|source|caveat|key|data source|exported from|this report|this sheet|all figures|figures are|\*)\b/i;

/** A row that holds figures: the body of a table. A row of years is a header of years. */
export function isFigureRow(t: TypedGrid, r: number): boolean {
  const s = t.shapes[r];
  if (!s || s.filled === 0) return false;
  if (s.figures > 0 || s.years === 0) return s.figures > 0;
  // Years beside other period labels ("2015 | End of Q1 2019/20 | October 2019") head columns.
  if (s.periods + s.dates > 0 || textPeriods(t, r)) return false;
  return s.years === 1 || !yearsRun(t, r);
}

/** Whether a row's words name a period (looked at only in rows of years without figures: few). */
function textPeriods(t: TypedGrid, r: number): boolean {
  const row = t.grid.rows[r] ?? [];
  for (let c = 0; c < row.length; c++) {
    const v = row[c]?.value;
    if (typeof v === "string" && isTextType(typeAt(t, r, c)) && /\d/.test(v) && parsePeriodLabel(v))
      return true;
  }
  return false;
}

/** Two or more year numbers that rise or fall one by one: a header of years, not figures. */
function yearsRun(t: TypedGrid, r: number): boolean {
  const row = t.grid.rows[r] ?? [];
  const years: number[] = [];
  for (let c = 0; c < row.length; c++)
    if (typeAt(t, r, c) === CellType.year) years.push(row[c].value as number);
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.every((y, i) => i === 0 || y - sorted[i - 1] === 1) && new Set(years).size === years.length;
}

/** The columns of a figure row where a value stands: figures, or marks such as "n/a" in their place. */
function valueColumns(t: TypedGrid, r: number): number[] {
  const out: number[] = [];
  const n = rowLength(t, r);
  for (let c = 0; c < n; c++) {
    const b = typeAt(t, r, c);
    if (isFigureType(b) || b === CellType.missing || b === CellType.error || b === CellType.year) out.push(c);
  }
  return out;
}

/** Rows of a header block stacked above a header's last row: labels, no figures, no marks. */
const HEADER_DEPTH = 4;

/**
 * Whether row r is the last row of a header over the figures of row f: it holds two labels, and it and
 * the label rows stacked on it stand over most of f's value columns (a sub-header such as "National |
 * London" under a merged "Benchmarking" labels only some columns itself).
 */
function labelsFigures(t: TypedGrid, labels: SheetLabels, r: number, f: number): boolean {
  const s = t.shapes[r];
  if (!s || s.figures > 0 || s.slots > 0) return false;
  let labelCells = 0;
  for (let c = s.first; c <= s.last && labelCells < 2; c++) if (labels.labelAt(r, c) !== "") labelCells++;
  if (labelCells < 2) return false;
  const cols = valueColumns(t, f);
  if (!cols.length) return false;
  const covered = new Set<number>();
  for (let k = r; k > r - HEADER_DEPTH && k >= 0; k--) {
    const above = t.shapes[k];
    if (above.filled === 0 || above.figures > 0 || above.slots > 0) break;
    for (const c of cols) {
      const own = typeAt(t, k, c);
      if (isLabelType(own) || (own === CellType.blank && labels.labelAt(k, c) !== "")) covered.add(c);
    }
  }
  const over = covered.size;
  return over >= 1 && (over >= 2 || over * 2 >= cols.length);
}

/** The header row directly above the figure row f, or -1: blank and single-label rows are passed. */
function headerAbove(t: TypedGrid, labels: SheetLabels, f: number): number {
  let skipped = 0;
  for (let r = f - 1; r >= 0 && skipped <= HEADER_GAP; r--) {
    if (isFigureRow(t, r)) return -1;
    if (labelsFigures(t, labels, r, f)) return r;
    const s = t.shapes[r];
    if (s.filled > 1 && s.slots === 0 && !isQuiet(t, labels, r)) return -1;
    skipped++;
  }
  return -1;
}

/** A row a header may sit above: blank, or a single label (a section name, a note). */
function isQuiet(t: TypedGrid, labels: SheetLabels, r: number): boolean {
  const s = t.shapes[r];
  if (s.filled <= 1) return true;
  const m = labels.merges.areaOf(r, s.first);
  return m !== undefined && m.right >= s.last;
}

/** The normalised words of a row, for telling a repeated header from a new one. */
function rowWords(t: TypedGrid, labels: SheetLabels, r: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < t.width; c++) out.push(normaliseLabel(labels.ownText(r, c)));
  return out;
}

function sameWords(a: string[], b: string[]): boolean {
  let filled = 0;
  let same = 0;
  for (let c = 0; c < Math.max(a.length, b.length); c++) {
    const x = a[c] ?? "";
    const y = b[c] ?? "";
    if (!x && !y) continue;
    filled++;
    if (x === y) same++;
  }
  return filled > 0 && same >= Math.ceil(filled * 0.8);
}

/** Group-header rows above a header's last row: labels over several columns, no figures, no stamps. */
export function headerTopOf(t: TypedGrid, labels: SheetLabels, bottom: number): number {
  let top = bottom;
  while (top - 1 >= 0) {
    const r = top - 1;
    const s = t.shapes[r];
    if (!s || s.filled === 0 || s.figures > 0 || s.slots > 0 || isFigureRow(t, r)) break;
    let own = 0;
    let groupMerge = false;
    let stamped = false;
    for (let c = s.first; c <= s.last; c++) {
      const text = labels.ownText(r, c);
      if (!text) continue;
      own++;
      stamped ||= STAMP.test(text) || NOTE.test(text);
      const a = labels.merges.areaOf(r, c);
      if (a && a.right > a.left && a.top === r && a.left === c && c > 0) groupMerge = true;
    }
    if (stamped || own === 0 || (own === 1 && !groupMerge)) break;
    top = r;
  }
  return top;
}

/** Single-text rows just above a header (at most one blank between): the table's own title. */
export function titleRowsAbove(t: TypedGrid, headerTop: number, floor: number): number[] {
  const rows: number[] = [];
  let blanks = 0;
  for (let r = headerTop - 1; r >= floor && rows.length < TITLE_ROWS; r--) {
    const s = t.shapes[r];
    if (s.filled === 0) {
      if (++blanks > 1 || rows.length) break;
      continue;
    }
    if (s.filled !== 1 || s.text !== 1) break;
    const text = cellText(t.grid.rows[r][s.first]);
    if (STAMP.test(text) || NOTE.test(text)) break;
    rows.unshift(r);
  }
  return rows;
}

/** The normalised texts of rows top..bottom-1: a title that repeats one of them is a page heading. */
function textsIn(t: TypedGrid, top: number, bottom: number): Set<string> {
  const out = new Set<string>();
  for (let r = Math.max(0, top); r < bottom; r++)
    for (const cell of t.grid.rows[r] ?? []) {
      const text = cell ? normaliseLabel(cellText(cell)) : "";
      if (text) out.add(text);
    }
  return out;
}

/**
 * A header that repeats the table's own is a page break, unless a title of its own stands above it (one
 * not already printed above the first table): then it heads a new table, a section of its own.
 */
function startsTable(
  t: TypedGrid,
  current: Current | null,
  words: string[],
  titles: number[],
  firstTexts: Set<string>,
): boolean {
  if (!current || !sameWords(current.words, words)) return true;
  return titles.some((r) => !firstTexts.has(normaliseLabel(cellText(t.grid.rows[r][t.shapes[r].first]))));
}

interface Current {
  table: FoundTable;
  words: string[];
}

/** Every table on the sheet, top to bottom. */
export function findTables(t: TypedGrid, labels: SheetLabels): FoundTable[] {
  const found: FoundTable[] = [];
  let current: Current | null = null;
  let firstTexts = new Set<string>();
  const rows = t.shapes.length;
  for (let r = 0; r < rows;) {
    if (!isFigureRow(t, r)) {
      r++;
      continue;
    }
    const h = headerAbove(t, labels, r);
    if (h >= 0) {
      const words = rowWords(t, labels, h);
      const top = headerTopOf(t, labels, h);
      const titleRows = titleRowsAbove(t, top, current ? current.table.headerBottom + 1 : 0);
      if (startsTable(t, current, words, titleRows, firstTexts)) {
        const table: FoundTable = {
          headerTop: top,
          headerBottom: h,
          bodyTop: h + 1,
          bodyBottom: rows - 1,
          titleRows,
        };
        if (current) current.table.bodyBottom = (titleRows[0] ?? top) - 1;
        else firstTexts = textsIn(t, 0, top);
        found.push(table);
        current = { table, words };
      }
    }
    while (r < rows && isFigureRow(t, r)) r++;
  }
  return found;
}
