/** The first look at a sheet: every cell's kind, before any word in it is understood. */
import { CellType, FORMULA, typeAt, typeGrid, typeOfCell } from "../../src/engine/read/cell-types";
import { gridOf, pct } from "../helpers";

describe("every cell typed", () => {
  test.each([
    [{ value: null }, CellType.blank],
    [{ value: "   " }, CellType.blank],
    [{ value: "Visits" }, CellType.shortText],
    [{ value: "% of children in need with a plan completed within the month" }, CellType.longText],
    [{ value: 2580 }, CellType.number],
    [pct(0.944), CellType.percent],
    [{ value: "96%" }, CellType.numericText],
    [{ value: "1362 - this result is provisional" }, CellType.numericText],
    [{ value: "88.3% (53/60)" }, CellType.numericText],
    [{ value: 43221, format: "mmm-yy" }, CellType.date],
    [{ value: "May 18" }, CellType.period],
    [{ value: "Q2 2023/24" }, CellType.period],
    [{ value: "2017/18" }, CellType.period],
    [{ value: "2009/10 Target" }, CellType.period],
    [{ value: "31 July 2018" }, CellType.period],
    [{ value: 2019 }, CellType.year],
    [{ value: 2019, format: "#,##0" }, CellType.number],
    [{ value: "n/a" }, CellType.missing],
    [{ value: "-" }, CellType.missing],
    [{ value: { error: "#DIV/0!" } }, CellType.error],
    [{ value: "1." }, CellType.shortText],
  ])("%j", (cell, type) => {
    expect(typeOfCell(cell)).toBe(type);
  });

  test("rows are summed up by kind, and a formula's result keeps its mark", () => {
    const t = typeGrid(
      gridOf([
        ["Ref", "Measure", "Apr-24", "May-24"],
        ["A1", "Visits on time", pct(0.8), { value: 0.85, format: "0%", formula: true }],
        [],
      ]),
    );
    expect(t.width).toBe(4);
    expect(t.shapes[0]).toMatchObject({ filled: 4, text: 2, periods: 2, figures: 0 });
    expect(t.shapes[1]).toMatchObject({ filled: 4, text: 2, figures: 2, formulas: 1, first: 0, last: 3 });
    expect(t.shapes[2]).toMatchObject({ filled: 0, first: -1 });
    expect(typeAt(t, 1, 3)).toBe(CellType.percent);
    expect(t.cells[t.starts[1] + 3] & FORMULA).toBe(FORMULA);
    expect(typeAt(t, 5, 5)).toBe(CellType.blank);
  });

  test("ragged rows cost their own cells only: one buffer of every cell, in order", () => {
    const t = typeGrid(gridOf([["a"], ["a", "b", "c"], []]));
    expect(t.cells.length).toBe(4);
    expect([...t.starts]).toEqual([0, 1, 4, 4]);
  });
});
