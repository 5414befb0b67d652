/**
 * XmR charts inside Excel, against the strict fake: the refresh draws one line chart per area for
 * focus on a sheet of the add-in's own, in the same three round trips, and replaces (or removes) only
 * its own charts sheet. Data: scripts/spc-sample.ts (24 months with special causes written in).
 */
import { refreshOn } from "./run-refresh";
import { spcSampleGrid } from "../../scripts/spc-sample";
import { syntheticGrid } from "../../scripts/synthetic";
import { analyse } from "../../src/engine/judge/assess";
import { CHARTS_SHEET, MAX_CHARTS } from "../../src/engine/paper/chart-sheet";
import { Settings, validateSettings } from "../../src/engine/config";
import { xmrCharts } from "../../src/engine/paper/xmr-chart";
import {
  FakeContext,
  FakeOfficeError,
  FakeWorkbookModel,
  PropertyNotLoaded,
  fillSheet,
  modelOfGrid,
} from "../fake-excel/fake-excel";
import { FakeChart, FakeChartCollection } from "../fake-excel/fake-charts";

/** The sample's sheet is named, as the pane saves it after the first refresh. */
const defaults = { ...validateSettings(undefined).settings, sourceSheet: spcSampleGrid().sheet };
const noCharts = { ...defaults, spc: { ...defaults.spc, minPoints: 1000 } };

const run = (model: FakeWorkbookModel, s: Settings = defaults) => refreshOn(model, s);

const value = (model: FakeWorkbookModel, sheet: string, r: number, c: number) =>
  model.sheet(sheet)?.cells.get(`${r},${c}`)?.value ?? null;

