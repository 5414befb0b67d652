/**
 * Column widths proportioned by what the columns hold: a fitted column is as wide as its widest cell
 * (within its limits), and the page's rest goes, a character at a time, to whichever flexible column
 * (measure, reason, commentary) shortens the table most, measured in the printed font. An empty
 * Commentary column stays narrow; the reason gets the room.
 */
import type { Assessment } from "../judge/assess";
import type { CellStyle } from "./plan";
import { TABLE_COLUMNS, TableColumn, TableContext } from "./columns";
import { countLines, longestLine, textHeight } from "./measure-text";
import { charsForText, charsLeft, textPoints } from "./page";

export interface PlacedColumns {
  /** Width in characters of every column, printed or not. */
  widths: number[];
  /** Whether each column prints on this paper. */
  shown: boolean[];
}

/**
 * A fitted column's room over its widest line: a word set exactly to the column's edge is broken by a
 * renderer whose rounding differs by a point (LibreOffice broke "Commentary" so).
 */
const SAFETY = 1.06;

/** Rows the widths are judged on: all of a small paper, an even sample of a large one. */
const SAMPLE = 160;

function sampleOf(list: readonly Assessment[]): Assessment[] {
  if (list.length <= SAMPLE) return [...list];
  const step = list.length / SAMPLE;
  return Array.from({ length: SAMPLE }, (_, i) => list[Math.floor(i * step)]);
}

function fontOf(style: CellStyle | undefined) {
  return { size: style?.size ?? 10, bold: style?.bold, italic: style?.italic };
}

/** A cell's text as it prints. */
function shownText(c: TableColumn, a: Assessment, ctx: TableContext): { text: string; style: string } {
  const cell = c.cell(a, ctx);
  const text = cell.display ?? (cell.value === null ? "" : String(cell.value));
  return { text, style: cell.style };
}

/** The room the longest word of a column's header needs, in points. */
function headerNeed(c: TableColumn, ctx: TableContext): number {
  return c
    .header(ctx)
    .split(/\s+/)
    .reduce((m, w) => Math.max(m, longestLine(w, { size: 10, bold: true })), 0);
}

/** The narrowest a flexible column may be: its header's longest word, and the words it keeps whole. */
function least(
  c: TableColumn,
  rows: Assessment[],
  ctx: TableContext,
  styles: Record<string, CellStyle>,
): number {
  let need = headerNeed(c, ctx);
  if (c.keep)
    for (const a of rows) {
      const font = fontOf(styles[c.cell(a, ctx).style]);
      for (const k of c.keep(a, ctx)) need = Math.max(need, longestLine(k, font));
    }
  return Math.max(c.width.min, charsForText(need * SAFETY));
}

/** The width a fitted column needs: its widest line and the longest word of its header. */
function fitted(
  c: TableColumn,
  rows: Assessment[],
  ctx: TableContext,
  styles: Record<string, CellStyle>,
): number {
  let need = headerNeed(c, ctx);
  for (const a of rows) {
    const { text, style } = shownText(c, a, ctx);
    if (text) need = Math.max(need, longestLine(text, fontOf(styles[style])));
  }
  return Math.min(c.width.max, Math.max(c.width.min, charsForText(need * SAFETY)));
}

export function placeColumns(ctx: TableContext, styles: Record<string, CellStyle>): PlacedColumns {
  const rows = sampleOf(ctx.analysis.indicators);
  const shown = TABLE_COLUMNS.map((c) => c.printed !== false && c.shown(ctx));
  const widths = TABLE_COLUMNS.map((c, i) => {
    if (!shown[i]) return c.width.min;
    return c.width.flex ? Math.min(c.width.max, least(c, rows, ctx, styles)) : fitted(c, rows, ctx, styles);
  });
  const commentary = TABLE_COLUMNS.findIndex((c) => c.key === "commentary");
  const anyCommentary = ctx.analysis.indicators.some((a) => ctx.carry.text.get(a.key));
  const flex = TABLE_COLUMNS.map(
    (c, i) => shown[i] && c.width.flex === true && (i !== commentary || anyCommentary),
  );
  share(widths, shown, flex, rows, ctx, styles);
  return { widths, shown };
}

/** Gives the page's rest to the flexible columns, a character at a time, where it saves most height. */
function share(
  widths: number[],
  shown: boolean[],
  flex: boolean[],
  rows: Assessment[],
  ctx: TableContext,
  styles: Record<string, CellStyle>,
): void {
  let left = charsLeft(widths.filter((_, i) => shown[i]));
  const cells = TABLE_COLUMNS.map((c, i) => (shown[i] ? rows.map((a) => shownText(c, a, ctx)) : []));
  const heightOf = (i: number, w: number): number[] =>
    cells[i].map(({ text, style }) => {
      const s = styles[style];
      const font = fontOf(s);
      return text ? textHeight(countLines(text, textPoints(w), font), font.size) : 0;
    });
  const heights = cells.map((_, i) => (shown[i] ? heightOf(i, widths[i]) : []));
  const total = (i: number, h: number[]): number =>
    rows.reduce((sum, _, r) => {
      let m = 0;
      for (let j = 0; j < heights.length; j++) if (shown[j]) m = Math.max(m, j === i ? h[r] : heights[j][r]);
      return sum + m;
    }, 0);
  const step = 2;
  while (left >= step) {
    let best = -1;
    let bestTotal = total(-1, []);
    let bestHeights: number[] = [];
    TABLE_COLUMNS.forEach((c, i) => {
      if (!flex[i] || widths[i] + step > c.width.max) return;
      const h = heightOf(i, widths[i] + step);
      const t = total(i, h);
      if (t < bestTotal - 1e-6) [best, bestTotal, bestHeights] = [i, t, h];
    });
    // Nothing shortens the table any more: the reason takes the rest, for breathing room.
    if (best < 0)
      best = TABLE_COLUMNS.findIndex((c, i) => flex[i] && c.key === "why" && widths[i] + step <= c.width.max);
    if (best < 0) break;
    widths[best] += step;
    heights[best] = bestHeights.length ? bestHeights : heightOf(best, widths[best]);
    left -= step;
  }
}
