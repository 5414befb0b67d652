/**
 * SheetPlan -> the worksheet part (SpreadsheetML) of the committee sheet, written directly so that the
 * rest of the package can be left byte for byte as it was. Text is always an inline string (never a
 * formula), numbers are numbers, and each cell's look is an index into styles the caller appends.
 * The part is made a row at a time (sheetXmlPieces) and deflated as it is made, so a long paper is
 * never one string. Excel's own limits are enforced here as the last guard: 32,767 characters a cell,
 * 409 pt a row, 1,048,576 rows a sheet.
 */
import type { Area } from "../../engine/grid";
import { columnLetter } from "../../engine/grid";
import type { SheetPlan } from "../../engine/paper/committee";
import { cutText } from "../../engine/text-cut";
import { headerFooterText } from "../../engine/paper/header-footer";
import { RowLooks, type CellLook } from "./row-looks";
import { UserError } from "./user-error";

export const MAX_CELL_CHARS = 32767;
export const MAX_ROW_POINTS = 409;
/** Excel's rows a sheet. */
export const MAX_SHEET_ROWS = 1_048_576;
const ELLIPSIS = "…";

/** Excel refuses longer text; the cut is visible so nobody mistakes it for the whole. */
export function fitCellText(s: string): { text: string; truncated: boolean } {
  if (s.length <= MAX_CELL_CHARS) return { text: s, truncated: false };
  return { text: cutText(s, MAX_CELL_CHARS, ELLIPSIS), truncated: true };
}

/**
 * XML escaping for element text and attribute values. Characters XML 1.0 cannot hold (controls other
 * than tab, newline and return) are written as OOXML's _xHHHH_ escapes, as Excel itself does; a
 * literal "_x" sequence is protected the same way so that it reads back as typed.
 */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"_\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function xmlText(s: string): string {
  // Most cells hold plain words; they need no pass at all.
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(/_x([0-9A-Fa-f]{4})_/g, "_x005F_x$1_")
    .replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"))
    .replace(
      // eslint-disable-next-line no-control-regex
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
      (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`,
    )
    .replace(/[\uD800-\uDFFF]/g, (c, i: number, all: string) => {
      // A lone surrogate is not a character; keep proper pairs, drop halves.
      const code = c.charCodeAt(0);
      if (code <= 0xdbff) {
        const next = all.charCodeAt(i + 1);
        return next >= 0xdc00 && next <= 0xdfff ? c : "";
      }
      const prev = all.charCodeAt(i - 1);
      return prev >= 0xd800 && prev <= 0xdbff ? c : "";
    });
}

function ref(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`;
}

function range(a: Area): string {
  return `${ref(a.top, a.left)}:${ref(a.bottom, a.right)}`;
}

export type { CellLook } from "./row-looks";

export interface SheetXml {
  xml: string;
  /** Cells whose text was cut to Excel's 32,767 characters, as A1 references. */
  truncated: string[];
  /** Rows whose planned height was over Excel's 409 pt and was capped. */
  cappedRows: number[];
}

export interface SheetXmlOptions {
  /** ARGB. */
  tabColor?: string;
  /** The relationship id of a drawing the sheet shows (the charts sheet's). */
  drawing?: string;
}

/** What writing the sheet found: cells cut and rows capped to Excel's limits. */
export interface SheetReport {
  truncated: string[];
  cappedRows: number[];
}

function head(plan: SheetPlan, width: number, height: number, tabColor: string): string {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    // No fitToPage: Excel ignores manual page breaks under "Fit to", so the sheet prints at the plan's scale.
    `<sheetPr><tabColor rgb="${tabColor}"/></sheetPr>`,
    `<dimension ref="A1:${ref(height - 1, width - 1)}"/>`,
  ];
  const { rows: fr, cols: fc } = plan.freeze;
  if (fr > 0 || fc > 0) {
    const pane = fr > 0 && fc > 0 ? "bottomRight" : fr > 0 ? "bottomLeft" : "topRight";
    parts.push(
      `<sheetViews><sheetView showGridLines="0" workbookViewId="0"><pane${fc > 0 ? ` xSplit="${fc}"` : ""}${fr > 0 ? ` ySplit="${fr}"` : ""} topLeftCell="${ref(fr, fc)}" activePane="${pane}" state="frozen"/><selection pane="${pane}" activeCell="${ref(fr, fc)}" sqref="${ref(fr, fc)}"/></sheetView></sheetViews>`,
    );
  } else parts.push('<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>');
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (plan.columnWidths.length) {
    const hidden = new Set(plan.hiddenColumns);
    parts.push("<cols>");
    plan.columnWidths.forEach((w, i) => {
      parts.push(
        `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${hidden.has(i) ? ' hidden="1"' : ""}/>`,
      );
    });
    parts.push("</cols>");
  }
  parts.push("<sheetData>");
  return parts.join("");
}

