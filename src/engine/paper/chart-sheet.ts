/**
 * The charts sheet: the add-in's own sheet holding an XmR chart for each area for focus, as a SheetPlan
 * (so both hosts write its cells with the writers they already have) plus where each chart's data block
 * sits and where the chart is drawn. Each chart reads its own block of 2-D values on the sheet, so the
 * charts stay live and a reader can check every plotted point in the cells beside it.
 *
 * What a point means is carried by its marker's shape and a word in the block's last column, never by
 * colour alone: the colours only repeat what the shape says.
 */
import { groupStyles } from "./committee";
import type { CellStyle, PlanValue, SheetPlan } from "./committee";
import { SCAN_COLUMNS, SCAN_ROWS } from "./commentary";
import type { Area, Grid } from "../grid";
import type { Variation } from "../judge/spc";
import type { XmrChartPlan } from "./xmr-chart";

/** The charts sheet's marker (never a prefix of the committee sheet's, which is "scorecard:committee"). */
export const CHARTS_MARKER = "scorecard:charts";
export const CHARTS_SHEET = "Scorecard charts";
export const CHARTS_PLAN_VERSION = 1;

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

/** Rows a chart covers at least (at 15 pt a row, 360 pt: tall enough to read the limits apart). */
export const CHART_ROWS = 24;
/** Columns A:K hold the chart; the data block starts at M. */
export const CHART_COLUMNS = 11;
export const DATA_LEFT = 12;
const DATA_HEADER = ["Period", "Value", "Average", "Lower limit", "Upper limit", "Target", "Special cause"];
const MARKER_COLUMN = DATA_LEFT + DATA_HEADER.length + 1;
/** Print scale, percent: a chart and its data block across A4 landscape. */
const SCALE = 70;

export type MarkerShape = "circle" | "triangle" | "diamond" | "square" | "none";
export type LineDash = "solid" | "dash" | "dashDot";

export interface SeriesLook {
  /** The data block column (0 = Value ... 4 = Target) the series plots. */
  name: string;
  column: number;
  /** RRGGBB */
  color: string;
  dash: LineDash;
  /** Points; 0 where the series has no line. */
  width: number;
  marker: MarkerShape;
}

/** Value with round markers; the average solid; the limits dashed; the target dash-dot. */
export const SERIES: SeriesLook[] = [
  { name: "Value", column: 1, color: "1F3864", dash: "solid", width: 2, marker: "circle" },
  { name: "Average", column: 2, color: "595959", dash: "solid", width: 1.25, marker: "none" },
  { name: "Lower limit", column: 3, color: "7F7F7F", dash: "dash", width: 1.25, marker: "none" },
  { name: "Upper limit", column: 4, color: "7F7F7F", dash: "dash", width: 1.25, marker: "none" },
  { name: "Target", column: 5, color: "C00000", dash: "dashDot", width: 1.5, marker: "none" },
];

/** A special-cause point: a shape of its own per kind, with the colours Making Data Count uses. */
export function specialLook(v: Variation): { shape: MarkerShape; color: string; word: string } {
  if (v === "special-cause-improvement") return { shape: "triangle", color: "2E75B6", word: "Improvement" };
  if (v === "special-cause-concern") return { shape: "diamond", color: "E46C0A", word: "Concern" };
  if (v === "special-cause-neutral-high") return { shape: "square", color: "7030A0", word: "Neutral (high)" };
  if (v === "special-cause-neutral-low") return { shape: "square", color: "7030A0", word: "Neutral (low)" };
  return { shape: "circle", color: "1F3864", word: "" };
}

