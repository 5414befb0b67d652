/**
 * @jest-environment jsdom
 */
/** The pane's pieces in jsdom, over the real Office adapter and the fake Excel holding the 000 sample. */
import { act, configure, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ReactElement } from "react";
import { App } from "../../src/taskpane/App";
import { officeHost } from "../../src/hosts/office/office-host";
import { parseReviewsXml } from "../../src/hosts/office/review-store";
import { SETTINGS_KEY } from "../../src/hosts/office/settings-store";
import { getSession, resetSession, runRefresh } from "../../src/commands/session";
import {
  buildReviewItems,
  filterCards,
  filterItems,
  countByGroup,
  groupByIndicator,
} from "../../src/taskpane/review-items";
import { countsLine } from "../../src/taskpane/ReviewPanel";
import { fixtureFromXlsx, modelFrom, SheetFixture } from "../fake-excel/from-xlsx";
import { FakeSettingsBag, FakeWorkbookModel } from "../fake-excel/fake-excel";
import { installFakeOffice, FakeOffice } from "../fake-excel/install";
import { MONTHLY, seedAnalysis } from "../helpers";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spcSampleWorkbook } from "../../scripts/spc-sample";

// The machine is shared: give the pane's round trips on the fake time to settle before giving up.
configure({ asyncUtilTimeout: 10000 });

let fixture: SheetFixture[];
beforeAll(async () => {
  fixture = await fixtureFromXlsx(MONTHLY);
});

let fake: FakeOffice;
beforeEach(() => {
  resetSession();
  fake = installFakeOffice(modelFrom(fixture));
});

async function show(ui: ReactElement): Promise<void> {
  await act(async () => {
    render(ui);
  });
  await screen.findByRole("heading", { name: "October 2018, from 'Scorecard'" });
}

/** Opens a section of the Overview by its header. */
function openSection(name: RegExp | string): void {
  const header = screen.getByRole("button", { name });
  if (header.getAttribute("aria-expanded") !== "true") fireEvent.click(header);
}

/**
 * The pane's own words: what the tab panel says, without the sheet's names in quotes, the names offered
 * in a list of sheets, or the sheet's own cells in the preview.
 */
function paneWords(): string {
  const panel = document.querySelector("[role=tabpanel]")?.cloneNode(true) as HTMLElement | undefined;
  if (!panel) return "";
  for (const n of panel.querySelectorAll("option, table")) n.remove();
  return (panel.textContent ?? "").replace(/'[^']*'/g, "");
}

const refreshButton = () => screen.getByRole("button", { name: "Refresh committee sheet" });

function saved(): Record<string, unknown> {
  const bag = JSON.parse(String(fake.settings.get(SETTINGS_KEY) ?? "{}")) as Record<string, unknown>;
  // Review marks are saved in the workbook's own custom XML part (review-store.ts), not the settings.
  const inPart = fake.model.xmlParts.map((p) => parseReviewsXml(p.xml).reviews);
  const reviews = Object.assign({}, bag.reviews ?? {}, ...inPart) as Record<string, unknown>;
  return Object.keys(reviews).length ? { ...bag, reviews } : bag;
}

describe("review items", () => {
  test("every red, amber, worsening and data-quality flag, grouped and filterable", async () => {
    const a = await seedAnalysis(MONTHLY);
    const items = buildReviewItems(a, {});
    const counts = countByGroup(items);
    expect(counts.red).toBe(7);
    expect(counts.amber).toBe(4);
    expect(counts.worsening).toBe(2);
    expect(counts["data-quality"]).toBeGreaterThanOrEqual(5);
    expect(filterItems(items, "red").every((i) => i.group === "red")).toBe(true);
    expect(filterItems(items, "all", "11.13").map((i) => i.about)).toEqual(
      expect.arrayContaining([
        "band",
        "trend",
        "numerator-denominator-mismatch",
        "missing-period",
        "small-denominator",
      ]),
    );
    const reviewed = buildReviewItems(a, { "3.1": [{ about: "band", note: "Known", value: 0.851, at: "" }] });
    expect(filterItems(reviewed, "open").some((i) => i.key === "3.1" && i.about === "band")).toBe(false);
    // A review made against another value no longer applies.
    const stale = buildReviewItems(a, { "3.1": [{ about: "band", note: "Old", value: 0.8, at: "" }] });
    expect(stale.find((i) => i.key === "3.1" && i.about === "band")?.review).toBeUndefined();
  });
});

