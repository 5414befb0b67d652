/**
 * The whole job on a workbook file, surgically: the sheets it needs are read straight from the package
 * within the limits (workbook-package.ts), and the output is the original package with only the
 * committee sheet's part replaced (or added) and the bookkeeping parts that must know about it edited
 * in place. Every other part (source sheet, charts, pivots, VBA,
 * comments, extensions, properties, labels) comes out byte for byte; an .xlsm stays macro-enabled.
 */
import { chartSheetPlan, CHARTS_SHEET } from "../../engine/paper/chart-sheet";
import { placeCommitteeSheet, sameSheetName } from "../../engine/sheet-name";
import { xmrCharts } from "../../engine/paper/xmr-chart";
import { writeChartsSheet } from "./charts-sheet-file";
import { chartsSheets } from "./committee-target";
import type { Settings } from "../../engine/config";
import type { BuildOutcome } from "./build";
import { attr, readRels, relsPathOf, readSheets, setSheetNames, WORKSHEET_TYPE } from "./package-parts";
import { finishPackage } from "./finish-package";
import { packageProblems } from "./package-check";
import { planWorkbook } from "./plan-workbook";
import { addWorksheet } from "./worksheet-entries";
import type { ZipPackage } from "./zip-package";
import { WorkbookPackage } from "./workbook-package";
import { printNames, sheetXmlPieces, type SheetReport } from "./sheet-xml";
import { StyleBook } from "./styles-xml";
import { UserError } from "./workbook";

export interface FileBuildOutcome extends BuildOutcome {
  /** The finished package, to be written atomically by the caller. */
  bytes: Uint8Array;
  /** Cells whose text was cut to Excel's 32,767 characters. */
  truncated: string[];
  /** Rows whose height was capped at Excel's 409 pt. */
  cappedRows: number[];
}

/** The workbook's bookkeeping parts as they are before the build: the workbook, its relationships, styles. */
function bookParts(pkg: WorkbookPackage, path: string) {
  const zip = pkg.zip;
  const workbookPart = pkg.workbookPart;
  const workbookXml = zip.text(workbookPart);
  const relsPath = relsPathOf(workbookPart);
  const relsXml = zip.text(relsPath);
  if (workbookXml === undefined || relsXml === undefined || !zip.has("[Content_Types].xml"))
    throw new UserError(`${path} is not a complete workbook package (its workbook part is missing).`);
  const base = workbookPart.replace(/[^/]+$/, "");
  const rels = readRels(relsXml, base);
  const entries = readSheets(workbookXml, rels);
  const stylesRel = [...rels.values()].find((r) => r.type.endsWith("/styles"));
  const stylesPath = stylesRel?.target ?? `${base}styles.xml`;
  const styles = new StyleBook(zip.text(stylesPath));
  return { workbookPart, workbookXml, relsPath, relsXml, base, entries, stylesPath, styles };
}

type BookParts = ReturnType<typeof bookParts>;
type Books = { workbookXml: string; relsXml: string };
type Planned = Awaited<ReturnType<typeof planWorkbook>>;

/** The committee sheet's part: the old one of ours replaced in place, or a new worksheet added. */
async function committeePart(zip: ZipPackage, parts: BookParts, planned: Planned, path: string) {
  const { target, oldName } = planned;
  const existing = oldName ? parts.entries.find((e) => e.name === oldName) : undefined;
  let books: Books = { workbookXml: parts.workbookXml, relsXml: parts.relsXml };
  let part: string;
  let index: number;
  if (existing && existing.part) {
    part = existing.part;
    index = existing.index;
    // The old sheet's own relationships (a drawing, a printer setting) no longer apply to the new part.
    zip.remove(relsPathOf(part));
    await dropCalcChain(zip, parts.base, existing.sheetId);
  } else {
    const added = addWorksheet(zip, parts.base, books, target.name, path);
    ({ part, index, books } = added);
  }
  return { part, index, books, replaced: existing !== undefined };
}

