/**
 * The whole refresh inside Excel in three round trips for an ordinary scorecard: read the shapes; read
 * the source with a look at the other sheets (and the old committee sheet's commentary columns); write
 * the new committee sheet and swap it in. A committee sheet the analyst renamed or rearranged costs one
 * more trip; a sheet too big for one 4 MB request or response pays one per further block. Only the
 * add-in's own sheet is ever replaced, and only once the new one is complete.
 */
import { analyse, Analysis } from "../../engine/judge/assess";
import { CHARTS_SHEET, chartSheetPlan, isChartsGrid } from "../../engine/paper/chart-sheet";
import { buildCommitteePlan, CommitteeResult } from "../../engine/paper/committee";
import { isCommitteeGrid, locateCommentary, readCommentary } from "../../engine/paper/commentary";
import type { Settings } from "../../engine/config";
import type { Grid } from "../../engine/grid";
import { placeCommitteeSheet, sameSheetName, sheetNameProblem } from "../../engine/sheet-name";
import { xmrCharts } from "../../engine/paper/xmr-chart";
import { nationalProblems, withNationalFigures } from "../../national/with-national";
import { COMMITTEE_ROW_BYTES, OtherSheet, readColumns, readWorkbook, WorkbookRead } from "./read-workbook";
import { dropTemporarySheet } from "./temporary-sheet";
import { Reread, writeCommittee } from "./write-sheet";
import { explainExcelError, RefreshError } from "./excel-errors";

export { RefreshError };

export interface RefreshOutcome {
  analysis: Analysis;
  committee: CommitteeResult;
  sheetName: string;
  /** The sheet that was read, to be saved so that later refreshes need not guess. */
  sourceSheet: string;
  /** Set where a sheet of the wanted name was not the add-in's and another name was used. */
  renamedFrom?: string;
  /** Things the analyst should know that did not stop the refresh. */
  notes: string[];
  /** The charts sheet written (XmR charts of the areas for focus), or null where there were none. */
  chartsSheet: string | null;
  chartCount: number;
  syncs: number;
}

export interface RefreshOptions {
  settings: Settings;
  /** ExcelApi 1.13 reports merged header cells; without it the engine's inference serves. */
  mergedAreas: boolean;
  now?: Date;
}

function columnsOf(layout: NonNullable<ReturnType<typeof locateCommentary>>): number[] {
  const c = layout.columns;
  return [c.ref, c.measure, c.commentary, c.key, ...(c.source !== undefined ? [c.source] : [])];
}

/** The old sheet as a grid of its top window plus re-read columns, for comparing with the first read. */
function withReread(old: Grid, fromRow: number, values: Map<number, Map<number, unknown>>): Grid {
  const rows = old.rows.slice(0, fromRow).map((r) => [...r]);
  for (const [r, cols] of values) {
    const out = (rows[r] ??= []);
    for (const [c, v] of cols) out[c] = { value: v === "" ? null : (v as string | number | boolean) };
  }
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  return { ...old, rows };
}

function sameCommentary(a: Grid, b: Grid): boolean {
  const x = readCommentary(a);
  const y = readCommentary(b);
  return (
    JSON.stringify(x.entries.map((e) => [e.ref, e.measure, e.text, e.hiddenKey])) ===
    JSON.stringify(y.entries.map((e) => [e.ref, e.measure, e.text, e.hiddenKey]))
  );
}

export async function refresh(
  context: Excel.RequestContext,
  options: RefreshOptions,
): Promise<RefreshOutcome> {
  try {
    return await run(context, options);
  } catch (e) {
    throw explainExcelError(e);
  }
}

async function run(context: Excel.RequestContext, options: RefreshOptions): Promise<RefreshOutcome> {
  const read = await readWorkbook(context, options.settings.sourceSheet, {
    committeeName: options.settings.committeeSheet,
    mergedAreas: options.mergedAreas,
  });
  try {
    return await build(context, options, read);
  } catch (e) {
    // Nothing was written: the temporary sheet the second read added goes again (one more sync).
    if (read.temporary) await dropTemporarySheet(context, read.temporary);
    throw e;
  }
}

