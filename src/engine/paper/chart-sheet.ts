/**
 * The charts sheet: the add-in's own sheet holding an XmR chart for each area for focus, as a SheetPlan
 * (so both hosts write its cells with the writers they already have) plus where each chart's data block
 * sits and where the chart is drawn. Charts print two to an A4 landscape page, each across its width,
 * under one key that repeats at the top of every page; the data blocks the charts read sit to the
 * right, outside the printed area, so the charts stay live and every plotted point can be checked.
 *
 * Making Data Count's colours (NHSRplotthedots' ptd_spc_colours): grey values and limits, a black
 * average, a red target, blue for special cause improvement, orange for concern, purple where neither
 * direction is better. Each special cause also has a shape of its own and a word in its block, so
 * nothing rests on colour.
 */
import type { CellStyle, PlanValue, SheetPlan } from "./plan";
import { groupStyles } from "./plan";
import { SCAN_COLUMNS, SCAN_ROWS } from "./commentary";
import type { Area, Grid } from "../grid";
import type { Variation } from "../judge/spc";
import type { XmrChartPlan } from "./xmr-chart";
import { MDC_COLOURS } from "./mdc-icons";
import { SheetBuilder } from "./sheet-builder";
import { MARGINS, PAGE_HEIGHT_PT, PAGE_WIDTH_PT, columnPoints } from "./page";

/** The charts sheet's marker (never a prefix of the committee sheet's, which is "scorecard:committee"). */
export const CHARTS_MARKER = "scorecard:charts";
export const CHARTS_SHEET = "Scorecard charts";
export const CHARTS_PLAN_VERSION = 2;

export function isChartsMarker(value: unknown): boolean {
  return typeof value === "string" && value.startsWith(CHARTS_MARKER);
}

/** Whether a sheet read into a grid is our charts sheet: the marker in its top window, anywhere. */
export function isChartsGrid(grid: Grid): boolean {
  const top = grid.originRow ?? 0;
  const left = grid.originCol ?? 0;
  for (let r = 0; r < grid.rows.length && r + top < SCAN_ROWS; r++) {
    const row = grid.rows[r] ?? [];
    for (let c = 0; c < row.length && c + left < SCAN_COLUMNS; c++)
      if (isChartsMarker(row[c]?.value)) return true;
  }
  return false;
}

/** Columns A:K hold the charts, across the printed page; the data blocks start at M. */
export const CHART_COLUMNS = 11;
export const DATA_LEFT = 12;
const SPECIAL_HEADER = ["Improvement", "Concern", "Unusual"] as const;
const DATA_HEADER = [
  "Period",
  "Value",
  "Average",
  "Lower limit",
  "Upper limit",
  "Target",
  ...SPECIAL_HEADER,
  "Special cause",
];
const MARKER_COLUMN = DATA_LEFT + DATA_HEADER.length + 1;
/** A chart's height in rows of ROW_PT: two charts, their titles and the key fill an A4 page. */
export const CHART_ROWS = 11;
const ROW_PT = 15.75;
/** Each chart column's width: the eleven together fill the page's width at 100%. */
const CHART_COLUMN_WIDTH = Math.floor(((PAGE_WIDTH_PT * 0.98) / CHART_COLUMNS / columnPoints(10)) * 100) / 10;

export type MarkerShape = "circle" | "triangle" | "diamond" | "square" | "none";
export type LineDash = "solid" | "dash" | "dashDot" | "none";

export interface SeriesLook {
  /** The data block column (1 = Value ... 8 = neither) the series plots. */
  name: string;
  column: number;
  /** RRGGBB */
  color: string;
  dash: LineDash;
  /** Points; 0 where the series has no line. */
  width: number;
  marker: MarkerShape;
  /** Points. */
  markerSize: number;
}

