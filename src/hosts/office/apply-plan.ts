/**
 * SheetPlan -> Office.js operations, queued for one context.sync. Values and number formats go in as
 * 2-D blocks; formatting is applied once per style over all its cells (RangeAreas), rows merge a
 * block at a time, and row heights are set once per distinct height. Nothing here syncs. Every range
 * is untracked: nothing reads one after its sync, and a tracked range costs a _KeepReference in the
 * request and a clean-up request of the library's own after Excel.run.
 */
import type { CellStyle, SheetPlan } from "../../engine/paper/committee";
import { headerFooterText } from "../../engine/paper/header-footer";
import type { Area } from "../../engine/grid";
import { columnLetter } from "../../engine/grid";
import { excelColumnPoints } from "../../engine/paper/page";
import { CALL_BYTES, chunkBytesPerRow, wireBytes } from "./request-size";

/** Excel caps a multi-area address at 255 characters; areas are sent in batches under it. */
const MAX_ADDRESS = 255;

export function a1(a: Area): string {
  return `${columnLetter(a.left)}${a.top + 1}:${columnLetter(a.right)}${a.bottom + 1}`;
}

/** Joins addresses into comma-separated batches that each fit one RangeAreas call. */
export function addressBatches(areas: Area[]): string[] {
  const out: string[] = [];
  let current = "";
  for (const a of areas) {
    const s = a1(a);
    if (current && current.length + s.length + 1 > MAX_ADDRESS) {
      out.push(current);
      current = "";
    }
    current = current ? `${current},${s}` : s;
  }
  if (current) out.push(current);
  return out;
}

/**
 * Text is written with the text number format "@" so that nothing typed into the source (a title
 * beginning with "=", a reference like "2.10", a date-like "1/2") is turned into a formula, a number or a date.
 */
export function formatGrid(plan: SheetPlan): string[][] {
  return plan.values.map((row, r) =>
    row.map((v, c): string => (typeof v === "string" ? "@" : (plan.numberFormats[r][c] ?? "General"))),
  );
}

function styleRange(target: Excel.RangeAreas | Excel.Range, s: CellStyle): void {
  const f = target.format;
  f.font.name = "Calibri";
  f.font.size = s.size ?? 11;
  f.font.bold = s.bold === true;
  f.font.italic = s.italic === true;
  f.font.color = `#${s.color ?? "000000"}`;
  if (s.fill) f.fill.color = `#${s.fill}`;
  if (s.hAlign)
    f.horizontalAlignment = s.hAlign === "left" ? "Left" : s.hAlign === "center" ? "Center" : "Right";
  if (s.vAlign)
    f.verticalAlignment = s.vAlign === "top" ? "Top" : s.vAlign === "middle" ? "Center" : "Bottom";
  f.wrapText = s.wrap === true;
  if (s.indent) f.indentLevel = s.indent;
  if (s.border) {
    for (const edge of [
      "EdgeTop",
      "EdgeBottom",
      "EdgeLeft",
      "EdgeRight",
      "InsideHorizontal",
      "InsideVertical",
    ] as const) {
      const b = f.borders.getItem(edge);
      b.style = "Continuous";
      b.color = "#BFBFBF";
    }
  }
}

/** Groups single-row merges on consecutive rows with the same columns, for merge(across) calls. */
export function mergeBlocks(merges: Area[]): Area[] {
  const sorted = [...merges].sort((x, y) => x.left - y.left || x.right - y.right || x.top - y.top);
  const out: Area[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (
      last &&
      m.top === m.bottom &&
      last.left === m.left &&
      last.right === m.right &&
      last.bottom === m.top - 1
    )
      last.bottom = m.bottom;
    else out.push({ ...m });
  }
  return out;
}

/** The whole plan: values, number formats and formatting, in one batch (small sheets, tests). */
export function queuePlan(sheet: Excel.Worksheet, plan: SheetPlan): void {
  queueValues(sheet, plan, 0, plan.values.length);
  queueFormatting(sheet, plan);
}

/**
 * Values and number formats of `count` rows from `top`, as two 2-D blocks of exactly the range's shape.
 * The number format goes first, so that text lands as text.
 */
export function queueValues(sheet: Excel.Worksheet, plan: SheetPlan, top: number, count: number): void {
  const cols = plan.values[0]?.length ?? 0;
  if (count <= 0 || cols === 0) return;
  const block = sheet.getRangeByIndexes(top, 0, count, cols).untrack();
  block.numberFormat = formatGrid(plan).slice(top, top + count);
  block.values = plan.values.slice(top, top + count).map((row) => row.map((v) => (v === null ? "" : v)));
}

/** Bytes each plan row adds to a request as posted (values, number formats, chunking), for splitting writes. */
export function rowRequestBytes(plan: SheetPlan): number[] {
  const formats = formatGrid(plan);
  const chunking = chunkBytesPerRow(plan.values[0]?.length ?? 0);
  return plan.values.map(
    (row, r) => wireBytes(row.map((v) => (v === null ? "" : v))) + wireBytes(formats[r]) + chunking,
  );
}

/** Calls styleRange queues for one style. */
function styleCalls(s: CellStyle): number {
  return 6 + [s.fill, s.hAlign, s.vAlign, s.indent].filter(Boolean).length + (s.border ? 18 : 0);
}

