/**
 * The production task pane in real headless Chromium, with office.js replaced by the strict fake Excel,
 * at Office's narrowest pane (320 px) and Excel on the web's widest (500 px), through every state: the
 * result of the monthly sample, how it was read (roles, evidence, preview), a refresh by keyboard, the
 * review list (its tab stops counted), a review with its note, a refresh from the "ribbon", the
 * settings, an earlier period, a sheet that is not a scorecard, an empty workbook, a reading the engine
 * doubts, and an SPC sample. axe-core runs in each; nothing moderate or worse may be found (the one
 * false positive is documented in pane-driver.ts). Screenshots land in test-output/.
 */
import { mkdirSync, mkdtempSync } from "node:fs";
import { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { spcSampleWorkbook } from "../../scripts/spc-sample";
import { parseReviewsXml } from "../../src/hosts/office/review-store";
import { fixtureFromXlsx, SheetFixture } from "../fake-excel/from-xlsx";
import { MONTHLY, ROOT } from "../helpers";
import { chromiumPresent, ensureBuild, launch, serveDist } from "./harness";
import {
  axeProblems,
  clippedOptions,
  HEIGHT,
  openPane,
  poll,
  rowRanges,
  tabStops,
  WIDTHS,
} from "./pane-driver";

const OUT = join(ROOT, "test-output");
// Titles under "PI", a word for a reference: the measure is read from its cells, for the analyst to confirm.
const DOUBTFUL = join(ROOT, "test", "fixtures", "corpus", "comment-rows-nat-ave.xlsx");
const required = process.env.SCORECARD_REQUIRE_TOOLS === "1";
const run = chromiumPresent() || required ? describe : describe.skip;

let browser: Browser;
let server: Server;
let url: string;
const fixtures: Record<"monthly" | "spc" | "doubtful", SheetFixture[]> = {
  monthly: [],
  spc: [],
  doubtful: [],
};
const errors: string[] = [];

const settingsIn = (page: Page) =>
  page.evaluate(() => JSON.parse(String(window.__fake.settings.get("scorecard.settings") ?? "{}")));
const refreshButton = (page: Page) => page.getByRole("button", { name: "Refresh committee sheet" });
const shot = (page: Page, width: number, name: string, fullPage = true) =>
  page.screenshot({ path: join(OUT, `pane-${width}-${name}.png`), fullPage });

run("the task pane in Chromium", () => {
  beforeAll(async () => {
    ensureBuild();
    mkdirSync(OUT, { recursive: true });
    const spc = join(mkdtempSync(join(tmpdir(), "sc-e2e-")), "spc.xlsx");
    await spcSampleWorkbook().xlsx.writeFile(spc);
    fixtures.monthly = await fixtureFromXlsx(MONTHLY);
    fixtures.spc = await fixtureFromXlsx(spc);
    fixtures.doubtful = await fixtureFromXlsx(DOUBTFUL);
    const served = await serveDist();
    server = served.server;
    url = served.url;
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    expect(errors).toEqual([]);
  });

  describe.each(WIDTHS)("at %i px", (width) => {
    describe("the monthly sample", () => monthlySample(width));
    describe("an empty workbook", () => emptyWorkbook(width));
    describe("a reading the engine doubts", () => doubtfulReading(width));
    describe("a sample long enough for SPC", () => spcSample(width));
  });
});

function monthlySample(width: number) {
  let page: Page;
  beforeAll(async () => {
    page = await openPane(browser, url, fixtures.monthly, width, errors);
    await page.getByRole("heading", { name: "October 2018, from 'Scorecard'" }).waitFor();
  });
  afterAll(() => page?.close());

  test("leads with the result: bands with shape and word, SPC, the areas for focus as links", async () => {
    const tally = await page.getByRole("list", { name: "Indicators by band" }).innerText();
    expect(tally.replace(/\s+/g, " ")).toBe("■ 7 Red ◆ 4 Amber ● 5 Green – 3 not banded");
    await page
      .getByText(
        "SPC (statistical process control, which tells real change from noise) needs 12 periods of an indicator; this sheet has 6.",
      )
      .waitFor();
    const focus = page.getByRole("list", { name: "Areas for focus" }).getByRole("button");
    await expect(focus.count()).resolves.toBe(5);
    await page.getByRole("button", { name: "6 more areas for focus on the Review tab" }).waitFor();
    await expect(refreshButton(page).isEnabled()).resolves.toBe(true);
    await shot(page, width, "1-result");
    expect(await axeProblems(page, "result")).toEqual([]);
    await focus.first().click();
    const first = await page.evaluate(() => window.__fake.model.selection);
    expect(first?.sheet).toBe("Scorecard");
  });

  test("how the sheet was read: one line, opening to the roles, their evidence and the preview", async () => {
    const header = page.getByRole("button", {
      name: "19 indicators from 'Scorecard', header rows 4–7 — check",
    });
    await expect(header.getAttribute("aria-expanded")).resolves.toBe("false");
    await header.click();
    await page
      .getByText(/F Current value \(sure\): F is Current because its header says 'Current'/)
      .waitFor();
    await expect(page.getByLabel("Role of column F").inputValue()).resolves.toBe("current");
    const kinds = await page
      .locator("table tbody tr")
      .evaluateAll((rows) => rows.map((r) => `${r.children[0]?.textContent}:${r.children[1]?.textContent}`));
    expect(kinds.slice(0, 8)).toEqual([
      "1:above",
      "2:above",
      "3:above",
      "4:header",
      "5:header",
      "6:header",
      "7:header",
      "8:section",
    ]);
    await shot(page, width, "2-reading");
    expect(await axeProblems(page, "reading")).toEqual([]);
    await page.getByLabel("Role of column C").selectOption("baseline");
    expect(await poll(async () => (await settingsIn(page)).columns?.baseline, "C")).toBe("C");
    await page.getByText(/C Baseline \(set by you\)/).waitFor();
    await page.getByRole("button", { name: "Reset column roles" }).click();
    expect(await poll(async () => (await settingsIn(page)).columns, {})).toEqual({});
    await page.getByText(/C Last year \(sure\)/).waitFor();
    await header.click();
  });

  test("refreshes from the keyboard and writes the committee sheet in three syncs", async () => {
    const button = refreshButton(page);
    await page.getByRole("tab", { name: "Overview" }).focus();
    for (let i = 0; i < 12 && !(await button.evaluate((b) => b === document.activeElement)); i++)
      await page.keyboard.press("Tab");
    await expect(button.evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await page
      .getByText(
        /Sheet 'Committee' written from 'Scorecard' as at October 2018: 19 indicators, 5 green, 4 amber, 7 red/,
      )
      .first()
      .waitFor();
    const written = await page.evaluate(() => {
      const f = window.__fake;
      const c = f.model.sheets.find((s) => s.name === "Committee");
      return {
        names: f.model.sheets.map((s) => s.name),
        a1: c?.cells.get("0,0")?.value,
        syncs: Math.max(...f.contexts.map((x) => x.counters.syncs)),
      };
    });
    expect(written).toEqual({
      names: ["Scorecard", "Notes", "Committee"],
      a1: "Children's Social Care Performance Scorecard: committee report",
      syncs: 3,
    });
    await shot(page, width, "3-refreshed");
    expect(await axeProblems(page, "refreshed")).toEqual([]);
  });

  test("review: at most three tab stops per indicator", async () => {
    await page.getByRole("tab", { name: /^Review / }).click();
    const cards = await page.locator("li[aria-labelledby^='card-']").count();
    expect(cards).toBeGreaterThanOrEqual(10);
    const stops = await tabStops(page, page.getByLabel("Show", { exact: true }));
    const perCard = new Map<string, number>();
    for (const c of stops.filter(Boolean)) perCard.set(c, (perCard.get(c) ?? 0) + 1);
    expect(perCard.size).toBe(cards);
    expect(Math.max(...perCard.values())).toBeLessThanOrEqual(3);
    // The whole tab, filters included, is within three stops an indicator.
    expect(stops.length + 1).toBeLessThanOrEqual(3 * cards);
  });

  test("review: a flag leads to its cell, the arrow keys move between flags, one review per indicator", async () => {
    const missing = page.getByRole("button", {
      name: /^Reference 11\.13: .*Missing period \(K33\)\. Go to Scorecard K33$/,
    });
    await missing.click();
    expect(
      await poll(() => page.evaluate(() => window.__fake.model.selection), {
        sheet: "Scorecard",
        address: "K33",
      }),
    ).toEqual({ sheet: "Scorecard", address: "K33" });
    const flags = page.getByRole("list", { name: /^Flags of Reference 11\.13: / }).getByRole("button");
    await flags.first().focus();
    await page.keyboard.press("ArrowDown");
    await expect(flags.nth(1).evaluate((b) => b === document.activeElement)).resolves.toBe(true);
    await page
      .getByRole("button", { name: /^Show in the committee sheet: / })
      .first()
      .click();
    expect(await poll(() => page.evaluate(() => window.__fake.model.selection?.sheet), "Committee")).toBe(
      "Committee",
    );
    await expect(
      page.getByRole("button", { name: /^Mark reviewed: Reference 11\.13: / }).count(),
    ).resolves.toBe(1);
    await page.getByRole("button", { name: /^Mark reviewed: Reference 11\.13: / }).click();
    const note = page.getByLabel("Review note");
    await note.fill("August return not submitted.\nChased with the team manager.");
    await page.getByText(/Prints in the committee paper/).waitFor();
    await shot(page, width, "4-review-form", false);
    expect(await axeProblems(page, "review form")).toEqual([]);
    await page.getByRole("button", { name: "Save review" }).click();
    await page
      .getByText(/✓ Reviewed: August return not submitted\.\s+Chased with the team manager\./)
      .waitFor();
    await expect(
      page
        .getByRole("button", { name: /^Edit review of Reference 11\.13: / })
        .evaluate((b) => b === document.activeElement),
    ).resolves.toBe(true);
    // Review marks are saved in the workbook's own custom XML part, not the settings.
    const saved = await page.evaluate(() => window.__fake.model.xmlParts.map((p) => p.xml).join(""));
    expect(parseReviewsXml(saved).reviews["11.13"]).toEqual([
      expect.objectContaining({
        about: "indicator",
        note: "August return not submitted.\nChased with the team manager.",
      }),
    ]);
    await shot(page, width, "5-review");
    expect(await axeProblems(page, "review")).toEqual([]);
  });

  test("a refresh from the ribbon updates the open pane and prints the review in the committee sheet", async () => {
    expect(await page.evaluate(() => window.__fake.press())).toBe(1);
    await page.getByRole("tab", { name: "Overview" }).click();
    await page.getByText("Refreshed from the ribbon").waitFor();
    const dq = await page.evaluate(() => {
      const c = window.__fake.model.sheets.find((s) => s.name === "Committee");
      return [...(c?.cells.values() ?? [])]
        .map((x) => x.value)
        .find((v) => typeof v === "string" && v.includes("Reviewed"));
    });
    expect(dq).toMatch(/✓ Reviewed: August return not submitted\.\s+Chased with the team manager\./);
  });

  test("review: counts and filters fit; a search that finds nothing says so", async () => {
    await page.getByRole("tab", { name: /^Review / }).click();
    const find = page.getByLabel("Find");
    const fits = await find.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const ctx = document.createElement("canvas").getContext("2d");
      if (!ctx) return false;
      ctx.font = `${style.fontSize} ${style.fontFamily}`;
      return (
        ctx.measureText(input.placeholder).width <=
        input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      );
    });
    expect(fits).toBe(true);
    // Every choice of what to show reads whole in its box, and so do the tab labels.
    expect(await clippedOptions(page.getByLabel("Show", { exact: true }))).toEqual([]);
    const clipped = await page
      .getByRole("tab")
      .evaluateAll((tabs) => tabs.filter((t) => t.scrollWidth > t.clientWidth + 1).length);
    expect(clipped).toBe(0);
    await find.fill("no such words");
    await page.getByText(/No flags match “no such words”/).waitFor();
    await shot(page, width, "6-empty-search", false);
    expect(await axeProblems(page, "empty search")).toEqual([]);
    await page.getByRole("button", { name: "Show all flags" }).click();
    await page.getByRole("heading", { name: /^Reference 11\.13: / }).waitFor();
  });

  test("settings typed and not saved survive a look at another tab, with Save in view", async () => {
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByLabel(/Tolerance for single targets/).fill("12");
    await page.getByRole("tab", { name: "Settings, unsaved changes" }).waitFor();
    await page.getByRole("tab", { name: /^Review / }).click();
    await page.getByRole("tab", { name: /^Settings/ }).click();
    await expect(page.getByLabel(/Tolerance for single targets/).inputValue()).resolves.toBe("12");
    const box = await page.getByRole("button", { name: "Save settings" }).boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(HEIGHT);
    await shot(page, width, "7-settings", false);
    expect(await axeProblems(page, "settings unsaved")).toEqual([]);
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Saved in this workbook. Refresh to apply.").waitFor();
  });

  test("the paper as at an earlier period", async () => {
    await page.getByRole("tab", { name: "Overview" }).click();
    await page.getByRole("button", { name: "Sheet and period" }).click();
    await page.getByLabel("Report as at").selectOption("Aug 18");
    await page.getByRole("heading", { name: "Aug 18, from 'Scorecard'" }).waitFor();
    await refreshButton(page).click();
    await page
      .getByText(/written from 'Scorecard' as at Aug 18: 19 indicators/)
      .first()
      .waitFor();
    await shot(page, width, "8-as-at");
    expect(await axeProblems(page, "as at")).toEqual([]);
    await page.getByLabel("Report as at").selectOption("");
  });

  test("a sheet that is not a scorecard: one sentence, Refresh disabled, the sheet that reads one click away", async () => {
    await page.getByLabel("Sheet to read").selectOption("Notes");
    await page.getByText("The sheet 'Notes' is not a scorecard.").waitFor();
    await page.getByText("The sheet 'Scorecard' reads as one, with 19 indicators.").waitFor();
    await expect(refreshButton(page).isDisabled()).resolves.toBe(true);
    await expect(page.getByRole("list", { name: "Indicators by band" }).count()).resolves.toBe(0);
    await page.getByRole("tab", { name: /^Review \(0\)/ }).waitFor();
    await shot(page, width, "9-not-a-scorecard");
    expect(await axeProblems(page, "not a scorecard")).toEqual([]);
    // The ribbon still refreshes what the settings name: its failure is shown, and said once.
    expect(await page.evaluate(() => window.__fake.press())).toBe(1);
    await page.getByText("Refresh failed", { exact: true }).waitFor();
    const said = await page.evaluate(
      () =>
        (document.querySelector("[role=tabpanel]") as HTMLElement).innerText.split("no table found").length -
        1,
    );
    expect(said).toBe(1);
    await shot(page, width, "9b-refresh-failed");
    expect(await axeProblems(page, "refresh failed")).toEqual([]);
    await page.getByRole("button", { name: "Use 'Scorecard'" }).click();
    await page.getByRole("heading", { name: "October 2018, from 'Scorecard'" }).waitFor();
    await expect(refreshButton(page).isEnabled()).resolves.toBe(true);
  });
}

