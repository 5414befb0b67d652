/**
 * Reads what a refresh needs in two round trips, and no more than it needs: first the shapes (sheet
 * names, the source's used range, whether the workbook is protected), then the source's cells together
 * with a small window at the top of every other sheet (where the add-in's marker and metadata row sit)
 * and, where it fits, the few columns of the likely committee sheet the commentary read-back uses.
 * Detection asks for the source alone. Every response is kept under PAYLOAD_BUDGET bytes: Excel on the
 * web refuses a request or response over 5 MB (RequestPayloadSizeLimitExceeded /
 * ResponsePayloadSizeLimitExceeded, "Resource limits and performance optimization for Office Add-ins").
 */
import type { Area, Grid } from "../../engine/grid";
import { columnLetter } from "../../engine/grid";
import { COMMENTARY_COLUMNS } from "../../engine/paper/committee";
import { SCAN_COLUMNS, SCAN_ROWS, isCommitteeGrid } from "../../engine/paper/commentary";
import { sameSheetName } from "../../engine/sheet-name";
import { RangeBlock, gridFromBlocks, parseAreas } from "./grid-from-range";
import { TemporarySheet, temporaryName } from "./temporary-sheet";
import { usedRangeProblem } from "../../engine/grid-limits";
import { errorCode, SourceTooBigError } from "./excel-errors";

export { errorCode };

/** Bytes one response may carry: 4 MB, leaving room under the 5 MB limit for the envelope. */
export const PAYLOAD_BUDGET = 4_000_000;
/** Values, display text, number formats and types of an ordinary cell come to about 60 bytes of JSON. */
export const SOURCE_CELL_BYTES = 60;
export const CELLS_PER_BLOCK = Math.floor(PAYLOAD_BUDGET / SOURCE_CELL_BYTES);
/**
 * Bytes per row of the five committee columns read back (reference, measure, a 400-character note,
 * key, fingerprint), for sizing reads before their size is known. A longer note only costs a retry.
 */
export const COMMITTEE_ROW_BYTES = 700;
/** Merged header cells are looked for in the first rows only; Excel fails the call over 512 areas. */
export const MERGE_SCAN_ROWS = 60;

export interface SheetRead {
  name: string;
  grid: Grid;
}

/** Another sheet of the workbook: its top window, its size, and whether it is protected. */
export interface OtherSheet {
  name: string;
  /** The top SCAN_ROWS x SCAN_COLUMNS values, or the read-back columns too where they were read. */
  grid: Grid;
  ours: boolean;
  protected: boolean;
  /** 0-based last used row, or -1 where the sheet is empty. */
  lastRow: number;
  /** The read-back columns read in the same trip, where the sheet was the likely committee sheet. */
  columnsRead: number[];
}

export interface WorkbookRead {
  sheetNames: string[];
  source: SheetRead | null;
  others: OtherSheet[];
  workbookProtected: boolean;
  syncs: number;
  /** Why merged header cells were inferred rather than read, if they were. */
  mergeNote?: string;
  /**
   * A refresh's temporary sheet for the new committee sheet, added by the second read so that the write
   * can name and activate it without renaming a sheet added in the same request; null where the
   * workbook's structure is protected or a retry could not tell whether it was added.
   */
  temporary: TemporarySheet | null;
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

export function isPayloadError(e: unknown): boolean {
  const c = errorCode(e);
  return c === "ResponsePayloadSizeLimitExceeded" || c === "RequestPayloadSizeLimitExceeded";
}

/** Contiguous runs of column indexes, so that columns next to each other are read as one range. */
export function columnRuns(cols: number[]): { left: number; right: number }[] {
  const sorted = [...new Set(cols)].sort((a, b) => a - b);
  const runs: { left: number; right: number }[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.right === c - 1) last.right = c;
    else runs.push({ left: c, right: c });
  }
  return runs;
}

export interface ReadOptions {
  /** The committee sheet the settings name; omitted for detection, which reads the source alone. */
  committeeName?: string;
  mergedAreas: boolean;
  cellsPerBlock?: number;
}

type Block = { start: number; count: number };

/** What the first trip found: the sheets, the source, its used range (null where empty), protection. */
interface Shapes {
  sheets: Excel.WorksheetCollection;
  sourceSheet: Excel.Worksheet;
  shape: Excel.Range | null;
  workbookProtection: Excel.WorkbookProtection | null;
}

