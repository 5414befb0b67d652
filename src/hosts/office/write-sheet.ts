/**
 * Writes the committee sheet as a transaction. Office.js batches are not transactions (operations before
 * a failure stay done), so the new sheet is built under a temporary name and only the end of the last
 * batch deletes the old sheet and gives the new one its name and place. A failure before that leaves the
 * old sheet, and the analyst's commentary on it, as it was; the temporary sheet is then removed. The
 * temporary sheet was added by an earlier request (temporary-sheet.ts): no request renames or activates
 * a sheet it added itself, which Excel on the web refuses (office-js issues 3218, 930).
 *
 * The last batch also reads the old sheet's commentary columns once more, just before deleting it, so
 * that what the analyst typed since the first read can be carried (see refresh.ts).
 *
 * Requests stay under the payload budget: rows are sent in blocks sized by their JSON bytes, and only a
 * sheet too big for one request pays a round trip per further block.
 */
import type { ChartSheetPlan } from "../../engine/paper/chart-sheet";
import type { SheetPlan } from "../../engine/paper/committee";
import { sameSheetName } from "../../engine/sheet-name";
import { formattingRequestBytes, queueFormatting, queueValues, rowRequestBytes } from "./apply-plan";
import { CALL_BYTES, CHART_CALL_BYTES } from "./request-size";
import { queueChartsSheet } from "./charts-sheet";
import { COMMITTEE_ROW_BYTES, columnRuns, PAYLOAD_BUDGET } from "./read-workbook";
import { addTemporarySheet, TemporarySheet } from "./temporary-sheet";

import { temporaryName } from "./temporary-sheet";

export { temporaryName };

/**
 * Characters one request may carry as posted: 3.8 MB, under the 4 MB the host aims at (Excel on the web
 * refuses 5 MB). Blocks of rows fill it; the last request also carries the formatting, the charts sheet
 * and the re-read, whose sizes are counted before its rows are.
 */
export const WRITE_BUDGET = 3_800_000;

export interface Reread {
  sheet: string;
  columns: number[];
  fromRow: number;
  lastRow: number;
  /** Estimated response bytes; a re-read larger than the budget is done in the batch before. */
  bytes: number;
}

export interface WriteOptions {
  name: string;
  /** The add-in's sheet being replaced, or null for a new one. */
  replace: string | null;
  /** The temporary sheet an earlier request added; without one, it is added in a request of its own. */
  temporary?: TemporarySheet | null;
  sheetNames: string[];
  reread?: Reread;
  /**
   * The charts sheet, queued into the same last batch as the committee sheet's swap: it adds no round
   * trip, however many charts it holds. `plan` null removes our old charts sheet (`replace`) if any.
   */
  charts?: { plan: ChartSheetPlan | null; replace: string | null };
}

export interface WriteResult {
  syncs: number;
  /** The re-read commentary columns as [sheet row][column] -> value, where they were re-read. */
  reread?: Map<number, Map<number, unknown>>;
}

/** Calls one chart queues beyond its cells (chart, title, legend, axis, and per series line and markers). */
export function chartCalls(p: ChartSheetPlan["charts"][number]): number {
  return 16 + p.series.length * 12 + p.chart.special.length * 5;
}

/** What the charts sheet adds to the last request: its cells, formatting and charts. */
export function chartsRequestBytes(charts: ChartSheetPlan | null): number {
  if (!charts) return 0;
  const cells = rowRequestBytes(charts.plan).reduce((a, b) => a + b, 0);
  const calls = charts.charts.reduce((n, c) => n + chartCalls(c), 0);
  return cells + formattingRequestBytes(charts.plan) + calls * CHART_CALL_BYTES;
}

/** The re-read's own calls in the request (its response is sized apart). */
const REREAD_REQUEST_BYTES = 5 * CALL_BYTES;
/** The swap: deletions, the name, the place, activation, and the suspended calculation and painting. */
const SWAP_REQUEST_BYTES = 12 * CALL_BYTES;

/**
 * Row blocks whose values and formats each fit one request. The last block rides with `lastExtra` (the
 * formatting, the charts, the swap), so it takes the bottom rows that fit beside it; the rows above it
 * fill whole requests from the top.
 */
