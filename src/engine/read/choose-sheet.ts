/**
 * Which sheet of a workbook is the scorecard, when the analyst has not said: the one that reads most like
 * one (most indicators with a value, read most surely), visible sheets before hidden ones. A cover,
 * contents or notes sheet reads as no table and is passed over; a summary built from formulas is read
 * from their saved results like any other cells; a hidden data sheet is read only where no visible sheet
 * gives indicators. Both hosts hand every sheet's cells here and take its answer.
 */
import type { Grid } from "../grid";
import { LayoutError, readLayout } from "./layout";
import { describeReading } from "./reading";

export interface SheetChoice {
  /** Index into the sheets handed in. */
  index: number;
  grid: Grid;
  /** Why this sheet, in a sentence for the analyst. */
  why: string;
}

export class NoScorecardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NoScorecardError";
  }
}

interface Scored {
  index: number;
  score: number;
  indicators: number;
}

/** How much a sheet reads like a scorecard: its indicators with values, weighed by how sure the reading is. */
function scoreOf(grid: Grid): { score: number; indicators: number } {
  const layout = readLayout(grid);
  const indicators = layout.rows.filter((r) => r.kind === "indicator").length;
  const reading = describeReading(grid, layout);
  const periods = Math.min(6, Math.max(0, ...layout.tables.map((t) => t.series.length)));
  return { score: indicators * (0.5 + reading.confidence) * (1 + periods / 12), indicators };
}

/** Formulas whose results were never saved: the sheet would read in Excel but not from this file. */
function unsavedFormulas(grid: Grid): boolean {
  let formulas = 0;
  let blank = 0;
  for (const row of grid.rows)
    for (const cell of row ?? []) {
      if (!cell?.formula) continue;
      formulas++;
      if (cell.value === null) blank++;
    }
  return formulas > 0 && blank >= formulas * 0.8;
}

function whyNot(grid: Grid, e: unknown): string {
  if (!(e instanceof LayoutError)) throw e;
  if (unsavedFormulas(grid))
    return `Sheet '${grid.sheet}' holds formulas whose results were never saved; open it in Excel, save, and try again.`;
  return e.message;
}

function best(scored: Scored[]): Scored | undefined {
  let top: Scored | undefined;
  for (const s of scored) if (s.indicators > 0 && (!top || s.score > top.score)) top = s;
  return top;
}

/** The sheet that reads most like a scorecard, visible sheets first; throws with every sheet's reason. */
export function chooseScorecardSheet(sheets: Grid[]): SheetChoice {
  const visible: Scored[] = [];
  const hidden: Scored[] = [];
  const reasons: string[] = [];
  sheets.forEach((grid, index) => {
    try {
      const s = scoreOf(grid);
      (grid.hidden ? hidden : visible).push({ index, ...s });
      if (!s.indicators) reasons.push(`Sheet '${grid.sheet}' has a table but no indicator rows.`);
    } catch (e) {
      reasons.push(whyNot(grid, e));
    }
  });
  const chosen = best(visible) ?? best(hidden);
  if (!chosen)
    throw new NoScorecardError(
      sheets.length ? `No sheet reads as a scorecard. ${reasons.join(" ")}` : "The workbook has no sheets.",
    );
  const grid = sheets[chosen.index];
  const hiddenNote = grid.hidden ? " (it is hidden, and no visible sheet reads as one)" : "";
  return {
    index: chosen.index,
    grid,
    why: `Using sheet '${grid.sheet}', the one that reads most like a scorecard${hiddenNote} (choose another with --sheet).`,
  };
}
