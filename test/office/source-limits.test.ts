/**
 * The Office host holds the scorecard sheet to the command line's limits (README, "Limits"): a sheet
 * past them is refused from its used range, in one line, before a value is read or a sheet added.
 */
import { validateSettings } from "../../src/engine/config";
import { SCORECARD_LIMITS, usedRangeProblem } from "../../src/engine/grid-limits";
import { detect } from "../../src/hosts/office/detect";
import { refresh } from "../../src/hosts/office/refresh";
import { FakeContext, FakeWorkbookModel, fillSheet } from "../fake-excel/fake-excel";
import { fixtureFromXlsx, modelFrom } from "../fake-excel/from-xlsx";
import { MONTHLY } from "../helpers";

const settings = { ...validateSettings(undefined).settings, sourceSheet: "Scorecard" };

/** The monthly sample with one more value far out: the used range grows, the table does not. */
async function grownModel(r: number, c: number): Promise<FakeWorkbookModel> {
  const model = modelFrom(await fixtureFromXlsx(MONTHLY));
  const sheet = model.sheet("Scorecard");
  if (!sheet) throw new Error("no source");
  fillSheet(sheet, [{ r, c, value: "stray note" }]);
  return model;
}

const message = (what: string, n: string, max: string) =>
  `Sheet 'Scorecard' has ${n} ${what}; Scorecard reads a scorecard of at most ${max} (see Limits in the README).`;

// One past each limit, as the command line counts it: the last row number, the last column.
test.each([
  ["rows", 200_000, 3, message("rows", "200,001", "200,000")],
  ["columns", 5, 1_024, message("columns", "1,025", "1,024")],
  // 5,000 rows by 1,001 columns: within both, but 5,005,000 cells to read.
  ["cells", 4_999, 1_000, message("cells in its used range", "5,005,000", "5,000,000")],
])("a source past the %s limit is refused in one request, nothing read or added", async (_, r, c, text) => {
  const model = await grownModel(r, c);
  const cells = () => JSON.stringify([...(model.sheet("Scorecard")?.cells ?? [])]);
  const before = cells();
  const names = model.sheets.map((s) => s.name);
  const ctx = new FakeContext(model);
  await expect(
    refresh(ctx as unknown as Excel.RequestContext, { settings, mergedAreas: true }),
  ).rejects.toThrow(text);
  // The shapes only: no second request, so no value was loaded and no temporary sheet was added.
  expect(ctx.counters.syncs).toBe(1);
  expect(model.sheets.map((s) => s.name)).toEqual(names);
  expect(cells()).toBe(before);
});

test("detection says why, keeps the sheet names for another choice, and reads no value", async () => {
  const model = await grownModel(250_000, 3);
  const ctx = new FakeContext(model);
  const d = await detect(ctx as unknown as Excel.RequestContext, settings, true);
  expect(d.error).toBe(message("rows", "250,001", "200,000"));
  expect(d.analysis).toBeUndefined();
  expect(d.sheetNames).toEqual(model.sheets.map((s) => s.name));
  expect(ctx.counters.syncs).toBe(1);
});

test("with no sheet saved, an open sheet past the limits is passed over for one that reads", async () => {
  const model = modelFrom(await fixtureFromXlsx(MONTHLY));
  const big = model.addSheet("Raw extract");
  fillSheet(big, [
    { r: 0, c: 0, value: "id" },
    { r: 300_000, c: 0, value: 1 },
  ]);
  model.active = model.sheets.indexOf(big);
  const ctx = new FakeContext(model);
  const d = await detect(
    ctx as unknown as Excel.RequestContext,
    { ...settings, sourceSheet: undefined },
    true,
  );
  expect(d.error).toBeUndefined();
  expect(d.analysis?.sheet).toBe("Scorecard");
  expect(d.analysis?.indicators).toHaveLength(19);
});

test("the limits are those of the command line, and a range exactly at them passes", () => {
  expect(SCORECARD_LIMITS).toEqual({ rows: 200_000, columns: 1_024, cells: 5_000_000 });
  const at = { rowIndex: 0, columnIndex: 0, rowCount: 200_000, columnCount: 25 };
  expect(usedRangeProblem("S", at)).toBeNull();
  expect(usedRangeProblem("S", { ...at, rowIndex: 1 })).toMatch(/has 200,001 rows/);
  expect(usedRangeProblem("S", { rowIndex: 0, columnIndex: 1_000, rowCount: 1, columnCount: 24 })).toBeNull();
  expect(usedRangeProblem("S", { rowIndex: 0, columnIndex: 1_000, rowCount: 1, columnCount: 25 })).toMatch(
    /has 1,025 columns/,
  );
  expect(
    usedRangeProblem("S", { rowIndex: 0, columnIndex: 0, rowCount: 5_000, columnCount: 1_000 }),
  ).toBeNull();
});
