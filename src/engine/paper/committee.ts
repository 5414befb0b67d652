/**
 * Assessments -> the committee sheet's plan, as the composition of the paper's parts: the title, the
 * summary page (RAG counts, the SPC matrix where it applies, the areas for focus and what performs
 * well), the key and rules, the table, and the commentary set aside below the printed area. Rows are
 * as tall as their text in the printed font, and every page break is the plan's own. The plan carries
 * the analyst's commentary across refreshes, keyed by indicator, and never drops it.
 */
import { forCommittee } from "./committee-selection";
import { COLUMN_TAG, carryCommentary, readCommentary } from "./commentary";
import { fitExcelLimits } from "./excel-limits";
import { TABLE_COLUMNS, TableContext } from "./columns";
import { placeColumns } from "./column-widths";
import { nationalNotePart, nationalSummaryPart } from "./national-note";
import { notesPart, printKey } from "./key";
import { matrixPart } from "./matrix";
import { MARGINS, PAGE_HEIGHT_PT } from "./page";
import { PageModel, pageStarts, paginate } from "./paginate";
import type { CommitteeInput, Paper } from "./paper-context";
import { span } from "./paper-context";
import { SheetPlan, groupStyles } from "./plan";
import { setAsidePart } from "./set-aside";
import { SheetBuilder } from "./sheet-builder";
import { STYLES } from "./styles";
import { Summary, summarise, summaryCounts, summaryLists } from "./summary";
import { TableRows, tablePart } from "./table";
import { formatStamp, paperTitle, titlePart } from "./title";
import { cutText } from "../text-cut";

export type { CellStyle, PlanValue, SheetPlan } from "./plan";
export { groupStyles } from "./plan";
export { PLAN_VERSION } from "./title";
export { COMMITTEE_MARKER, isCommitteeGrid, isCommitteeMarker, readCommentary } from "./commentary";
export type { ExistingCommentary } from "./commentary";
export { chooseCommitteeName } from "../sheet-name";
export { CAVEAT_CODES } from "../judge/quality";
export { BAND_SYMBOL, BAND_WORDS, PALETTE, bandLabel } from "./styles";
export { COMMENTARY_COLUMNS } from "./columns";
export { printKey } from "./key";
export { sparkline } from "./direction";
export { summarise } from "./summary";
export type { Summary } from "./summary";
export { paginate } from "./paginate";
export type { CommitteeInput } from "./paper-context";

/** A page's height less a few points: a renderer that sets a page a little shorter must not break it first. */
const PAGE_BUDGET = PAGE_HEIGHT_PT - 6;

export interface CommitteeResult {
  plan: SheetPlan;
  /** Indicators whose commentary was carried over from the previous sheet. */
  carried: number;
  /** Commentary entries kept in the retired block because their indicator has gone. */
  retired: number;
  /** Notes on indicators the analyst left out of this paper, kept (unprinted) until they return. */
  setAside: number;
  /** Cells cut to Excel's 32,767 characters (they end in "…"), as 0-based plan row and column. */
  truncated: { row: number; col: number }[];
  summary: Summary;
}

/** The indicators, the columns placed for them, and an empty sheet. */
function startPaper(input: CommitteeInput, listSize: 9 | 10): Paper {
  const analysis = forCommittee(input.analysis);
  // Matched against every indicator, left out or not: a note on an indicator the analyst has left out
  // of this paper is set aside, not mistaken for one whose indicator has gone.
  const carry = carryCommentary(readCommentary(input.existing), input.analysis.indicators);
  const table: TableContext = {
    analysis,
    carry,
    reviews: input.reviews,
    spcShown: analysis.indicators.some((a) => a.spc !== null),
  };
  const columns = placeColumns(table, STYLES);
  const sheet = new SheetBuilder(TABLE_COLUMNS.length, STYLES, columns.widths, columns.shown);
  const printed = TABLE_COLUMNS.map((_, i) => i).filter((i) => columns.shown[i]);
  return { input, analysis, table, columns, sheet, printed, listSize };
}

/** The hidden row that names each column's role, for the commentary read-back (commentary.ts). */
function metadataRow(p: Paper): number {
  const r = p.sheet.row(12);
  TABLE_COLUMNS.forEach((c, i) => p.sheet.set(r, i, `${COLUMN_TAG}${c.key}`, "key"));
  return r;
}

/** Where "How to read this paper" goes: under the table, or on the summary page under the lists. */
type NotesAt = "after-table" | "on-summary";

/** The first page: title, counts, the SPC matrix where it applies, the two lists, and maybe the notes. */
function summaryPage(p: Paper, summary: Summary, notes: NotesAt): { metaRow: number; tableStart: number } {
  titlePart(p);
  const metaRow = metadataRow(p);
  summaryCounts(p, summary);
  matrixPart(p);
  summaryLists(p, summary);
  nationalSummaryPart(p);
  if (notes === "on-summary") notesPart(p);
  return { metaRow, tableStart: p.sheet.rowCount };
}

