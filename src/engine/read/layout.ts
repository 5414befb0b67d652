/**
 * Where the scorecard is on the sheet, read as a person reads it: every cell typed, the tables found by
 * their shape (figures under the labels that stand over them), each column's role from its header words,
 * its cells and its place, and every row under each header read as an indicator, a section, a repeated
 * header, a note. Nothing here judges a value; it only finds them.
 */
import { Grid, cellRef, cellText, columnIndex, columnLetter } from "../grid";
import { cutText } from "../text-cut";
import { TypedGrid, typeGrid } from "./cell-types";
import { ColumnInfo, SeriesColumn } from "./column-info";
import { FoundTable, findTables, headerTopOf, isFigureRow, titleRowsAbove } from "./find-tables";
import { SheetLabels } from "./merge-map";
import { BodyState, RowInfo, bodyRows } from "./body-rows";
import { Role, roleOfLabel } from "./roles";
import { sheetTitle } from "./sheet-title";
import { Pins, TableLayout, readTable } from "./table-layout";

export type { ColumnInfo } from "./column-info";
export type { RowInfo, RowKind } from "./body-rows";
export type { TableLayout } from "./table-layout";

export interface Layout {
  sheet: string;
  title?: string;
  reportingPeriod?: string;
  /** The first table's header rows, columns, roles and series (every table's are in `tables`). */
  headerTop: number;
  headerBottom: number;
  columns: ColumnInfo[];
  /** The column of each single-column role. */
  roles: Partial<Record<Role, number>>;
  /** The time series, in time order. */
  series: SeriesColumn[];
  benchmarks: number[];
  /** Every table found on the sheet, top to bottom; each row says which it belongs to. */
  tables: TableLayout[];
  rows: RowInfo[];
  /** Tables found but not read, and why. */
  setAside: string[];
}

export class LayoutError extends Error {
  constructor(
    message: string,
    readonly sheet: string,
  ) {
    super(message);
    this.name = "LayoutError";
  }
}

export interface LayoutOptions {
  columns?: Partial<Record<Role, string>>;
  /** 1-based sheet rows of the header block's first and last rows, where detection needs help. */
  headerRows?: { top: number; bottom: number };
  /** 1-based sheet row of the header's last row alone; the rows above it are still detected. */
  headerRow?: number;
}

/** Rows shown in the message when no table is found. */
const SCAN_ROWS = 60;

function sheetRow(grid: Grid, r: number): number {
  return cellRef(grid, r, 0).row;
}

function emptySheet(sheet: string): string {
  return `Sheet '${sheet}' is empty: choose the sheet that holds the scorecard.`;
}

function toGridRow(grid: Grid, sheetRowNumber: number, what: string): number {
  const r = sheetRowNumber - 1 - (grid.originRow ?? 0);
  // An empty sheet has no used range to name ("rows 1-0"): what the analyst needs to hear is that it is empty.
  if (!grid.rows.length) throw new LayoutError(emptySheet(grid.sheet), grid.sheet);
  if (r < 0 || r >= grid.rows.length) {
    throw new LayoutError(
      `Sheet '${grid.sheet}': the header ${what} set in the settings (row ${sheetRowNumber}) is outside the used range ` +
        `(rows ${(grid.originRow ?? 0) + 1}-${(grid.originRow ?? 0) + grid.rows.length}).`,
      grid.sheet,
    );
  }
  return r;
}

function resolvePins(grid: Grid, width: number, letters: Partial<Record<Role, string>> = {}): Pins {
  const cols: Partial<Record<Role, number>> = {};
  for (const [role, letter] of Object.entries(letters) as [Role, string][]) {
    const c = columnIndex(letter) - (grid.originCol ?? 0);
    if (c < 0 || c >= width) {
      throw new LayoutError(
        `Sheet '${grid.sheet}': the settings pin ${role} to column ${letter}, which is outside the used range (${columnLetter(grid.originCol ?? 0)}-${columnLetter((grid.originCol ?? 0) + width - 1)}).`,
        grid.sheet,
      );
    }
    cols[role] = c;
  }
  return { cols, letters };
}

/** The table under header rows the settings pin: its body runs to the end of the sheet. */
function pinnedTable(
  grid: Grid,
  labels: SheetLabels,
  options: LayoutOptions,
  t: ReturnType<typeof typeGrid>,
): FoundTable {
  const pinned = options.headerRows;
  const bottom = toGridRow(
    grid,
    pinned?.bottom ?? options.headerRow ?? 0,
    pinned ? "block's last row" : "row",
  );
  let top = pinned ? toGridRow(grid, pinned.top, "block's first row") : headerTopOf(t, labels, bottom);
  if (top > bottom) top = bottom;
  return {
    headerTop: top,
    headerBottom: bottom,
    bodyTop: bottom + 1,
    bodyBottom: grid.rows.length - 1,
    titleRows: titleRowsAbove(t, top, 0),
  };
}