/** What queueFormatting adds to a request as posted: its calls and their addresses, counted as it queues them. */
export function formattingRequestBytes(plan: SheetPlan): number {
  let calls = 40; // gridlines, tab colour, panes, print setup, headers and footers
  let text = 0;
  for (const { style, areas } of plan.styleAreas)
    for (const address of addressBatches(areas)) {
      calls += 1 + styleCalls(plan.styles[style]);
      text += address.length;
    }
  for (const { rules } of plan.conditional) calls += 1 + rules.length * 6;
  calls += mergeBlocks(plan.merges).length * 2 + (plan.autoHeight ? 2 : 0);
  const heights = new Set(plan.rowHeights.map((h) => Math.round(h))).size;
  calls += heights * 2 + Math.ceil((plan.rowHeights.length * 10) / 255) * 2;
  text += plan.rowHeights.length * 10;
  calls += (plan.columnWidths.length + plan.hiddenColumns.length + plan.hiddenRows.length) * 2;
  calls += plan.pageBreaks.length * 2;
  return calls * CALL_BYTES + Math.ceil(text * 1.1);
}

/** Everything but the values: styles, merges, sizes, hidden rows and columns, panes and print setup. */
export function queueFormatting(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const rows = plan.values.length;
  const cols = plan.values[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return;
  queueStyles(sheet, plan);
  for (const m of mergeBlocks(plan.merges)) sheet.getRange(a1(m)).untrack().merge(true);
  queueSizes(sheet, plan);
  queuePanes(sheet, plan);
  queuePrint(sheet, plan);
}

function queueStyles(sheet: Excel.Worksheet, plan: SheetPlan): void {
  for (const { style, areas } of plan.styleAreas) {
    for (const address of addressBatches(areas))
      styleRange(sheet.getRanges(address).untrack(), plan.styles[style]);
  }
  for (const { area, rules } of plan.conditional) {
    const range = sheet.getRange(a1(area)).untrack();
    for (const rule of rules) {
      const cf = range.conditionalFormats.add("ContainsText");
      const st = plan.styles[rule.style];
      cf.textComparison.rule = { operator: "Contains", text: rule.contains };
      if (st.fill) cf.textComparison.format.fill.color = `#${st.fill}`;
      cf.textComparison.format.font.color = `#${st.color ?? "000000"}`;
      cf.textComparison.format.font.bold = st.bold === true;
    }
  }
}

/** Rows of one height in runs, so each height is one request over many rows. */
function heightRuns(plan: SheetPlan): Map<number, Area[]> {
  const auto = plan.autoHeight;
  const byHeight = new Map<number, Area[]>();
  plan.rowHeights.forEach((h, r) => {
    if (auto && r >= auto.top && r <= auto.bottom) return;
    const key = Math.round(h);
    const list = byHeight.get(key) ?? [];
    const last = list[list.length - 1];
    if (last && last.bottom === r - 1) last.bottom = r;
    else list.push({ top: r, bottom: r, left: 0, right: 0 });
    byHeight.set(key, list);
  });
  return byHeight;
}

function queueSizes(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const auto = plan.autoHeight;
  if (auto)
    sheet
      .getRange(`${auto.top + 1}:${auto.bottom + 1}`)
      .untrack()
      .format.autofitRows();
  for (const [h, areas] of heightRuns(plan))
    for (const address of addressBatches(areas)) sheet.getRanges(address).untrack().format.rowHeight = h;
  plan.columnWidths.forEach((w, c) => {
    // Characters to points as Excel sizes a column, so the paper fits A4 as the plan measured it.
    sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).untrack().format.columnWidth =
      excelColumnPoints(w);
  });
  for (const c of plan.hiddenColumns)
    sheet.getRange(`${columnLetter(c)}:${columnLetter(c)}`).untrack().columnHidden = true;
  for (const r of plan.hiddenRows) sheet.getRange(`${r + 1}:${r + 1}`).untrack().rowHidden = true;
}

function queuePanes(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const { rows: fr, cols: fc } = plan.freeze;
  if (fr > 0 && fc > 0) sheet.freezePanes.freezeAt(sheet.getRangeByIndexes(0, 0, fr, fc).untrack());
  else if (fr > 0) sheet.freezePanes.freezeRows(fr);
  else if (fc > 0) sheet.freezePanes.freezeColumns(fc);
  sheet.showGridlines = false;
  sheet.tabColor = "#1F3864";
}

function queuePrint(sheet: Excel.Worksheet, plan: SheetPlan): void {
  const p = plan.print;
  const layout = sheet.pageLayout;
  layout.orientation = "Landscape";
  layout.paperSize = "A4";
  // Printed at the plan's scale, not fitted: Excel ignores manual page breaks under "Fit to".
  layout.zoom = { scale: p.scale };
  layout.leftMargin = p.margins.left * 72;
  layout.rightMargin = p.margins.right * 72;
  layout.topMargin = p.margins.top * 72;
  layout.bottomMargin = p.margins.bottom * 72;
  layout.headerMargin = p.margins.header * 72;
  layout.footerMargin = p.margins.footer * 72;
  sheet.horizontalPageBreaks.removePageBreaks();
  for (const r of plan.pageBreaks) if (r > 0) sheet.horizontalPageBreaks.add(`A${r + 1}`);
  layout.setPrintTitleRows(`$${p.repeatRows.first}:$${p.repeatRows.last}`);
  layout.setPrintArea(a1(p.printArea));
  layout.headersFooters.defaultForAllPages.leftFooter = headerFooterText(p.footerLeft);
  layout.headersFooters.defaultForAllPages.rightFooter = p.footerRight;
  layout.headersFooters.defaultForAllPages.centerHeader = `&9${headerFooterText(p.headerCenter)}`;
}