/** Points the summary takes on paper (the hidden metadata row takes none). */
function summaryHeight(p: Paper, at: { metaRow: number; tableStart: number }): number {
  return p.sheet.heights.slice(0, at.tableStart).reduce((n, h, r) => (r === at.metaRow ? n : n + h), 0);
}

interface Composed {
  result: CommitteeResult;
  /** The summary page ran over its page. */
  summaryOver: boolean;
  /** The notes under the table start the last page, alone under a repeated table header. */
  notesAlone: boolean;
}

/** The paper's parts in reading order: summary, table, notes, and the commentary set aside. */
function composePaper(input: CommitteeInput, notes: NotesAt): Composed {
  let p = startPaper(input, 10);
  const summary = summarise(p.analysis);
  let at = summaryPage(p, summary, notes);
  // A summary that runs a little over its page fits at 9 pt; a long one runs over anyway.
  const over = summaryHeight(p, at) / PAGE_BUDGET;
  if (over > 1 && over < 1.15) {
    p = startPaper(input, 9);
    at = summaryPage(p, summary, notes);
  }
  const { metaRow, tableStart } = at;
  const table = tablePart(p);
  // The Department's attribution belongs under the table it sources, wherever the notes go.
  nationalNotePart(p);
  const printEnd = notes === "after-table" ? notesPart(p) : p.sheet.rowCount - 1;
  const kept = setAsidePart(p);
  const plan = planOf(p, { metaRow, tableStart, table, printEnd });
  const limited = fitExcelLimits(plan);
  const starts = pageStarts(printedHeights(p, metaRow), pageModel(p, { tableStart, table, printEnd }));
  return {
    result: {
      plan: limited.plan,
      carried: p.table.carry.carried,
      retired: kept.retired,
      setAside: kept.setAside,
      summary,
      truncated: limited.truncated,
    },
    summaryOver: summaryHeight(p, at) > PAGE_BUDGET,
    notesAlone: starts[starts.length - 1].row > table.end,
  };
}

/**
 * The paper, with "How to read this paper" under the table; where that would leave the notes alone on
 * a last page under a repeated table header, they go on the summary page instead, if it has the room.
 */
export function buildCommitteePlan(input: CommitteeInput): CommitteeResult {
  const paper = composePaper(input, "after-table");
  if (!paper.notesAlone) return paper.result;
  const front = composePaper(input, "on-summary");
  return front.summaryOver ? paper.result : front.result;
}

/** Row heights as printed: the hidden metadata row takes no room on paper. */
function printedHeights(p: Paper, metaRow: number): number[] {
  return p.sheet.heights.map((h, r) => (r === metaRow ? 0 : h));
}

function pageModel(p: Paper, at: { tableStart: number; table: TableRows; printEnd: number }): PageModel {
  return {
    // A few points spare: a renderer that sets a page a little shorter must not break it first.
    pageHeight: PAGE_BUDGET,
    tableStart: at.tableStart,
    headerRow: at.table.headerRow,
    printEnd: at.printEnd,
    keepWithNext: p.sheet.keepWithNext,
  };
}

/** The finished sheet: cells, styles, sizes, print setup and page breaks. */
function planOf(
  p: Paper,
  at: { metaRow: number; tableStart: number; table: TableRows; printEnd: number },
): SheetPlan {
  const s = p.sheet;
  const { left, right } = span(p);
  const { headerRow } = at.table;
  const title = paperTitle(p);
  const stamp = formatStamp(p.input.generatedAt);
  const hiddenColumns = TABLE_COLUMNS.map((_, i) => i).filter((i) => !p.columns.shown[i]);
  return {
    name: p.input.name,
    values: s.values,
    styles: STYLES,
    styleAreas: groupStyles(s.styleOf),
    merges: s.merges,
    columnWidths: s.columnWidths,
    hiddenColumns,
    hiddenRows: [at.metaRow],
    numberFormats: s.formats,
    conditional: at.table.conditional,
    rowHeights: s.heights,
    // Excel may autofit the table's rows (no merges there) in one call rather than one per height.
    autoHeight: at.table.end > headerRow ? { top: headerRow + 1, bottom: at.table.end } : null,
    // Nothing frozen: the summary above the table is taller than a screen.
    freeze: { rows: 0, cols: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      repeatRows: { first: headerRow + 1, last: headerRow + 1 },
      footerLeft: `${cutText(title, 60, "…")}: generated ${stamp}`,
      footerRight: "Page &P of &N",
      headerCenter: printKey(p.table.spcShown),
      printArea: { top: 0, left, bottom: at.printEnd, right },
      scale: 100,
      margins: MARGINS,
    },
    pageBreaks: paginate(printedHeights(p, at.metaRow), pageModel(p, at)),
    commentary: {
      column: TABLE_COLUMNS.findIndex((c) => c.key === "commentary"),
      keyColumn: TABLE_COLUMNS.findIndex((c) => c.key === "key"),
      sourceColumn: TABLE_COLUMNS.findIndex((c) => c.key === "source"),
      headerRow,
      metaRow: at.metaRow,
    },
  };
}
