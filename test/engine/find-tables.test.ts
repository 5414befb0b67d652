/**
 * Tables found by their shape: rows of figures and, over them, rows of labels whatever they say. None
 * of these headers holds a word the reader knows.
 */
import type { Cell, Grid } from "../../src/engine/grid";
import { typeGrid } from "../../src/engine/read/cell-types";
import { findTables } from "../../src/engine/read/find-tables";
import { SheetLabels } from "../../src/engine/read/merge-map";
import { gridOf, pct } from "../helpers";

function tables(grid: Grid) {
  const t = typeGrid(grid);
  return findTables(t, new SheetLabels(grid, t.width)).map((x) => ({
    header: [x.headerTop + 1, x.headerBottom + 1],
    body: [x.bodyTop + 1, x.bodyBottom + 1],
    title: x.titleRows.map((r) => r + 1),
  }));
}

const row = (title: string, ...v: number[]): (string | Cell)[] => ["", title, ...v.map((x) => pct(x))];

test("a header of unknown words over the figures, wherever it starts", () => {
  const g = gridOf([
    ["Dashboard of things"],
    [],
    ["", "Zqx", "Wvb", "Plk"],
    row("Children seen within ten days", 0.8, 0.9),
    row("Plans reviewed on time", 0.7, 0.9),
  ]);
  expect(tables(g)).toEqual([{ header: [3, 3], body: [4, 5], title: [1] }]);
});

test("a header of years written as numbers; a row of counts that look like years is still figures", () => {
  const g = gridOf([
    ["Area", 2019, 2020, 2021],
    ["North", 2013, 1999, 2040],
    ["South", 400, 410, 420],
  ]);
  expect(tables(g)).toEqual([{ header: [1, 1], body: [2, 3], title: [] }]);
});

test("two tables, each with its own title, even with the same header words", () => {
  const g = gridOf([
    ["Children in need"],
    ["Indicator", "Q1", "Q2"],
    row("Assessments on time", 0.8, 0.85).slice(1),
    row("Visits on time", 0.7, 0.75).slice(1),
    [],
    [],
    ["Children looked after"],
    ["Indicator", "Q1", "Q2"],
    row("Placement stability", 0.6, 0.65).slice(1),
  ]);
  expect(tables(g)).toEqual([
    { header: [2, 2], body: [3, 6], title: [1] },
    { header: [8, 8], body: [9, 9], title: [7] },
  ]);
});

test("a header repeated at a page break, under the sheet's own title again, continues the table", () => {
  const g = gridOf([
    ["Scorecard"],
    ["Ref", "Measure", "Actual"],
    ["A1", "Visits on time", pct(0.8)],
    [],
    ["Scorecard"],
    ["Ref", "Measure", "Actual"],
    ["A2", "Plans reviewed", pct(0.9)],
  ]);
  expect(tables(g)).toEqual([{ header: [2, 2], body: [3, 7], title: [1] }]);
});

test("a group header over a sub-header that labels only some columns is one header block", () => {
  const g: Grid = {
    ...gridOf([
      ["Ref", "Measure", "2023/24", "", "Benchmarks", ""],
      ["", "", "Q1", "Q2", "National", "Region"],
      ["A1", "Visits on time", pct(0.8), pct(0.82), pct(0.7), pct(0.75)],
    ]),
    merges: [
      { top: 0, left: 2, bottom: 0, right: 3 },
      { top: 0, left: 4, bottom: 0, right: 5 },
    ],
  };
  expect(tables(g)).toEqual([{ header: [1, 2], body: [3, 3], title: [] }]);
});

test("a comment row between indicators is no header; figures with no labels over them are no table", () => {
  const g = gridOf([
    ["Ref", "Measure", "Actual"],
    ["A1", "Visits on time", pct(0.8)],
    ["Comment:", "Recovered after the summer"],
    ["A2", "Plans reviewed", pct(0.9)],
  ]);
  expect(tables(g)).toEqual([{ header: [1, 1], body: [2, 4], title: [] }]);
  expect(
    tables(
      gridOf([
        ["A1", "Visits", 0.8],
        ["A2", "Plans", 0.9],
      ]),
    ),
  ).toEqual([]);
});
