/** Layouts other councils use, and the errors a person gets when a sheet cannot be read. */
import { analyse } from "../../src/engine/judge/assess";
import { readLayout, LayoutError } from "../../src/engine/read/layout";
import { CONFIRM_BELOW } from "../../src/engine/read/reading";
import { gridOf, pct } from "../helpers";

describe("layout detection", () => {
  test("a header that starts lower down, with synonyms and Excel-date months", () => {
    const grid = gridOf([
      ["Quarterly KPI report"],
      [],
      ["PI", "KPI", "Good performance is", "Actual", "Threshold", "Stretch", "England"],
      ["A1", "Timely visits", "Higher", pct(0.91), pct(0.85), pct(0.95), pct(0.88)],
      ["A2", "Re-referrals", "Lower", pct(0.2), pct(0.25), pct(0.18), pct(0.22)],
    ]);
    const a = analyse(grid);
    expect(a.header).toEqual({ top: 3, bottom: 3 });
    expect(a.indicators.map((i) => [i.ref, i.band])).toEqual([
      ["A1", "amber"],
      ["A2", "amber"],
    ]);
    expect(a.indicators[0].benchmarks[0]).toMatchObject({ label: "England", value: 0.88 });
  });

  test("no current column: the latest period is the current value", () => {
    const grid = gridOf([
      ["Ref", "Indicator", "Q1 2021/22", "Q2 2021/22", "Q3 2021/22", "Target"],
      ["X1", "Visits", pct(0.8), pct(0.82), pct(0.85), pct(0.9)],
    ]);
    const a = analyse(grid);
    expect(a.indicators[0].value).toBeCloseTo(0.85, 10);
    expect(a.indicators[0].cell.address).toBe("E2");
  });

  test("a value column the labels do not name is read from its place, for the analyst to confirm; a pin settles it", () => {
    const grid = gridOf([
      ["Ref", "Measure", "Figure", "Target"],
      ["X1", "Visits", pct(0.8), pct(0.9)],
    ]);
    // Issue 22: an unknown header never stops the read; it lowers the confidence.
    const read = analyse(grid);
    expect(read.indicators[0]).toMatchObject({ value: 0.8, band: "red" });
    expect(read.columns[2]).toMatchObject({ role: "current" });
    expect(read.columns[2].confidence).toBeLessThan(CONFIRM_BELOW);
    expect(read.reading.level).not.toBe("high");
    expect(read.reading.doubts.join(" ")).toMatch(/C read as the current value/);
    const a = analyse(grid, { columns: { current: "C" } });
    expect(a.indicators[0]).toMatchObject({ value: 0.8, band: "red" });
    expect(a.reading.level).toBe("high");
  });

  test("an unreadable sheet names the sheet, the rows and what was found", () => {
    const grid = gridOf([["Budget"], ["Cost centre", "Owner"], ["CC1", "Finance team"]], "Finance");
    expect(() => readLayout(grid)).toThrow(LayoutError);
    expect(() => readLayout(grid)).toThrow(
      /Sheet 'Finance': no table found in rows 1-3: no rows of figures.*row 2: 'Cost centre', 'Owner'/,
    );
  });

  test("a header without a value column says what is missing", () => {
    const grid = gridOf(
      [
        ["Ref", "Measure", "Owner"],
        ["1", "x", "y"],
      ],
      "S",
    );
    expect(() => readLayout(grid)).toThrow(
      /Sheet 'S': the header in rows 1-1 has no column for the current value.*Found: A 'Ref', B 'Measure', C 'Owner'/,
    );
  });

  test("a pinned column outside the sheet is a clear error", () => {
    const grid = gridOf(
      [
        ["Ref", "Measure", "Current"],
        ["1", "x", 1],
      ],
      "S",
    );
    expect(() => analyse(grid, { columns: { current: "Z" } })).toThrow(
      /pin current to column Z, which is outside the used range/,
    );
  });

  test("invalid values and error cells are flagged with their cell, never read as numbers", () => {
    const grid = gridOf(
      [
        ["Ref", "Measure", "Current", "Target"],
        ["1", "Visits", { value: { error: "#DIV/0!" } }, pct(0.9)],
        ["2", "Plans", "Above average", pct(0.9)],
        ["3", "Reviews", pct(1.2), pct(0.9)],
      ],
      "Data",
    );
    const a = analyse(grid);
    expect(a.indicators.map((i) => i.value)).toEqual([null, null, 1.2]);
    expect(a.indicators[0].flags.find((f) => f.code === "invalid-value")?.message).toMatch(
      /#DIV\/0! .*sheet 'Data', row 2, column C/,
    );
    expect(a.indicators[1].flags.map((f) => f.code)).toContain("invalid-value");
    expect(a.indicators[2].flags.map((f) => f.code)).toContain("value-out-of-range");
  });

  test("duplicate references are flagged and keys stay unique", () => {
    const grid = gridOf([
      ["Ref", "Measure", "Current"],
      ["1", "A", 1],
      ["1", "B", 2],
    ]);
    const a = analyse(grid);
    expect(a.indicators.every((i) => i.flags.some((f) => f.code === "duplicate-ref"))).toBe(true);
    expect(new Set(a.indicators.map((i) => i.key)).size).toBe(2);
  });
});

