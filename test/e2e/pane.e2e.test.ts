/**
 * The production task pane in real headless Chromium, with office.js replaced by the strict fake Excel
 * holding the 000 sample: detect, refresh (by keyboard), check the committee sheet written, follow a
 * flag to its cell, mark it reviewed, refresh from the "ribbon" with the pane open, and run axe-core.
 * Screenshots land in test-output/.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { Server } from "node:http";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { parseReviewsXml } from "../../src/hosts/office/review-store";
import { fixtureFromXlsx, SheetFixture } from "../fake-excel/from-xlsx";
import { MONTHLY, ROOT } from "../helpers";
import { chromiumPresent, ensureBuild, fakeOfficeBundle, launch, serveDist } from "./harness";

const OUT = join(ROOT, "test-output");

/** Waits until fn's answer equals the expected one (or gives the last answer after ~5 s). */
async function poll<T>(fn: () => Promise<T>, expected: T): Promise<T> {
  let last = await fn();
  for (let i = 0; i < 50 && JSON.stringify(last) !== JSON.stringify(expected); i++) {
    await new Promise((r) => setTimeout(r, 100));
    last = await fn();
  }
  return last;
}
/** The pane at the narrowest width Office gives a task pane. */
const WIDTH = 320;
const HEIGHT = 700;
const errors: string[] = [];

async function openPane(browser: Browser, url: string, fixture: SheetFixture[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: WIDTH, height: HEIGHT } });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript((f) => {
    (window as unknown as { __SCORECARD_FIXTURE__: unknown }).__SCORECARD_FIXTURE__ = f;
  }, fixture);
  const fake = fakeOfficeBundle();
  await page.route("https://appsforoffice.microsoft.com/**", (route) =>
    route.fulfill({ contentType: "text/javascript", body: fake }),
  );
  await page.goto(`${url}/taskpane.html`);
  return page;
}

