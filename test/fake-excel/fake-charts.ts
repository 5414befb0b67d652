/**
 * The charts subset of the fake (worksheet.charts), as strict as the Excel JavaScript API reference
 * (@types/office-js): an unknown chart type or series-by is refused (InvalidArgument), as are a marker
 * size outside 2 to 72 ("The supported size range is 2 to 72. This method returns an InvalidArgument
 * error if it's set with a size outside of the supported range"), a line or marker style that is not
 * in Excel.ChartLineStyle / Excel.ChartMarkerStyle, a series or point index past the end
 * (ItemNotFound), and reading a chart's name before the sync that loaded it (PropertyNotLoaded).
 * Every call is queued and counted in the request payload like the rest of the fake.
 */
import type { Box, FakeContext, FakeRange, FakeSheet } from "./fake-excel";
import { FakeOfficeError, PropertyNotLoaded } from "./fake-excel";

export const CHART_TYPES = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "3DColumnClustered",
  "3DColumnStacked",
  "3DColumnStacked100",
  "BarClustered",
  "BarStacked",
  "BarStacked100",
  "3DBarClustered",
  "3DBarStacked",
  "3DBarStacked100",
  "LineStacked",
  "LineStacked100",
  "LineMarkers",
  "LineMarkersStacked",
  "LineMarkersStacked100",
  "PieOfPie",
  "PieExploded",
  "3DPieExploded",
  "BarOfPie",
  "XYScatterSmooth",
  "XYScatterSmoothNoMarkers",
  "XYScatterLines",
  "XYScatterLinesNoMarkers",
  "AreaStacked",
  "AreaStacked100",
  "3DAreaStacked",
  "3DAreaStacked100",
  "DoughnutExploded",
  "RadarMarkers",
  "RadarFilled",
  "Surface",
  "SurfaceWireframe",
  "SurfaceTopView",
  "SurfaceTopViewWireframe",
  "Bubble",
  "Bubble3DEffect",
  "StockHLC",
  "StockOHLC",
  "StockVHLC",
  "StockVOHLC",
  "CylinderColClustered",
  "CylinderColStacked",
  "CylinderColStacked100",
  "CylinderBarClustered",
  "CylinderBarStacked",
  "CylinderBarStacked100",
  "CylinderCol",
  "ConeColClustered",
  "ConeColStacked",
  "ConeColStacked100",
  "ConeBarClustered",
  "ConeBarStacked",
  "ConeBarStacked100",
  "ConeCol",
  "PyramidColClustered",
  "PyramidColStacked",
  "PyramidColStacked100",
  "PyramidBarClustered",
  "PyramidBarStacked",
  "PyramidBarStacked100",
  "PyramidCol",
  "3DColumn",
  "Line",
  "3DLine",
  "3DPie",
  "Pie",
  "XYScatter",
  "3DArea",
  "Area",
  "Doughnut",
  "Radar",
  "Histogram",
  "Boxwhisker",
  "Pareto",
  "RegionMap",
  "Treemap",
  "Waterfall",
]);
const SERIES_BY = new Set(["Auto", "Columns", "Rows"]);
const LINE_STYLES = new Set([
  "None",
  "Continuous",
  "Dash",
  "DashDot",
  "DashDotDot",
  "Dot",
  "Grey25",
  "Grey50",
  "Grey75",
  "Automatic",
  "RoundDot",
]);
const MARKER_STYLES = new Set([
  "Automatic",
  "None",
  "Square",
  "Diamond",
  "Triangle",
  "X",
  "Star",
  "Dot",
  "Dash",
  "Circle",
  "Plus",
  "Picture",
]);
const LEGEND_POSITIONS = new Set(["Top", "Bottom", "Left", "Right", "Corner", "Custom"]);

export interface FakeMarker {
  style?: string;
  size?: number;
  background?: string;
  foreground?: string;
}

export interface FakeSeriesModel {
  name: string;
  /** The cells the series plots. */
  values: Box;
  categories?: Box;
  line: { color?: string; style?: string; weight?: number };
  marker: FakeMarker;
  points: Map<number, FakeMarker>;
}