describe("flags through the whole assessment", () => {
  test("an unusual jump names the period and its cell", () => {
    const grid = gridOf([
      ["Ref", "Measure", "May 18", "Jun 18", "Jul 18", "Aug 18", "Sep 18", "Target"],
      ["A1", "Visits", pct(0.9), pct(0.91), pct(0.9), pct(0.91), pct(0.6), pct(0.9)],
    ]);
    const f = analyse(grid).indicators[0].flags.find((x) => x.code === "unusual-jump");
    expect(f?.message).toMatch(/from 91\.0% in Aug 18 to 60\.0% in Sep 18/);
    expect(f?.cell?.address).toBe("G2");
  });

  test("a target in words is flagged as not numeric and leaves the indicator unbanded", () => {
    const grid = gridOf([
      ["Ref", "Measure", "Current", "Target"],
      ["A1", "Visits", pct(0.9), "Above Stat Neighbour Average"],
      ["A2", "Plans", pct(0.9), "No target"],
    ]);
    const [a1, a2] = analyse(grid).indicators;
    expect(a1.band).toBe("none");
    expect(a1.flags.find((f) => f.code === "target-not-numeric")?.message).toMatch(
      /'Above Stat Neighbour Average' is not a number.*column D/,
    );
    expect(a2.flags.map((f) => f.code)).not.toContain("target-not-numeric");
  });
});

