/**
 * The Office host's sheet choice: with no source sheet saved and a contents page open, detection asks
 * the engine to choose (the same choice the command line makes), visible sheets before hidden ones.
 */
import { validateSettings } from "../../src/engine/config";
import { detect } from "../../src/hosts/office/detect";
import { syntheticGrid } from "../../scripts/synthetic";
import { FakeContext, FakeWorkbookModel, fillSheet } from "../fake-excel/fake-excel";

const settings = validateSettings(undefined).settings;

function workbook(hiddenCopy: boolean, visibleScorecard: boolean): FakeWorkbookModel {
  const m = new FakeWorkbookModel();
  fillSheet(m.addSheet("Contents"), [
    { r: 0, c: 0, value: "Children's services performance" },
    { r: 2, c: 0, value: "Scorecard" },
    { r: 2, c: 1, value: "The monthly scorecard" },
  ]);
  const grid = syntheticGrid(12, 6);
  const cells = grid.rows.flatMap((row, r) =>
    row.map((c, col) => ({ r, c: col, value: c.value as string | number | null, numberFormat: c.format })),
  );
  if (visibleScorecard) fillSheet(m.addSheet("Scorecard"), cells);
  if (hiddenCopy) {
    const data = m.addSheet("Data");
    fillSheet(data, cells);
    data.visibility = "Hidden";
  }
  m.active = 0;
  return m;
}

test("a contents page open and no source saved: the visible scorecard is read, not the hidden data", async () => {
  const ctx = new FakeContext(workbook(true, true));
  const d = await detect(ctx as unknown as Excel.RequestContext, settings, true);
  expect(d.error).toBeUndefined();
  expect(d.analysis?.sheet).toBe("Scorecard");
  expect(d.analysis?.indicators).toHaveLength(12);
  // Two to read the contents page, two to choose, two to read the scorecard.
  expect(ctx.counters.syncs).toBe(6);
});

test("only a hidden sheet holds the scorecard: it is read", async () => {
  const ctx = new FakeContext(workbook(true, false));
  const d = await detect(ctx as unknown as Excel.RequestContext, settings, true);
  expect(d.analysis?.sheet).toBe("Data");
});

test("a saved source sheet is never second-guessed", async () => {
  const ctx = new FakeContext(workbook(true, true));
  const d = await detect(
    ctx as unknown as Excel.RequestContext,
    { ...settings, sourceSheet: "Contents" },
    true,
  );
  expect(d.analysis).toBeUndefined();
  expect(d.error).toMatch(/Sheet 'Contents'/);
});

test("the scorecard open: no sheet is looked at but it", async () => {
  const model = workbook(true, true);
  model.active = 1;
  const ctx = new FakeContext(model);
  const d = await detect(ctx as unknown as Excel.RequestContext, settings, true);
  expect(d.analysis?.sheet).toBe("Scorecard");
  expect(ctx.counters.syncs).toBe(2);
});
