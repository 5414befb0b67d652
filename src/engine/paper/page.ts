/**
 * The printed page and the sheet's columns in points. Excel sizes a column of w characters at
 * trunc(7w + 5) pixels (the digit width of Calibri 11 plus padding); LibreOffice at w digit widths of
 * Carlito 11, a few percent wider on wide columns (measured from its PDF). The paper must fit and
 * wrap the same in both, so a column's width on the page is the wider of the two and the room for
 * its text the narrower.
 */
import { textWidth } from "./measure-text";

/** Inches, as Excel's page setup takes them. */
export const MARGINS = { left: 0.3, right: 0.3, top: 0.55, bottom: 0.5, header: 0.2, footer: 0.2 };
/** A4 landscape, in points, less the margins. */
export const PAGE_WIDTH_PT = 11.69 * 72 - (MARGINS.left + MARGINS.right) * 72;
export const PAGE_HEIGHT_PT = 8.27 * 72 - (MARGINS.top + MARGINS.bottom) * 72;

/** Excel's printed width of a column of `chars` characters, in points. */
export function excelColumnPoints(chars: number): number {
  return (Math.trunc(chars * 7 + 5) * 72) / 96;
}

/** The digit "0" of Calibri 11, the unit of column width in LibreOffice. */
const DIGIT_PT = textWidth("0", { size: 11 });
/** LibreOffice's inner margins of a cell, measured from where its PDF sets wrapped text. */
const LO_CELL_PADDING_PT = 2.3;
/** Excel keeps 5 pixels of a column for padding and gridline. */
const EXCEL_CELL_PADDING_PT = (5 * 72) / 96;

/** The width a column takes on the printed page: the wider of Excel's and LibreOffice's. */
export function columnPoints(chars: number): number {
  return Math.max(excelColumnPoints(chars), chars * DIGIT_PT);
}

/** The room for text in a column: the narrower of Excel's and LibreOffice's, so it wraps in both. */
export function textPoints(chars: number): number {
  return Math.max(
    1,
    Math.min(excelColumnPoints(chars) - EXCEL_CELL_PADDING_PT, chars * DIGIT_PT - LO_CELL_PADDING_PT),
  );
}

/** The fewest characters of column width that give `points` of room for text. */
export function charsForText(points: number): number {
  let chars = Math.max(1, Math.floor(points / DIGIT_PT));
  while (textPoints(chars) < points) chars++;
  return chars;
}

/** Columns of these widths fit across the page at 100%, with 1% to spare for rounding. */
export function fitsPage(widths: number[]): boolean {
  return widths.reduce((s, w) => s + columnPoints(w), 0) <= PAGE_WIDTH_PT * 0.99;
}

/** The characters left for one more column after these. */
export function charsLeft(widths: number[]): number {
  const used = widths.reduce((s, w) => s + columnPoints(w), 0);
  let chars = 0;
  while (used + columnPoints(chars + 1) <= PAGE_WIDTH_PT * 0.99) chars++;
  return chars;
}