/**
 * First trip: sheet names, the source's used range, whether the workbook is protected. Null where the
 * saved source sheet is not there (then the names are read again, for the message).
 */
async function readShapes(
  context: Excel.RequestContext,
  sourceName: string | undefined,
  refresh: boolean,
): Promise<Shapes | null> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  // getItem, not getItemOrNullObject: nothing is chained on a null object, and a missing sheet fails
  // the first batch with ItemNotFound, which is turned into a message by the caller.
  const sourceSheet = sourceName ? sheets.getItem(sourceName) : sheets.getActiveWorksheet();
  sourceSheet.load("name");
  // Cells with values only: formatted blank rows and columns below or beside the table are not read.
  const sourceUsed = sourceSheet.getUsedRangeOrNullObject(true).untrack();
  sourceUsed.load("rowIndex,columnIndex,rowCount,columnCount");
  const workbookProtection = refresh ? context.workbook.protection : null;
  workbookProtection?.load("protected");
  try {
    await context.sync();
  } catch (e) {
    if (errorCode(e) !== "ItemNotFound") throw e;
    return null;
  }
  return { sheets, sourceSheet, shape: sourceUsed.isNullObject ? null : sourceUsed, workbookProtection };
}

async function missingSource(context: Excel.RequestContext): Promise<WorkbookRead> {
  const names = context.workbook.worksheets;
  names.load("items/name");
  await context.sync();
  return {
    sheetNames: names.items.map((s) => s.name),
    source: null,
    others: [],
    workbookProtected: false,
    syncs: 2,
    temporary: null,
  };
}

/**
 * A source past Scorecard's limits is refused from its used range alone, before a value is read and
 * before anything is added: the same one-line message as the command line's.
 */
function refuseTooBig(s: Shapes): void {
  const name = s.sourceSheet.name;
  const problem = s.shape && usedRangeProblem(name, s.shape);
  if (problem)
    throw new SourceTooBigError(
      problem,
      name,
      s.sheets.items.map((x) => x.name),
    );
}

/** A look at another sheet: its top window, its used rows, protection, and maybe the read-back columns. */
interface Look {
  name: string;
  sheet: Excel.Worksheet;
  top: Excel.Range;
  used: Excel.Range;
  guessed: Excel.Range[];
}

/** The second trip's requests and what its retries have learnt. */
class SecondTrip {
  attempts = 0;
  guessFits: boolean;
  merged: boolean;
  mergeNote: string | undefined;
  readonly others: string[];
  readonly tempName: string | null;
  private readonly wanted: string;

  constructor(
    readonly s: Shapes,
    readonly plan: Block[],
    readonly sheetNames: string[],
    options: ReadOptions,
  ) {
    const refresh = options.committeeName !== undefined;
    this.others = refresh ? sheetNames.filter((n) => !sameSheetName(n, s.sourceSheet.name)) : [];
    this.wanted = options.committeeName ?? "";
    this.merged = options.mergedAreas;
    // The read-back columns ride along where the committee sheet is likely to be about the source's size.
    const expectedRows = (s.shape?.rowCount ?? 0) + 200;
    const firstBlockBytes = (plan[0]?.count ?? 0) * (s.shape?.columnCount ?? 0) * SOURCE_CELL_BYTES;
    this.guessFits =
      firstBlockBytes +
        this.others.length * SCAN_ROWS * SCAN_COLUMNS * 8 +
        expectedRows * COMMITTEE_ROW_BYTES <=
      PAYLOAD_BUDGET;
    this.tempName = refresh && s.workbookProtection?.protected !== true ? temporaryName(sheetNames) : null;
  }

  likely(n: string): boolean {
    const wanted = this.wanted;
    return (
      sameSheetName(n, wanted) ||
      (n.toLowerCase().startsWith(`${wanted.toLowerCase()} (`) && /\(\d+\)$/.test(n))
    );
  }

  /**
   * First in the batch, so that a batch failing later has still added it (Office.js batches are not
   * transactions); a retry looks for it rather than adding it twice.
   */
  temporary(): Excel.Worksheet | null {
    const temp = this.tempName
      ? this.attempts === 0
        ? this.s.sheets.add(this.tempName)
        : this.s.sheets.getItemOrNullObject(this.tempName)
      : null;
    temp?.load("id");
    return temp;
  }

