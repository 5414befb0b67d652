/**
 * SheetPlan -> ExcelJS worksheet. Strings are written as strings (ExcelJS only writes a formula when
 * given one), so text from the source can never become a formula here.
 */
import type ExcelJS from "exceljs";
import type { Area } from "../../engine/grid";
import { columnLetter } from "../../engine/grid";
import type { CellStyle, SheetPlan } from "../../engine/paper/committee";
import { headerFooterText } from "../../engine/paper/header-footer";

const BORDER = { style: "thin" as const, color: { argb: "FFBFBFBF" } };

function argb(hex: string): string {
  return `FF${hex.toUpperCase()}`;
}

interface Look {
  font: Partial<ExcelJS.Font>;
  fill?: ExcelJS.Fill;
  alignment?: Partial<ExcelJS.Alignment>;
  border?: Partial<ExcelJS.Borders>;
  numFmt?: string;
}

// One set of objects per style: ExcelJS's style cache only hits when cells share the same objects,
// and building new ones for every cell was most of the cost of writing the sheet.
const looks = new WeakMap<CellStyle, Look>();

function lookOf(s: CellStyle): Look {
  const known = looks.get(s);
  if (known) return known;
  const font: Partial<ExcelJS.Font> = { name: "Calibri", size: s.size ?? 11 };
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.color) font.color = { argb: argb(s.color) };
  const look: Look = { font };
  if (s.fill) look.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.hAlign) alignment.horizontal = s.hAlign;
  if (s.vAlign) alignment.vertical = s.vAlign;
  if (s.wrap) alignment.wrapText = true;
  if (s.indent) alignment.indent = s.indent;
  if (Object.keys(alignment).length) look.alignment = alignment;
  if (s.border) look.border = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };
  if (s.numFmt) look.numFmt = s.numFmt;
  looks.set(s, look);
  return look;
}

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  const look = lookOf(s);
  cell.font = look.font;
  if (look.fill) cell.fill = look.fill;
  if (look.alignment) cell.alignment = look.alignment;
  if (look.border) cell.border = look.border;
  if (look.numFmt) cell.numFmt = look.numFmt;
}

function a1(a: Area): string {
  return `${columnLetter(a.left)}${a.top + 1}:${columnLetter(a.right)}${a.bottom + 1}`;
}

export function applyPlan(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  // ExcelJS writes no width for a column of 9 characters, its own default: say that default in the
  // sheet, or LibreOffice and Excel give such a column theirs (wider) and the page spills.
  ws.properties.defaultColWidth = 9;
  plan.columnWidths.forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = w;
    if (plan.hiddenColumns.includes(i)) col.hidden = true;
  });
  plan.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    });
    ws.getRow(r + 1).height = plan.rowHeights[r];
    if (plan.hiddenRows.includes(r)) ws.getRow(r + 1).hidden = true;
  });
  for (const { style, areas } of plan.styleAreas) {
    const s = plan.styles[style];
    for (const a of areas) {
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) applyStyle(ws.getCell(r + 1, c + 1), s);
    }
  }
  // A file has no need for conditional formats: each cell gets the style its words choose.
  for (const { area, rules } of plan.conditional) {
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) {
        const v = plan.values[r][c];
        const rule = typeof v === "string" ? rules.find((x) => v.includes(x.contains)) : undefined;
        if (rule) applyStyle(ws.getCell(r + 1, c + 1), plan.styles[rule.style]);
      }
  }
  plan.numberFormats.forEach((row, r) =>
    row.forEach((f, c) => {
      if (f) ws.getCell(r + 1, c + 1).numFmt = f;
    }),
  );
  for (const m of plan.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  const frozen = plan.freeze.rows > 0 || plan.freeze.cols > 0;
  ws.views = [
    frozen
      ? { state: "frozen", xSplit: plan.freeze.cols, ySplit: plan.freeze.rows, showGridLines: false }
      : { state: "normal", showGridLines: false },
  ];
  const p = plan.print;
  // Printed at the plan's scale, not fitted: Excel ignores manual page breaks under "Fit to".
  ws.pageSetup = {
    orientation: p.orientation,
    paperSize: 9,
    fitToPage: false,
    scale: p.scale,
    printTitlesRow: `${p.repeatRows.first}:${p.repeatRows.last}`,
    printArea: a1(p.printArea),
    margins: p.margins,
  };
  // ExcelJS puts a break after the row it is given: the row before each page's first.
  for (const r of plan.pageBreaks) if (r > 0) ws.getRow(r).addPageBreak();
  ws.headerFooter = {
    oddHeader: `&C&9${headerFooterText(p.headerCenter)}`,
    oddFooter: `&L${headerFooterText(p.footerLeft)}&R${p.footerRight}`,
  };
}