/** The source sheet read, or a message saying why it cannot be refreshed from. */
function sourceOf(read: WorkbookRead, settings: Settings): NonNullable<WorkbookRead["source"]> {
  const source = read.source;
  if (!source)
    throw new RefreshError(
      `The scorecard sheet '${settings.sourceSheet ?? ""}' saved in the settings is not in this workbook (it has ${read.sheetNames.map((n) => `'${n}'`).join(", ")}). Choose the scorecard sheet in the Scorecard pane.`,
    );
  if (isCommitteeGrid(source.grid))
    throw new RefreshError(
      `'${source.name}' is Scorecard's own committee sheet. Select your scorecard sheet and refresh again, or choose it in the Scorecard pane.`,
    );
  if (isChartsGrid(source.grid))
    throw new RefreshError(
      `'${source.name}' is Scorecard's own charts sheet. Select your scorecard sheet and refresh again, or choose it in the Scorecard pane.`,
    );
  return source;
}

type Place = ReturnType<typeof placeCommitteeSheet>;

/** Where the committee sheet goes, and the old one of ours it replaces; refused where Excel would refuse. */
function placeOf(
  read: WorkbookRead,
  settings: Settings,
  sourceName: string,
): { target: Place; old?: OtherSheet } {
  const target = placeCommitteeSheet(
    settings.committeeSheet,
    read.sheetNames,
    read.others.filter((o) => o.ours).map((o) => o.name),
    sourceName,
  );
  if (sameSheetName(target.name, sourceName))
    throw new RefreshError(`The committee sheet cannot be the scorecard sheet '${target.name}'.`);
  if (read.workbookProtected)
    throw new RefreshError(
      "The workbook's structure is protected (Review > Protect Workbook), so Scorecard cannot add or replace the committee sheet. Unprotect the workbook and refresh again; nothing was changed.",
    );
  const old = target.ours ? read.others.find((o) => sameSheetName(o.name, target.name)) : undefined;
  if (old?.protected)
    throw new RefreshError(
      `The committee sheet '${old.name}' is protected (Review > Unprotect Sheet). Unprotect it and refresh again; nothing was changed.`,
    );
  return { target, old };
}

/**
 * The old sheet's commentary columns: read now where the second trip did not bring them (a renamed
 * sheet, or columns the analyst moved), and re-read at the swap. Returns the syncs it took.
 */
async function prepareReread(
  context: Excel.RequestContext,
  old: OtherSheet | undefined,
): Promise<{ reread?: Reread; syncs: number }> {
  const layout = old ? locateCommentary(old.grid) : null;
  if (!old || !layout) return { syncs: 0 };
  const columns = columnsOf(layout);
  // From the metadata row down: the table header may sit far below it (readCommentary finds it).
  const fromRow = (layout.metaRow ?? layout.headerRow) + 1;
  const syncs = columns.every((c) => old.columnsRead.includes(c))
    ? 0
    : await readColumns(context, old.name, columns, fromRow, old.lastRow, old.grid);
  const bytes = rereadBytes(old.grid, columns, fromRow, old.lastRow);
  return { reread: { sheet: old.name, columns, fromRow, lastRow: old.lastRow, bytes }, syncs };
}

/** What the analyst should know that did not stop the refresh. */
function notesOf(
  read: WorkbookRead,
  settings: Settings,
  target: Place,
  committee: CommitteeResult,
  charts: ReturnType<typeof chartSheetPlan>,
): { notes: string[]; renamedFrom?: string } {
  const notes: string[] = [];
  if (read.mergeNote) notes.push(read.mergeNote);
  const nameProblem = sheetNameProblem(settings.committeeSheet);
  // A marked sheet under a name of the analyst's choosing was renamed by hand, not moved aside.
  const adopted =
    target.ours && !sameSheetName(target.name, settings.committeeSheet) && !/ \(\d+\)$/.test(target.name);
  if (nameProblem)
    notes.push(
      `'${settings.committeeSheet}' cannot be a sheet name (${nameProblem}); '${target.name}' was used.`,
    );
  else if (adopted)
    notes.push(
      `The committee sheet was renamed '${target.name}' in Excel; it was refreshed under that name.`,
    );
  if (charts?.omitted)
    notes.push(
      `${charts.charts.length} XmR charts were drawn on '${charts.plan.name}' (red before amber); ${charts.omitted} more areas for focus were not charted.`,
    );
  if (committee.truncated.length)
    notes.push(
      `${committee.truncated.length} cell(s) held more than Excel's 32,767 characters and were cut; they end in "…".`,
    );
  const renamedFrom = target.renamed && !adopted && !nameProblem ? settings.committeeSheet : undefined;
  return { notes, renamedFrom };
}