export function writeBlocks(
  plan: SheetPlan,
  budget = WRITE_BUDGET,
  lastExtra = 0,
): { top: number; count: number }[] {
  const bytes = rowRequestBytes(plan);
  let lastTop = bytes.length;
  for (let size = lastExtra; lastTop > 0 && size + bytes[lastTop - 1] <= budget; lastTop--)
    size += bytes[lastTop - 1];
  const out: { top: number; count: number }[] = [];
  let top = 0;
  let size = 0;
  for (let r = 0; r < lastTop; r++) {
    if (r > top && size + bytes[r] > budget) {
      out.push({ top, count: r - top });
      top = r;
      size = 0;
    }
    size += bytes[r];
  }
  if (lastTop > top) out.push({ top, count: lastTop - top });
  out.push({ top: lastTop, count: bytes.length - lastTop });
  return out;
}

export async function writeCommittee(
  context: Excel.RequestContext,
  plan: SheetPlan,
  options: WriteOptions,
): Promise<WriteResult> {
  const sheets = context.workbook.worksheets;
  let syncs = 0;
  let temp = options.temporary ?? null;
  if (!temp) {
    temp = await addTemporarySheet(context, options.sheetNames);
    syncs++;
  }
  // The charts sheet rides in the last request, so the committee's blocks leave room for it. It never
  // costs a round trip of its own; on a committee sheet already too big for one request the room it
  // takes (at most MAX_CHARTS charts, under 1 MB) can push one more block out: at most one more sync,
  // whatever the number of charts.
  const lastExtra =
    formattingRequestBytes(plan) +
    chartsRequestBytes(options.charts?.plan ?? null) +
    (options.reread ? REREAD_REQUEST_BYTES : 0) +
    SWAP_REQUEST_BYTES;
  const blocks = writeBlocks(plan, WRITE_BUDGET, lastExtra);
  const reread = options.reread;
  const rereadInLastBatch = reread !== undefined && reread.bytes <= PAYLOAD_BUDGET;
  // Found again by its id: it was added by an earlier request, so this one may name and activate it.
  const sheet = sheets.getItem(temp.id);
  const aside = temporaryName([...options.sheetNames, temp.name]);
  try {
    for (const b of blocks.slice(0, -1)) {
      queueValues(sheet, plan, b.top, b.count);
      syncs++;
      // Deliberate: one request per block keeps each under the payload limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
    let values: Map<number, Map<number, unknown>> | null = null;
    if (reread && !rereadInLastBatch) {
      // Too large to ride with the swap: read just before it, in blocks.
      const result = await rereadColumns(context, reread);
      syncs += result.syncs;
      values = result.values;
    }
    const last = blocks[blocks.length - 1];
    const app = context.workbook.application;
    app.suspendApiCalculationUntilNextSync();
    app.suspendScreenUpdatingUntilNextSync();
    if (last) queueValues(sheet, plan, last.top, last.count);
    queueFormatting(sheet, plan);
    const dropOldCharts = queueCharts(context, options, aside);
    const loads = reread && rereadInLastBatch ? queueReread(context, reread) : [];
    dropOldCharts?.();
    queueSwap(context, sheet, options);
    syncs++;
    await context.sync();
    return { syncs, reread: values ?? (reread ? collect(loads) : undefined) };
  } catch (e) {
    await cleanUp(context, temp, options);
    await restoreCharts(context, aside, options);
    throw e;
  }
}

/**
 * The charts sheet in the last request. The new one is added under its own name (a sheet is never
 * renamed in the request that added it), so our old one is first moved aside under a spare name (it was
 * not added by this request) and deleted at the end of the batch; a failure in between leaves it aside,
 * and cleanUp puts it back.
 */
function queueCharts(
  context: Excel.RequestContext,
  options: WriteOptions,
  aside: string,
): (() => void) | null {
  const charts = options.charts;
  if (!charts) return null;
  const sheets = context.workbook.worksheets;
  const position = charts.replace
    ? options.sheetNames.findIndex((n) => sameSheetName(n, charts.replace ?? ""))
    : -1;
  const old = charts.replace ? sheets.getItem(charts.replace) : null;
  if (old && charts.plan) old.name = aside;
  if (charts.plan) {
    const sheet = queueChartsSheet(context, charts.plan, charts.plan.plan.name);
    if (position >= 0) sheet.position = position;
  }
  return old ? () => old.delete() : null;
}

/** The end of the last request: the old sheet goes, the new one takes its name and place, and shows. */
function queueSwap(context: Excel.RequestContext, sheet: Excel.Worksheet, options: WriteOptions): void {
  const position = options.replace
    ? options.sheetNames.findIndex((n) => sameSheetName(n, options.replace ?? ""))
    : -1;
  if (options.replace) context.workbook.worksheets.getItem(options.replace).delete();
  sheet.name = options.name;
  if (position >= 0) sheet.position = position;
  sheet.activate();
}

function queueReread(
  context: Excel.RequestContext,
  r: Reread,
): { range: Excel.Range; left: number; top: number }[] {
  if (r.lastRow < r.fromRow) return [];
  const sheet = context.workbook.worksheets.getItem(r.sheet);
  return columnRuns(r.columns).map((run) => {
    const range = sheet
      .getRangeByIndexes(r.fromRow, run.left, r.lastRow - r.fromRow + 1, run.right - run.left + 1)
      .untrack();
    range.load("values");
    return { range, left: run.left, top: r.fromRow };
  });
}

function collect(
  loads: { range: Excel.Range; left: number; top: number }[],
): Map<number, Map<number, unknown>> {
  const out = new Map<number, Map<number, unknown>>();
  for (const { range, left, top } of loads)
    range.values.forEach((row, i) => {
      const m = out.get(top + i) ?? new Map<number, unknown>();
      row.forEach((v, j) => m.set(left + j, v));
      out.set(top + i, m);
    });
  return out;
}

async function rereadColumns(
  context: Excel.RequestContext,
  r: Reread,
): Promise<{ syncs: number; values: Map<number, Map<number, unknown>> }> {
  // Blocks are sized by the blanket per-row guess, not the measured total: notes sit in the table rows,
  // not the narrative above them, so a block of table rows holds more than the average.
  const rows = r.lastRow - r.fromRow + 1;
  const rowsPer = Math.max(
    1,
    Math.floor((rows * PAYLOAD_BUDGET) / Math.max(1, r.bytes, rows * COMMITTEE_ROW_BYTES)),
  );
  const values = new Map<number, Map<number, unknown>>();
  let syncs = 0;
  for (let from = r.fromRow; from <= r.lastRow; from += rowsPer) {
    const loads = queueReread(context, {
      ...r,
      fromRow: from,
      lastRow: Math.min(r.lastRow, from + rowsPer - 1),
    });
    syncs++;
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const [k, v] of collect(loads)) values.set(k, v);
  }
  return { syncs, values };
}