function rowXml(
  plan: SheetPlan,
  r: number,
  looks: (CellLook | null)[],
  xfOf: (look: CellLook) => number,
  hidden: boolean,
  report: SheetReport,
): string {
  const row = plan.values[r] ?? [];
  let ht = plan.rowHeights[r];
  if (ht !== undefined && ht > MAX_ROW_POINTS) {
    report.cappedRows.push(r + 1);
    ht = MAX_ROW_POINTS;
  }
  let cells = "";
  const n = Math.max(row.length, looks.length);
  for (let c = 0; c < n; c++) {
    const v = row[c] ?? null;
    const look = looks[c] ?? null;
    if (v === null && !look) continue;
    const s = look ? ` s="${xfOf(look)}"` : "";
    if (v === null || (typeof v === "number" && !Number.isFinite(v))) cells += `<c r="${ref(r, c)}"${s}/>`;
    else if (typeof v === "number") cells += `<c r="${ref(r, c)}"${s}><v>${v}</v></c>`;
    else {
      const fit = fitCellText(v);
      if (fit.truncated) report.truncated.push(ref(r, c));
      cells += `<c r="${ref(r, c)}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(fit.text)}</t></is></c>`;
    }
  }
  const htAttr = ht !== undefined && ht > 0 ? ` ht="${ht}" customHeight="1"` : "";
  const hideAttr = hidden ? ' hidden="1"' : "";
  if (!cells && !htAttr && !hideAttr) return "";
  return `<row r="${r + 1}"${htAttr}${hideAttr}>${cells}</row>`;
}

function tail(plan: SheetPlan, drawing: string | undefined): string {
  const parts: string[] = ["</sheetData>"];
  if (plan.merges.length) {
    parts.push(`<mergeCells count="${plan.merges.length}">`);
    for (const m of plan.merges) parts.push(`<mergeCell ref="${range(m)}"/>`);
    parts.push("</mergeCells>");
  }
  const p = plan.print;
  const m = p.margins;
  parts.push(
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
  );
  parts.push(`<pageSetup paperSize="9" orientation="${p.orientation}" scale="${p.scale}"/>`);
  parts.push(
    `<headerFooter><oddHeader>${xmlText(`&C&9${headerFooterText(p.headerCenter)}`)}</oddHeader><oddFooter>${xmlText(`&L${headerFooterText(p.footerLeft)}&R${p.footerRight}`)}</oddFooter></headerFooter>`,
  );
  // A break after 1-based row r starts a page at 0-based row r: the plan's numbers are the ids.
  const breaks = plan.pageBreaks.filter((r) => r > 0);
  if (breaks.length) {
    parts.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">`);
    for (const b of breaks) parts.push(`<brk id="${b}" max="16383" man="1"/>`);
    parts.push("</rowBreaks>");
  }
  // The drawing comes last among the worksheet's children written here (CT_Worksheet order).
  if (drawing) parts.push(`<drawing r:id="${drawing}"/>`);
  parts.push("</worksheet>");
  return parts.join("");
}

/**
 * The worksheet part in pieces, a row at a time, so that a sheet of any length is written without
 * ever being one string. `xfOf` gives the styles.xml index of a look (the caller appends them).
 */
export function* sheetXmlPieces(
  plan: SheetPlan,
  xfOf: (look: CellLook) => number,
  report: SheetReport,
  opts: SheetXmlOptions = {},
): Generator<string> {
  const width = Math.max(plan.columnWidths.length, maxRowLength(plan.values), 1);
  const height = Math.max(plan.values.length, plan.rowHeights.length, 1);
  if (height > MAX_SHEET_ROWS)
    throw new UserError(
      `The committee sheet would need ${height.toLocaleString("en-GB")} rows; Excel's limit is ${MAX_SHEET_ROWS.toLocaleString("en-GB")}. Leave sections out of the paper (config "committee") and try again.`,
    );
  yield head(plan, width, height, opts.tabColor ?? "FF1F3864");
  const looks = new RowLooks(plan);
  const hiddenRows = new Set(plan.hiddenRows);
  for (let r = 0; r < height; r++) {
    const xml = rowXml(plan, r, looks.row(r, width), xfOf, hiddenRows.has(r), report);
    if (xml) yield xml;
  }
  yield tail(plan, opts.drawing);
}

/** The worksheet part as one string, for small sheets and tests. */
export function sheetXml(
  plan: SheetPlan,
  xfOf: (look: CellLook) => number,
  opts: SheetXmlOptions = {},
): SheetXml {
  const report: SheetReport = { truncated: [], cappedRows: [] };
  const xml = [...sheetXmlPieces(plan, xfOf, report, opts)].join("");
  return { xml, ...report };
}

function maxRowLength(values: unknown[][]): number {
  let n = 0;
  for (const row of values) if (row.length > n) n = row.length;
  return n;
}

/** The defined names a printed committee sheet needs: repeated title rows and the print area. */
export function printNames(plan: SheetPlan, sheetName: string): { name: string; value: string }[] {
  const q = `'${sheetName.replace(/'/g, "''")}'`;
  const a = plan.print.printArea;
  const abs = (r: number, c: number) => `$${columnLetter(c)}$${r + 1}`;
  return [
    { name: "_xlnm.Print_Area", value: `${q}!${abs(a.top, a.left)}:${abs(a.bottom, a.right)}` },
    {
      name: "_xlnm.Print_Titles",
      value: `${q}!$${p(plan).first}:$${p(plan).last}`,
    },
  ];
}

function p(plan: SheetPlan): { first: number; last: number } {
  return plan.print.repeatRows;
}
