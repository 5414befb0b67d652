/** Layouts other councils use, and the errors a person gets when a sheet cannot be read. */
import { analyse } from "../../src/engine/assess";
import { readLayout, LayoutError } from "../../src/engine/layout";
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

  test("settings can pin a column the labels do not reveal", () => {
    const grid = gridOf([
      ["Ref", "Measure", "Figure", "Target"],
      ["X1", "Visits", pct(0.8), pct(0.9)],
    ]);
    expect(() => analyse(grid)).toThrow(/no column for the current value/);
    const a = analyse(grid, { columns: { current: "C" } });
    expect(a.indicators[0]).toMatchObject({ value: 0.8, band: "red" });
  });

  test("an unreadable sheet names the sheet, the rows and what was found", () => {
    const grid = gridOf([["Budget"], ["Cost centre", "Spend"], ["CC1", 100]], "Finance");
    expect(() => readLayout(grid)).toThrow(LayoutError);
    expect(() => readLayout(grid)).toThrow(
      /Sheet 'Finance': no header row found in rows 1-3.*row 2: 'Cost centre', 'Spend'/,
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
