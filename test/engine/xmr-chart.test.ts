/** The XmR chart plan for areas for focus: data that matches the SPC, blanks skipped, words for all. */
import { analyse } from "../../src/engine/judge/assess";
import { validateSettings } from "../../src/engine/config";
import { xmrCharts } from "../../src/engine/paper/xmr-chart";
import { spcSampleGrid } from "../../scripts/spc-sample";
import { syntheticGrid } from "../../scripts/synthetic";

const settings = validateSettings(undefined).settings;
const analysis = analyse(spcSampleGrid(), settings);

test("one chart per red or amber indicator with SPC, red first", () => {
  const charts = xmrCharts(analysis);
  const focus = analysis.indicators.filter((a) => (a.band === "red" || a.band === "amber") && a.spc);
  expect(charts.map((c) => c.key).sort()).toEqual(focus.map((a) => a.key).sort());
  const bands = charts.map((c) => analysis.indicators.find((a) => a.key === c.key)?.band);
  expect(bands.indexOf("amber")).toBeGreaterThan(bands.lastIndexOf("red"));
});

test("the chart's lines are the indicator's SPC, and its target the green threshold", () => {
  for (const c of xmrCharts(analysis)) {
    const a = analysis.indicators.find((i) => i.key === c.key);
    if (!a?.spc) throw new Error("no SPC");
    expect(c.rows).toHaveLength(a.spc.points);
    for (const [, , mean, lower, upper, target] of c.rows) {
      // A percentage's usual range stops at 0% and 100%, as the table's reason gives it.
      const bound = (x: number) => (a.unit === "percent" ? Math.min(1, Math.max(0, x)) : x);
      expect([mean, lower, upper]).toEqual([a.spc.mean, bound(a.spc.lower), bound(a.spc.upper)]);
      // The green threshold, the one assurance is judged against: the better of Min and Upper.
      expect(target).toBe(a.spc.target?.value ?? null);
      if (a.targets.kind === "min-upper" && a.targets.min !== undefined && a.targets.upper !== undefined)
        expect(target).toBe(
          a.polarity === "lower"
            ? Math.min(a.targets.min, a.targets.upper)
            : Math.max(a.targets.min, a.targets.upper),
        );
    }
    expect(c.rows[c.rows.length - 1][1]).toBe(a.value);
    const last = c.special.find((s) => s.row === c.rows.length - 1);
    expect(last?.variation ?? "common-cause").toBe(a.spc.variation);
    expect(c.description).toMatch(
      /^XmR chart of .*: \d+ points from .* to Oct 18, average .*, usual range \(limits\) .* to .*\./,
    );
    // The title carries MDC's letters and words, as the committee sheet does.
    expect(c.title).toMatch(/: \((H|L|~)\) \w[\w ]*(, \((P|F|\?)\) \w[\w ]*)?$/);
    expect(c.numberFormat).toBe(a.unit === "percent" ? "0.0%" : "#,##0");
  }
});

test("a blank month is left out of the chart as it is left out of the limits", () => {
  // The sample blanks month 11 of every sixth measure; one of them is an area for focus.
  const withGap = analysis.indicators.find((a) => a.series.includes(null) && a.spc && a.band !== "green");
  const c = withGap && xmrCharts(analysis).find((x) => x.key === withGap.key);
  if (!withGap || !c) throw new Error("the sample should have an area for focus with a blank month");
  expect(c.rows).toHaveLength(withGap.series.filter((v) => v !== null).length);
  expect(c.rows.map((r) => r[0])).not.toContain(analysis.periods[withGap.series.indexOf(null)]);
});

test("no chart where the series is too short for SPC", () => {
  expect(xmrCharts(analyse(syntheticGrid(12, 6), settings))).toEqual([]);
});

test("a percentage's usual range stops at 100% on the chart and in its caption, as in the table", () => {
  const clipped = xmrCharts(analysis).filter((c) => c.rows.some((r) => r[4] === 1));
  expect(clipped.length).toBeGreaterThan(0);
  for (const c of clipped) expect(c.description).toMatch(/usual range \(limits\) [\d.]+% to 100\.0%/);
});
