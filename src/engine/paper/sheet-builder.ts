/**
 * The rows of a sheet as the paper's parts add them: values, styles, number formats, merges, and each
 * row's height measured from its wrapped text in the printed font, so that no part guesses a height.
 */
import type { Area } from "../grid";
import type { CellStyle, PlanValue } from "./plan";
import { countLines, lineHeight, textHeight } from "./measure-text";
import { MAX_ROW_HEIGHT } from "./excel-limits";
import { textPoints } from "./page";

/** Points above and below a row's text. */
export const ROW_PADDING = 1.5;

export class SheetBuilder {
  readonly values: PlanValue[][] = [];
  readonly formats: (string | null)[][] = [];
  readonly styleOf: (string | null)[][] = [];
  readonly heights: number[] = [];
  readonly merges: Area[] = [];
  /** Rows printed on the same page as the row after them: headings, the header of a list. */
  readonly keepWithNext = new Set<number>();
  /** Rows whose height is set by hand and never re-measured (spacers). */
  private readonly fixed = new Set<number>();
  /** The right edge of each merge, by "row,left". */
  private readonly mergeRight = new Map<string, number>();

  constructor(
    readonly width: number,
    readonly styles: Record<string, CellStyle>,
    /** Column widths in characters, as the plan gives them. */
    readonly columnWidths: number[],
    /** Whether each column prints: a merge over a hidden column gains no room from it. */
    readonly shown: boolean[] = columnWidths.map(() => true),
  ) {}

  get rowCount(): number {
    return this.values.length;
  }

  /** A new empty row; with a height it is a spacer of that height. */
  row(height?: number): number {
    this.values.push(new Array<PlanValue>(this.width).fill(null));
    this.formats.push(new Array<string | null>(this.width).fill(null));
    this.styleOf.push(new Array<string | null>(this.width).fill(null));
    this.heights.push(height ?? lineHeight(11) + ROW_PADDING);
    if (height !== undefined) this.fixed.add(this.values.length - 1);
    return this.values.length - 1;
  }

  set(r: number, c: number, v: PlanValue, style: string | null, format: string | null = null): void {
    this.values[r][c] = v;
    this.styleOf[r][c] = style;
    this.formats[r][c] = format;
  }

  /** Styles the cells from left to right and merges them, the value sitting in the first. */
  merge(r: number, left: number, right: number, style: string): void {
    for (let c = left; c <= right; c++) this.styleOf[r][c] = style;
    if (right <= left) return;
    this.merges.push({ top: r, left, bottom: r, right });
    this.mergeRight.set(`${r},${left}`, right);
  }

  /** A row of one merged cell from `left` to `right`, as tall as its text wraps. */
  line(v: string, style: string, left: number, right: number): number {
    const r = this.row();
    this.set(r, left, v, style);
    this.merge(r, left, right, style);
    this.fit(r);
    return r;
  }

  /** Room for text in the cell at (r, c), across its merge. */
  private cellText(r: number, c: number): number {
    const right = this.mergeRight.get(`${r},${c}`) ?? c;
    let chars = 0;
    for (let k = c; k <= right; k++) if (this.shown[k]) chars += this.columnWidths[k] ?? 0;
    // A merge is one cell: its columns' padding becomes room for text.
    return textPoints(chars);
  }

  /** The height a cell's text needs, in points. */
  cellHeight(r: number, c: number): number {
    const v = this.values[r][c];
    const name = this.styleOf[r][c];
    const s = name ? this.styles[name] : undefined;
    const size = s?.size ?? 11;
    if (v === null || v === "") return 0;
    const text = String(v);
    const font = { size, bold: s?.bold, italic: s?.italic };
    const lines =
      typeof v === "string" && s?.wrap
        ? countLines(text, this.cellText(r, c), font)
        : text.split("\n").length;
    return textHeight(lines, size) + ROW_PADDING;
  }

  /** Sets a row's height to what its tallest cell needs (at least one line of 10 pt). */
  fit(r: number, least = lineHeight(10) + ROW_PADDING): void {
    if (this.fixed.has(r)) return;
    let h = least;
    for (let c = 0; c < this.width; c++) h = Math.max(h, this.cellHeight(r, c));
    this.heights[r] = Math.min(MAX_ROW_HEIGHT, h);
  }
}