/**
 * The charts sheet: ours (by its marker) is replaced or removed; a foreign sheet of its name is left
 * alone and ours goes beside it as "Scorecard charts (2)".
 */
async function chartsPart(
  pkg: WorkbookPackage,
  parts: BookParts,
  planned: Planned,
  books: Books,
  replaced: boolean,
  path: string,
) {
  const { analysis, target } = planned;
  const taken = [...pkg.taken, ...(replaced ? [] : [target.name])];
  const ownCharts = (await chartsSheets(pkg)).filter(
    (n) => !sameSheetName(n, analysis.sheet) && !sameSheetName(n, target.name),
  );
  const chartsPlace = placeCommitteeSheet(CHARTS_SHEET, taken, ownCharts, analysis.sheet);
  const chartsPlan = chartSheetPlan(xmrCharts(analysis), chartsPlace.name);
  const charts = writeChartsSheet({
    zip: pkg.zip,
    file: path,
    base: parts.base,
    books,
    styles: parts.styles,
    sheet: chartsPlan,
    old: chartsPlace.ours ? chartsPlace.name : undefined,
  });
  return { charts, chartsPlan };
}

export async function buildWorkbookFile(
  path: string,
  settings: Settings,
  sheet?: string,
  now = new Date(),
): Promise<FileBuildOutcome> {
  const pkg = WorkbookPackage.open(path);
  const zip = pkg.zip;
  // What was already wrong with the package is not this build's to answer for; anything new is.
  const inputProblems = packageProblems(zip);
  const planned = await planWorkbook(pkg, settings, sheet, now);
  const { analysis, committee, target, sourceWhy } = planned;
  const parts = bookParts(pkg, path);
  const { styles, stylesPath, workbookPart, relsPath } = parts;

  const report: SheetReport = { truncated: [], cappedRows: [] };
  const pieces = sheetXmlPieces(committee.plan, (l) => styles.xf(l.key, l.style), report);
  const placed = await committeePart(zip, parts, planned, path);
  const named = setSheetNames(
    placed.books.workbookXml,
    placed.index,
    printNames(committee.plan, target.name),
  );
  await zip.writePieces(placed.part, pieces, WORKSHEET_TYPE);
  const books = { workbookXml: named, relsXml: placed.books.relsXml };
  const { charts, chartsPlan } = await chartsPart(pkg, parts, planned, books, placed.replaced, path);

  if (styles.changed) zip.write(stylesPath, styles.toXml());
  if (charts.books.workbookXml !== parts.workbookXml) zip.write(workbookPart, charts.books.workbookXml);
  if (charts.books.relsXml !== parts.relsXml) zip.write(relsPath, charts.books.relsXml);

  const bytes = finishPackage(zip, inputProblems);
  return {
    analysis,
    committee,
    sheetName: target.name,
    renamedFrom: target.renamed ? settings.committeeSheet : undefined,
    sourceWhy,
    chartsSheet: charts.name,
    chartCount: chartsPlan && charts.name ? chartsPlan.charts.length : 0,
    chartsOmitted: chartsPlan ? chartsPlan.omitted : 0,
    bytes,
    truncated: report.truncated,
    cappedRows: report.cappedRows,
  };
}

/** Formulas of the replaced sheet leave Excel's calculation chain; a stale entry makes Excel repair the file. */
async function dropCalcChain(zip: ZipPackage, base: string, sheetId: number): Promise<void> {
  const path = `${base}calcChain.xml`;
  const xml = zip.text(path);
  if (xml === undefined) return;
  let current = "";
  let changed = false;
  // Entries without i= belong to the sheet of the entry before them.
  const next = xml.replace(/<c\b[^>]*\/>/g, (tag) => {
    const i = attr(tag, "i");
    if (i !== undefined) current = i;
    if (current === String(sheetId)) {
      changed = true;
      return "";
    }
    return tag;
  });
  if (changed) zip.write(path, next);
}