function noTable(grid: Grid, t: ReturnType<typeof typeGrid>): LayoutError {
  const scan = Math.min(grid.rows.length, SCAN_ROWS);
  const seen: string[] = [];
  for (let r = 0; r < scan && seen.length < 3; r++) {
    const texts = (grid.rows[r] ?? []).map((c) => (c ? cellText(c) : "")).filter(Boolean);
    if (texts.length)
      seen.push(
        `row ${sheetRow(grid, r)}: ${texts
          .slice(0, 5)
          .map((x) => `'${cutText(x, 30)}'`)
          .join(", ")}`,
      );
  }
  if (!seen.length)
    return new LayoutError(
      `Sheet '${grid.sheet}' is empty: choose the sheet that holds the scorecard.`,
      grid.sheet,
    );
  const figures = t.shapes.some((_, r) => isFigureRow(t, r));
  return new LayoutError(
    `Sheet '${grid.sheet}': no table found in rows 1-${scan}: ` +
      (figures
        ? "no row of labels stands over the rows of figures. "
        : "no rows of figures (numbers or percentages beside the indicators' titles). ") +
      `Found ${seen.join("; ")}. Pin the header rows and columns if this is the scorecard.`,
    grid.sheet,
  );
}

function describeColumns(columns: ColumnInfo[]): string {
  const labelled = columns.filter((c) => c.own);
  if (!labelled.length) return "no labels";
  return labelled
    .slice(0, 12)
    .map((c) => `${c.letter} '${cutText(c.own, 30)}'`)
    .join(", ");
}

/** Why a table cannot give indicators, or null where it can. */
function unreadable(grid: Grid, t: TableLayout): string | null {
  const rows = `the header in rows ${sheetRow(grid, t.headerTop)}-${sheetRow(grid, t.headerBottom)}`;
  if (t.roles.ref === undefined && t.roles.measure === undefined && !t.titleRows.length)
    return (
      `Sheet '${grid.sheet}': ${rows} has no reference or measure column: no column holds the indicators' titles ` +
      `(distinct text beside the figures) and no title stands above the table. Found: ${describeColumns(t.columns)}.`
    );
  if (t.roles.current === undefined && t.series.length === 0)
    return (
      `Sheet '${grid.sheet}': ${rows} has no column for the current value: no column of figures beside the measure, ` +
      `and no period labels such as 'May 18' or '2017/18'. Found: ${describeColumns(t.columns)}. Pin the value column in the settings.`
    );
  return null;
}

/** The section a table's indicators start in: its own title, where the sheet holds several tables. */
function tableSection(t: TableLayout, several: boolean): string | null {
  if (!several) return null;
  if (t.title) return t.title;
  const measure = t.roles.measure === undefined ? undefined : t.columns[t.roles.measure];
  // A measure column headed by the table's own name ("Children in need") rather than a role word.
  return measure && measure.own && roleOfLabel(measure.own) === null ? measure.own : null;
}

function readRows(
  grid: Grid,
  labels: SheetLabels,
  tables: TableLayout[],
  titleTexts: Set<string>,
): RowInfo[] {
  const rows: RowInfo[] = [];
  tables.forEach((t, i) => {
    const keyless = t.roles.ref === undefined && t.roles.measure === undefined;
    const titleRow = t.titleRows[t.titleRows.length - 1];
    const state: BodyState = {
      section: keyless ? null : tableSection(t, tables.length > 1),
      lastIndicator: null,
      pendingTitle:
        keyless && t.title && titleRow !== undefined
          ? { text: t.title, row: titleRow, col: firstFilled(grid, titleRow) }
          : null,
    };
    rows.push(...bodyRows(grid, labels, t, i, titleTexts, state));
  });
  return rows;
}

function firstFilled(grid: Grid, r: number): number {
  const row = grid.rows[r] ?? [];
  for (let c = 0; c < row.length; c++) if (row[c] && cellText(row[c])) return c;
  return 0;
}

function readTables(
  typed: TypedGrid,
  labels: SheetLabels,
  found: FoundTable[],
  pins: Pins,
): { tables: TableLayout[]; setAside: string[] } {
  const grid = typed.grid;
  const tables: TableLayout[] = [];
  const setAside: string[] = [];
  let firstError: string | null = null;
  for (const f of found) {
    const t = readTable(typed, labels, f, pins);
    const why = unreadable(grid, t);
    if (why === null) tables.push(t);
    else {
      firstError ??= why;
      setAside.push(why);
    }
  }
  if (!tables.length)
    throw new LayoutError(firstError ?? `Sheet '${grid.sheet}': no table found.`, grid.sheet);
  return { tables, setAside };
}

export function readLayout(grid: Grid, options: LayoutOptions = {}): Layout {
  // An empty sheet is empty, whatever the settings pin.
  if (!grid.rows.some((r) => r && r.some((c) => c && c.value !== null)))
    throw new LayoutError(emptySheet(grid.sheet), grid.sheet);
  const typed = typeGrid(grid);
  const labels = new SheetLabels(grid, typed.width);
  const pins = resolvePins(grid, typed.width, options.columns);
  const pinned = options.headerRows !== undefined || options.headerRow !== undefined;
  const found = pinned ? [pinnedTable(grid, labels, options, typed)] : findTables(typed, labels);
  if (!found.length) throw noTable(grid, typed);
  const { tables, setAside } = readTables(typed, labels, found, pins);
  const first = tables[0];
  const head = sheetTitle(grid, typed.width, first.headerTop);
  return {
    sheet: grid.sheet,
    title: head.title,
    reportingPeriod: head.reportingPeriod,
    headerTop: first.headerTop,
    headerBottom: first.headerBottom,
    columns: first.columns,
    roles: first.roles,
    series: first.series,
    benchmarks: first.benchmarks,
    tables,
    rows: readRows(grid, labels, tables, head.texts),
    setAside,
  };
}
