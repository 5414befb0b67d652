/**
 * Reads what a refresh needs in two round trips: first the shapes (sheet names, used-range sizes),
 * then the cells in blocks sized to stay inside Excel on the web's 5 MB payload limit.
 */
import type { Area, Grid } from "../../engine/grid";
import { isCommitteeGrid } from "../../engine/committee";
import { RangeBlock, gridFromBlocks, parseAreas } from "./grid-from-range";

/**
 * Values, display text, number formats and types come to roughly 50-60 bytes a cell in the JSON Excel
 * sends back; 75,000 cells keep one response well under Excel on the web's 5 MB limit.
 */
export const CELLS_PER_BLOCK = 75000;

export interface SheetRead {
  name: string;
  grid: Grid;
}

export interface WorkbookRead {
  sheetNames: string[];
  source: SheetRead | null;
  /** Committee sheet candidates by name, with whether the add-in made them. */
  candidates: { name: string; ours: boolean; grid: Grid }[];
  syncs: number;
}

interface UsedShape {
  range: Excel.Range;
  sheet: Excel.Worksheet;
}

export function blocksFor(
  rowCount: number,
  columnCount: number,
  cellsPerBlock = CELLS_PER_BLOCK,
): { start: number; count: number }[] {
  const rowsPer = Math.max(1, Math.floor(cellsPerBlock / Math.max(1, columnCount)));
  const out: { start: number; count: number }[] = [];
  for (let r = 0; r < rowCount; r += rowsPer) out.push({ start: r, count: Math.min(rowsPer, rowCount - r) });
  return out;
}

function isItemNotFound(e: unknown): boolean {
  return (
    typeof e === "object" && e !== null && "code" in e && (e as { code: unknown }).code === "ItemNotFound"
  );
}

/**
 * @param sourceName the saved source sheet, or undefined for the active sheet
 * @param committeeName the committee sheet the settings name
 * @param mergedAreas whether ExcelApi 1.13 is there to report merged header cells
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  sourceName: string | undefined,
  committeeName: string,
  mergedAreas: boolean,
  cellsPerBlock = CELLS_PER_BLOCK,
): Promise<WorkbookRead> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  // getItem, not getItemOrNullObject: nothing is chained on a null object, and a missing sheet fails
  // the first batch with ItemNotFound, which is turned into a message below.
  const sourceSheet = sourceName ? sheets.getItem(sourceName) : sheets.getActiveWorksheet();
  sourceSheet.load("name");
  const sourceUsed = sourceSheet.getUsedRangeOrNullObject();
  sourceUsed.load("rowIndex,columnIndex,rowCount,columnCount");
  try {
    await context.sync();
  } catch (e) {
    if (!isItemNotFound(e)) throw e;
    const names = context.workbook.worksheets;
    names.load("items/name");
    await context.sync();
    return { sheetNames: names.items.map((s) => s.name), source: null, candidates: [], syncs: 2 };
  }

  const sheetNames = sheets.items.map((s) => s.name);
  // The wanted committee name and the "(2)", "(3)"... that earlier refreshes may have used beside a foreign sheet.
  const candidateNames = sheetNames.filter(
    (n) => n === committeeName || (n.startsWith(`${committeeName} (`) && /\(\d+\)$/.test(n)),
  );
  const candidateShapes: UsedShape[] = candidateNames.map((n) => {
    const sheet = sheets.getItem(n);
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("values,numberFormat,valueTypes,rowIndex,columnIndex");
    return { sheet, range };
  });

  // The first block rides with the committee sheet's read in this second round trip; only a sheet
  // larger than one payload's worth pays one more round trip for each further block.
  const shape = sourceUsed.isNullObject ? null : sourceUsed;
  const plan = shape ? blocksFor(shape.rowCount, shape.columnCount, cellsPerBlock) : [];
  const loadBlock = ({ start, count }: { start: number; count: number }): Excel.Range => {
    if (!shape) throw new Error("no used range");
    const block = sourceSheet.getRangeByIndexes(
      shape.rowIndex + start,
      shape.columnIndex,
      count,
      shape.columnCount,
    );
    block.load("values,text,numberFormat,valueTypes");
    return block;
  };
  const loaded: Excel.Range[] = [];
  let merged: Excel.RangeAreas | null = null;
  if (shape && plan.length) {
    loaded.push(loadBlock(plan[0]));
    if (mergedAreas) {
      merged = shape.getMergedAreasOrNullObject();
      merged.load("address");
    }
  }
  await context.sync();
  let syncs = 2;
  for (const b of plan.slice(1)) {
    loaded.push(loadBlock(b));
    // Deliberate: each further block is its own round trip, so no response passes 5 MB.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    syncs++;
  }

  const origin = shape ? { row: shape.rowIndex, col: shape.columnIndex } : { row: 0, col: 0 };
  const blocks: RangeBlock[] = loaded.map((block, k) => ({
    row: origin.row + plan[k].start,
    col: origin.col,
    values: block.values,
    text: block.text,
    numberFormat: block.numberFormat,
    valueTypes: block.valueTypes as string[][],
  }));
  const merges: Area[] = merged && !merged.isNullObject ? parseAreas(merged.address) : [];
  const source: SheetRead = {
    name: sourceSheet.name,
    grid: gridFromBlocks(sourceSheet.name, origin, blocks, merges),
  };
  const candidates = candidateShapes.map(({ range }, i) => {
    const name = candidateNames[i];
    const grid = range.isNullObject
      ? { sheet: name, rows: [], merges: [] }
      : gridFromBlocks(
          name,
          { row: range.rowIndex, col: range.columnIndex },
          [
            {
              row: range.rowIndex,
              col: range.columnIndex,
              values: range.values,
              numberFormat: range.numberFormat,
              valueTypes: range.valueTypes as string[][],
            },
          ],
          [],
        );
    return { name, ours: isCommitteeGrid(grid), grid };
  });
  return { sheetNames, source, candidates, syncs };
}