export interface FakeChartModel {
  type: string;
  seriesBy: string;
  source: Box;
  name: string;
  title?: string;
  legend?: string;
  /** Whether the legend shows (Excel's default: it does). */
  legendVisible?: boolean;
  position?: { start: Box; end: Box };
  axis: { minimum?: number; maximum?: number; numberFormat?: string };
  series: FakeSeriesModel[];
}

/** Every chart call is an ordinary queued call, also counted apart so tests can tell charts from cells. */
function queue(ctx: FakeContext, op: () => void, bytes = 0): void {
  ctx.counters.chartCalls++;
  ctx.enqueue(op, bytes);
}

function invalid(what: string): never {
  throw new FakeOfficeError(
    "InvalidArgument",
    `The argument is invalid or missing or has an incorrect format: ${what}.`,
  );
}

function checkMarker(m: FakeMarker, style?: string, size?: number): void {
  if (style !== undefined) {
    if (!MARKER_STYLES.has(style)) invalid(`markerStyle '${style}'`);
    m.style = style;
  }
  if (size !== undefined) {
    if (!(Number.isInteger(size) && size >= 2 && size <= 72)) invalid(`markerSize ${size}`);
    m.size = size;
  }
}

/** Series as Excel makes them from a block: a text first row names them; one per column (or row). */
function seriesOf(sheet: FakeSheet, b: Box, byColumns: boolean): FakeSeriesModel[] {
  const text = (r: number, c: number) => typeof sheet.cells.get(`${r},${c}`)?.value === "string";
  const out: FakeSeriesModel[] = [];
  if (byColumns) {
    const named =
      b.bottom > b.top &&
      Array.from({ length: b.right - b.left + 1 }, (_, i) => text(b.top, b.left + i)).every(Boolean);
    for (let c = b.left; c <= b.right; c++)
      out.push({
        name: named ? String(sheet.cells.get(`${b.top},${c}`)?.value) : `Series${out.length + 1}`,
        values: { top: named ? b.top + 1 : b.top, left: c, bottom: b.bottom, right: c },
        line: {},
        marker: {},
        points: new Map(),
      });
  } else {
    for (let r = b.top; r <= b.bottom; r++)
      out.push({
        name: `Series${out.length + 1}`,
        values: { top: r, left: b.left, bottom: r, right: b.right },
        line: {},
        marker: {},
        points: new Map(),
      });
  }
  return out;
}

export class FakeChartCollection {
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: () => FakeSheet,
  ) {}
  add(type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChart {
    let made: FakeChartModel | undefined;
    const chart = new FakeChart(
      this.ctx,
      () => {
        if (!made) throw new FakeOfficeError("InvalidObjectPath", "The chart was not created.");
        return made;
      },
      this.sheet,
    );
    queue(
      this.ctx,
      () => {
        if (!CHART_TYPES.has(type)) invalid(`chart type '${type}'`);
        if (!SERIES_BY.has(seriesBy)) invalid(`seriesBy '${seriesBy}'`);
        const s = this.sheet();
        if (s.protected) throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
        const b = sourceData.box();
        const byColumns =
          seriesBy !== "Rows" && (seriesBy === "Columns" || b.bottom - b.top >= b.right - b.left);
        made = {
          type,
          seriesBy,
          source: b,
          name: `Chart ${s.charts.length + 1}`,
          axis: {},
          series: seriesOf(s, b, byColumns),
        };
        s.charts.push(made);
      },
      type.length + seriesBy.length,
    );
    return chart;
  }
  /** items/name only: what a host would read to find its charts. */
  load(props?: string | string[]): this {
    const wanted = Array.isArray(props) ? props.join(",") : (props ?? "");
    queue(this.ctx, () => {
      if (/items/.test(wanted)) {
        this.itemsValue = this.sheet().charts.map((m) => {
          const c = new FakeChart(this.ctx, () => m, this.sheet);
          c.settleName();
          return c;
        });
        this.ctx.respond(this.itemsValue.map((c) => c.name));
      }
      if (/count/.test(wanted)) {
        this.countValue = this.sheet().charts.length;
        this.ctx.respond(this.countValue);
      }
    });
    return this;
  }
  private itemsValue: FakeChart[] | undefined;
  private countValue: number | undefined;
  get items(): FakeChart[] {
    if (!this.itemsValue) throw new PropertyNotLoaded("items");
    return this.itemsValue;
  }
  get count(): number {
    if (this.countValue === undefined) throw new PropertyNotLoaded("count");
    return this.countValue;
  }
}