describe("the task pane", () => {
  test("leads with the result: bands, the areas for focus, and how the sheet was read in one line", async () => {
    await show(<App host={officeHost()} />);
    const tally = screen.getByRole("list", { name: "Indicators by band" });
    expect(tally.textContent).toBe("■7 Red◆4 Amber●5 Green–3 not banded");
    const focus = within(screen.getByRole("list", { name: "Areas for focus" })).getAllByRole("button");
    expect(focus).toHaveLength(5);
    // The reference apart from its measure: shown "3.1 · % of…", heard "Reference 3.1: % of…".
    expect(focus[0].querySelector('[aria-hidden="true"]')?.textContent).toMatch(
      /^3\.1 · % of children in need/,
    );
    expect(screen.getByRole("button", { name: "6 more areas for focus on the Review tab" })).toBeTruthy();
    openSection("19 indicators from 'Scorecard', header rows 4–7 — check");
    expect(screen.getByLabelText("Role of column F")).toHaveProperty("value", "current");
    expect(screen.getByText(/F is Current because its header says 'Current'/)).toBeTruthy();
    openSection("Sheet and period");
    expect(screen.getByLabelText("Sheet to read")).toHaveProperty("value", "Scorecard");
  });

  test("an area for focus leads to its cell", async () => {
    await show(<App host={officeHost()} />);
    fireEvent.click(screen.getByRole("button", { name: /^Reference 3\.1: % of children in need/ }));
    await waitFor(() => expect(fake.model.selection).toEqual({ sheet: "Scorecard", address: "F18" }));
  });

  test("Refresh is disabled on a sheet that did not read, and one click reads the sheet that does", async () => {
    await show(<App host={officeHost()} />);
    expect(refreshButton()).toHaveProperty("disabled", false);
    openSection("Sheet and period");
    fireEvent.change(screen.getByLabelText("Sheet to read"), { target: { value: "Notes" } });
    await screen.findByText("The sheet 'Notes' is not a scorecard.");
    expect(refreshButton()).toHaveProperty("disabled", true);
    await screen.findByText("The sheet 'Scorecard' reads as one, with 19 indicators.");
    expect(refreshButton()).toHaveProperty("disabled", true);
    fireEvent.click(screen.getByRole("button", { name: "Use 'Scorecard'" }));
    await screen.findByRole("heading", { name: "October 2018, from 'Scorecard'" });
    await waitFor(() => expect(refreshButton()).toHaveProperty("disabled", false));
    expect(saved()).toMatchObject({ sourceSheet: "Scorecard" });
  });

  test("with a sheet named Scorecard, the pane never uses the word unquoted", async () => {
    await show(<App host={officeHost()} />);
    openSection(/^19 indicators/);
    openSection("Sheet and period");
    expect(paneWords()).toMatch(/19 indicators from , header rows 4–7/);
    expect(paneWords()).not.toMatch(/Scorecard/);
    fireEvent.change(screen.getByLabelText("Sheet to read"), { target: { value: "Notes" } });
    await screen.findByText("The sheet 'Scorecard' reads as one, with 19 indicators.");
    expect(paneWords()).not.toMatch(/Scorecard/);
  });

  test("refreshes with progress and a clear result, announced to screen readers", async () => {
    await show(<App host={officeHost()} />);
    fireEvent.click(screen.getByRole("button", { name: "Refresh committee sheet" }));
    await screen.findAllByText(
      /Sheet 'Committee' written from 'Scorecard' as at October 2018: 19 indicators, 5 green, 4 amber, 7 red, 3 not banded\./,
      {},
      { timeout: 10000 },
    );
    const live = screen
      .getAllByRole("status")
      .find((n) => n.getAttribute("aria-live") === "polite" && /19 indicators/.test(n.textContent ?? ""));
    expect(live).toBeDefined();
    expect(fake.model.sheets.map((s) => s.name)).toContain("Committee");
  });

  test("a refresh started from the ribbon updates the open pane", async () => {
    await show(<App host={officeHost()} />);
    await act(async () => {
      await runRefresh(officeHost(), "ribbon");
    });
    await screen.findByText("Refreshed from the ribbon");
    expect(screen.getByRole("tab", { name: /^Review \(\d+\), indicators not yet reviewed$/ })).toBeTruthy();
  });

  test("a correction of a column role, chosen over the column in the preview, is saved in the workbook", async () => {
    await show(<App host={officeHost()} />);
    openSection(/^19 indicators/);
    fireEvent.change(screen.getByLabelText("Role of column C"), { target: { value: "baseline" } });
    await waitFor(() => expect(saved()).toMatchObject({ columns: { baseline: "C" } }));
    await waitFor(() =>
      expect(screen.getByRole("list", { name: "Column roles and why" }).textContent).toMatch(
        /C Baseline \(set by you\)/,
      ),
    );
  });

  test("review: selecting a flag selects its cell; one review per indicator keeps a note of several lines", async () => {
    await show(<App host={officeHost()} />);
    fireEvent.click(screen.getByRole("tab", { name: /^Review / }));
    const item = await screen.findByRole("button", {
      name: /^Reference 11\.13: .*Missing period \(K33\)\. Go to Scorecard K33$/,
    });
    fireEvent.click(item);
    await waitFor(() => expect(fake.model.selection).toEqual({ sheet: "Scorecard", address: "K33" }));
    expect(screen.getAllByRole("button", { name: /^Mark reviewed: Reference 11\.13: / })).toHaveLength(1);
    fireEvent.click(screen.getByRole("button", { name: /^Mark reviewed: Reference 11\.13: / }));
    const note = screen.getByLabelText("Review note");
    expect(note.tagName).toBe("TEXTAREA");
    expect(screen.getByText(/Prints in the committee paper/)).toBeTruthy();
    fireEvent.change(note, { target: { value: "August return not submitted.\nChased." } });
    fireEvent.click(screen.getByRole("button", { name: "Save review" }));
    await screen.findByText(/✓ Reviewed: August return not submitted\.\s+Chased\./);
    expect(saved()).toMatchObject({
      reviews: {
        "11.13": [{ about: "indicator", note: "August return not submitted.\nChased.", value: 2.6 }],
      },
    });
    expect(screen.getByRole("tab", { name: /^Review \(11\), indicators not yet reviewed$/ })).toBeTruthy();
  });

  test("settings: tolerance and committee sheet name are validated and saved", async () => {
    await show(<App host={officeHost()} />);
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    fireEvent.change(screen.getByLabelText(/Committee sheet name/), { target: { value: "Bad/Name" } });
    expect(screen.getByText(/none of/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Save settings" })).toHaveProperty("disabled", true);
    fireEvent.change(screen.getByLabelText(/Committee sheet name/), { target: { value: "Paper" } });
    fireEvent.change(screen.getByLabelText(/Tolerance for single targets/), { target: { value: "10" } });
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText(/Saved in this workbook/);
    expect(saved()).toMatchObject({ committeeSheet: "Paper", tolerance: { kind: "relative", amount: 0.1 } });
  });

  test("a refresh that draws XmR charts says how many and where", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "sc-pane-")), "spc.xlsx");
    await spcSampleWorkbook().xlsx.writeFile(file);
    fake = installFakeOffice(modelFrom(await fixtureFromXlsx(file)));
    await show(<App host={officeHost()} />);
    fireEvent.click(screen.getByRole("button", { name: "Refresh committee sheet" }));
    const n = fake.model.sheets.length;
    await screen.findAllByText(
      /XmR charts of the areas for focus on 'Scorecard charts'\./,
      {},
      { timeout: 10000 },
    );
    expect(fake.model.sheets.length).toBeGreaterThan(n);
    const drawn = fake.model.sheet("Scorecard charts")?.charts.length ?? 0;
    expect(drawn).toBeGreaterThan(0);
    expect(
      screen.getAllByText(new RegExp(`${drawn} XmR charts of the areas for focus`)).length,
    ).toBeGreaterThan(0);
  });

  test("a refresh error from the ribbon is shown with its message, and the sheet is read again", async () => {
    fake.model.sheets = fake.model.sheets.filter((s) => s.name === "Notes");
    await act(async () => {
      render(<App host={officeHost()} />);
    });
    await screen.findByText("The active sheet is not a scorecard.");
    expect(refreshButton()).toHaveProperty("disabled", true);
    await act(async () => {
      await runRefresh(officeHost(), "ribbon");
    });
    await screen.findByText("Refresh failed");
    expect(screen.getAllByText(/Sheet 'Notes'/).length).toBeGreaterThan(0);
  });

  test("a Refresh from the pane costs three round trips: the sheet is not read again afterwards", async () => {
    await show(<App host={officeHost()} />);
    const before = fake.syncs();
    fireEvent.click(screen.getByRole("button", { name: "Refresh committee sheet" }));
    await screen.findAllByText(/Sheet 'Committee' written from 'Scorecard'/);
    // Give any follow-up reading its chance to start before counting.
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(fake.syncs() - before).toBe(3);
    // A second refresh, now that the sheet read is saved in the settings, costs the same.
    const again = fake.syncs();
    fireEvent.click(screen.getByRole("button", { name: "Refresh committee sheet" }));
    await waitFor(() => expect(fake.contexts.length).toBeGreaterThan(2));
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(fake.syncs() - again).toBe(3);
  });

  test("choosing a sheet that is not a scorecard clears the old analysis and says so in one sentence", async () => {
    await show(<App host={officeHost()} />);
    openSection("Sheet and period");
    fireEvent.change(screen.getByLabelText("Sheet to read"), { target: { value: "Notes" } });
    await screen.findByText("The sheet 'Notes' is not a scorecard.");
    expect(screen.queryByRole("list", { name: "Indicators by band" })).toBeNull();
    expect(screen.getByRole("tab", { name: /^Review \(0\)/ })).toBeTruthy();
    // The engine's longer account waits behind "Say where the table is", starting afresh.
    openSection("Say where the table is");
    expect(screen.getByText(/^What was found: Sheet 'Notes'/)).toBeTruthy();
    expect(screen.getByLabelText("Header from row")).toHaveProperty("value", "");
    expect(screen.getByLabelText("Reference", { exact: true })).toBeTruthy();
  });

  test("an empty workbook says so plainly, and pins read the sheet again", async () => {
    const model = new FakeWorkbookModel();
    model.addSheet("Sheet1");
    fake = installFakeOffice(model);
    await act(async () => {
      render(<App host={officeHost()} />);
    });
    await screen.findByText("This workbook is empty.");
    expect(refreshButton()).toHaveProperty("disabled", true);
    // Nothing reads, so the way to say where the table is stands open.
    expect(screen.getByRole("button", { name: "Say where the table is" }).getAttribute("aria-expanded")).toBe(
      "true",
    );
    fireEvent.change(screen.getByLabelText("Header from row"), { target: { value: "2" } });
    fireEvent.change(screen.getByLabelText("to row"), { target: { value: "3" } });
    fireEvent.change(screen.getByLabelText("Measure", { exact: true }), { target: { value: "b" } });
    fireEvent.change(screen.getByLabelText("Current value", { exact: true }), { target: { value: "F" } });
    const contexts = fake.contexts.length;
    fireEvent.click(screen.getByRole("button", { name: "Read the sheet again" }));
    await waitFor(() =>
      expect(saved()).toMatchObject({
        headerRows: { top: 2, bottom: 3 },
        columns: { measure: "B", current: "F" },
      }),
    );
    await waitFor(() => expect(fake.contexts.length).toBeGreaterThan(contexts));
    await screen.findByText(/^What was found: Sheet 'Sheet1' is empty/);
    const text = document.body.textContent ?? "";
    for (const m of text.matchAll(/rows (\d+)\s*[-–]\s*(\d+)/g))
      expect(Number(m[2])).toBeGreaterThanOrEqual(Number(m[1]));
  });

  test("settings typed and not saved survive a look at another tab", async () => {
    await show(<App host={officeHost()} />);
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    fireEvent.change(screen.getByLabelText(/Tolerance for single targets/), { target: { value: "12" } });
    await screen.findByRole("tab", { name: "Settings, unsaved changes" });
    fireEvent.click(screen.getByRole("tab", { name: /^Review / }));
    fireEvent.click(screen.getByRole("tab", { name: /^Settings/ }));
    expect(screen.getByLabelText(/Tolerance for single targets/)).toHaveProperty("value", "12");
    const polarity = within(screen.getByRole("group", { name: /^Reference 3\.1: / })).getByLabelText(
      "Polarity",
    );
    expect(polarity.textContent).toMatch(/As read: (higher|lower) is better/);
    expect(screen.getAllByText(/As read: for information/).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await screen.findByText(/Saved in this workbook/);
    expect(saved()).toMatchObject({ tolerance: { amount: 0.12 } });
    expect(screen.getByRole("tab", { name: "Settings" })).toBeTruthy();
  });

  test("saving settings keeps a review marked after the settings form was opened", async () => {
    await show(<App host={officeHost()} />);
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    fireEvent.change(screen.getByLabelText(/Small denominator/), { target: { value: "30" } });
    fireEvent.click(screen.getByRole("tab", { name: /^Review / }));
    fireEvent.click(await screen.findByRole("button", { name: /^Mark reviewed: Reference 11\.13: / }));
    fireEvent.click(screen.getByRole("button", { name: "Save review" }));
    await waitFor(() => expect(saved()).toHaveProperty(["reviews", "11.13"]));
    fireEvent.click(screen.getByRole("tab", { name: /^Settings/ }));
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(saved()).toMatchObject({ smallDenominator: 30 }));
    expect(saved()).toHaveProperty(["reviews", "11.13"]);
  });

  test("review: one card per indicator with all its flags; an empty search says so", async () => {
    await show(<App host={officeHost()} />);
    fireEvent.click(screen.getByRole("tab", { name: /^Review / }));
    const card = (await screen.findByRole("heading", { name: /^Reference 11\.13: / })).closest("li");
    expect(card).not.toBeNull();
    if (!card) return;
    const links = within(card).getAllByRole("button", { name: /Go to Scorecard/ });
    expect(links.length).toBeGreaterThanOrEqual(4);
    expect(within(card).getAllByRole("button", { name: /^Mark reviewed/ })).toHaveLength(1);
    expect(screen.getAllByRole("heading", { name: /^Reference 11\.13: / })).toHaveLength(1);
    fireEvent.change(screen.getByLabelText("Find"), { target: { value: "zzz no such thing" } });
    await screen.findByText(/No flags match “zzz no such thing”/);
    fireEvent.click(screen.getByRole("button", { name: "Show all flags" }));
    await screen.findByRole("heading", { name: /^Reference 11\.13: / });
  });

  test("the reporting period is stated and can be chosen; the paper is built as at it", async () => {
    await show(<App host={officeHost()} />);
    openSection("Sheet and period");
    fireEvent.change(screen.getByLabelText("Report as at"), { target: { value: "Aug 18" } });
    await waitFor(() => expect(saved()).toMatchObject({ asAt: "Aug 18" }));
    await screen.findByRole("heading", { name: "Aug 18, from 'Scorecard'" });
    fireEvent.click(screen.getByRole("button", { name: "Refresh committee sheet" }));
    await screen.findAllByText(/Sheet 'Committee' written/);
    const committee = fake.model.sheet("Committee");
    const texts = [...(committee?.cells.values() ?? [])].map((c) => String(c.value)).join(" ");
    expect(texts).toMatch(/Reporting period: Aug 18\./);
  });

  test("an indicator left out of the paper is kept in the workbook and missing from the committee sheet", async () => {
    await show(<App host={officeHost()} />);
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    const group = screen.getByRole("group", { name: /^Reference 3\.1: / });
    fireEvent.click(within(group).getByLabelText("In the paper"));
    fireEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(saved()).toMatchObject({ committee: { excludeIndicators: ["3.1"] } }));
    fireEvent.click(screen.getByRole("tab", { name: "Overview" }));
    fireEvent.click(screen.getByRole("button", { name: "Refresh committee sheet" }));
    await screen.findAllByText(
      /Sheet 'Committee' written from 'Scorecard' as at October 2018: 18 indicators \(1 left out by you\)/,
      {},
      { timeout: 10000 },
    );
  });
});

