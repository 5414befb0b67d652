/**
 * The host-neutral plan of a sheet: every cell, style, merge, width and print setting, so that the
 * committee sheet (and the charts sheet) look the same from the ribbon and from the command line.
 */
import type { Area } from "../grid";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** RRGGBB */
  color?: string;
  /** RRGGBB */
  fill?: string;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  border?: boolean;
  numFmt?: string;
  indent?: number;
}

export type PlanValue = string | number | null;

export interface SheetPlan {
  name: string;
  /** Rows x columns from A1; strings are always text, never formulas. */
  values: PlanValue[][];
  styles: Record<string, CellStyle>;
  /** Cells grouped by style, so that a host formats once per style, not once per cell. */
  styleAreas: { style: string; areas: Area[] }[];
  merges: Area[];
  /** In characters, as Excel measures column width. */
  columnWidths: number[];
  hiddenColumns: number[];
  /** Rows kept out of sight: the metadata row that tells the read-back which column is which. */
  hiddenRows: number[];
  /** Excel number formats for number cells ("0.0%"), null elsewhere; same shape as values. */
  numberFormats: (string | null)[][];
  /**
   * Styles chosen by a cell's own words ("Red", "Improving"), laid over the base style. Office applies
   * them as conditional formats, one per rule, so formatting never costs a call per row.
   */
  conditional: { area: Area; rules: { contains: string; style: string }[] }[];
  /** Points; one per row, measured from the printed font's metrics (measure-text.ts). */
  rowHeights: number[];
  /** Rows whose height the host may autofit instead; null: every row keeps its measured height. */
  autoHeight: { top: number; bottom: number } | null;
  freeze: { rows: number; cols: number };
  print: {
    orientation: "landscape";
    paper: "A4";
    fitToWidth: 1;
    /** 1-based sheet rows repeated at the top of every printed page. */
    repeatRows: { first: number; last: number };
    /** Text, printed as typed: hosts escape it with headerFooterText. */
    footerLeft: string;
    /** Excel's header/footer codes ("Page &P of &N"), passed as they are. */
    footerRight: string;
    /** The key to symbols and colours, printed at the top of every page (Excel allows 255 characters). */
    headerCenter: string;
    printArea: Area;
    /**
     * Percent. The columns are chosen to fit A4 landscape at this scale, so body text prints at its
     * own size; hosts print at it rather than fit to width, because Excel ignores manual page breaks
     * under "Fit to".
     */
    scale: number;
    /** Inches, as Excel's page setup takes them. */
    margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  };
  /**
   * 0-based rows that must begin a printed page: the table's start, and every page of the table, so
   * that no indicator is split and headings stay with their rows.
   */
  pageBreaks: number[];
  /** Where commentary lives, for the hosts' read-back and for tests. */
  commentary: {
    column: number;
    keyColumn: number;
    /** Fingerprints of commentary copied from the source, so that unedited source text is replaced. */
    sourceColumn: number;
    headerRow: number;
    metaRow: number;
  };
}

/**
 * Groups cells by style into rectangles: runs along each row, then identical runs stacked down
 * consecutive rows. Formatting calls then grow with the number of styles and blocks, not cells.
 */
export function groupStyles(styleOf: (string | null)[][]): { style: string; areas: Area[] }[] {
  const open = new Map<string, Area>();
  const done = new Map<string, Area[]>();
  const push = (style: string, a: Area) => done.set(style, [...(done.get(style) ?? []), a]);
  for (let r = 0; r < styleOf.length; r++) {
    const seen = new Set<string>();
    for (const run of runsOf(styleOf[r])) {
      const k = `${run.style}|${run.left}|${run.right}`;
      seen.add(k);
      const o = open.get(k);
      if (o && o.bottom === r - 1) o.bottom = r;
      else {
        if (o) push(run.style, o);
        open.set(k, { top: r, left: run.left, bottom: r, right: run.right });
      }
    }
    for (const [k, a] of open) {
      if (!seen.has(k) && a.bottom < r) {
        push(k.split("|")[0], a);
        open.delete(k);
      }
    }
  }
  for (const [k, a] of open) push(k.split("|")[0], a);
  return [...done.entries()].map(([style, areas]) => ({ style, areas }));
}

function runsOf(row: (string | null)[]): { style: string; left: number; right: number }[] {
  const runs: { style: string; left: number; right: number }[] = [];
  for (let c = 0; c < row.length; c++) {
    const s = row[c];
    if (s === null) continue;
    const last = runs[runs.length - 1];
    if (last && last.style === s && last.right === c - 1) last.right = c;
    else runs.push({ style: s, left: c, right: c });
  }
  return runs;
}
