/**
 * The Office host against the strict fake: three round trips whatever the size, formatting by style,
 * and the same promises as the file host.
 */
import { refreshOn } from "./run-refresh";
import { MAX_CHARTS } from "../../src/engine/paper/chart-sheet";
import { COMMENTARY_COLUMNS } from "../../src/engine/paper/committee";
import { Settings, validateSettings } from "../../src/engine/config";
import { selectCell } from "../../src/hosts/office/select-cell";
import { loadSettings, saveSettings, SETTINGS_KEY } from "../../src/hosts/office/settings-store";
import { detect } from "../../src/hosts/office/detect";
import { blocksFor, readWorkbook } from "../../src/hosts/office/read-workbook";
import { syntheticGrid } from "../../scripts/synthetic";
import {
  FakeContext,
  FakeSettingsBag,
  FakeSheet,
  FakeWorkbookModel,
  PropertyNotLoaded,
  modelOfGrid,
  sheetValues,
} from "../fake-excel/fake-excel";
import { fixtureFromXlsx, modelFrom } from "../fake-excel/from-xlsx";
import { MONTHLY, seedAnalysis } from "../helpers";

const defaults = validateSettings(undefined).settings;

async function monthlyModel(): Promise<FakeWorkbookModel> {
  return modelFrom(await fixtureFromXlsx(MONTHLY));
}

const run = (model: FakeWorkbookModel, s: Settings = defaults) => refreshOn(model, s);

function snapshot(s: FakeSheet): string {
  return JSON.stringify({
    cells: [...s.cells.entries()],
    formats: [...s.formats.entries()],
    merges: s.merges,
  });
}

/** The committee sheet's hidden key column and its commentary column (the last two of the plan). */
const KEY_COL = COMMENTARY_COLUMNS.key;
const COMMENTARY_COL = COMMENTARY_COLUMNS.commentary;

function committeeRow(s: FakeSheet, key: string): unknown[] {
  const rows = sheetValues(s);
  const row = rows.find((r) => r[KEY_COL] === key);
  if (!row) throw new Error(`no row ${key}`);
  return row;
}

