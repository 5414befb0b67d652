/**
 * The header over each column, read from every header row above it: a merged group label over its
 * columns, a blank group cell taking the label to its left where the columns below are labelled, and
 * the most specific label (the column's own) last.
 */
import { Cell } from "../grid";
import { SheetLabels } from "./merge-map";

export interface ColumnHeader {
  col: number;
  /** Every distinct label above the column, most general first. */
  parts: string[];
  /** The most specific label ("" where the column has none). */
  own: string;
  parents: string[];
  /** The cell that holds the own label (an Excel date keeps its serial and format). */
  ownCell: Cell;
}

function blockRow(labels: SheetLabels, r: number, bottom: number, width: number): string[] {
  const row: string[] = [];
  let carry = "";
  const labelledBelow = (c: number): boolean => {
    for (let rr = r + 1; rr <= bottom; rr++) if (labels.labelAt(rr, c)) return true;
    return false;
  };
  for (let c = 0; c < width; c++) {
    const t = labels.labelAt(r, c);
    if (t) {
      carry = t;
      row.push(t);
    } else if (carry && r < bottom && labelledBelow(c)) {
      row.push(carry);
    } else {
      carry = r < bottom && labelledBelow(c) ? carry : "";
      row.push("");
    }
  }
  return row;
}

/** The header of every column of a block of header rows (grid rows top..bottom, inclusive). */
export function columnHeaders(
  labels: SheetLabels,
  top: number,
  bottom: number,
  width: number,
): ColumnHeader[] {
  const rows: string[][] = [];
  for (let r = top; r <= bottom; r++) rows.push(blockRow(labels, r, bottom, width));
  const out: ColumnHeader[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const row of rows) {
      const t = row[c];
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    const own = parts[parts.length - 1] ?? "";
    let ownCell: Cell = { value: own };
    for (let r = bottom; r >= top; r--) {
      if (labels.labelAt(r, c)) {
        ownCell = labels.labelCell(r, c);
        break;
      }
    }
    out.push({ col: c, parts, own, parents: parts.slice(0, -1), ownCell });
  }
  return out;
}