  mergedAreas(): Excel.RangeAreas | null {
    const { shape, sourceSheet } = this.s;
    if (!shape || !this.plan.length || !this.merged) return null;
    const areas = sourceSheet
      .getRangeByIndexes(
        shape.rowIndex,
        shape.columnIndex,
        Math.min(MERGE_SCAN_ROWS, shape.rowCount),
        shape.columnCount,
      )
      .untrack()
      .getMergedAreasOrNullObject()
      .untrack();
    areas.load("address");
    return areas;
  }

  look(name: string): Look {
    const sheet = this.s.sheets.getItem(name);
    const top = sheet.getRangeByIndexes(0, 0, SCAN_ROWS, SCAN_COLUMNS).untrack();
    top.load("values");
    const used = sheet.getUsedRangeOrNullObject(true).untrack();
    used.load("rowIndex,rowCount");
    sheet.load("protection/protected");
    const guessed =
      this.guessFits && this.likely(name)
        ? columnRuns(Object.values(COMMENTARY_COLUMNS)).map((run) => {
            const r = sheet
              .getRange(`${columnLetter(run.left)}:${columnLetter(run.right)}`)
              .untrack()
              .getUsedRangeOrNullObject(true)
              .untrack();
            r.load("values,rowIndex,columnIndex");
            return r;
          })
        : [];
    return { name, sheet, top, used, guessed };
  }

  /** Whether a failed attempt can be tried again, lighter; the state is changed for the retry. */
  retryAfter(e: unknown): boolean {
    // Notes longer than expected: the committee columns are read on their own, in blocks.
    if (isPayloadError(e) && this.guessFits && this.others.some((n) => this.likely(n))) {
      this.guessFits = false;
      return true;
    }
    // A first block heavier than its cell count says is halved, as further blocks are below.
    if (isPayloadError(e) && this.plan[0] && this.plan[0].count > 1) {
      this.plan.splice(0, 1, ...halves(this.plan[0]));
      return true;
    }
    // Over 512 merged areas in the header rows Excel gives no answer: infer the header instead.
    if (this.merged && !isPayloadError(e) && errorCode(e) !== "InvalidOperationInCellEditMode") {
      this.merged = false;
      this.mergeNote =
        "Excel could not list the merged header cells; the header was inferred from its labels.";
      return true;
    }
    return false;
  }
}

function halves(b: Block): Block[] {
  const half = Math.ceil(b.count / 2);
  return [
    { start: b.start, count: half },
    { start: b.start + half, count: b.count - half },
  ];
}

/** One block of the source's rows, loaded with everything the engine reads of a cell. */
function loadBlock(s: Shapes, { start, count }: Block): Excel.Range {
  if (!s.shape) throw new Error("no used range");
  const block = s.sourceSheet
    .getRangeByIndexes(s.shape.rowIndex + start, s.shape.columnIndex, count, s.shape.columnCount)
    .untrack();
  block.load("values,text,numberFormat,valueTypes");
  return block;
}

/** The blocks after the first, each its own round trip; a block Excel refuses is halved. */
async function readRestOfSource(
  context: Excel.RequestContext,
  s: Shapes,
  pending: Block[],
  loaded: Excel.Range[],
  done: Block[],
): Promise<number> {
  let syncs = 0;
  // Long text makes a block heavier than its cell count says: a block Excel refuses is halved.
  while (pending.length) {
    const b = pending[0];
    const block = loadBlock(s, b);
    syncs++;
    try {
      // Deliberate: each further block is its own round trip, so no response passes 5 MB.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e) || b.count === 1) throw e;
      pending.splice(0, 1, ...halves(b));
      continue;
    }
    pending.shift();
    loaded.push(block);
    done.push(b);
  }
  return syncs;
}

function sourceRead(
  s: Shapes,
  loaded: Excel.Range[],
  done: Block[],
  mergedAreas: Excel.RangeAreas | null,
): SheetRead {
  const { shape, sourceSheet } = s;
  const origin = shape ? { row: shape.rowIndex, col: shape.columnIndex } : { row: 0, col: 0 };
  const blocks: RangeBlock[] = loaded.map((block, k) => ({
    row: origin.row + done[k].start,
    col: origin.col,
    values: block.values,
    text: block.text,
    numberFormat: block.numberFormat,
    valueTypes: block.valueTypes as string[][],
  }));
  const merges: Area[] = mergedAreas && !mergedAreas.isNullObject ? parseAreas(mergedAreas.address) : [];
  return { name: sourceSheet.name, grid: gridFromBlocks(sourceSheet.name, origin, blocks, merges) };
}