function emptyWorkbook(width: number) {
  let page: Page;
  beforeAll(async () => {
    page = await openPane(browser, url, [{ name: "Sheet1", cells: [], merges: [] }], width, errors);
  });
  afterAll(() => page?.close());

  test("says how to start, keeps Refresh disabled, and pinned rows name no impossible range", async () => {
    await page.getByText("This workbook is empty").waitFor();
    await expect(refreshButton(page).isDisabled()).resolves.toBe(true);
    await shot(page, width, "10-empty-workbook");
    expect(await axeProblems(page, "empty workbook")).toEqual([]);
    // Nothing in the workbook reads, so the way to say where the table is stands open.
    await expect(
      page.getByRole("button", { name: "Say where the table is" }).getAttribute("aria-expanded"),
    ).resolves.toBe("true");
    await page.getByLabel("Header from row").fill("3");
    await page.getByLabel("to row").fill("4");
    await page.getByLabel("Measure", { exact: true }).fill("B");
    await page.getByLabel("Current value", { exact: true }).fill("f");
    await page.getByRole("button", { name: "Read the sheet again" }).click();
    expect(await poll(async () => (await settingsIn(page)).headerRows, { top: 3, bottom: 4 })).toEqual({
      top: 3,
      bottom: 4,
    });
    await page.getByRole("button", { name: "Clear what I set" }).waitFor();
    await page.getByText(/What was found: Sheet 'Sheet1' is empty/).waitFor();
    for (const [a, b] of await rowRanges(page)) expect(b).toBeGreaterThanOrEqual(a);
    await expect(refreshButton(page).isDisabled()).resolves.toBe(true);
    await shot(page, width, "11-pinned");
    expect(await axeProblems(page, "pinned")).toEqual([]);
  });
}

