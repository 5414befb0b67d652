/**
 * The refresh inside Excel keeps the analyst's work whatever happens, and stays inside Excel's limits:
 * a failing batch leaves the old sheet, commentary typed during a refresh is carried, the round trips
 * are counted, payloads measured, and protection, cell-edit mode and sheet names get clear answers.
 * All on the strict fake, which refuses what Excel refuses.
 */
import { NOW, refreshOn } from "./run-refresh";
import { COMMENTARY_COLUMNS } from "../../src/engine/paper/committee";
import { Settings, validateSettings } from "../../src/engine/config";
import { detect } from "../../src/hosts/office/detect";
import { PAYLOAD_BUDGET } from "../../src/hosts/office/read-workbook";
import { refresh } from "../../src/hosts/office/refresh";
import { loadSettings, saveSettings, SETTINGS_KEY } from "../../src/hosts/office/settings-store";
import { syntheticGrid } from "../../scripts/synthetic";
import {
  FakeContext,
  FakeOfficeError,
  FakeRange,
  FakeSettingsBag,
  FakeSheet,
  FakeWorkbookModel,
  PAYLOAD_LIMIT,
  modelOfGrid,
  sheetValues,
} from "../fake-excel/fake-excel";
import { fixtureFromXlsx, modelFrom } from "../fake-excel/from-xlsx";
import { MONTHLY } from "../helpers";

const defaults = validateSettings(undefined).settings;
const settings: Settings = { ...defaults, sourceSheet: "Scorecard" };
const KEY = COMMENTARY_COLUMNS.key;
const COMMENTARY = COMMENTARY_COLUMNS.commentary;

async function monthlyModel(): Promise<FakeWorkbookModel> {
  return modelFrom(await fixtureFromXlsx(MONTHLY));
}

const run = (model: FakeWorkbookModel, s: Settings = settings) => refreshOn(model, s);

function committee(model: FakeWorkbookModel, name = "Committee"): FakeSheet {
  const c = model.sheet(name);
  if (!c) throw new Error(`no sheet ${name}`);
  return c;
}

/** The sheet row (0-based) whose column holds a value. */
function rowWhere(s: FakeSheet, col: number, value: unknown): number {
  const r = sheetValues(s).findIndex((row) => row[col] === value);
  if (r < 0) throw new Error(`no row with ${String(value)}`);
  return r;
}

function commentaryOf(s: FakeSheet, ref: string): unknown {
  const rows = sheetValues(s);
  // Match by the visible reference in column A, as the analyst sees it.
  const row = rows.find((r) => r[0] === ref && typeof r[KEY] === "string");
  return row?.[COMMENTARY] ?? null;
}

function type(s: FakeSheet, ref: string, text: string): void {
  FakeWorkbookModel.write(s, rowWhere(s, KEY, ref), COMMENTARY, text);
}

/** Inserts blank rows above `at`, as Excel does: everything below moves down. */
function insertRows(s: FakeSheet, at: number, n: number): void {
  const moved = new Map<string, FakeSheet["cells"] extends Map<string, infer V> ? V : never>();
  for (const [k, v] of s.cells) {
    const [r, c] = k.split(",").map(Number);
    moved.set(`${r >= at ? r + n : r},${c}`, v);
  }
  s.cells = moved;
}