describe("pins and evidence", () => {
  // A sheet whose header words name nothing the engine knows: only the pins can read it.
  const odd = () =>
    gridOf(
      [
        ["Social care dashboard"],
        ["Block A", "Block A", "Block B"],
        ["Code", "What we count", "Figure", "Aspiration"],
        ["X1", "Visits on time", pct(0.8), pct(0.9)],
        ["X2", "Plans reviewed", pct(0.95), pct(0.9)],
      ],
      "Odd",
    );

  test("pinned header rows, top and bottom, are taken as they are", () => {
    const l = readLayout(odd(), {
      headerRows: { top: 2, bottom: 3 },
      columns: { ref: "A", measure: "B", current: "C" },
    });
    expect([l.headerTop, l.headerBottom]).toEqual([1, 2]);
    expect(l.columns[2].label).toBe("Block B / Figure");
  });

  test("pinned header rows outside the sheet are a clear error naming the row", () => {
    expect(() => readLayout(odd(), { headerRows: { top: 40, bottom: 41 } })).toThrow(
      /Sheet 'Odd': the header block's last row set in the settings \(row 41\) is outside the used range/,
    );
  });

  test("a sheet whose header words name nothing is read from its shape, and pins make it certain", () => {
    const read = analyse(odd());
    expect(read.indicators.map((i) => [i.ref, i.title, i.value])).toEqual([
      ["X1", "Visits on time", 0.8],
      ["X2", "Plans reviewed", 0.95],
    ]);
    expect(read.reading.confidence).toBeLessThan(CONFIRM_BELOW);
    const a = analyse(odd(), {
      headerRows: { top: 2, bottom: 3 },
      columns: { ref: "A", measure: "B", current: "C", target: "D" },
    });
    expect(a.header).toEqual({ top: 2, bottom: 3 });
    expect(a.indicators.map((i) => [i.ref, i.band])).toEqual([
      ["X1", "red"],
      ["X2", "green"],
    ]);
    expect(a.columns[2].evidence).toBe("C is Current because the settings pin it there");
  });

  test("a pinned role wins over a column detection found for it", () => {
    const grid = gridOf([
      ["Ref", "Measure", "Actual", "Revised figure", "Target"],
      ["X1", "Visits", pct(0.5), pct(0.92), pct(0.9)],
    ]);
    expect(analyse(grid).indicators[0].value).toBe(0.5);
    const a = analyse(grid, { columns: { current: "D" } });
    expect(a.indicators[0]).toMatchObject({ value: 0.92, band: "green" });
    expect(a.columns[2]).toMatchObject({
      role: null,
      evidence: "C is not read: the settings pin Current to column D",
    });
  });

  test("abbreviated, upper-case and bilingual headers", () => {
    const grid = gridOf([
      [
        "Cyf / Ref",
        "Mesur / Measure",
        "GOOD PERF IS",
        "Gwirioneddol / Actual",
        "Targed / Target",
        "NAT AVE",
        "STAT NEIGH AVE",
        "Cymru / Wales",
      ],
      ["A1", "Visits", "High", pct(0.9), pct(0.85), pct(0.8), pct(0.82), pct(0.79)],
      ["A2", "Reviews", "High", pct(0.7), pct(0.85), pct(0.8), pct(0.82), pct(0.79)],
    ]);
    const a = analyse(grid);
    expect(a.columns.map((c) => c.role)).toEqual([
      "ref",
      "measure",
      "polarity",
      "current",
      "target",
      "benchmark",
      "benchmark",
      "benchmark",
    ]);
    expect(a.indicators[0].benchmarks.map((b) => b.value)).toEqual([0.8, 0.82, 0.79]);
  });

  test("a column of RAG letters or arrows is the council's last rating, whatever its header says", () => {
    const grid = gridOf([
      ["Ref", "Measure", "Current", "Target", "Last month", "Trend"],
      ["A1", "Visits", pct(0.9), pct(0.85), "G", "↑"],
      ["A2", "Reviews", pct(0.7), pct(0.85), "R", "↓"],
      ["A3", "Plans", pct(0.8), pct(0.85), "A", "↔"],
    ]);
    const a = analyse(grid);
    expect(a.columns[4]).toMatchObject({ role: "previousRag" });
    expect(a.columns[4].evidence).toBe(
      "E is the previous RAG because its header says 'Last month' and 3 of 3 cells are RAG ratings",
    );
    expect(a.columns[5]).toMatchObject({ role: "previousDirection" });
    expect(a.indicators.map((i) => [i.previousRag, i.previousDirection])).toEqual([
      ["G", "↑"],
      ["R", "↓"],
      ["A", "↔"],
    ]);
    // Never read as values or targets.
    expect(a.indicators.map((i) => i.value)).toEqual([0.9, 0.7, 0.8]);
  });

  test("a Comment row under an indicator is its commentary, and a Total row is no indicator", () => {
    const grid = gridOf([
      ["Ref", "Measure", "Actual", "Target"],
      ["A1", "Visits", pct(0.9), pct(0.85)],
      ["Comment: visits recovered after the summer", null, null, null],
      ["A2", "Reviews", 12, 10],
      ["Total", null, 12, null],
    ]);
    const a = analyse(grid);
    expect(a.indicators.map((i) => i.ref)).toEqual(["A1", "A2"]);
    expect(a.indicators[0].sourceCommentary).toBe("visits recovered after the summer");
    expect(a.notes.join(" ")).toMatch(/Row 5: a totals row/);
  });

  test("an 'updated on' date is not the reporting period, and a note is not the title", () => {
    const grid = gridOf([
      ["Exported from Liquidlogic on", { value: 45231, format: "dd/mm/yyyy" }],
      ["Please note: September figures are provisional"],
      ["Early help scorecard"],
      ["Ref", "Measure", "Actual"],
      ["A1", "Visits", pct(0.9)],
    ]);
    const a = analyse(grid);
    expect(a.title).toBe("Early help scorecard");
    expect(a.reportingPeriod).toBeUndefined();
  });
});

describe("targets written as text", () => {
  test.each([
    ["≤ 12%", 0.12, "lower"],
    ["<=20", 20, "lower"],
    ["12% or less", 0.12, "lower"],
    ["20 or more", 20, "higher"],
    ["In line with SN (91.3%)", 0.913, "higher"],
  ])("%s", (text, target, polarity) => {
    const grid = gridOf([
      ["Ref", "Measure", "Actual", "Target"],
      ["A1", "Measure", 10, text],
    ]);
    const a = analyse(grid).indicators[0];
    expect(a.targets.target).toBeCloseTo(target, 9);
    expect(a.polarity).toBe(polarity);
  });
});

test("as many years as quarters: the quarters, which run later, are the series", () => {
  const grid = gridOf([
    ["Ref", "Measure", "2013/14", "2014/15", "Q1 2015/16", "Q2 2015/16"],
    ["A1", "Visits", pct(0.7), pct(0.75), pct(0.8), pct(0.85)],
  ]);
  const a = analyse(grid);
  expect(a.periods).toEqual(["Q1 2015/16", "Q2 2015/16"]);
  expect(a.indicators[0].value).toBeCloseTo(0.85, 9);
  expect(a.columns[3].role).toBe("previous");
});