const C = MDC_COLOURS;
/** Values in grey with grey points (common cause); special causes as points of their own. */
export const SERIES: SeriesLook[] = [
  {
    name: "Value",
    column: 1,
    color: C.grey.chart,
    dash: "solid",
    width: 1.5,
    marker: "circle",
    markerSize: 5,
  },
  { name: "Average", column: 2, color: "000000", dash: "solid", width: 1, marker: "none", markerSize: 0 },
  {
    name: "Lower limit",
    column: 3,
    color: C.grey.chart,
    dash: "dash",
    width: 1.25,
    marker: "none",
    markerSize: 0,
  },
  {
    name: "Upper limit",
    column: 4,
    color: C.grey.chart,
    dash: "dash",
    width: 1.25,
    marker: "none",
    markerSize: 0,
  },
  // Dash and dot, not the limits' dashes: in greyscale print the target and a limit differ by shape, not colour.
  { name: "Target", column: 5, color: "DE1B1B", dash: "dashDot", width: 1.5, marker: "none", markerSize: 0 },
  {
    name: SPECIAL_HEADER[0],
    column: 6,
    color: C.blue.chart,
    dash: "none",
    width: 0,
    marker: "triangle",
    markerSize: 9,
  },
  {
    name: SPECIAL_HEADER[1],
    column: 7,
    color: C.orange.chart,
    dash: "none",
    width: 0,
    marker: "diamond",
    markerSize: 9,
  },
  {
    name: SPECIAL_HEADER[2],
    column: 8,
    color: C.purple.chart,
    dash: "none",
    width: 0,
    marker: "square",
    markerSize: 8,
  },
];

/** The block column of a special-cause point, and its word. */
export function specialLook(v: Variation): { column: number; word: string } {
  if (v === "special-cause-improvement") return { column: 6, word: "Improvement" };
  if (v === "special-cause-concern") return { column: 7, word: "Concern" };
  return { column: 8, word: v === "special-cause-neutral-high" ? "Unusually high" : "Unusually low" };
}

export interface ChartPlacement {
  chart: XmrChartPlan;
  /** 0-based sheet row of the block's header; its data rows follow. */
  headerRow: number;
  firstRow: number;
  lastRow: number;
  /** 0-based sheet column of the block's Period column; Value ... neither follow it. */
  periodColumn: number;
  /** The series drawn, over the block's columns 1 to 8 in order. */
  series: SeriesLook[];
  /** The block's data rows as written, Period first: what each series plots. */
  block: PlanValue[][];
  /** The cells the chart covers. */
  anchor: Area;
  /** The value axis: around what is plotted, not from zero, so the limits stand apart. */
  axis: { min: number; max: number };
}

