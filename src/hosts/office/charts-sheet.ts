/**
 * The charts sheet inside Excel: the same plan the file host writes, queued into the refresh's last
 * batch, so drawing N charts adds no round trip (every call below is a queued write; nothing is loaded
 * or read back). The sheet is built under a temporary name and swapped in with the committee sheet.
 *
 * Members and their requirement sets (@types/office-js, all within the manifest's ExcelApi 1.9):
 * ChartCollection.add, Chart.name, Chart.title, Chart.legend.visible, Chart.setPosition,
 * ChartAxis.minimum/maximum, ChartSeriesCollection.getItemAt, ChartSeries.name, ChartLineFormat.color:
 * 1.1; ChartSeries.setXAxisValues, ChartSeries markerStyle/markerSize/markerBackgroundColor/
 * markerForegroundColor, ChartLineFormat.lineStyle and weight: 1.7; ChartAxis.numberFormat: 1.8. ExcelApi has no alternative-text member for a chart, so the
 * chart's description is written in the cell above it, where a screen reader reads it with the sheet.
 */
import type { ChartPlacement, ChartSheetPlan, LineDash, MarkerShape } from "../../engine/paper/chart-sheet";
import { cutText } from "../../engine/text-cut";
import { queueFormatting, queueValues } from "./apply-plan";

const LINE: Record<LineDash, "Continuous" | "Dash" | "DashDot" | "None"> = {
  solid: "Continuous",
  dash: "Dash",
  dashDot: "DashDot",
  none: "None",
};

const MARKER: Record<MarkerShape, "Circle" | "Triangle" | "Diamond" | "Square" | "None"> = {
  circle: "Circle",
  triangle: "Triangle",
  diamond: "Diamond",
  square: "Square",
  none: "None",
};

/** Excel caps a chart's name (as any shape's) at 255 characters. */
const MAX_CHART_NAME = 255;

/** Queues the whole charts sheet under `temp`; returns it for the swap. */
export function queueChartsSheet(
  context: Excel.RequestContext,
  plan: ChartSheetPlan,
  temp: string,
): Excel.Worksheet {
  const sheet = context.workbook.worksheets.add(temp);
  queueValues(sheet, plan.plan, 0, plan.plan.values.length);
  queueFormatting(sheet, plan.plan);
  for (const p of plan.charts) queueChart(sheet, p);
  return sheet;
}

function queueChart(sheet: Excel.Worksheet, p: ChartPlacement): void {
  const rows = p.lastRow - p.firstRow + 1;
  // The header row comes with the values, so each series is named by its column; periods are the axis.
  const data = sheet.getRangeByIndexes(p.headerRow, p.periodColumn + 1, rows + 1, p.series.length).untrack();
  const periods = sheet.getRangeByIndexes(p.firstRow, p.periodColumn, rows, 1).untrack();
  const chart = sheet.charts.add("Line", data, "Columns");
  chart.name = cutText(p.chart.title, MAX_CHART_NAME);
  chart.title.text = p.chart.title;
  // No legend: the sheet's one key, at the top of every page, names every mark and line.
  chart.legend.visible = false;
  chart.setPosition(
    sheet.getRangeByIndexes(p.anchor.top, p.anchor.left, 1, 1).untrack(),
    sheet.getRangeByIndexes(p.anchor.bottom, p.anchor.right, 1, 1).untrack(),
  );
  const axis = chart.axes.valueAxis;
  axis.minimum = p.axis.min;
  axis.maximum = p.axis.max;
  axis.numberFormat = p.chart.numberFormat;
  p.series.forEach((look, i) => {
    const s = chart.series.getItemAt(i);
    s.name = look.name;
    s.setXAxisValues(periods);
    s.format.line.lineStyle = LINE[look.dash];
    if (look.dash !== "none") {
      s.format.line.color = `#${look.color}`;
      s.format.line.weight = look.width;
    }
    s.markerStyle = MARKER[look.marker];
    if (look.marker !== "none") {
      // Special causes are series of their own, a mark at each special point and nothing between.
      s.markerSize = look.markerSize;
      s.markerBackgroundColor = `#${look.color}`;
      s.markerForegroundColor = `#${look.color}`;
    }
  });
}
