/**
 * The reading of a sheet as the pane and `analyse --explain` show it: how sure it is, the table found,
 * and the first rows with each column's role, so that an analyst can check it at a glance.
 */
import { join } from "node:path";
import { analyse } from "../../src/engine/judge/assess";
import { CONFIRM_BELOW } from "../../src/engine/read/reading";
import { MONTHLY, ROOT, seedAnalysis, seedGrid } from "../helpers";

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