function otherSheet({ name, sheet, top, used, guessed }: Look): OtherSheet {
  const topBlock: RangeBlock = { row: 0, col: 0, values: top.values, numberFormat: [] };
  const extra: RangeBlock[] = guessed
    .filter((g) => !g.isNullObject)
    .map((g) => ({ row: g.rowIndex, col: g.columnIndex, values: g.values, numberFormat: [] }));
  const grid = gridFromBlocks(name, { row: 0, col: 0 }, [...extra, topBlock], []);
  return {
    name,
    grid,
    ours: isCommitteeGrid(grid),
    protected: sheet.protection.protected,
    lastRow: used.isNullObject ? -1 : used.rowIndex + used.rowCount - 1,
    columnsRead: guessed.length ? Object.values(COMMENTARY_COLUMNS) : [],
  };
}

/**
 * Second trip: the first source block, merged header cells, and a look at every other sheet, tried
 * again lighter where Excel could not list the merged cells or the first block was too large.
 */
async function readSecondTrip(context: Excel.RequestContext, trip: SecondTrip) {
  for (;;) {
    const temp = trip.temporary();
    const first = trip.plan.length ? loadBlock(trip.s, trip.plan[0]) : null;
    const mergedAreas = first ? trip.mergedAreas() : null;
    const looks = trip.others.map((name) => trip.look(name));
    try {
      trip.attempts++;
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      return { temp, first, mergedAreas, looks };
    } catch (e) {
      if (!trip.retryAfter(e)) throw e;
    }
  }
}

/**
 * @param sourceName the saved source sheet, or undefined for the active sheet
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  sourceName: string | undefined,
  options: ReadOptions,
): Promise<WorkbookRead> {
  const refresh = options.committeeName !== undefined;
  const shapes = await readShapes(context, sourceName, refresh);
  if (!shapes) return missingSource(context);
  refuseTooBig(shapes);
  const sheetNames = shapes.sheets.items.map((s) => s.name);
  const { shape } = shapes;
  const plan = shape
    ? blocksFor(shape.rowCount, shape.columnCount, options.cellsPerBlock ?? CELLS_PER_BLOCK)
    : [];
  const trip = new SecondTrip(shapes, plan, sheetNames, options);
  const { temp, first, mergedAreas, looks } = await readSecondTrip(context, trip);
  const loaded: Excel.Range[] = first ? [first] : [];
  const done = plan.slice(0, 1);
  const more = await readRestOfSource(context, shapes, plan.slice(1), loaded, done);
  return {
    sheetNames,
    source: sourceRead(shapes, loaded, done, mergedAreas),
    others: looks.map(otherSheet),
    workbookProtected: shapes.workbookProtection?.protected === true,
    syncs: 1 + trip.attempts + more,
    mergeNote: trip.mergeNote,
    temporary: temp && trip.tempName && !temp.isNullObject ? { name: trip.tempName, id: temp.id } : null,
  };
}

/**
 * Reads given columns of a sheet from `fromRow` to `lastRow` into `grid`, in row blocks sized by bytes;
 * a block Excel finds too large is halved and read again. Returns the syncs it took.
 */
export async function readColumns(
  context: Excel.RequestContext,
  sheetName: string,
  columns: number[],
  fromRow: number,
  lastRow: number,
  grid: Grid,
  rowBytes = COMMITTEE_ROW_BYTES,
): Promise<number> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const runs = columnRuns(columns);
  let rowsPer = Math.max(1, Math.floor(PAYLOAD_BUDGET / rowBytes));
  let syncs = 0;
  for (let start = fromRow; start <= lastRow;) {
    const count = Math.min(rowsPer, lastRow - start + 1);
    const ranges = runs.map((run) => {
      const r = sheet.getRangeByIndexes(start, run.left, count, run.right - run.left + 1).untrack();
      r.load("values");
      return { r, run };
    });
    try {
      syncs++;
      // Deliberate: one round trip per block keeps each response under the payload limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e) || count === 1) throw e;
      rowsPer = Math.max(1, Math.floor(count / 2));
      continue;
    }
    for (const { r, run } of ranges) {
      r.values.forEach((row, i) => {
        const out = (grid.rows[start + i] ??= []);
        row.forEach((v, j) => {
          out[run.left + j] = { value: v === "" ? null : (v as string | number | boolean) };
        });
      });
    }
    start += count;
  }
  for (let r = 0; r < grid.rows.length; r++) if (!grid.rows[r]) grid.rows[r] = [];
  return syncs;
}