export class FakeChart {
  private loadedName: string | undefined;
  readonly title: { text: string };
  readonly legend: { position: string; visible: boolean };
  readonly axes: { valueAxis: { minimum: number; maximum: number; numberFormat: string } };
  readonly series: { getItemAt: (i: number) => FakeChartSeries };
  constructor(
    private readonly ctx: FakeContext,
    private readonly model: () => FakeChartModel,
    private readonly sheet: () => FakeSheet,
  ) {
    const set =
      <T>(apply: (m: FakeChartModel, v: T) => void) =>
      (v: T) =>
        queue(this.ctx, () => apply(this.model(), v), JSON.stringify(v ?? "").length);
    const writeOnly = (what: string) => () => {
      throw new PropertyNotLoaded(what);
    };
    const setTitle = set<string>((m, v) => (m.title = v));
    const setLegend = set<string>((m, v) => {
      if (!LEGEND_POSITIONS.has(v)) invalid(`legend position '${v}'`);
      m.legend = v;
    });
    this.title = Object.defineProperty({} as { text: string }, "text", {
      set: setTitle,
      get: writeOnly("title/text"),
    });
    const setVisible = set<boolean>((m, v) => {
      if (typeof v !== "boolean") invalid("legend visible");
      m.legendVisible = v;
    });
    this.legend = Object.defineProperties({} as { position: string; visible: boolean }, {
      position: { set: setLegend, get: writeOnly("legend/position") },
      visible: { set: setVisible, get: writeOnly("legend/visible") },
    });
    const axis = {} as { minimum: number; maximum: number; numberFormat: string };
    for (const k of ["minimum", "maximum", "numberFormat"] as const)
      Object.defineProperty(axis, k, {
        set: set<number | string>((m, v) => {
          if (k !== "numberFormat" && typeof v !== "number") invalid(`axis ${k}`);
          (m.axis as Record<string, unknown>)[k] = v;
        }),
        get: writeOnly(`axes/valueAxis/${k}`),
      });
    this.axes = { valueAxis: axis };
    this.series = {
      getItemAt: (i: number) => {
        const s = new FakeChartSeries(
          this.ctx,
          () => {
            const list = this.model().series;
            if (i < 0 || i >= list.length)
              throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: series ${i}.`);
            return list[i];
          },
          this.sheet,
        );
        queue(this.ctx, () => undefined);
        return s;
      },
    };
  }
  settleName(): void {
    this.loadedName = this.model().name;
  }
  load(_props?: string | string[]): this {
    queue(this.ctx, () => {
      this.settleName();
      this.ctx.respond(this.loadedName);
    });
    return this;
  }
  get name(): string {
    if (this.loadedName === undefined) throw new PropertyNotLoaded("name");
    return this.loadedName;
  }
  set name(v: string) {
    queue(
      this.ctx,
      () => {
        if (v.length > 255) invalid("chart name longer than 255 characters");
        this.model().name = v;
      },
      v.length,
    );
  }
  setPosition(start: FakeRange | string, end?: FakeRange | string): void {
    const box = (r: FakeRange | string) => {
      if (typeof r !== "string") return r.box();
      const m = /^([A-Z]+)(\d+)$/.exec(r);
      if (!m) invalid(`cell '${r}'`);
      const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const row = Number(m[2]) - 1;
      return { top: row, left: col, bottom: row, right: col };
    };
    queue(this.ctx, () => {
      const s = box(start);
      this.model().position = { start: s, end: end === undefined ? s : box(end) };
    });
  }
}

export class FakeChartSeries {
  readonly format: { line: { color: string; lineStyle: string; weight: number } };
  readonly points: { getItemAt: (i: number) => FakeChartPoint };
  constructor(
    private readonly ctx: FakeContext,
    private readonly model: () => FakeSeriesModel,
    private readonly sheet: () => FakeSheet,
  ) {
    const line = {} as { color: string; lineStyle: string; weight: number };
    const define = (k: keyof typeof line, apply: (s: FakeSeriesModel, v: never) => void) =>
      Object.defineProperty(line, k, {
        set: (v: never) => queue(this.ctx, () => apply(this.model(), v), 16),
        get: () => {
          throw new PropertyNotLoaded(`format/line/${k}`);
        },
      });
    define("color", (s, v: string) => (s.line.color = v));
    define("lineStyle", (s, v: string) => {
      if (!LINE_STYLES.has(v)) invalid(`lineStyle '${v}'`);
      s.line.style = v;
    });
    define("weight", (s, v: number) => {
      if (typeof v !== "number" || v < 0) invalid(`weight ${v}`);
      s.line.weight = v;
    });
    this.format = { line };
    this.points = {
      getItemAt: (i: number) => {
        queue(this.ctx, () => undefined);
        return new FakeChartPoint(this.ctx, () => {
          const s = this.model();
          if (i < 0 || i > s.values.bottom - s.values.top)
            throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: point ${i}.`);
          const p = s.points.get(i) ?? {};
          s.points.set(i, p);
          return p;
        });
      },
    };
  }
  set name(v: string) {
    queue(this.ctx, () => (this.model().name = v), v.length);
  }
  set markerStyle(v: string) {
    queue(this.ctx, () => checkMarker(this.model().marker, v));
  }
  set markerSize(v: number) {
    queue(this.ctx, () => checkMarker(this.model().marker, undefined, v));
  }
  set markerBackgroundColor(v: string) {
    queue(this.ctx, () => (this.model().marker.background = v), v.length);
  }
  set markerForegroundColor(v: string) {
    queue(this.ctx, () => (this.model().marker.foreground = v), v.length);
  }
  setXAxisValues(range: FakeRange): void {
    queue(this.ctx, () => {
      const b = range.box();
      const s = this.model();
      if (
        b.bottom - b.top !== s.values.bottom - s.values.top &&
        b.right - b.left !== s.values.right - s.values.left
      )
        invalid("x-axis values of another length than the series");
      s.categories = b;
    });
  }
  /** Write-only here: reading any of them needs a load this fake does not offer. */
  get markerStyle(): string {
    throw new PropertyNotLoaded("markerStyle");
  }
  get markerSize(): number {
    throw new PropertyNotLoaded("markerSize");
  }
  get markerBackgroundColor(): string {
    throw new PropertyNotLoaded("markerBackgroundColor");
  }
  get markerForegroundColor(): string {
    throw new PropertyNotLoaded("markerForegroundColor");
  }
  get name(): string {
    throw new PropertyNotLoaded("name");
  }
  sheetName(): string {
    return this.sheet().name;
  }
}

export class FakeChartPoint {
  constructor(
    private readonly ctx: FakeContext,
    private readonly model: () => FakeMarker,
  ) {}
  set markerStyle(v: string) {
    queue(this.ctx, () => checkMarker(this.model(), v));
  }
  set markerSize(v: number) {
    queue(this.ctx, () => checkMarker(this.model(), undefined, v));
  }
  set markerBackgroundColor(v: string) {
    queue(this.ctx, () => (this.model().background = v), v.length);
  }
  set markerForegroundColor(v: string) {
    queue(this.ctx, () => (this.model().foreground = v), v.length);
  }
  get markerStyle(): string {
    throw new PropertyNotLoaded("markerStyle");
  }
  get markerSize(): number {
    throw new PropertyNotLoaded("markerSize");
  }
  get markerBackgroundColor(): string {
    throw new PropertyNotLoaded("markerBackgroundColor");
  }
  get markerForegroundColor(): string {
    throw new PropertyNotLoaded("markerForegroundColor");
  }
}