describe("round trips", () => {
  test("a refresh costs 3 syncs, first time and again; a renamed committee sheet costs 4 and keeps its notes", async () => {
    const model = await monthlyModel();
    expect((await run(model)).ctx.counters.syncs).toBe(3);
    type(committee(model), "6.2", "EET offer relaunched.");
    const again = await run(model);
    expect(again.ctx.counters.syncs).toBe(3);
    expect(commentaryOf(committee(model), "6.2")).toBe("EET offer relaunched.");
    committee(model).name = "Paper for December";
    const renamed = await run(model);
    expect(renamed.ctx.counters.syncs).toBe(4);
    expect(renamed.outcome.sheetName).toBe("Paper for December");
    expect(renamed.outcome.renamedFrom).toBeUndefined();
    expect(renamed.outcome.notes.join(" ")).toMatch(/renamed 'Paper for December' in Excel/);
    expect(commentaryOf(committee(model, "Paper for December"), "6.2")).toBe("EET offer relaunched.");
    expect(model.sheets.map((s) => s.name)).toEqual(["Scorecard", "Notes", "Paper for December"]);
  });

  test("detection takes 2 syncs and reads nothing of the committee sheet", async () => {
    const model = await monthlyModel();
    const ctx0 = new FakeContext(model);
    await detect(ctx0 as unknown as Excel.RequestContext, settings, true);
    await run(model);
    type(committee(model), "6.2", "x".repeat(5000));
    const ctx = new FakeContext(model);
    const d = await detect(ctx as unknown as Excel.RequestContext, settings, true);
    expect(d.analysis?.indicators).toHaveLength(19);
    expect(ctx.counters.syncs).toBe(2);
    // The same bytes came back as before the committee sheet existed (its sheet name aside).
    const bytes = (c: FakeContext) => c.counters.payloads.reduce((n, p) => n + p.response, 0);
    expect(bytes(ctx) - bytes(ctx0)).toBeLessThan(40);
  });

  test("rows inserted above the title and a retitled header: still ours, notes kept, 3 syncs", async () => {
    const model = await monthlyModel();
    await run(model);
    const c = committee(model);
    type(c, "3.1", "Plans audit under way.");
    const header = rowWhere(c, COMMENTARY, "Commentary");
    FakeWorkbookModel.write(c, header, COMMENTARY, "Officer's note");
    insertRows(c, 0, 2);
    FakeWorkbookModel.write(c, 0, 0, "DRAFT for Cllr Smith");
    const { ctx } = await run(model);
    expect(ctx.counters.syncs).toBe(3);
    expect(model.sheets.map((s) => s.name)).toEqual(["Scorecard", "Notes", "Committee"]);
    expect(commentaryOf(committee(model), "3.1")).toBe("Plans audit under way.");
  });
});