/**
 * The charts sheet follows the committee sheet's rule: ours (by its marker) is replaced, a foreign
 * sheet of the name is left alone and ours goes beside it.
 */
function chartsOf(read: WorkbookRead, analysis: Analysis, target: Place, source: string, replacing: boolean) {
  const chartsPlace = placeCommitteeSheet(
    CHARTS_SHEET,
    [...read.sheetNames, ...(replacing ? [] : [target.name])],
    read.others.filter((o) => isChartsGrid(o.grid) && !sameSheetName(o.name, target.name)).map((o) => o.name),
    source,
  );
  return { chartsPlace, charts: chartSheetPlan(xmrCharts(analysis), chartsPlace.name) };
}

async function build(
  context: Excel.RequestContext,
  options: RefreshOptions,
  read: WorkbookRead,
): Promise<RefreshOutcome> {
  const { settings } = options;
  const source = sourceOf(read, settings);
  // The Department's figures (a chunk of their own) load only where the workbook names a council.
  const analysis = await withNationalFigures(analyse(source.grid, settings), settings);
  const { target, old } = placeOf(read, settings, source.name);
  const prepared = await prepareReread(context, old);
  const reread = prepared.reread;
  let syncs = read.syncs + prepared.syncs;
  const paper = (existing: Grid | undefined) =>
    buildCommitteePlan({
      analysis,
      name: target.name,
      generatedAt: options.now ?? new Date(),
      existing,
      reviews: settings.reviews,
    });
  let committee = paper(old?.grid);
  const { chartsPlace, charts } = chartsOf(read, analysis, target, source.name, old !== undefined);
  const written = await writeCommittee(context, committee.plan, {
    name: target.name,
    replace: old ? old.name : null,
    temporary: read.temporary,
    sheetNames: read.sheetNames,
    reread,
    charts: { plan: charts, replace: chartsPlace.ours ? chartsPlace.name : null },
  });
  syncs += written.syncs;

  // Commentary typed between the first read and the swap: if any changed, the sheet is written again
  // from what was on the old sheet at its very end (rare; a request to add its temporary sheet, and one
  // to write and swap it).
  if (old && reread && written.reread) {
    const latest = withReread(old.grid, reread.fromRow, written.reread);
    if (!sameCommentary(old.grid, latest)) {
      committee = paper(latest);
      const again = await writeCommittee(context, committee.plan, {
        name: target.name,
        replace: target.name,
        sheetNames: [...read.sheetNames.filter((n) => !sameSheetName(n, old.name)), target.name],
      });
      syncs += again.syncs;
    }
  }
  const { notes, renamedFrom } = notesOf(read, settings, target, committee, charts);
  notes.push(...nationalProblems(analysis));
  return {
    analysis,
    committee,
    sheetName: target.name,
    sourceSheet: source.name,
    renamedFrom,
    notes,
    chartsSheet: charts ? charts.plan.name : null,
    chartCount: charts ? charts.charts.length : 0,
    syncs,
  };
}

/**
 * What re-reading these cells just before the swap will cost, from what they held a moment ago, with
 * room for notes typed meanwhile: a measured size lets the re-read ride with the swap where a blanket
 * per-row guess (a 400-character note on every row, narrative rows included) would split it off.
 */
function rereadBytes(grid: Grid, columns: number[], fromRow: number, lastRow: number): number {
  let bytes = 0;
  for (let r = fromRow; r <= lastRow; r++) {
    const row = grid.rows[r];
    for (const c of columns) bytes += JSON.stringify(row?.[c]?.value ?? "").length + 1;
  }
  const rows = Math.max(0, lastRow - fromRow + 1);
  return Math.ceil(bytes * 1.25) + Math.min(rows, 500) * COMMITTEE_ROW_BYTES;
}