/** A step of 1, 2 or 5 times a power of ten giving about five gridlines over the span. */
function niceStep(span: number): number {
  const raw = span / 5;
  const p = Math.pow(10, Math.floor(Math.log10(raw)));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/**
 * The value axis spans every plotted figure (values, limits, target) with a step of room either side,
 * on whole steps. A percentage axis stays within 0% to 100% unless a figure lies outside it.
 */
export function axisBounds(chart: XmrChartPlan): { min: number; max: number } {
  const all: number[] = [];
  for (const r of chart.rows)
    for (let j = 1; j <= 5; j++) if (typeof r[j] === "number") all.push(r[j] as number);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (!(hi > lo)) {
    const pad = Math.abs(hi) / 10 || 1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo);
  let min = Math.floor(lo / step) * step - step;
  let max = Math.ceil(hi / step) * step + step;
  // Counts and rates below zero, or percentages above 100%, are not there to see.
  if (min < 0 && lo >= 0) min = 0;
  if (chart.numberFormat.includes("%") && max > 1 && hi <= 1) max = 1;
  const round = (x: number) => Number(x.toPrecision(12));
  return { min: round(min), max: round(max) };
}

export interface ChartSheetPlan {
  plan: SheetPlan;
  charts: ChartPlacement[];
  /** Areas for focus with a chart plan that were left off the sheet (beyond MAX_CHARTS). */
  omitted: number;
}

/**
 * Charts on the sheet at most, red before amber. A paper with more is not read chart by chart, and
 * each chart costs Excel on the web request bytes in the refresh's last batch.
 */
export const MAX_CHARTS = 40;

const key = (color: string): CellStyle => ({ size: 9, bold: true, color, wrap: true, vAlign: "middle" });
/** Named apart from the committee sheet's styles: a host may key its style cache by name across sheets. */
const STYLES: Record<string, CellStyle> = {
  "charts-title": { bold: true, size: 14, color: "1F3864", wrap: true, vAlign: "top" },
  "charts-note": { size: 9, color: "404040", wrap: true, vAlign: "top" },
  "charts-chartTitle": { bold: true, size: 12, color: "1F3864", wrap: true, vAlign: "bottom" },
  "charts-description": { size: 9, italic: true, color: "404040", wrap: true, vAlign: "top" },
  "charts-header": { bold: true, size: 10, fill: "D9E1F2", border: true, hAlign: "center", wrap: true },
  "charts-blockTitle": { bold: true, size: 10, color: "1F3864" },
  "charts-cell": { size: 10, border: true },
  "charts-special": { size: 10, border: true, bold: true },
  // The word column sits right of right-aligned numbers: an indent keeps "95.0%" and "Concern" apart.
  "charts-word": { size: 10, border: true, bold: true, hAlign: "left", indent: 1 },
  "charts-marker": { size: 8, color: "808080" },
  "charts-keyLabel": key("1F3864"),
  "charts-keyGrey": key(C.grey.text),
  "charts-keyBlue": key(C.blue.text),
  "charts-keyOrange": key(C.orange.text),
  "charts-keyPurple": key(C.purple.text),
  "charts-keyBlack": key("000000"),
  "charts-keyRed": key("C00000"),
};

/** The one key: every mark and line in its colour, with its shape and its word. */
const KEY: [number, string, string][] = [
  [1, "Key", "charts-keyLabel"],
  [2, "● grey: common cause, the usual ups and downs", "charts-keyGrey"],
  [2, "▲ blue: special cause improvement", "charts-keyBlue"],
  [2, "◆ orange: special cause concern", "charts-keyOrange"],
  [1, "■ purple: unusual, neither better", "charts-keyPurple"],
  [1, "— black: average", "charts-keyBlack"],
  [1, "– – grey: usual range (limits)", "charts-keyGrey"],
  [1, "–·– red: target", "charts-keyRed"],
];

const DATA_WIDTHS = [12, 10, 10, 10, 10, 10, 12, 10, 10, 16];

function columnWidths(): number[] {
  return [...new Array<number>(CHART_COLUMNS).fill(CHART_COLUMN_WIDTH), 3, ...DATA_WIDTHS, 3, 20];
}

/** The sheet's title, what it is, and the key; returns the key's row, which repeats on every page. */
function headRows(s: SheetBuilder, shown: number, all: number): number {
  const right = CHART_COLUMNS - 1;
  const r0 = s.line("XmR charts: areas for focus", "charts-title", 0, right);
  s.set(r0, MARKER_COLUMN, `${CHARTS_MARKER} v${CHARTS_PLAN_VERSION}`, "charts-marker");
  s.line(
    "Made by Scorecard and replaced on every refresh: each chart plots a red or amber indicator's values with its average and its usual range (the process limits, average ± 2.66 × the average moving range), as NHS England's Making Data Count reads them. The figures each chart plots are beside it, to the right. Notes typed here are not kept.",
    "charts-note",
    0,
    right,
  );
  if (all > shown)
    s.line(
      `${shown} of ${all} areas for focus are charted (red before amber); the other ${all - shown} are in the committee sheet.`,
      "charts-note",
      0,
      right,
    );
  const r = s.row();
  let c = 0;
  for (const [span, text, style] of KEY) {
    s.set(r, c, text, style);
    s.merge(r, c, c + span - 1, style);
    c += span;
  }
  s.fit(r);
  return r;
}

/** A chart's description over the page's width, then its rows; returns the chart's cells. */
function chartRows(s: SheetBuilder, chart: XmrChartPlan): { spacer: number; anchor: Area } {
  const right = CHART_COLUMNS - 1;
  const spacer = s.row(8);
  // The chart carries its own title; the words above it say what it shows, for every reader.
  s.keepWithNext.add(s.line(chart.description, "charts-description", 0, right));
  const top = s.rowCount;
  for (let i = 0; i < CHART_ROWS; i++) s.row(ROW_PT);
  return { spacer, anchor: { top, left: 0, bottom: top + CHART_ROWS - 1, right } };
}

/** The rows of a chart's data block: the plotted figures, each special cause in its own column. */
function blockRows(chart: XmrChartPlan): PlanValue[][] {
  const special = new Map(chart.special.map((x) => [x.row, x.variation]));
  return chart.rows.map((cells, i) => {
    const v = special.get(i);
    const row: PlanValue[] = [...cells, null, null, null, v ? specialLook(v).word : null];
    if (v) row[specialLook(v).column] = cells[1];
    return row;
  });
}

/** Writes a chart's data block from `top` (adding rows as needed); returns where it went. */
function dataBlock(s: SheetBuilder, chart: XmrChartPlan, top: number) {
  const at = (r: number) => {
    while (s.rowCount <= r) s.row(ROW_PT);
    return r;
  };
  s.set(at(top), DATA_LEFT, `Data: ${chart.title}`, "charts-blockTitle");
  const headerRow = at(top + 1);
  DATA_HEADER.forEach((h, j) => s.set(headerRow, DATA_LEFT + j, h, "charts-header"));
  const block = blockRows(chart);
  const special = new Set(chart.special.map((x) => x.row));
  block.forEach((cells, i) => {
    const r = at(headerRow + 1 + i);
    const style = special.has(i) ? "charts-special" : "charts-cell";
    cells.forEach((v, j) => {
      const word = j === cells.length - 1;
      s.set(
        r,
        DATA_LEFT + j,
        v,
        word && v ? "charts-word" : style,
        j > 0 && !word ? chart.numberFormat : null,
      );
    });
  });
  return {
    headerRow,
    firstRow: headerRow + 1,
    lastRow: headerRow + block.length,
    block,
    next: headerRow + block.length + 2,
  };
}

/** Page breaks before a chart that would not fit whole on the page: two charts to a page. */
function pageBreaks(heights: number[], spacers: number[], keyRow: number, last: number): number[] {
  const page = PAGE_HEIGHT_PT - 6;
  const out: number[] = [];
  const sum = (from: number, to: number) => heights.slice(from, to).reduce((a, h) => a + h, 0);
  let pageTop = 0;
  spacers.forEach((top, i) => {
    const end = (spacers[i + 1] ?? last + 1) - 1;
    const repeat = pageTop > keyRow ? heights[keyRow] : 0;
    if (top > pageTop && repeat + sum(pageTop, end + 1) > page) {
      // The spacer goes to the page before: a page starts at the chart's title.
      out.push(top + 1);
      pageTop = top + 1;
    }
  });
  return out;
}

/** The charts sheet for the given charts, or null when there is nothing to draw (no sheet is written). */
export function chartSheetPlan(
  all: XmrChartPlan[],
  name = CHARTS_SHEET,
  max = MAX_CHARTS,
): ChartSheetPlan | null {
  if (!all.length) return null;
  const charts = all.slice(0, max);
  const widths = columnWidths();
  const s = new SheetBuilder(widths.length, STYLES, widths);
  const keyRow = headRows(s, charts.length, all.length);
  // The charts first, down the printed page; then their data blocks down the right, from the top.
  const drawn = charts.map((chart) => ({ chart, ...chartRows(s, chart) }));
  const spacers = drawn.map((d) => d.spacer);
  let dataTop = keyRow + 2;
  const placements: ChartPlacement[] = drawn.map(({ chart, anchor }) => {
    const { next, ...block } = dataBlock(s, chart, dataTop);
    dataTop = next;
    return { chart, ...block, periodColumn: DATA_LEFT, series: SERIES, anchor, axis: axisBounds(chart) };
  });
  const lastChartRow = placements[placements.length - 1].anchor.bottom;
  return {
    plan: planOf(s, name, keyRow, lastChartRow, pageBreaks(s.heights, spacers, keyRow, lastChartRow)),
    charts: placements,
    omitted: all.length - charts.length,
  };
}

function planOf(
  s: SheetBuilder,
  name: string,
  keyRow: number,
  lastChartRow: number,
  breaks: number[],
): SheetPlan {
  return {
    name,
    values: s.values,
    styles: STYLES,
    styleAreas: groupStyles(s.styleOf),
    merges: s.merges,
    columnWidths: s.columnWidths,
    hiddenColumns: [],
    hiddenRows: [],
    numberFormats: s.formats,
    conditional: [],
    rowHeights: s.heights,
    autoHeight: null,
    freeze: { rows: 0, cols: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      // The one key repeats at the top of every page.
      repeatRows: { first: keyRow + 1, last: keyRow + 1 },
      footerLeft: "Scorecard: XmR charts for the areas for focus",
      footerRight: "Page &P of &N",
      headerCenter: "",
      printArea: { top: 0, left: 0, bottom: lastChartRow, right: CHART_COLUMNS - 1 },
      scale: 100,
      margins: MARGINS,
    },
    pageBreaks: breaks,
    commentary: { column: -1, keyColumn: MARKER_COLUMN, sourceColumn: -1, headerRow: -1, metaRow: -1 },
  };
}