/** axe-core's serious and critical findings on the page as it is now, and any sideways overflow. */
async function axeProblems(page: Page, state: string): Promise<string[]> {
  const axe = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");
  await page.addScriptTag({ content: axe });
  const result = await page.evaluate(async () => {
    const r = await (
      window as unknown as {
        axe: {
          run: (
            o: unknown,
          ) => Promise<{ violations: { id: string; impact: string; nodes: { html: string }[] }[] }>;
        };
      }
    ).axe.run({
      resultTypes: ["violations"],
    });
    // Fluent's focus sentinels (data-tabster-dummy) are focusable and aria-hidden on purpose; Tabster's
    // maintainers and Accessibility Insights treat exactly these as a false positive of this one rule.
    const real = (v: { id: string; nodes: { html: string }[] }) =>
      v.id === "aria-hidden-focus" ? v.nodes.filter((n) => !n.html.includes("data-tabster-dummy")) : v.nodes;
    return r.violations
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: real(v as { id: string; nodes: { html: string }[] }).length,
        html: JSON.stringify(v.nodes).slice(0, 400),
      }))
      .filter((v) => v.nodes > 0);
  });
  // Nothing may be wider than the pane: a sideways scroll at 320 px hides the controls' right edge.
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  return result
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${state}: ${v.id} (${v.impact}, ${v.nodes} nodes) ${v.html}`)
    .concat(wide > WIDTH ? [`${state}: the page is ${wide} px wide in a ${WIDTH} px pane`] : []);
}

const required = process.env.SCORECARD_REQUIRE_TOOLS === "1";
const run = chromiumPresent() || required ? describe : describe.skip;

run("the task pane in Chromium", () => {
  let browser: Browser;
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    ensureBuild();
    mkdirSync(OUT, { recursive: true });
    const fixture = await fixtureFromXlsx(MONTHLY);
    const served = await serveDist();
    server = served.server;
    browser = await launch();
    page = await openPane(browser, served.url, fixture);
    await page.getByText("Indicators", { exact: true }).waitFor();
    expect(errors).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test("detects the layout", async () => {
    await page.screenshot({ path: join(OUT, "pane-1-detected.png"), fullPage: true });
    await expect(page.locator("dt:text-is('Indicators') + dd").textContent()).resolves.toBe("19");
    await expect(page.getByLabel("Scorecard sheet").inputValue()).resolves.toBe("Scorecard");
  });

  test("refreshes from the keyboard and writes the committee sheet in three syncs", async () => {
    const button = page.getByRole("button", { name: "Refresh committee sheet" });
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
      const a1 = c?.cells.get("0,0")?.value;
      // The refresh's own context; the pane's detections run in others.
      return {
        names: f.model.sheets.map((s) => s.name),
        a1,
        syncs: Math.max(...f.contexts.map((c) => c.counters.syncs)),
      };
    });
    expect(written).toEqual({
      names: ["Scorecard", "Notes", "Committee"],
      a1: "Children's Social Care Performance Scorecard: committee report",
      syncs: 3,
    });
    await page.screenshot({ path: join(OUT, "pane-2-refreshed.png"), fullPage: true });
  });

  test("a flag leads to its cell and can be marked reviewed", async () => {
    await page.getByRole("tab", { name: /^Review / }).click();
    await page
      .getByRole("button", { name: /^11\.13 .*Missing period \(K33\)\. Go to Scorecard K33$/ })
      .click();
    expect(
      await poll(() => page.evaluate(() => window.__fake.model.selection), {
        sheet: "Scorecard",
        address: "K33",
      }),
    ).toEqual({
      sheet: "Scorecard",
      address: "K33",
    });
    await page
      .getByRole("button", { name: /^Show in the committee sheet: / })
      .first()
      .click();
    expect(await poll(() => page.evaluate(() => window.__fake.model.selection?.sheet), "Committee")).toBe(
      "Committee",
    );
    await page.getByRole("button", { name: /Mark reviewed: 11\.13 .*Missing period/ }).click();
    await page.getByLabel("Review note").fill("August return not submitted");
    // The form at 320 px: the note full width, Save and Cancel side by side below it.
    const saveBox = await page.getByRole("button", { name: "Save review" }).boundingBox();
    const cancelBox = await page.getByRole("button", { name: "Cancel" }).boundingBox();
    expect(saveBox && cancelBox && Math.abs(saveBox.y - cancelBox.y)).toBeLessThan(2);
    await page.screenshot({ path: join(OUT, "pane-3a-review-form.png") });
    await page.getByRole("button", { name: "Save review" }).click();
    await page.getByText("✓ Reviewed: August return not submitted").waitFor();
    // Review marks are saved in the workbook's own custom XML part, not the settings.
    const saved = await page.evaluate(() => window.__fake.model.xmlParts.map((p) => p.xml).join(""));
    expect(parseReviewsXml(saved).reviews["11.13"][0]).toMatchObject({
      about: "missing-period",
      note: "August return not submitted",
    });
    await page.screenshot({ path: join(OUT, "pane-3-review.png"), fullPage: true });
  });

  test("a refresh from the ribbon updates the open pane and shows the review in the committee sheet", async () => {
    const completed = await page.evaluate(() => window.__fake.press());
    expect(completed).toBe(1);
    await page.getByRole("tab", { name: "Overview" }).click();
    await page.getByText("Refreshed from the ribbon").waitFor();
    const dq = await page.evaluate(() => {
      const c = window.__fake.model.sheets.find((s) => s.name === "Committee");
      return [...(c?.cells.values() ?? [])]
        .map((x) => x.value)
        .find((v) => typeof v === "string" && v.includes("Reviewed"));
    });
    expect(dq).toMatch(/✓ Reviewed: August return not submitted/);
  });

  test("axe-core finds no serious or critical accessibility problem", async () => {
    const problems: string[] = [];
    for (const tab of ["Overview", /^Review /, "Settings"] as const) {
      await page.getByRole("tab", { name: tab }).click();
      problems.push(...(await axeProblems(page, String(tab))));
    }
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.screenshot({ path: join(OUT, "pane-4-settings.png"), fullPage: true });
    expect(problems).toEqual([]);
  });

  test("settings typed and not saved survive a look at another tab, with Save in view", async () => {
    await page.getByRole("tab", { name: "Settings" }).click();
    await page.getByLabel(/Tolerance for single targets/).fill("12");
    await page.getByRole("tab", { name: "Settings, unsaved changes" }).waitFor();
    await page.getByRole("tab", { name: /^Review / }).click();
    await page.getByRole("tab", { name: /^Settings/ }).click();
    await expect(page.getByLabel(/Tolerance for single targets/).inputValue()).resolves.toBe("12");
    // The Save bar sticks to the bottom of the pane while the long list of indicators scrolls under it.
    const save = page.getByRole("button", { name: "Save settings" });
    const box = await save.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(HEIGHT);
    await page.screenshot({ path: join(OUT, "pane-5-unsaved.png") });
    // The tab labels fit at 320 px: none is clipped.
    const clipped = await page
      .getByRole("tab")
      .evaluateAll((tabs) => tabs.filter((t) => t.scrollWidth > t.clientWidth + 1).length);
    expect(clipped).toBe(0);
    await save.click();
    await page.getByText("Saved in this workbook. Refresh to apply.").waitFor();
    expect(await axeProblems(page, "settings unsaved")).toEqual([]);
  });

  test("review: one card per indicator, and a search that finds nothing says so", async () => {
    await page.getByRole("tab", { name: /^Review / }).click();
    await expect(page.getByRole("heading", { name: /^11\.13 / }).count()).resolves.toBe(1);
    await page.getByLabel("Find").fill("no such words");
    await page.getByText(/No flags match “no such words”/).waitFor();
    await page.screenshot({ path: join(OUT, "pane-6-empty-search.png") });
    expect(await axeProblems(page, "empty search")).toEqual([]);
    await page.getByRole("button", { name: "Show all flags" }).click();
    await page.getByRole("heading", { name: /^11\.13 / }).waitFor();
  });

  test("the paper as at an earlier period", async () => {
    await page.getByRole("tab", { name: "Overview" }).click();
    await page.getByLabel("Report as at").selectOption("Aug 18");
    await page.getByText("May 18 to Aug 18 (4)").waitFor();
    await page.getByRole("button", { name: "Refresh committee sheet" }).click();
    await page
      .getByText(/written from 'Scorecard' as at Aug 18: 19 indicators/)
      .first()
      .waitFor();
    await page.screenshot({ path: join(OUT, "pane-7-as-at.png"), fullPage: true });
    expect(await axeProblems(page, "as at")).toEqual([]);
  });

  test("a sheet that is not a scorecard: the old analysis goes, one message, and the pins to try again", async () => {
    await page.getByLabel("Scorecard sheet").selectOption("Notes");
    await page.getByText("Cannot read this sheet").waitFor();
    await expect(page.getByText("Indicators", { exact: true }).count()).resolves.toBe(0);
    await page.getByRole("tab", { name: /^Review \(0\)/ }).waitFor();
    await page.getByLabel("Header from row").waitFor();
    await page.screenshot({ path: join(OUT, "pane-8-not-a-scorecard.png"), fullPage: true });
    expect(await axeProblems(page, "not a scorecard")).toEqual([]);
  });
});

run("the task pane in Chromium on an empty workbook", () => {
  let browser: Browser;
  let server: Server;
  let page: Page;

  beforeAll(async () => {
    ensureBuild();
    const served = await serveDist();
    server = served.server;
    browser = await launch();
    page = await openPane(browser, served.url, [{ name: "Sheet1", cells: [], merges: [] }]);
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test("says the sheet is empty, and the header rows and columns can be pinned", async () => {
    await page.getByText("Cannot read this sheet").waitFor();
    await page.getByText("Sheet 'Sheet1' is empty: choose the sheet that holds the scorecard.").waitFor();
    await expect(page.getByText(/rows 1-0/).count()).resolves.toBe(0);
    await page.screenshot({ path: join(OUT, "pane-9-empty-workbook.png"), fullPage: true });
    expect(await axeProblems(page, "empty workbook")).toEqual([]);
    await page.getByLabel("Header from row").fill("3");
    await page.getByLabel("to row").fill("4");
    await page.getByLabel("Measure", { exact: true }).fill("B");
    await page.getByLabel("Current value", { exact: true }).fill("f");
    await page.getByRole("button", { name: "Read the sheet again" }).click();
    const saved = await poll(
      () =>
        page.evaluate(() => {
          const v = window.__fake.settings.get("scorecard.settings");
          return v ? (JSON.parse(String(v)) as { headerRows?: unknown }).headerRows : null;
        }),
      { top: 3, bottom: 4 },
    );
    expect(saved).toEqual({ top: 3, bottom: 4 });
    await page.getByRole("button", { name: "Clear what I set" }).waitFor();
    await page.screenshot({ path: join(OUT, "pane-10-pinned.png"), fullPage: true });
  });
});