describe("refresh inside Excel (strict fake)", () => {
  test("writes the committee sheet for the 000 sample in three syncs and leaves the source alone", async () => {
    const model = await monthlyModel();
    const before = model.sheets.map(snapshot);
    const { ctx, outcome } = await run(model);
    expect(ctx.counters.syncs).toBe(3);
    expect(outcome.syncs).toBe(3);
    expect(outcome.sheetName).toBe("Committee");
    expect(model.sheets.map((s) => s.name)).toEqual(["Scorecard", "Notes", "Committee"]);
    expect(model.sheets.slice(0, 2).map(snapshot)).toEqual(before);
    const c = model.sheet("Committee");
    if (!c) throw new Error("no committee sheet");
    expect(committeeRow(c, "3.1").slice(0, 6)).toEqual([
      "3.1",
      "% of children in need with CIN Plan completed",
      0.861,
      0.851,
      // Min and Upper in the order a member reads them (the paper's deliberate change, issue 23).
      "at least 95% (green);\nbelow 90% is red",
      "■ Red",
    ]);
    expect(c.hiddenColumns.has(KEY_COL)).toBe(true);
    expect(c.printTitles).toMatch(/^\$\d+:\$\d+$/);
    expect(c.footer.right).toBe("Page &P of &N");
    expect(c.orientation).toBe("Landscape");
    // Nothing frozen (the narrative above the table is taller than a screen); the table starts a page.
    expect(c.frozen).toBeUndefined();
    expect(c.pageBreaks?.length).toBeGreaterThan(0);
    expect(c.footer.header).toMatch(/^&9Key: ● Green/);
    expect(model.sheets[model.active].name).toBe("Committee");
  });

  test("merged header cells come from Excel (ExcelApi 1.13) and the layout reads the same", async () => {
    const model = await monthlyModel();
    const ctx = new FakeContext(model);
    const d = await detect(
      ctx as unknown as Excel.RequestContext,
      { ...defaults, sourceSheet: "Scorecard" },
      true,
    );
    expect(d.analysis?.header).toEqual({ top: 4, bottom: 7 });
    expect(d.analysis?.indicators).toHaveLength(19);
    expect(ctx.counters.syncs).toBe(2);
  });

  test("20 and 2,000 indicators cost the same three syncs; formatting grows with styles, not cells", async () => {
    const counts: Record<
      number,
      { syncs: number; formatCalls: number; calls: number; chartCalls: number; cells: number }
    > = {};
    for (const n of [20, 2000]) {
      const model = modelOfGrid(syntheticGrid(n, 12));
      const { ctx } = await run(model);
      const sheet = model.sheet("Committee");
      counts[n] = { ...ctx.counters, cells: sheet ? sheet.cells.size : 0 };
    }
    expect(counts[20].syncs).toBe(3);
    expect(counts[2000].syncs).toBe(3);
    expect(counts[2000].cells).toBeGreaterThan(counts[20].cells * 50);
    // A hundred times the cells; the formatting calls barely move.
    expect(counts[2000].formatCalls).toBeLessThan(counts[20].formatCalls * 1.5);
    const cellCalls = (n: number) => counts[n].calls - counts[n].chartCalls;
    expect(cellCalls(2000)).toBeLessThan(cellCalls(20) * 1.5);
    // Charts cost calls per chart, never syncs, and there are at most MAX_CHARTS of them.
    expect(counts[2000].chartCalls).toBeGreaterThan(counts[20].chartCalls);
    expect(counts[2000].chartCalls).toBeLessThan(MAX_CHARTS * 100);
  });

  test("commentary typed into the committee sheet survives a second refresh", async () => {
    const model = await monthlyModel();
    await run(model);
    const c = model.sheet("Committee");
    if (!c) throw new Error("no committee sheet");
    const rowIndex = sheetValues(c).findIndex((r) => r[KEY_COL] === "6.2");
    FakeWorkbookModel.write(c, rowIndex, COMMENTARY_COL, "EET offer relaunched with the virtual school.");
    const { ctx } = await run(model, { ...defaults, sourceSheet: "Scorecard" });
    expect(ctx.counters.syncs).toBe(3);
    const again = model.sheet("Committee");
    expect(again && committeeRow(again, "6.2")[COMMENTARY_COL]).toBe(
      "EET offer relaunched with the virtual school.",
    );
    expect(model.sheets.map((s) => s.name)).toEqual(["Scorecard", "Notes", "Committee"]);
  });

  test("a foreign sheet named 'Committee' is never overwritten", async () => {
    const model = await monthlyModel();
    const foreign = model.addSheet("Committee");
    FakeWorkbookModel.write(foreign, 0, 0, "Members' own notes");
    const print = snapshot(foreign);
    const { outcome } = await run(model);
    expect(outcome).toMatchObject({ sheetName: "Committee (2)", renamedFrom: "Committee" });
    expect(snapshot(foreign)).toBe(print);
    const second = await run(model, { ...defaults, sourceSheet: "Scorecard" });
    expect(second.outcome.sheetName).toBe("Committee (2)");
    expect(model.sheets.map((s) => s.name)).toEqual(["Scorecard", "Notes", "Committee", "Committee (2)"]);
  });

  test("text stays text: formula-like titles and references such as 2.10 are not converted", async () => {
    const model = await monthlyModel();
    const src = model.sheet("Scorecard");
    if (!src) throw new Error("no source");
    src.cells.set("8,1", { value: '=HYPERLINK("http://example.com","x")', numberFormat: "@" });
    src.cells.set("11,1", { value: "+44 referrals", numberFormat: "@" });
    await run(model);
    const c = model.sheet("Committee");
    if (!c) throw new Error("no committee sheet");
    const values = sheetValues(c).flat();
    expect(values).toContain('=HYPERLINK("http://example.com","x")');
    expect(values).toContain("+44 referrals");
    expect(values).toContain("2.10");
    expect(values.some((v) => v !== null && typeof v === "object")).toBe(false);
  });

  test("the fake is strict: reading before load and sync throws, as Office.js does", () => {
    const ctx = new FakeContext(new FakeWorkbookModel());
    const sheets = ctx.workbook.worksheets;
    expect(() => sheets.items).toThrow(PropertyNotLoaded);
    sheets.load("items/name");
    expect(() => sheets.items).toThrow(PropertyNotLoaded);
  });

  test("a missing source sheet and the committee sheet as source give clear messages", async () => {
    const model = await monthlyModel();
    await expect(run(model, { ...defaults, sourceSheet: "Gone" })).rejects.toThrow(
      /'Gone' saved in the settings is not in this workbook \(it has 'Scorecard', 'Notes'\)/,
    );
    await run(model);
    model.active = model.sheets.findIndex((s) => s.name === "Committee");
    await expect(run(model)).rejects.toThrow(/is Scorecard's own committee sheet/);
  });
});

describe("settings in the workbook", () => {
  test("round trip, versioned and validated", async () => {
    const bag = new FakeSettingsBag();
    expect(loadSettings(bag)).toEqual({ settings: defaults, problems: [] });
    await saveSettings(bag, {
      ...defaults,
      committeeSheet: "Paper",
      tolerance: { kind: "points", amount: 0.02 },
    });
    const back = loadSettings(bag);
    expect(back.settings).toMatchObject({
      version: 1,
      committeeSheet: "Paper",
      tolerance: { kind: "points", amount: 0.02 },
    });
    expect(back.problems).toEqual([]);
  });

  test("a corrupt or older value gives a clear message and the defaults", () => {
    const bag = new FakeSettingsBag();
    bag.set(SETTINGS_KEY, "{ not json");
    bag.saveAsync();
    expect(loadSettings(bag)).toEqual({
      settings: defaults,
      problems: [expect.stringMatching(/corrupt \(not valid JSON\); the defaults are used/)],
    });
    bag.set(SETTINGS_KEY, JSON.stringify({ version: 0, committeeSheet: "Bad/Name", tolerance: "5%" }));
    bag.saveAsync();
    const r = loadSettings(bag);
    expect(r.settings.committeeSheet).toBe("Committee");
    expect(r.problems.join("\n")).toMatch(/version 0 is not one this add-in knows/);
    expect(r.problems.join("\n")).toMatch(/"Bad\/Name" is not a valid sheet name/);
    expect(r.problems.join("\n")).toMatch(/tolerance: expected/);
  });
});

describe("selecting a flagged cell", () => {
  test("activates the sheet, then selects the cell", async () => {
    const model = await monthlyModel();
    model.active = 1;
    const ctx = new FakeContext(model);
    await selectCell(ctx as unknown as Excel.RequestContext, "Scorecard", "K33");
    expect(model.selection).toEqual({ sheet: "Scorecard", address: "K33" });
    expect(model.sheets[model.active].name).toBe("Scorecard");
    await expect(
      selectCell(new FakeContext(model) as unknown as Excel.RequestContext, "Nope", "A1"),
    ).rejects.toThrow(/'Nope' is no longer in this workbook/);
  });
});

describe("reading large sheets in blocks", () => {
  test("blocks stay under the cell budget and cover every row once", () => {
    const blocks = blocksFor(2503, 30, 6000);
    expect(blocks.every((b) => b.count * 30 <= 6000)).toBe(true);
    expect(blocks.reduce((n, b) => n + b.count, 0)).toBe(2503);
    expect(blocks[0].start).toBe(0);
    blocks.slice(1).forEach((b, i) => expect(b.start).toBe(blocks[i].start + blocks[i].count));
  });

  test("a sheet read in many blocks gives the same grid", async () => {
    const model = modelOfGrid(syntheticGrid(300, 12));
    const one = await readWorkbook(new FakeContext(model) as unknown as Excel.RequestContext, "Scorecard", {
      mergedAreas: false,
    });
    const ctx = new FakeContext(model);
    const many = await readWorkbook(ctx as unknown as Excel.RequestContext, "Scorecard", {
      mergedAreas: false,
      cellsPerBlock: 500,
    });
    // Only a sheet bigger than one payload pays a round trip for each further block.
    const rows = one.source?.grid.rows.length ?? 0;
    const blocks = blocksFor(rows, 21, 500).length;
    expect(blocks).toBeGreaterThan(10);
    expect(one.syncs).toBe(2);
    expect(ctx.counters.syncs).toBe(1 + blocks);
    expect(many.syncs).toBe(1 + blocks);
    expect(many.source?.grid.rows).toEqual(one.source?.grid.rows);
  });
});

describe("both hosts read the same scorecard the same way", () => {
  test("the 000 sample through Office.js and through ExcelJS gives identical assessments", async () => {
    const viaOffice = await detect(
      new FakeContext(await monthlyModel()) as unknown as Excel.RequestContext,
      { ...defaults, sourceSheet: "Scorecard" },
      true,
    );
    const viaFile = await seedAnalysis(MONTHLY);
    const summary = (a: typeof viaFile) =>
      a.indicators.map((i) => ({
        ref: i.ref,
        value: i.value,
        band: i.band,
        trend: i.trend.direction,
        flags: i.flags.map((f) => f.code),
        reason: i.bandReason,
      }));
    expect(viaOffice.analysis && summary(viaOffice.analysis)).toEqual(summary(viaFile));
  });
});
