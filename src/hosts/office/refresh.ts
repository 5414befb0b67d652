/**
 * The whole refresh inside Excel in three round trips, whatever the scorecard's size: read the shapes,
 * read the cells, write the committee sheet. Only the add-in's own sheet is written.
 */
import { analyse, Analysis } from "../../engine/assess";
import {
  buildCommitteePlan,
  chooseCommitteeName,
  CommitteeResult,
  isCommitteeGrid,
} from "../../engine/committee";
import type { Settings } from "../../engine/config";
import { readWorkbook } from "./read-workbook";
import { queuePlan } from "./apply-plan";

export class RefreshError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RefreshError";
  }
}

export interface RefreshOutcome {
  analysis: Analysis;
  committee: CommitteeResult;
  sheetName: string;
  /** The sheet that was read, to be saved so that later refreshes need not guess. */
  sourceSheet: string;
  /** Set where a sheet of the wanted name was not the add-in's and another name was used. */
  renamedFrom?: string;
  syncs: number;
}

export interface RefreshOptions {
  settings: Settings;
  /** ExcelApi 1.13 reports merged header cells; without it the engine's inference serves. */
  mergedAreas: boolean;
  now?: Date;
}

export async function refresh(
  context: Excel.RequestContext,
  options: RefreshOptions,
): Promise<RefreshOutcome> {
  const { settings } = options;
  const read = await readWorkbook(
    context,
    settings.sourceSheet,
    settings.committeeSheet,
    options.mergedAreas,
  );
  if (!read.source) {
    throw new RefreshError(
      `The scorecard sheet '${settings.sourceSheet ?? ""}' saved in the settings is not in this workbook (it has ${read.sheetNames.map((n) => `'${n}'`).join(", ")}). Choose the scorecard sheet in the Scorecard pane.`,
    );
  }
  if (isCommitteeGrid(read.source.grid)) {
    throw new RefreshError(
      `'${read.source.name}' is Scorecard's own committee sheet. Select your scorecard sheet and refresh again, or choose it in the Scorecard pane.`,
    );
  }
  const analysis = analyse(read.source.grid, settings);
  const ours = new Set(read.candidates.filter((c) => c.ours).map((c) => c.name));
  const target = chooseCommitteeName(settings.committeeSheet, read.sheetNames, (n) => ours.has(n));
  if (target.name === read.source.name)
    throw new RefreshError(`The committee sheet cannot be the scorecard sheet '${target.name}'.`);
  const existing = read.candidates.find((c) => c.name === target.name && c.ours)?.grid;
  const committee = buildCommitteePlan({
    analysis,
    name: target.name,
    generatedAt: options.now ?? new Date(),
    existing,
    reviews: settings.reviews,
  });

  const app = context.workbook.application;
  app.suspendApiCalculationUntilNextSync();
  app.suspendScreenUpdatingUntilNextSync();
  let sheet: Excel.Worksheet;
  if (target.ours) {
    // Reuse the sheet (it keeps its place among the tabs) after wiping everything the last refresh wrote.
    sheet = context.workbook.worksheets.getItem(target.name);
    const all = sheet.getRange();
    all.unmerge();
    all.clear("All");
    all.columnHidden = false;
    sheet.freezePanes.unfreeze();
  } else {
    sheet = context.workbook.worksheets.add(target.name);
  }
  queuePlan(sheet, committee.plan);
  sheet.activate();
  await context.sync();
  return {
    analysis,
    committee,
    sheetName: target.name,
    sourceSheet: read.source.name,
    renamedFrom: target.renamed ? settings.committeeSheet : undefined,
    syncs: read.syncs + 1,
  };
}
