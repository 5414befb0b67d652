/**
 * SheetPlan -> the worksheet part (SpreadsheetML) of the committee sheet, written directly so that the
 * rest of the package can be left byte for byte as it was. Text is always an inline string (never a
 * formula), numbers are numbers, and each cell's look is an index into styles the caller appends.
 * Excel's own limits are enforced here as the last guard: 32,767 characters a cell, 409 pt a row.
 */
import type { Area } from "../../engine/grid";
import { columnLetter } from "../../engine/grid";
import type { CellStyle, SheetPlan } from "../../engine/paper/committee";
import { cutText } from "../../engine/text-cut";
import { headerFooterText } from "../../engine/paper/header-footer";

export const MAX_CELL_CHARS = 32767;
export const MAX_ROW_POINTS = 409;
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

/** The look of one cell: its base style, laid over by the rule its words chose, and its number format. */
export interface CellLook {
  style: CellStyle;
  key: string;
}

/** Per cell, the combined style the plan asks for (null where the plan styles nothing). */
export function cellLooks(plan: SheetPlan): (CellLook | null)[][] {
  const looks: (CellLook | null)[][] = plan.values.map((row) => row.map(() => null));
  const at = (r: number, c: number): CellLook | null => (looks[r] ? (looks[r][c] ?? null) : null);
  const set = (r: number, c: number, l: CellLook) => {
    while (looks.length <= r) looks.push([]);
    looks[r][c] = l;
  };
  for (const { style, areas } of plan.styleAreas) {
    const s = plan.styles[style];
    if (!s) continue;
    for (const a of areas)
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) set(r, c, { style: s, key: style });
  }
  // A file needs no conditional formats: each cell gets the style its own words choose.
  for (const { area, rules } of plan.conditional) {
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) {
        const v = plan.values[r]?.[c];
        const rule = typeof v === "string" ? rules.find((x) => v.includes(x.contains)) : undefined;
        const over = rule ? plan.styles[rule.style] : undefined;
        if (!rule || !over) continue;
        const base = at(r, c);
        set(r, c, {
          style: { ...(base?.style ?? {}), ...over },
          key: `${base?.key ?? ""}+${rule.style}`,
        });
      }
  }
  plan.numberFormats.forEach((row, r) =>
    row.forEach((f, c) => {
      if (!f) return;
      const base = at(r, c);
      set(r, c, { style: { ...(base?.style ?? {}), numFmt: f }, key: `${base?.key ?? ""}#${f}` });
    }),
  );
  return looks;
}

export interface SheetXml {
  xml: string;
  /** Cells whose text was cut to Excel's 32,767 characters, as A1 references. */
  truncated: string[];
  /** Rows whose planned height was over Excel's 409 pt and was capped. */
  cappedRows: number[];
}

/**
 * The worksheet part. `xfOf` gives the styles.xml index of a look (the caller appends them);
 * `tabColor` is ARGB.
 */
export function sheetXml(
  plan: SheetPlan,
  looks: (CellLook | null)[][],
  xfOf: (look: CellLook) => number,
  tabColor = "FF1F3864",
): SheetXml {
  const truncated: string[] = [];
  const cappedRows: number[] = [];
  const width = Math.max(plan.columnWidths.length, maxRowLength(plan.values), 1);
  const height = Math.max(plan.values.length, plan.rowHeights.length, 1);
  const parts: string[] = [];
  parts.push(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
  );
  // No fitToPage: Excel ignores manual page breaks under "Fit to", so the sheet prints at the plan's scale.
  parts.push(`<sheetPr><tabColor rgb="${tabColor}"/></sheetPr>`);
  parts.push(`<dimension ref="A1:${ref(height - 1, width - 1)}"/>`);
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
  const hiddenRows = new Set(plan.hiddenRows);
  for (let r = 0; r < height; r++) {
    const row = plan.values[r] ?? [];
    const lookRow = looks[r] ?? [];
    let ht = plan.rowHeights[r];
    if (ht !== undefined && ht > MAX_ROW_POINTS) {
      cappedRows.push(r + 1);
      ht = MAX_ROW_POINTS;
    }
    const cells: string[] = [];
    const n = Math.max(row.length, lookRow.length);
    for (let c = 0; c < n; c++) {
      const v = row[c] ?? null;
      const look = lookRow[c] ?? null;
      if (v === null && !look) continue;
      const s = look ? ` s="${xfOf(look)}"` : "";
      if (v === null) cells.push(`<c r="${ref(r, c)}"${s}/>`);
      else if (typeof v === "number") {
        if (Number.isFinite(v)) cells.push(`<c r="${ref(r, c)}"${s}><v>${v}</v></c>`);
        else cells.push(`<c r="${ref(r, c)}"${s}/>`);
      } else {
        const fit = fitCellText(v);
        if (fit.truncated) truncated.push(ref(r, c));
        cells.push(
          `<c r="${ref(r, c)}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(fit.text)}</t></is></c>`,
        );
      }
    }
    const htAttr = ht !== undefined && ht > 0 ? ` ht="${ht}" customHeight="1"` : "";
    const hideAttr = hiddenRows.has(r) ? ' hidden="1"' : "";
    if (!cells.length && !htAttr && !hideAttr) continue;
    parts.push(`<row r="${r + 1}"${htAttr}${hideAttr}>${cells.join("")}</row>`);
  }
  parts.push("</sheetData>");
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
  parts.push("</worksheet>");
  return { xml: parts.join(""), truncated, cappedRows };
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