describe("XmR charts in the Office host", () => {
  test("one chart per area for focus on our sheet, drawn from its data block, in the same three syncs", async () => {
    const plans = xmrCharts(analyse(spcSampleGrid(), defaults));
    expect(plans.length).toBeGreaterThanOrEqual(3);
    const model = modelOfGrid(spcSampleGrid());
    const { ctx, outcome } = await run(model);
    expect(ctx.counters.syncs).toBe(3);
    expect(outcome.chartsSheet).toBe(CHARTS_SHEET);
    expect(outcome.chartCount).toBe(plans.length);
    const sheet = model.sheet(CHARTS_SHEET);
    if (!sheet) throw new Error("no charts sheet");
    // The committee sheet stays the active one; no temporary sheet is left behind.
    expect(model.sheets.map((s) => s.name)).toEqual([spcSampleGrid().sheet, "Committee", CHARTS_SHEET]);
    expect(model.sheets[model.active].name).toBe("Committee");
    expect(sheet.charts).toHaveLength(plans.length);
    sheet.charts.forEach((chart, i) => {
      const plan = plans[i];
      expect(chart.type).toBe("Line");
      expect(chart.seriesBy).toBe("Columns");
      expect(chart.name).toBe(plan.title);
      expect(chart.title).toBe(plan.title);
      expect(chart.series.map((s) => s.name)).toEqual([
        "Value",
        "Average",
        "Lower limit",
        "Upper limit",
        "Target",
        "Improvement",
        "Concern",
        "Unusual",
      ]);
      const special = new Map(plan.special.map((x) => [x.row, x.variation]));
      const only = (test: (v: string) => boolean) =>
        plan.rows.map((r, i) => (test(special.get(i) ?? "") ? r[1] : null));
      const expected = [
        ...[1, 2, 3, 4, 5].map((j) => plan.rows.map((r) => r[j])),
        only((v) => v === "special-cause-improvement"),
        only((v) => v === "special-cause-concern"),
        only((v) => /neutral/.test(v)),
      ];
      chart.series.forEach((s, k) => {
        const plotted = [];
        for (let r = s.values.top; r <= s.values.bottom; r++)
          plotted.push(value(model, CHARTS_SHEET, r, s.values.left));
        expect(plotted.map((v) => (v === "" || v === undefined ? null : v))).toEqual(expected[k]);
        const cats = s.categories;
        if (!cats) throw new Error("no categories");
        const periods = [];
        for (let r = cats.top; r <= cats.bottom; r++) periods.push(value(model, CHARTS_SHEET, r, cats.left));
        expect(periods).toEqual(plan.rows.map((row) => row[0]));
      });
      // Special causes are series of their own: marks of their own shape, no line; no point styled.
      expect(chart.series.map((s) => s.marker.style)).toEqual([
        "Circle",
        "None",
        "None",
        "None",
        "None",
        "Triangle",
        "Diamond",
        "Square",
      ]);
      expect(chart.series.slice(5).map((s) => s.line.style)).toEqual(["None", "None", "None"]);
      expect(chart.series.every((s) => s.points.size === 0)).toBe(true);
      expect(chart.series[1].line.style).toBe("Continuous");
      expect(chart.series[2].line.style).toBe("Dash");
      // One key for the sheet, not a legend on every chart.
      expect(chart.legendVisible).toBe(false);
      // The description (alt text) sits in the cell above the chart.
      const top = chart.position?.start.top ?? 0;
      expect(value(model, CHARTS_SHEET, top - 1, 0)).toBe(plan.description);
      expect(chart.axis.minimum).toBeLessThanOrEqual(Math.min(...plan.rows.map((r) => Math.min(r[1], r[3]))));
    });
  });

  test("charts cost no sync: with and without them a refresh is three round trips", async () => {
    const a = await run(modelOfGrid(spcSampleGrid()), noCharts);
    const b = await run(modelOfGrid(spcSampleGrid()));
    expect(a.outcome.chartCount).toBe(0);
    expect(b.outcome.chartCount).toBeGreaterThan(0);
    expect(b.ctx.counters.syncs).toBe(a.ctx.counters.syncs);
    // They are counted in the last request's bytes like everything else.
    const last = (c: FakeContext) => c.counters.payloads[c.counters.payloads.length - 1].request;
    expect(last(b.ctx)).toBeGreaterThan(last(a.ctx));
  });

  test("on a large scorecard the charts (capped) still cost at most one more sync than none", async () => {
    const grid = syntheticGrid(3000, 12);
    const settings = { ...defaults, sourceSheet: grid.sheet };
    const without = await run(modelOfGrid(grid), { ...settings, spc: { ...settings.spc, minPoints: 1000 } });
    const withCharts = await run(modelOfGrid(grid), settings);
    expect(withCharts.outcome.chartCount).toBe(MAX_CHARTS);
    expect(withCharts.ctx.counters.syncs).toBeLessThanOrEqual(without.ctx.counters.syncs + 1);
    for (const p of withCharts.ctx.counters.payloads) expect(p.request).toBeLessThan(4 * 1024 * 1024);
  });

  test("a second refresh replaces our charts sheet in place, not beside it", async () => {
    const model = modelOfGrid(spcSampleGrid());
    await run(model);
    const first = model.sheet(CHARTS_SHEET)?.charts.length;
    const { ctx } = await run(model);
    expect(ctx.counters.syncs).toBe(3);
    expect(model.sheets.map((s) => s.name)).toEqual([spcSampleGrid().sheet, "Committee", CHARTS_SHEET]);
    expect(model.sheet(CHARTS_SHEET)?.charts.length).toBe(first);
  });

  test("no area for focus with SPC: no charts sheet, and our old one goes", async () => {
    const model = modelOfGrid(spcSampleGrid());
    await run(model);
    expect(model.sheet(CHARTS_SHEET)).toBeDefined();
    const { outcome } = await run(model, noCharts);
    expect(outcome.chartsSheet).toBeNull();
    expect(model.sheets.map((s) => s.name)).toEqual([spcSampleGrid().sheet, "Committee"]);
  });

  test("a foreign sheet named like ours is left alone; ours goes beside it", async () => {
    const model = modelOfGrid(spcSampleGrid());
    const foreign = model.addSheet("scorecard CHARTS");
    fillSheet(foreign, [{ r: 0, c: 0, value: "My own charts" }]);
    const { outcome } = await run(model);
    expect(outcome.chartsSheet).toBe(`${CHARTS_SHEET} (2)`);
    expect(value(model, "scorecard CHARTS", 0, 0)).toBe("My own charts");
    expect(model.sheet("scorecard CHARTS")?.charts).toEqual([]);
    await run(model);
    expect(model.sheets.map((s) => s.name)).toEqual([
      spcSampleGrid().sheet,
      "scorecard CHARTS",
      "Committee",
      `${CHARTS_SHEET} (2)`,
    ]);
  });

  test("a chart Excel refuses fails the refresh as a whole: old sheets kept, no temporary sheet left", async () => {
    const model = modelOfGrid(spcSampleGrid());
    await run(model);
    const before = model.sheets.map((s) => s.name);
    const oldCharts = model.sheet(CHARTS_SHEET)?.charts.length;
    const add = FakeChartCollection.prototype.add;
    const spy = jest.spyOn(FakeChartCollection.prototype, "add").mockImplementation(function (
      this: FakeChartCollection,
      _type: string,
      range,
      by,
    ) {
      return add.call(this, "NotAChartType", range, by);
    });
    try {
      await expect(run(model)).rejects.toThrow();
    } finally {
      spy.mockRestore();
    }
    expect(model.sheets.map((s) => s.name)).toEqual(before);
    expect(model.sheet(CHARTS_SHEET)?.charts.length).toBe(oldCharts);
  });

  test("our charts sheet is never read as the scorecard", async () => {
    const model = modelOfGrid(spcSampleGrid());
    await run(model);
    await expect(run(model, { ...defaults, sourceSheet: CHARTS_SHEET })).rejects.toThrow(/own charts sheet/);
  });

  test(`at most ${MAX_CHARTS} charts, red before amber, and the sheet says how many were left off`, async () => {
    const grid = syntheticGrid(600, 12);
    const analysis = analyse(grid, { ...defaults, sourceSheet: grid.sheet });
    const plans = xmrCharts(analysis);
    expect(plans.length).toBeGreaterThan(MAX_CHARTS);
    const model = modelOfGrid(grid);
    const { ctx, outcome } = await run(model, { ...defaults, sourceSheet: grid.sheet });
    expect(ctx.counters.syncs).toBe(3);
    expect(outcome.chartCount).toBe(MAX_CHARTS);
    expect(model.sheet(CHARTS_SHEET)?.charts.map((c) => c.name)).toEqual(
      plans.slice(0, MAX_CHARTS).map((p) => p.title),
    );
    const bands = plans.map((p) => analysis.indicators.find((a) => a.key === p.key)?.band);
    expect(bands.indexOf("amber") === -1 || bands.lastIndexOf("red") < bands.indexOf("amber")).toBe(true);
    const notes = [0, 1, 2, 3, 4].map((r) => String(value(model, CHARTS_SHEET, r, 0)));
    expect(notes.join(" ")).toContain(`${MAX_CHARTS} of ${plans.length} areas for focus are charted`);
    expect(outcome.notes.join(" ")).toContain(
      `${plans.length - MAX_CHARTS} more areas for focus were not charted`,
    );
  });
});

