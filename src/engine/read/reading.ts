/**
 * How sure the reading of a sheet is, and the sheet as it was read: the tables found, each column's
 * role over its first rows. The pane shows this (and the command line's `analyse --explain` prints it)
 * so that an analyst can see at a glance whether the sheet was read as they would read it, and correct
 * a column by choosing its role, before trusting the paper.
 */
import { Grid, cellAt, cellRef, cellText, columnLetter, gridWidth } from "../grid";
import type { Layout, RowKind } from "./layout";
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

export function levelOf(confidence: number): ConfidenceLevel {
  if (confidence >= CONFIRM_BELOW) return "high";
  return confidence >= 0.5 ? "medium" : "low";
}

/** The reading of the columns the paper rests on: the measure and the value it reports. */
function essentialDoubts(layout: Layout): { confidence: number; doubts: string[] } {
  const doubts: string[] = [];
  let confidence = 1;
  const essential: [Role[], string][] = [
    [["measure"], "the measure"],
    [["current", "period"], "the current value"],
  ];
  for (const [roles, what] of essential) {
    const cols = layout.columns.filter((c) => c.role !== null && roles.includes(c.role));
    const best = Math.max(0, ...cols.map((c) => c.confidence));
    if (best < CONFIRM_BELOW)
      doubts.push(
        cols.length
          ? `${cols.map((c) => c.letter).join(", ")} read as ${what} from ${best >= 0.6 ? "the cells alone" : "weak evidence"}; check it.`
          : `No column reads as ${what}; choose one.`,
      );
    confidence = Math.min(confidence, best);
  }
  return { confidence, doubts };
}

function tableOf(grid: Grid, layout: Layout): TableOutline {
  const body = layout.rows.filter((r) => r.kind !== "note" || r.row > layout.headerBottom);
  const read = layout.columns.filter((c) => c.role !== null).map((c) => c.col);
  const sheetRow = (r: number) => cellRef(grid, r, 0).row;
  const letter = (c: number) => columnLetter(c + (grid.originCol ?? 0));
  return {
    headerTop: sheetRow(layout.headerTop),
    headerBottom: sheetRow(layout.headerBottom),
    top: sheetRow(body.length ? body[0].row : layout.headerBottom),
    bottom: sheetRow(body.length ? body[body.length - 1].row : layout.headerBottom),
    left: letter(read.length ? Math.min(...read) : 0),
    right: letter(read.length ? Math.max(...read) : 0),
    section: null,
  };
}

function previewRows(grid: Grid, layout: Layout, width: number): PreviewRow[] {
  const kinds = new Map(layout.rows.map((r) => [r.row, r.kind]));
  const first = Math.max(0, layout.headerTop - PREVIEW_ABOVE_ROWS);
  const last = Math.min(grid.rows.length - 1, layout.headerBottom + PREVIEW_BODY_ROWS);
  const rows: PreviewRow[] = [];
  for (let r = first; r <= last; r++) {
    const kind =
      r < layout.headerTop ? "above" : r <= layout.headerBottom ? "header" : (kinds.get(r) ?? "note");
    const cells: string[] = [];
    for (let c = 0; c < width; c++) {
      const t = cellText(cellAt(grid, r, c))
        .replace(/\s+/g, " ")
        .trim();
      cells.push(t.length > PREVIEW_CHARS ? `${t.slice(0, PREVIEW_CHARS - 1)}…` : t);
    }
    rows.push({ row: cellRef(grid, r, 0).row, kind, cells });
  }
  return rows;
}

export function describeReading(grid: Grid, layout: Layout): Reading {
  const { confidence, doubts } = essentialDoubts(layout);
  const width = gridWidth(grid);
  return {
    confidence,
    level: levelOf(confidence),
    doubts,
    tables: [tableOf(grid, layout)],
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