describe("review cards and counts", () => {
  test("flags of one indicator make one card, the most serious first; counts in plain English", async () => {
    const a = await seedAnalysis(MONTHLY);
    const items = buildReviewItems(a, {});
    const cards = groupByIndicator(items);
    expect(new Set(cards.map((c) => c.key)).size).toBe(cards.length);
    expect(cards.reduce((n, c) => n + c.items.length, 0)).toBe(items.length);
    const c1113 = cards.find((c) => c.key === "11.13");
    expect(c1113?.items.length).toBeGreaterThanOrEqual(4);
    expect(cards[0].worst).toBe("red");
    const order = ["red", "amber", "worsening", "data-quality", "checks"];
    const worst = cards.map((c) => order.indexOf(c.worst));
    expect(worst).toEqual([...worst].sort((x, y) => x - y));
    // A filter keeps the cards with a matching flag, each whole: it is reviewed as a whole.
    const red = filterCards(cards, "red");
    expect(red).toHaveLength(7);
    expect(red.find((c) => c.key === "11.13")?.items).toEqual(c1113?.items);
    expect(countsLine({ red: 1, amber: 0, worsening: 0, "data-quality": 2, checks: 1 })).toBe(
      "1 red, 2 data quality, 1 analyst check",
    );
    expect(countsLine({ red: 0, amber: 0, worsening: 0, "data-quality": 0, checks: 3 })).toBe(
      "3 analyst checks",
    );
  });
});