function doubtfulReading(width: number) {
  let page: Page;
  beforeAll(async () => {
    page = await openPane(browser, url, fixtures.doubtful, width, errors);
  });
  afterAll(() => page?.close());

  test("opens the preview, shows the doubts and asks the analyst to confirm", async () => {
    await page.getByText("Check how the sheet was read").waitFor();
    const header = page.getByRole("button", { name: /— please check$/ });
    await expect(header.getAttribute("aria-expanded")).resolves.toBe("true");
    await page.getByText(/read as the measure from the cells alone; check it\./).waitFor();
    await page.getByRole("group", { name: "The sheet as read" }).waitFor();
    await shot(page, width, "12-doubtful");
    expect(await axeProblems(page, "doubtful reading")).toEqual([]);
    await page.getByRole("button", { name: "This is right" }).click();
    const columns = await poll(
      async () => Object.keys((await settingsIn(page)).columns ?? {}).length > 0,
      true,
    );
    expect(columns).toBe(true);
    await page.getByRole("button", { name: /— check$/ }).waitFor();
  });
}

function spcSample(width: number) {
  let page: Page;
  beforeAll(async () => {
    page = await openPane(browser, url, fixtures.spc, width, errors);
    await page.getByRole("list", { name: "Indicators by band" }).waitFor();
  });
  afterAll(() => page?.close());

  test("counts special causes on the Overview and explains SPC where it first appears", async () => {
    await page.getByText(/^SPC on \d+ indicators: \d+ special cause improvement, /).waitFor();
    await shot(page, width, "13-spc");
    expect(await axeProblems(page, "spc")).toEqual([]);
    await page.getByRole("tab", { name: /^Review / }).click();
    await expect(
      page.getByText(/^SPC \(statistical process control\) tells real change/).count(),
    ).resolves.toBe(1);
    await page.getByLabel("Show", { exact: true }).selectOption("special-cause");
    await shot(page, width, "14-spc-review");
    expect(await axeProblems(page, "spc review")).toEqual([]);
  });
}