export interface ChartPlacement {
  chart: XmrChartPlan;
  /** 0-based sheet row of the block's header; its data rows follow. */
  headerRow: number;
  firstRow: number;
  lastRow: number;
  /** 0-based sheet column of the block's Period column; Value ... Target follow it. */
  periodColumn: number;
  /** The series drawn: Target only where the indicator has one. */
  series: SeriesLook[];
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

/** Named apart from the committee sheet's styles: a host may key its style cache by name across sheets. */
const STYLES: Record<string, CellStyle> = {
  "charts-title": { bold: true, size: 14, color: "1F3864" },
  "charts-note": { size: 10, color: "404040" },
  "charts-chartTitle": { bold: true, size: 12, color: "1F3864" },
  "charts-description": { size: 9, italic: true, color: "404040" },
  "charts-header": { bold: true, size: 10, fill: "D9E1F2", border: true, hAlign: "center", wrap: true },
  "charts-cell": { size: 10, border: true },
  "charts-special": { size: 10, border: true, bold: true },
  // The word column sits right of right-aligned numbers: an indent keeps "95.0%" and "Concern" apart.
  "charts-word": { size: 10, border: true, bold: true, hAlign: "left", indent: 1 },
  "charts-marker": { size: 8, color: "808080" },
};

const KEY =
  "Markers: circle = common cause; triangle = special cause improvement; diamond = special cause concern; " +
  "square = special cause with no better direction. Lines: average solid, process limits dashed, target dash-dot.";

/** The charts sheet for the given charts, or null when there is nothing to draw (no sheet is written). */
export function chartSheetPlan(
  all: XmrChartPlan[],
  name = CHARTS_SHEET,
  max = MAX_CHARTS,
): ChartSheetPlan | null {
  if (!all.length) return null;
  const charts = all.slice(0, max);
  const omitted = all.length - charts.length;
  const width = MARKER_COLUMN + 1;
  const values: PlanValue[][] = [];
  const formats: (string | null)[][] = [];
  const styleOf: (string | null)[][] = [];
  const row = (): number => {
    values.push(new Array<PlanValue>(width).fill(null));
    formats.push(new Array<string | null>(width).fill(null));
    styleOf.push(new Array<string | null>(width).fill(null));
    return values.length - 1;
  };
  const set = (r: number, c: number, v: PlanValue, style: string, format: string | null = null) => {
    values[r][c] = v;
    styleOf[r][c] = style;
    formats[r][c] = format;
  };
  set(row(), 0, "XmR charts: areas for focus", "charts-title");
  set(0, MARKER_COLUMN, `${CHARTS_MARKER} v${CHARTS_PLAN_VERSION}`, "charts-marker");
  set(
    row(),
    0,
    "Made by Scorecard and replaced on every refresh: each chart plots a red or amber indicator's values with its average and process limits (average ± 2.66 × average moving range). Notes typed here are not kept.",
    "charts-note",
  );
  set(row(), 0, KEY, "charts-note");
  if (omitted > 0)
    set(
      row(),
      0,
      `${charts.length} of ${all.length} areas for focus are charted (red before amber); the other ${omitted} are in the committee sheet.`,
      "charts-note",
    );
  row();

  const placements: ChartPlacement[] = [];
  for (const chart of charts) {
    const top = values.length;
    const n = chart.rows.length;
    // The chart is as tall as its data block, so the two read side by side.
    const chartRows = Math.max(CHART_ROWS, n + 1);
    const height = chartRows + 3;
    for (let i = 0; i < height; i++) row();
    set(top, 0, chart.title, "charts-chartTitle");
    set(top + 1, 0, chart.description, "charts-description");
    const headerRow = top + 2;
    DATA_HEADER.forEach((h, j) => set(headerRow, DATA_LEFT + j, h, "charts-header"));
    const special = new Map(chart.special.map((s) => [s.row, s.variation]));
    chart.rows.forEach((cells, i) => {
      const r = headerRow + 1 + i;
      const v = special.get(i);
      const style = v ? "charts-special" : "charts-cell";
      set(r, DATA_LEFT, cells[0], style);
      for (let j = 1; j <= 5; j++) set(r, DATA_LEFT + j, cells[j], style, chart.numberFormat);
      set(r, DATA_LEFT + 6, v ? specialLook(v).word : null, v ? "charts-word" : style);
    });
    const hasTarget = chart.rows.some((c) => c[5] !== null);
    placements.push({
      chart,
      headerRow,
      firstRow: headerRow + 1,
      lastRow: headerRow + n,
      periodColumn: DATA_LEFT,
      series: SERIES.filter((s) => s.name !== "Target" || hasTarget),
      anchor: { top: headerRow, left: 0, bottom: headerRow + chartRows - 1, right: CHART_COLUMNS - 1 },
      axis: axisBounds(chart),
    });
  }

  const columnWidths = [...new Array<number>(CHART_COLUMNS).fill(9), 3, 12, 11, 11, 11, 11, 11, 16, 3, 20];
  const last = values.length - 1;
  const plan: SheetPlan = {
    name,
    values,
    styles: STYLES,
    styleAreas: groupStyles(styleOf),
    merges: [],
    columnWidths,
    hiddenColumns: [],
    hiddenRows: [],
    numberFormats: formats,
    conditional: [],
    rowHeights: [],
    autoHeight: null,
    freeze: { rows: 0, cols: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      repeatRows: { first: 1, last: 1 },
      footerLeft: "Scorecard: XmR charts for the areas for focus",
      footerRight: "Page &P of &N",
      headerCenter: KEY.slice(0, 255),
      printArea: { top: 0, left: 0, bottom: last, right: DATA_LEFT + DATA_HEADER.length - 1 },
      scale: SCALE,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    pageBreaks: pageBreaks(placements.map((p) => p.headerRow - 2)),
    commentary: { column: -1, keyColumn: MARKER_COLUMN, sourceColumn: -1, headerRow: -1, metaRow: -1 },
  };
  return { plan, charts: placements, omitted };
}

/** Rows of 15 pt that fit on A4 landscape (595 pt high) at the plan's scale inside its margins. */
const PAGE_ROWS = Math.floor((595 - 72 * 1.2) / ((15 * SCALE) / 100));

/** A chart is never cut across two pages: a page breaks before a block that would not fit. */
function pageBreaks(blockTops: number[]): number[] {
  const out: number[] = [];
  let pageTop = 0;
  blockTops.forEach((top, i) => {
    const bottom = (blockTops[i + 1] ?? top + CHART_ROWS + 4) - 1;
    if (bottom - pageTop + 1 > PAGE_ROWS && top > pageTop) {
      out.push(top);
      pageTop = top;
    }
  });
  return out;
}