describe("unsaved settings", () => {
  test("settings as saved are not 'unsaved', even where a percentage does not survive /100 exactly", async () => {
    const settings = new FakeSettingsBag();
    settings.set(SETTINGS_KEY, JSON.stringify({ tolerance: { kind: "relative", amount: 0.029 } }));
    settings.saveAsync();
    fake = installFakeOffice(modelFrom(fixture), settings);
    await show(<App host={officeHost()} />);
    expect(screen.getByRole("tab", { name: "Settings" })).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    expect(screen.getByLabelText(/Tolerance for single targets/)).toHaveProperty("value", "2.9");
    expect(screen.getByRole("button", { name: "Save settings" })).toHaveProperty("disabled", true);
  });
});

describe("review marks and as-at papers", () => {
  const mark = { about: "missing-period", note: "August return not submitted", value: 2.6, at: "" };

  test("a paper built as at an earlier period keeps today's review marks", async () => {
    fake.settings.set(
      SETTINGS_KEY,
      JSON.stringify({ version: 1, asAt: "Aug 18", reviews: { "11.13": [mark] } }),
    );
    fake.settings.saveAsync();
    await act(async () => {
      await runRefresh(officeHost(), "ribbon");
    });
    const { notices, error } = getSession();
    expect(error).toBeUndefined();
    expect(notices.join(" ")).not.toMatch(/cleared/);
    expect(saved()).toHaveProperty(["reviews", "11.13"]);
  });

  test("a mark whose value has changed is cleared, and said so in correct English", async () => {
    fake.settings.set(
      SETTINGS_KEY,
      JSON.stringify({ version: 1, reviews: { "11.13": [{ ...mark, value: 9.9 }] } }),
    );
    fake.settings.saveAsync();
    await act(async () => {
      await runRefresh(officeHost(), "ribbon");
    });
    const { notices, error } = getSession();
    expect(error).toBeUndefined();
    expect(notices).toContain("1 review mark cleared because the value it was about has changed.");
    expect(saved()).not.toHaveProperty(["reviews", "11.13"]);
  });
});