/** After a failure: the old sheet stays; the temporary one goes (or, if the old one went, takes its name). */
async function cleanUp(
  context: Excel.RequestContext,
  temp: TemporarySheet,
  options: WriteOptions,
): Promise<void> {
  try {
    const sheets = context.workbook.worksheets;
    const t = sheets.getItemOrNullObject(temp.id);
    t.load("name");
    const old = options.replace ? sheets.getItemOrNullObject(options.replace) : null;
    old?.load("name");
    await context.sync();
    if (t.isNullObject) return;
    if (old && old.isNullObject) t.name = options.name;
    else t.delete();
    await context.sync();
  } catch {
    // The original error is the one worth reporting; a workbook that refuses even this is left as is.
  }
}

/** After a failure: our old charts sheet, if it was moved aside, comes back; a half-drawn new one goes. */
async function restoreCharts(
  context: Excel.RequestContext,
  aside: string,
  options: WriteOptions,
): Promise<void> {
  const charts = options.charts;
  if (!charts?.replace || !charts.plan) return;
  try {
    const sheets = context.workbook.worksheets;
    const old = sheets.getItemOrNullObject(aside);
    old.load("name");
    const fresh = sheets.getItemOrNullObject(charts.plan.plan.name);
    fresh.load("name");
    await context.sync();
    if (old.isNullObject) return;
    if (!fresh.isNullObject) fresh.delete();
    old.name = charts.replace;
    await context.sync();
  } catch {
    // As in cleanUp: the original error is the one worth reporting.
  }
}
