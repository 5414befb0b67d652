/**
 * The same published layouts, mangled the ways real sheets differ: columns in another order, headers in
 * other councils' words, blank rows and notes added. What the engine reads must not change.
 */
import fc from "fast-check";
import { analyse, Analysis } from "../../src/engine/judge/assess";
import { LAYOUTS } from "../fixtures/corpus/layouts";
import { ColumnSpec, H, LayoutSpec, specToGrid } from "../fixtures/corpus/spec";

/** What a committee would be told about each indicator; row numbers and labels may move. */
function reading(a: Analysis): object[] {
  return a.indicators
    .map((i) => ({
      key: i.key,
      value: i.value === null ? null : Math.round(i.value * 1e9) / 1e9,
      unit: i.unit,
      band: i.band,
      polarity: i.polarity,
      direction: i.trend.direction,
      flags: i.flags.map((f) => f.code).sort(),
      previousRag: i.previousRag ?? null,
      previousDirection: i.previousDirection ?? null,
      benchmarks: i.benchmarks.map((b) => b.value).sort(),
      commentary: i.sourceCommentary ?? null,
    }))
    .sort((x, y) => x.key.localeCompare(y.key));
}

/** Columns tied by a merged header move together; the order of the groups is the permutation's. */
function shuffleColumns(spec: LayoutSpec, order: number[]): LayoutSpec {
  const blocks: ColumnSpec[][] = [];
  for (const col of spec.columns) {
    const last = blocks[blocks.length - 1];
    const prev = last?.[last.length - 1];
    const tied =
      prev !== undefined &&
      col.header.some((h, r) => {
        const p = prev.header[r];
        return (
          typeof h === "object" &&
          h !== null &&
          "merge" in h &&
          typeof p === "object" &&
          p !== null &&
          "merge" in p &&
          p.merge === h.merge
        );
      });
    if (tied && last) last.push(col);
    else blocks.push([col]);
  }
  const keyed = blocks.map((b, i) => ({ b, k: order[i % order.length] + i / 1000 }));
  keyed.sort((x, y) => x.k - y.k);
  return { ...spec, columns: keyed.flatMap((x) => x.b) };
}

// Other councils' words for the same column, as found in published scorecards.
const SYNONYMS: Record<string, string> = {
  ref: "Reference",
  "pi ref": "Ref No",
  pi: "PI No",
  reference: "Ref",
  measure: "Indicator",
  "performance measure": "KPI",
  indicators: "Measure",
  "pi description": "Description",
  title: "Measure title",
  target: "Annual Target",
  "current target": "Target",
  actual: "Latest",
  current: "Actual",
  "good is": "Polarity",
  "good perf is": "Good performance is",
  polarity: "Good is",
  "rise or fall": "Higher or lower",
  "england average": "England",
  "nat ave": "National average",
  "sn ave": "Statistical neighbours",
  "stat neigh ave": "SN average",
  dot: "Direction of travel",
  "direction of travel": "DoT",
  rag: "RAG status",
  status: "RAG",
  "data quality": "DQ",
  dq: "Data quality",
  "data note": "Data notes",
  unit: "Units",
  aim: "Desired direction",
  floor: "Minimum",
  min: "Floor",
  upper: "Stretch",
};

function renameHeaders(spec: LayoutSpec): LayoutSpec {
  const swap = (h: H): H => {
    if (typeof h !== "string" || h === "^") return h;
    const k = h.toLowerCase().replace(/\s+/g, " ").trim();
    return SYNONYMS[k] ?? h;
  };
  return { ...spec, columns: spec.columns.map((c) => ({ ...c, header: c.header.map(swap) })) };
}

function addNoise(spec: LayoutSpec): LayoutSpec {
  const rows = spec.rows.flatMap((r, i) => (i % 2 === 1 ? [{ cells: {} }, r] : [r]));
  return {
    ...spec,
    above: [
      ["Please note: figures for the latest month are provisional until validated"],
      ...spec.above,
      ["Exported from the case management system on", { date: "2018-12-03", fmt: "dd/mm/yyyy" }],
      [],
    ],
    rows: [...rows, { cells: {} }],
  };
}

const base = new Map(LAYOUTS.map((l) => [l.name, analyse(specToGrid(l))]));

describe.each(LAYOUTS.map((l) => [l.name, l] as const))("%s", (name, spec) => {
  const expected = reading(base.get(name) as Analysis);

  test("reads the same whatever the order of its columns", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 12 }), (order) => {
        expect(reading(analyse(specToGrid(shuffleColumns(spec, order))))).toEqual(expected);
      }),
      { numRuns: 15, seed: 20181217 },
    );
  });

  test("reads the same with other councils' words in the headers", () => {
    expect(reading(analyse(specToGrid(renameHeaders(spec))))).toEqual(expected);
  });

  test("reads the same with blank rows, a note and an export stamp added", () => {
    const a = analyse(specToGrid(addNoise(spec)));
    expect(reading(a)).toEqual(expected);
    expect(a.title).toBe(base.get(name)?.title);
    expect(a.reportingPeriod).toBe(base.get(name)?.reportingPeriod);
  });
});