describe("nothing is lost", () => {
  test("a batch that fails while writing leaves the old sheet and its commentary intact", async () => {
    const model = await monthlyModel();
    await run(model);
    type(committee(model), "5.18", "IRO capacity restored.");
    const before = JSON.stringify(sheetValues(committee(model)));
    const merge = jest.spyOn(FakeRange.prototype, "merge").mockImplementation(function (this: FakeRange) {
      (this as unknown as { ctx: FakeContext }).ctx.enqueue(() => {
        throw new FakeOfficeError("GeneralException", "An internal error has occurred.");
      });
    });
    try {
      await expect(run(model)).rejects.toThrow(/internal error/);
    } finally {
      merge.mockRestore();
    }
    expect(model.sheets.map((s) => s.name)).toEqual(["Scorecard", "Notes", "Committee"]);
    expect(JSON.stringify(sheetValues(committee(model)))).toBe(before);
    // And the next refresh works and keeps the note.
    await run(model);
    expect(commentaryOf(committee(model), "5.18")).toBe("IRO capacity restored.");
  });

  test("commentary typed between the read and the write is carried", async () => {
    const model = await monthlyModel();
    await run(model);
    const ctx = new FakeContext(model);
    const sync = ctx.sync.bind(ctx);
    ctx.sync = async () => {
      // The analyst types after the reads, just before the write lands.
      if (ctx.counters.syncs === 2) type(committee(model), "1.1", "Typed during the refresh.");
      return sync();
    };
    await refresh(ctx as unknown as Excel.RequestContext, { settings, mergedAreas: true, now: NOW });
    expect(commentaryOf(committee(model), "1.1")).toBe("Typed during the refresh.");
    // The sheet is written again: one request adds its temporary sheet, the next writes and swaps it.
    expect(ctx.counters.syncs).toBe(5);
    expect(model.sheets.map((s) => s.name)).toEqual(["Scorecard", "Notes", "Committee"]);
    expect(model.sheets[model.active].name).toBe("Committee");
  });

  test("no request renames or activates a sheet it added (Excel on the web); the committee sheet ends active", async () => {
    // The fake refuses as Excel on the web does: a rename of a sheet added in the same request fails.
    const probe = new FakeContext(await monthlyModel());
    probe.workbook.worksheets.add("Fresh").name = "Renamed";
    await expect(probe.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    const model = await monthlyModel();
    model.active = 1;
    await run(model);
    expect(model.sheets[model.active].name).toBe("Committee");
    model.active = 0;
    type(committee(model), "6.2", "Kept across the swap.");
    const again = await run(model);
    expect(again.ctx.counters.syncs).toBe(3);
    expect(model.sheets[model.active].name).toBe("Committee");
    expect(commentaryOf(committee(model), "6.2")).toBe("Kept across the swap.");
    expect(model.sheets.map((s) => s.name)).toEqual(["Scorecard", "Notes", "Committee"]);
  });

  test("a refresh that fails after the read removes its temporary sheet and changes nothing else", async () => {
    const model = await monthlyModel();
    await run(model);
    committee(model).protected = true;
    const before = model.sheets.map((s) => s.name);
    await expect(run(model)).rejects.toThrow(/protected/);
    expect(model.sheets.map((s) => s.name)).toEqual(before);
  });

  test("a failed settings save says the sheet was written, not that the refresh failed", async () => {
    const { installFakeOffice } = await import("../fake-excel/install");
    const bag = new FakeSettingsBag();
    bag.failWith = "The document is read-only.";
    installFakeOffice(await monthlyModel(), bag);
    const { runRefresh, getSession } = await import("../../src/commands/session");
    const { officeHost } = await import("../../src/hosts/office/office-host");
    const outcome = await runRefresh(officeHost(), "pane");
    expect(outcome?.sheetName).toBe("Committee");
    expect(getSession().error).toBeUndefined();
    expect(getSession().notices.join(" ")).toMatch(
      /The committee sheet 'Committee' was written, but the settings were not saved \(The document is read-only\.\)/,
    );
  });

  test("settings from a newer version are used, never overwritten", async () => {
    const bag = new FakeSettingsBag();
    const newer = JSON.stringify({ version: 2, committeeSheet: "Paper", futureOption: true });
    bag.set(SETTINGS_KEY, newer);
    bag.saveAsync();
    const loaded = loadSettings(bag);
    expect(loaded.newerVersion).toBe(2);
    expect(loaded.settings.committeeSheet).toBe("Paper");
    await expect(saveSettings(bag, loaded.settings)).rejects.toThrow(
      /newer version of Scorecard \(version 2\)/,
    );
    expect(bag.get(SETTINGS_KEY)).toBe(newer);
  });
});

describe("Excel's limits and refusals", () => {
  test("sheet names: another case is the same sheet; reserved and invalid names are never sent", async () => {
    const model = await monthlyModel();
    FakeWorkbookModel.write(model.addSheet("COMMITTEE"), 0, 0, "Members' own notes");
    expect((await run(model)).outcome.sheetName).toBe("Committee (2)");
    expect(committee(model, "COMMITTEE").cells.size).toBe(1);
    const m2 = await monthlyModel();
    const history = (await run(m2, { ...settings, committeeSheet: "History" })).outcome;
    expect(history.sheetName).toBe("History (2)");
    expect(history.notes.join(" ")).toMatch(
      /'History' cannot be a sheet name \("History" is reserved by Excel\)/,
    );
    // The fake refuses what Excel refuses.
    expect(() => m2.addSheet("scorecard")).toThrow(/already exists/);
    expect(() => m2.addSheet("'Quoted'")).toThrow(/begin or end/);
  });

  test("protection and cell-edit mode get clear messages and change nothing", async () => {
    const model = await monthlyModel();
    await run(model);
    const snapshot = () => JSON.stringify(model.sheets.map((s) => [s.name, sheetValues(s)]));
    const before = snapshot();
    committee(model).protected = true;
    await expect(run(model)).rejects.toThrow(/'Committee' is protected \(Review > Unprotect Sheet\)/);
    committee(model).protected = false;
    model.protectedStructure = true;
    await expect(run(model)).rejects.toThrow(/structure is protected/);
    model.protectedStructure = false;
    model.cellEditMode = true;
    await expect(run(model)).rejects.toThrow(/Excel is editing a cell\. Press Enter/);
    await expect(
      detect(new FakeContext(model) as unknown as Excel.RequestContext, settings, true),
    ).rejects.toThrow(/Excel is editing a cell/);
    model.cellEditMode = false;
    expect(snapshot()).toBe(before);
  });

  test("over 512 merged areas in the header rows: inferred, with one more sync and a note", async () => {
    const model = modelOfGrid(syntheticGrid(300, 12));
    const src = committee(model, "Scorecard");
    // Ten merged pairs on each of the first 60 rows: Excel cannot list them (over 512).
    for (let r = 0; r < 60; r++)
      for (let i = 0; i < 10; i++) src.merges.push({ top: r, bottom: r, left: 2 * i, right: 2 * i + 1 });
    const { ctx, outcome } = await run(model, defaults);
    expect(outcome.analysis.indicators).toHaveLength(300);
    expect(outcome.notes.join(" ")).toMatch(/merged header cells; the header was inferred/);
    expect(ctx.counters.syncs).toBe(4);
  });

  test("10,000 indicators with 400-character notes: every request and response under 4 MB, notes kept", async () => {
    const model = modelOfGrid(syntheticGrid(10000, 12));
    await run(model, defaults);
    const c = committee(model);
    const note = (i: number) =>
      `Note ${i}: ${"the service is recruiting and expects recovery. ".repeat(9)}`.slice(0, 400);
    const keys = sheetValues(c).map((r) => r[KEY]);
    let typed = 0;
    keys.forEach((k, r) => {
      if (typeof k === "string" && /^\d/.test(k) && r > 12)
        FakeWorkbookModel.write(c, r, COMMENTARY, note(typed++));
    });
    expect(typed).toBeGreaterThan(9000);
    const { ctx } = await run(model, { ...defaults, sourceSheet: "Scorecard" });
    const worst = ctx.counters.payloads.reduce(
      (m, p) => ({ request: Math.max(m.request, p.request), response: Math.max(m.response, p.response) }),
      { request: 0, response: 0 },
    );
    expect(worst.request).toBeLessThan(PAYLOAD_BUDGET);
    expect(worst.response).toBeLessThan(PAYLOAD_BUDGET);
    expect(PAYLOAD_BUDGET).toBeLessThan(PAYLOAD_LIMIT);
    const after = sheetValues(committee(model)).filter(
      (r) => typeof r[COMMENTARY] === "string" && String(r[COMMENTARY]).startsWith("Note "),
    );
    expect(after).toHaveLength(typed);
  }, 120000);
});

describe("the fake refuses what Excel refuses", () => {
  const ctxOf = () => {
    const model = new FakeWorkbookModel();
    model.addSheet("S");
    const ctx = new FakeContext(model);
    return { model, ctx, sheet: ctx.workbook.worksheets.getItem("S") };
  };
  const code = async (p: Promise<unknown>) =>
    p.then(
      () => "ok",
      (e: unknown) => (e instanceof FakeOfficeError ? e.code : String(e)),
    );

  test("shapes, heights, text length, payloads, names", async () => {
    let t = ctxOf();
    t.sheet.getRange("A1:B2").numberFormat = [["@", "@"]];
    expect(await code(t.ctx.sync())).toBe("InvalidArgument");
    t = ctxOf();
    t.sheet.getRange("A1").format.rowHeight = 410;
    expect(await code(t.ctx.sync())).toBe("InvalidArgument");
    t = ctxOf();
    t.sheet.getRange("A1").values = [["x".repeat(32768)]];
    expect(await code(t.ctx.sync())).toBe("InvalidArgument");
    t = ctxOf();
    t.sheet.getRange("A1:A3").values = [
      ["x".repeat(2_000_000)],
      ["y".repeat(2_000_000)],
      ["z".repeat(2_000_000)],
    ];
    expect(await code(t.ctx.sync())).toBe("RequestPayloadSizeLimitExceeded");
    t = ctxOf();
    for (let r = 0; r < 3; r++) FakeWorkbookModel.write(t.model.sheets[0], r, 0, "w".repeat(30000));
    const big = t.sheet.getRange("A1:A200");
    big.load("values");
    const more = t.sheet.getRange("A1:A3");
    for (let i = 0; i < 60; i++) t.sheet.getRange("A1:A3").load("values");
    more.load("values");
    expect(await code(t.ctx.sync())).toBe("ResponsePayloadSizeLimitExceeded");
    t = ctxOf();
    t.ctx.workbook.worksheets.add("s");
    expect(await code(t.ctx.sync())).toBe("ItemAlreadyExists");
    t = ctxOf();
    t.ctx.workbook.worksheets.add("a/b");
    expect(await code(t.ctx.sync())).toBe("InvalidArgument");
  });
});

describe("reading sheets heavier than their cell count says", () => {
  test("a source block Excel refuses as too large is read again in halves", async () => {
    const { readWorkbook } = await import("../../src/hosts/office/read-workbook");
    const grid = syntheticGrid(60, 12);
    const model = modelOfGrid(grid);
    const src = committee(model, "Scorecard");
    const width = Math.max(...grid.rows.map((r) => r.length));
    // Six long notes on every indicator row: about 360 KB of values and display text per row.
    grid.rows.forEach((row, r) => {
      if (r > 3)
        for (let k = 0; k < 6; k++)
          FakeWorkbookModel.write(src, r, width + k, `${r}:${k} ${"n".repeat(30000)}`);
    });
    const ctx = new FakeContext(model);
    const read = await readWorkbook(ctx as unknown as Excel.RequestContext, "Scorecard", {
      mergedAreas: false,
      cellsPerBlock: 27 * 20,
    });
    expect(ctx.counters.payloads.some((p) => p.response > PAYLOAD_LIMIT)).toBe(true);
    expect(read.source?.grid.rows.length).toBe(grid.rows.length);
    expect(read.source?.grid.rows[10][width + 5].value).toMatch(/^10:5 n/);
  });
});
