/**
 * How sure the reading of a sheet is, and the sheet as it was read: the tables found, each column's
 * role over its first rows. The pane shows this (and the command line's `analyse --explain` prints it)
 * so that an analyst can see at a glance whether the sheet was read as they would read it, and correct
 * a column by choosing its role, before trusting the paper.
 *
 * The confidence is the least sure of the readings the paper cannot do without (the column of titles and
 * the column of values, in every table), lowered where figure columns were left unread because their
 * header words named nothing, and where candidate columns competed for a role.
 */
import { Cell, Grid, cellAt, cellRef, cellText, columnLetter, gridWidth } from "../grid";
import { cutText } from "../text-cut";
import { parsePeriodCell } from "./periods";
import { formatDecimals, formatValue, isDateFormat, isPercentFormat } from "./values";
import type { Layout, RowKind, TableLayout } from "./layout";
import type { Role } from "./roles";

export type ConfidenceLevel = "high" | "medium" | "low";

/** One table as found on the sheet: 1-based sheet rows and column letters, inclusive. */
export interface TableOutline {
  headerTop: number;
  headerBottom: number;
  /** First and last rows of the body (indicators, sections, notes under the header). */
  top: number;
  bottom: number;
  left: string;
  right: string;
  /** The section its indicators belong to, where the sheet has several tables. */
  section: string | null;
  /** The table's own title, the text just above its header, where there is one. */
  title?: string;
  /** Each column the table reads, with its role, how sure, and why. */
  columns: { letter: string; role: Role; confidence: number; evidence: string }[];
}

export interface PreviewRow {
  /** 1-based sheet row. */
  row: number;
  kind: "above" | "header" | RowKind;
  /** What each cell shows, cut to PREVIEW_CHARS; one per column of Reading.preview.columns. */
  cells: string[];
}

export interface Reading {
  /** 0 to 1: the least sure of the readings the paper cannot do without (the measure, the value). */
  confidence: number;
  level: ConfidenceLevel;
  /** Plain sentences naming what lowered the confidence, for the analyst to check. */
  doubts: string[];
  tables: TableOutline[];
  preview: { columns: { letter: string; role: Role | null; confidence: number }[]; rows: PreviewRow[] };
}

/** The analyst is asked to confirm a reading below this. */
export const CONFIRM_BELOW = 0.8;
export const PREVIEW_BODY_ROWS = 12;
export const PREVIEW_ABOVE_ROWS = 3;
export const PREVIEW_CHARS = 40;
/** What each figure column left unread for want of known header words takes off the confidence. */
const UNREAD_FIGURES = 0.05;
const MOST_UNREAD = 0.15;

export function levelOf(confidence: number): ConfidenceLevel {
  if (confidence >= CONFIRM_BELOW) return "high";
  return confidence >= 0.5 ? "medium" : "low";
}

interface Judged {
  confidence: number;
  doubts: string[];
}

function essential(t: TableLayout, roles: Role[], what: string, fallback?: number): Judged {
  const cols = t.columns.filter((c) => c.role !== null && roles.includes(c.role));
  if (!cols.length && fallback !== undefined) return { confidence: fallback, doubts: [] };
  const best = Math.max(0, ...cols.map((c) => c.confidence));
  if (best >= CONFIRM_BELOW) return { confidence: best, doubts: [] };
  const letters = cols.map((c) => c.letter).join(", ");
  const doubt = cols.length
    ? `${letters} read as ${what} from ${best >= 0.6 ? "the cells alone" : "weak evidence"}; check it.`
    : `No column reads as ${what}; choose one.`;
  return { confidence: best, doubts: [doubt] };
}

/** The titles and the values of one table: how sure, and what to check. */
function tableDoubts(t: TableLayout): Judged {
  // A table without a column of titles takes each indicator's title from the text above its block.
  const titles =
    t.roles.measure === undefined && t.roles.ref === undefined && t.titleRows.length
      ? SURE_BLOCK_TITLES
      : undefined;
  const measure =
    t.roles.measure !== undefined
      ? essential(t, ["measure"], "the measure")
      : essential(t, ["ref"], "the measure", titles);
  const value =
    t.roles.current !== undefined
      ? essential(t, ["current"], "the current value")
      : essential(t, ["current", "period"], "the current value");
  const competing = t.columns.filter((c) => c.role !== null && /could also be|is alike/.test(c.evidence));
  const doubts = [...measure.doubts, ...value.doubts];
  for (const c of competing) doubts.push(`${c.evidence.replace(/ because .*;/, ":")}; check it.`);
  return { confidence: Math.min(measure.confidence, value.confidence), doubts };
}

/** Block titles above each indicator's figures are read from the layout alone. */
const SURE_BLOCK_TITLES = 0.7;

/** Figure columns whose header words named nothing and whose cells did not say what they are. */
function unreadFigures(t: TableLayout): string[] {
  return t.columns
    .filter(
      (c) =>
        c.role === null &&
        c.own &&
        /is not read: its header '.*' names no role and \d+ of \d+ cells are (percentages|numbers)/.test(
          c.evidence,
        ),
    )
    .map((c) => c.letter);
}

