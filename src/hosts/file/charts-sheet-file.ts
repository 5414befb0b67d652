/**
 * The charts sheet in a workbook package, surgically: our sheet part, its drawing and chart parts, and
 * the entries that name them are written, replaced or removed; nothing else is touched. A rebuild
 * first drops every part the old charts sheet owned, then writes the new ones under the first free
 * numbers, so a workbook rebuilt every month ends with the same part list, not a growing one.
 */
import type { ChartSheetPlan } from "../../engine/paper/chart-sheet";
import { addWorksheet, Bookkeeping, firstFree, removeSheetEntry } from "./worksheet-entries";
import {
  attr,
  readRels,
  readSheets,
  relsPathOf,
  resolvePart,
  setSheetNames,
  WORKSHEET_TYPE,
} from "./package-parts";
import { RELS_TYPE } from "./package-check";
import {
  CHART_REL,
  CHART_TYPE,
  chartXml,
  DRAWING_REL,
  DRAWING_TYPE,
  drawingXml,
  relsXml,
} from "./chart-parts";
import { printNames, sheetXml } from "./sheet-xml";
import type { StyleBook } from "./styles-xml";
import type { ZipPackage } from "./zip-package";

export interface ChartsSheetInput {
  zip: ZipPackage;
  /** The workbook file, for messages. */
  file: string;
  /** The workbook part's folder, "xl/". */
  base: string;
  books: Bookkeeping;
  styles: StyleBook;
  /** The charts sheet to write, or null when no area for focus has a chart. */
  sheet: ChartSheetPlan | null;
  /** Our old charts sheet's name, where the workbook has one. */
  old: string | undefined;
}

/** The part a relationship target names, relative to the part that owns the rels. */
function resolve(owner: string, target: string): string {
  return resolvePart(owner.replace(/[^/]+$/, ""), target);
}

/** Removes a sheet part and every drawing and chart it owns (their content types follow, agree-parts.ts). */
function dropSheetParts(zip: ZipPackage, part: string): void {
  // From the sheet, its drawing; from the drawing and its charts, everything they own (the chart
  // style and colour parts Excel adds when the analyst saves the sheet, pictures pasted onto it).
  const seen = new Set<string>();
  const drop = (p: string, all: boolean) => {
    if (seen.has(p)) return;
    seen.add(p);
    const rels = zip.text(relsPathOf(p));
    if (rels !== undefined) {
      for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
        const type = attr(m[0], "Type") ?? "";
        const target = attr(m[0], "Target");
        if (!target || attr(m[0], "TargetMode") === "External") continue;
        if (all || type === DRAWING_REL) drop(resolve(p, target), true);
      }
      zip.remove(relsPathOf(p));
    }
    zip.remove(p);
  };
  drop(part, false);
}

/** Writes (or removes) the charts sheet; returns the edited bookkeeping and the sheet's name, if any. */
export function writeChartsSheet(input: ChartsSheetInput): { books: Bookkeeping; name: string | null } {
  const { zip, base, styles, sheet } = input;
  let books = input.books;
  const entries = () => readSheets(books.workbookXml, readRels(books.relsXml, base));
  const old = input.old === undefined ? undefined : entries().find((e) => e.name === input.old);
  if (old?.part) dropSheetParts(zip, old.part);
  if (!sheet) {
    if (old) books = removeSheetEntry(books, old.name, old.rId, old.index);
    return { books, name: null };
  }
  const name = sheet.plan.name;
  let part: string;
  let index: number;
  if (old?.part) {
    part = old.part;
    index = old.index;
  } else ({ books, part, index } = addWorksheet(zip, base, books, name, input.file));
  books = {
    ...books,
    workbookXml: setSheetNames(
      books.workbookXml,
      index,
      // The print area, and the key's row repeated at the top of every page: the sheet's one key.
      printNames(sheet.plan, name),
    ),
  };

  const d = firstFree(zip, (n) => `${base}drawings/drawing${n}.xml`);
  const drawing = `${base}drawings/drawing${d}.xml`;
  const chartRels: { id: string; type: string; target: string }[] = [];
  for (const p of sheet.charts) {
    const k = firstFree(zip, (n) => `${base}charts/chart${n}.xml`);
    const chart = `${base}charts/chart${k}.xml`;
    zip.write(chart, chartXml(p, name), CHART_TYPE);
    chartRels.push({ id: `rId${chartRels.length + 1}`, type: CHART_REL, target: `../charts/chart${k}.xml` });
  }
  zip.write(
    drawing,
    drawingXml(
      sheet.charts,
      chartRels.map((r) => r.id),
    ),
    DRAWING_TYPE,
  );
  zip.write(relsPathOf(drawing), relsXml(chartRels), RELS_TYPE);

  const out = sheetXml(sheet.plan, (l) => styles.xf(l.key, l.style), {
    tabColor: "FF2E75B6",
    drawing: "rId1",
  });
  zip.write(part, out.xml, WORKSHEET_TYPE);
  zip.write(
    relsPathOf(part),
    relsXml([{ id: "rId1", type: DRAWING_REL, target: `../drawings/drawing${d}.xml` }]),
    RELS_TYPE,
  );
  return { books, name };
}
