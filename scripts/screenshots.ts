/**
 * npx tsx scripts/screenshots.ts: the README's pictures, made from the demo sample
 * (seeds/annual-scorecard.xlsx) into docs/images/: the task pane in Chromium at Office's narrowest
 * width (its result, how the sheet was read, the review list, a sheet that is not a scorecard), and the
 * committee paper (its first page and its table) and its XmR charts through LibreOffice. Small on
 * purpose: 320 px wide at 1x for the pane, 60 dpi for the paper. With --paper, only the paper's pictures.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { buildWorkbookFile } from "../src/hosts/file/build-file";
import { pdfText, renderChartsSheet, renderCommitteeSheet } from "../src/hosts/file/render";
import { validateSettings } from "../src/engine/config";
import { fixtureFromXlsx } from "../test/fake-excel/from-xlsx";
import { ensureBuild, launch, serveDist } from "../test/e2e/harness";
import { openPane } from "../test/e2e/pane-driver";
import { SAMPLE } from "./build-demo-sample";

const IMAGES = join(__dirname, "..", "docs", "images");
const WIDTH = 320;
const FIXED_NOW = new Date(Date.UTC(2025, 5, 30, 9, 0, 0));

async function paneShots(browser: Browser, url: string): Promise<string[]> {
  const errors: string[] = [];
  const page = await openPane(browser, url, await fixtureFromXlsx(SAMPLE), WIDTH, errors);
  const shot = async (name: string, p: Page = page) => {
    await p.screenshot({ path: join(IMAGES, name) });
    return name;
  };
  const made: string[] = [];
  await page.getByRole("list", { name: "Indicators by band" }).waitFor();
  await page.getByRole("button", { name: "Refresh committee sheet", disabled: false }).waitFor();
  made.push(await shot("pane-overview.png"));
  const reading = page.getByRole("button", { name: /^14 indicators from 'Scorecard'/ });
  await reading.click();
  await page.getByRole("group", { name: "The sheet as read" }).waitFor();
  await reading.evaluate((el) => el.scrollIntoView({ block: "start" }));
  made.push(await shot("pane-reading.png"));
  await page.getByRole("tab", { name: /^Review/ }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  made.push(await shot("pane-review.png"));
  await page.getByRole("tab", { name: "Overview" }).click();
  await page.getByRole("button", { name: "Sheet and period" }).click();
  await page.getByLabel("Sheet to read").selectOption("Notes");
  await page.getByRole("button", { name: "Use 'Scorecard'" }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  made.push(await shot("pane-not-a-scorecard.png"));
  if (errors.length) throw new Error(`The pane failed: ${errors.join("; ")}`);
  return made;
}

async function paperShots(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "sc-shots-"));
  const built = join(dir, "committee.xlsx");
  const outcome = await buildWorkbookFile(SAMPLE, validateSettings(undefined).settings, undefined, FIXED_NOW);
  writeFileSync(built, outcome.bytes);
  const paper = await renderCommitteeSheet(built, join(dir, "paper"), 60);
  copyFileSync(paper.pngs[0], join(IMAGES, "paper.png"));
  // The table starts on a page of its own: the first page whose text has its header.
  const table = paper.pngs.findIndex((_, n) => pdfText(paper.pdf, n + 1).includes("Why (and data quality)"));
  if (table < 0) throw new Error("The paper has no page with the table.");
  copyFileSync(paper.pngs[table], join(IMAGES, "paper-table.png"));
  const charts = await renderChartsSheet(built, join(dir, "charts"), 60);
  copyFileSync(charts.pngs[0], join(IMAGES, "charts.png"));
  return ["paper.png", "paper-table.png", "charts.png"];
}

async function main(): Promise<void> {
  mkdirSync(IMAGES, { recursive: true });
  // --paper: only the paper's pictures, through LibreOffice; no build and no browser.
  if (process.argv.includes("--paper")) {
    for (const m of await paperShots()) console.log(`docs/images/${m}`);
    return;
  }
  ensureBuild();
  const { server, url } = await serveDist();
  const browser = await launch();
  try {
    const made = [...(await paneShots(browser, url)), ...(await paperShots())];
    for (const m of made) console.log(`docs/images/${m}`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
