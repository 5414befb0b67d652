/**
 * The reading of a sheet as the pane and `analyse --explain` show it: how sure it is, the table found,
 * and the first rows with each column's role, so that an analyst can check it at a glance.
 */
import { join } from "node:path";
import { analyse } from "../../src/engine/judge/assess";
import { CONFIRM_BELOW } from "../../src/engine/read/reading";
import { MONTHLY, ROOT, gridOf, seedAnalysis, seedGrid } from "../helpers";

test("the monthly sample reads with high confidence: one table under header rows 4-7", async () => {
  const a = await seedAnalysis(MONTHLY);
  expect(a.reading.level).toBe("high");
  expect(a.reading.doubts).toEqual([]);
  expect(a.reading.tables).toHaveLength(1);
  const t = a.reading.tables[0];
  expect([t.headerTop, t.headerBottom]).toEqual([a.header.top, a.header.bottom]);
  expect(t.top).toBe(a.header.bottom + 1);
  expect(t.bottom).toBeGreaterThanOrEqual(Math.max(...a.indicators.map((i) => i.row)));
  const kinds = a.reading.preview.rows.map((r) => r.kind);
  expect(kinds.filter((k) => k === "header")).toHaveLength(a.header.bottom - a.header.top + 1);
  expect(kinds).toContain("indicator");
  const measure = a.reading.preview.columns.find((c) => c.role === "measure");
  expect(measure?.letter).toBe(a.columns.find((c) => c.role === "measure")?.letter);
  const firstIndicator = a.reading.preview.rows.find((r) => r.kind === "indicator");
  const col = a.reading.preview.columns.findIndex((c) => c.role === "measure");
  expect(firstIndicator?.cells[col]).toBe(
    a.indicators[0].title.slice(0, 39).trim() + (a.indicators[0].title.length > 40 ? "…" : ""),
  );
});

test("a measure column whose header names no role is read from its cells, with a doubt to check", async () => {
  const grid = await seedGrid(join(ROOT, "test", "fixtures", "corpus", "comment-rows-nat-ave.xlsx"));
  const a = analyse(grid);
  expect(a.reading.confidence).toBeLessThan(CONFIRM_BELOW);
  expect(a.reading.level).toBe("medium");
  const measure = a.columns.find((c) => c.role === "measure");
  expect(measure?.confidence).toBeLessThan(CONFIRM_BELOW);
  expect(a.reading.doubts.join(" ")).toContain(`${measure?.letter} read as the measure`);
});

test("a pinned column is read with full confidence", async () => {
  const grid = await seedGrid(join(ROOT, "test", "fixtures", "corpus", "comment-rows-nat-ave.xlsx"));
  const a = analyse(grid, { version: 1, columns: { measure: "B" } });
  expect(a.columns.find((c) => c.letter === "B")?.confidence).toBe(1);
  expect(a.reading.doubts.join(" ")).not.toContain("measure");
});

describe("the reading's confidence, from the evidence behind each column", () => {
  test("header words and cells that agree: high; words alone or cells alone: lower; ambiguity lower still", () => {
    const agreed = analyse(
      gridOf([
        ["Ref", "Measure", "Actual", "Target"],
        ["A1", "Visits on time", { value: 0.8, format: "0%" }, { value: 0.9, format: "0%" }],
        ["A2", "Plans reviewed", { value: 0.7, format: "0%" }, { value: 0.9, format: "0%" }],
      ]),
    );
    expect(agreed.reading.level).toBe("high");
    const pc = (v: number) => ({ value: v, format: "0.0%" });
    const blind = analyse(
      gridOf([
        ["Qz", "Wv", "Kp", "Jx", "Lm"],
        ["A1", "Visits on time", pc(0.83), pc(0.9), pc(0.612)],
        ["A2", "Plans reviewed", pc(0.74), pc(0.9), pc(0.503)],
      ]),
    );
    expect(blind.reading.confidence).toBeLessThan(agreed.reading.confidence);
    expect(blind.reading.level).not.toBe("high");
    expect(blind.columns.map((c) => c.role)).toEqual(["ref", "measure", "current", "target", null]);
    expect(blind.reading.doubts.join(" ")).toMatch(/C is Current: E could also be/);
  });

  test("each table is outlined with its own title and its columns' roles and reasons", async () => {
    const a = analyse(
      gridOf([
        ["Children in need"],
        ["Indicator", "Q1 2023/24", "Q2 2023/24"],
        ["Assessments on time", 0.8, 0.85],
        [],
        ["Children looked after"],
        ["Indicator", "Q1 2023/24", "Q2 2023/24"],
        ["Placement stability", 0.6, 0.65],
      ]),
    );
    expect(a.reading.tables.map((t) => [t.title, t.section, t.headerTop, t.top, t.bottom])).toEqual([
      ["Children in need", "Children in need", 2, 3, 3],
      ["Children looked after", "Children looked after", 6, 7, 7],
    ]);
    expect(a.reading.tables[1].columns.map((c) => c.role)).toEqual(["measure", "period", "period"]);
    expect(a.reading.preview.rows.find((r) => r.row === 5)?.kind).toBe("above");
    expect(a.sections).toEqual(["Children in need", "Children looked after"]);
  });
});

test("the first rows as read cut long cells on whole characters: no half of an emoji is shown", () => {
  // 38 letters then an emoji (two UTF-16 code units) across the cut at 39.
  const title = `${"Children seen within 10 working days x".slice(0, 38)}🙂 of referral`;
  const a = analyse(
    gridOf([
      ["Ref", "Measure", "Actual", "Target"],
      ["A1", title, { value: 0.8, format: "0%" }, { value: 0.9, format: "0%" }],
      ["A2", "Plans reviewed", { value: 0.7, format: "0%" }, { value: 0.9, format: "0%" }],
    ]),
  );
  const col = a.reading.preview.columns.findIndex((c) => c.role === "measure");
  const shown = a.reading.preview.rows.find((r) => r.kind === "indicator")?.cells[col] ?? "";
  expect(shown).toBe(`${title.slice(0, 38)}…`);
  expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
});