function judge(layout: Layout): Judged {
  let confidence = 1;
  const doubts: string[] = [];
  layout.tables.forEach((t, i) => {
    const j = tableDoubts(t);
    confidence = Math.min(confidence, j.confidence);
    const where =
      layout.tables.length > 1 ? `Table ${i + 1}${t.title ? ` ('${cutText(t.title, 40)}')` : ""}: ` : "";
    for (const d of j.doubts) doubts.push(where + d);
    const unread = unreadFigures(t);
    if (unread.length) {
      confidence -= Math.min(MOST_UNREAD, UNREAD_FIGURES * unread.length);
      doubts.push(
        `${where}${unread.join(", ")} ${unread.length === 1 ? "holds" : "hold"} figures under a header that names no role, so ${unread.length === 1 ? "it is" : "they are"} not read; choose a role if ${unread.length === 1 ? "it matters" : "they matter"}.`,
      );
    }
  });
  for (const s of layout.setAside) doubts.push(`A table was set aside: ${s}`);
  return { confidence: Math.max(0, Math.min(1, confidence)), doubts };
}

function tableOf(grid: Grid, layout: Layout, t: TableLayout, index: number): TableOutline {
  const body = layout.rows.filter((r) => r.table === index && r.kind !== "note");
  const read = t.columns.filter((c) => c.role !== null).map((c) => c.col);
  const sheetRow = (r: number) => cellRef(grid, r, 0).row;
  const letter = (c: number) => columnLetter(c + (grid.originCol ?? 0));
  const first = body.find((r) => r.kind === "indicator");
  return {
    headerTop: sheetRow(t.headerTop),
    headerBottom: sheetRow(t.headerBottom),
    top: sheetRow(body.length ? body[0].row : t.headerBottom),
    bottom: sheetRow(body.length ? body[body.length - 1].row : t.headerBottom),
    left: letter(read.length ? Math.min(...read) : 0),
    right: letter(read.length ? Math.max(...read) : 0),
    section: layout.tables.length > 1 ? (first?.section ?? null) : null,
    title: t.title,
    columns: t.columns.flatMap((c) =>
      c.role === null
        ? []
        : [{ letter: c.letter, role: c.role, confidence: c.confidence, evidence: c.evidence }],
    ),
  };
}

function kindOf(layout: Layout, kinds: Map<number, RowKind>, r: number): PreviewRow["kind"] {
  if (r < layout.headerTop) return "above";
  if (layout.tables.some((t) => r >= t.headerTop && r <= t.headerBottom)) return "header";
  // A later table's own title stands above it, as the sheet's title stands above the first.
  if (layout.tables.some((t) => t.titleRows.includes(r))) return "above";
  return kinds.get(r) ?? "note";
}

/** What a cell shows in Excel, where the host gave no text: dates as months, fractions as percentages. */
function shown(cell: Cell): string {
  const v = cell.value;
  if (cell.text || typeof v !== "number") return cellText(cell);
  if (isDateFormat(cell.format)) return parsePeriodCell(cell)?.label ?? cellText(cell);
  if (isPercentFormat(cell.format)) return formatValue(v, "percent", formatDecimals(cell.format) ?? 1);
  return cellText(cell);
}

function previewRows(grid: Grid, layout: Layout, width: number): PreviewRow[] {
  const kinds = new Map(layout.rows.map((r) => [r.row, r.kind]));
  const first = Math.max(0, layout.headerTop - PREVIEW_ABOVE_ROWS);
  const last = Math.min(grid.rows.length - 1, layout.headerBottom + PREVIEW_BODY_ROWS);
  const rows: PreviewRow[] = [];
  for (let r = first; r <= last; r++) {
    const cells: string[] = [];
    for (let c = 0; c < width; c++) {
      const t = shown(cellAt(grid, r, c))
        .replace(/\s+/g, " ")
        .trim();
      cells.push(cutText(t, PREVIEW_CHARS, "…"));
    }
    rows.push({ row: cellRef(grid, r, 0).row, kind: kindOf(layout, kinds, r), cells });
  }
  return rows;
}

export function describeReading(grid: Grid, layout: Layout): Reading {
  const { confidence, doubts } = judge(layout);
  const width = gridWidth(grid);
  return {
    confidence,
    level: levelOf(confidence),
    doubts,
    tables: layout.tables.map((t, i) => tableOf(grid, layout, t, i)),
    preview: {
      columns: Array.from({ length: width }, (_, c) => {
        const info = layout.columns.find((x) => x.col === c);
        return {
          letter: columnLetter(c + (grid.originCol ?? 0)),
          role: info?.role ?? null,
          confidence: info?.confidence ?? 0,
        };
      }),
      rows: previewRows(grid, layout, width),
    },
  };
}
