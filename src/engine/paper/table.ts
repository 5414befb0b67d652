/**
 * The table: a header that repeats on every page, a row per indicator built from the column
 * descriptors (columns.ts), and the scorecard's sections as rows of their own, kept with the row
 * they head. Each row is as tall as its tallest cell wraps in the printed font.
 */
import type { Area } from "../grid";
import { TABLE_COLUMNS } from "./columns";
import { Paper, span } from "./paper-context";

export interface TableRows {
  headerRow: number;
  /** The last row of the table. */
  end: number;
  /** Styles chosen by the words in a column's cells. */
  conditional: { area: Area; rules: { contains: string; style: string }[] }[];
}

/** Whether a column's cells are written: printed here, or one of the hidden read-back columns. */
function written(p: Paper, i: number): boolean {
  return p.columns.shown[i] || TABLE_COLUMNS[i].printed === false;
}

export function tablePart(p: Paper): TableRows {
  const s = p.sheet;
  const ctx = p.table;
  const { left, right } = span(p);
  const headerRow = s.row();
  TABLE_COLUMNS.forEach((c, i) => {
    if (written(p, i)) s.set(headerRow, i, c.header(ctx), c.printed === false ? "key" : "th");
  });
  s.fit(headerRow);
  let section: string | null = null;
  for (const a of p.analysis.indicators) {
    if (a.section && a.section !== section) {
      section = a.section;
      s.keepWithNext.add(s.line(a.section, "section", left, right));
    }
    const r = s.row();
    TABLE_COLUMNS.forEach((c, i) => {
      if (!written(p, i)) return;
      const cell = c.cell(a, ctx);
      s.set(r, i, cell.value, cell.style, cell.format ?? null);
    });
    s.fit(r);
  }
  const end = s.rowCount - 1;
  const conditional =
    end > headerRow
      ? TABLE_COLUMNS.flatMap((c, i) =>
          c.rules && p.columns.shown[i]
            ? [{ area: { top: headerRow + 1, left: i, bottom: end, right: i }, rules: c.rules }]
            : [],
        )
      : [];
  return { headerRow, end, conditional };
}