describe("the fake's charts are as strict as Excel", () => {
  function sheetWithData(): { model: FakeWorkbookModel; ctx: FakeContext } {
    const model = new FakeWorkbookModel();
    fillSheet(model.addSheet("S"), [
      { r: 0, c: 0, value: "A" },
      { r: 1, c: 0, value: 1 },
      { r: 2, c: 0, value: 2 },
    ]);
    return { model, ctx: new FakeContext(model) };
  }

  test("an unknown chart type or series-by is refused at the sync, with InvalidArgument", async () => {
    for (const [type, by] of [
      ["Lines", "Columns"],
      ["Line", "Column"],
    ]) {
      const { ctx } = sheetWithData();
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.charts.add(type, ws.getRange("A1:A3"), by);
      await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    }
  });

  test("a chart's name is readable only after the sync that loaded it; a series past the end is not found", async () => {
    const { ctx, model } = sheetWithData();
    const ws = ctx.workbook.worksheets.getItem("S");
    const chart: FakeChart = ws.charts.add("Line", ws.getRange("A1:A3"), "Columns");
    expect(() => chart.name).toThrow(PropertyNotLoaded);
    chart.load("name");
    await ctx.sync();
    expect(chart.name).toBe("Chart 1");
    expect(model.sheet("S")?.charts[0].series.map((s) => s.name)).toEqual(["A"]);
    chart.series.getItemAt(1).name = "nope";
    await expect(ctx.sync()).rejects.toBeInstanceOf(FakeOfficeError);
  });

  test("marker sizes outside 2 to 72 and unknown marker or line styles are refused", async () => {
    for (const apply of [
      (c: FakeChart) => (c.series.getItemAt(0).markerSize = 1),
      (c: FakeChart) => (c.series.getItemAt(0).markerStyle = "Triangles"),
      (c: FakeChart) => (c.series.getItemAt(0).format.line.lineStyle = "Dashed"),
      (c: FakeChart) => (c.series.getItemAt(0).points.getItemAt(5).markerSize = 10),
    ]) {
      const { ctx } = sheetWithData();
      const ws = ctx.workbook.worksheets.getItem("S");
      apply(ws.charts.add("Line", ws.getRange("A1:A3"), "Columns"));
      await expect(ctx.sync()).rejects.toBeInstanceOf(FakeOfficeError);
    }
  });
});
