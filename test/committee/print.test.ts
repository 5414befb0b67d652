/**
 * The paper as printed, read back from the PDF the way a councillor meets it: every sample's committee
 * sheet (the three seeds, the SPC sample and four corpus layouts) through LibreOffice, then measured
 * with pdftotext -bbox. Page 1 holds the RAG counts and the areas for focus; every table page but the
 * last carries at least 8 indicators; no page but the summary and the last is more than half blank; no
 * indicator is split across pages; nothing prints below 9 pt. Font sizes come from word heights,
 * calibrated on the 16 pt title, so the check does not depend on one font's metrics.
 */
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateSettings } from "../../src/engine/config";
import type { Analysis } from "../../src/engine/judge/assess";
import { buildCommitteeSheet } from "../../src/hosts/file/build";
import { renderCommitteeSheet, renderToolsPresent } from "../../src/hosts/file/render";
import { spcSampleWorkbook } from "../../scripts/spc-sample";
import { MONTHLY, QUARTERLY, ROOT, YEARLY, readBook } from "../helpers";
import { PageReading, Word, pdfWords, readPages } from "./pdf-layout";

const requireTools = process.env.SCORECARD_REQUIRE_TOOLS === "1";
const lo = renderToolsPresent() || requireTools ? test : test.skip;
const settings = validateSettings(undefined).settings;
jest.setTimeout(240_000);

const SPC_SAMPLE = "spc-sample";

async function render(seed: string): Promise<{ words: Word[]; analysis: Analysis }> {
  const dir = mkdtempSync(join(tmpdir(), "scorecard-print-"));
  const file = join(dir, "scorecard.xlsx");
  if (seed === SPC_SAMPLE) await spcSampleWorkbook().xlsx.writeFile(file);
  else copyFileSync(seed, file);
  const wb = await readBook(file);
  const { analysis } = await buildCommitteeSheet(wb, settings, undefined, new Date(2018, 10, 30, 9, 30));
  await wb.xlsx.writeFile(file);
  const r = await renderCommitteeSheet(file, join(dir, "render"), 30);
  return { words: pdfWords(r.pdf), analysis };
}

const corpus = (f: string) => join(ROOT, "test", "fixtures", "corpus", f);
const text = (p: PageReading) => p.words.map((w) => w.text).join(" ");

describe.each([
  ["monthly", MONTHLY],
  ["quarterly", QUARTERLY],
  ["yearly", YEARLY],
  ["SPC", SPC_SAMPLE],
  // Four layouts of the corpus: benchmarks and arrows, a bilingual sheet, quarters under years, and
  // national and neighbour averages beside comment rows.
  ["corpus benchmarks-and-arrows", corpus("benchmarks-and-arrows.xlsx")],
  ["corpus welsh-bilingual-merged-year", corpus("welsh-bilingual-merged-year.xlsx")],
  ["corpus quarters-under-merged-year", corpus("quarters-under-merged-year.xlsx")],
  ["corpus comment-rows-nat-ave", corpus("comment-rows-nat-ave.xlsx")],
])("the %s sample printed on A4 landscape", (_name, seed) => {
  let all: Word[] = [];
  let pages: PageReading[] = [];
  let analysis: Analysis | undefined;
  beforeAll(async () => {
    if (!(renderToolsPresent() || requireTools)) return;
    ({ words: all, analysis } = await render(seed));
    pages = readPages(all, analysis.sections);
  });

  lo("is A4 landscape, and no text prints smaller than 9 pt", () => {
    expect(all.length).toBeGreaterThan(50);
    for (const w of all) {
      expect(Math.round(w.pageWidth)).toBe(842);
      expect(Math.round(w.pageHeight)).toBe(595);
    }
    // The title is set at 16 pt: its word height gives the font's height per point.
    const title = all.find((w) => w.page === 1 && /committee/.test(w.text));
    expect(title).toBeDefined();
    const perPoint = ((title?.yMax ?? 0) - (title?.yMin ?? 0)) / 16;
    const small = all
      .map((w) => ({ text: w.text, page: w.page, pt: (w.yMax - w.yMin) / perPoint }))
      .filter((s) => s.pt < 8.95);
    expect(small).toEqual([]);
  });

  lo("page 1 is the summary: the RAG counts with their words, and every area for focus", () => {
    const a = analysis as Analysis;
    const first = pages[0];
    const count = (band: string) => a.indicators.filter((i) => i.band === band).length;
    const words = text(first);
    expect(words).toContain(`■ ${count("red")} Red`);
    expect(words).toContain(`◆ ${count("amber")} Amber`);
    expect(words).toContain(`● ${count("green")} Green`);
    expect(words).toContain(`– ${count("none")} not banded`);
    const focus = a.indicators.filter((i) => i.band === "red" || i.band === "amber");
    if (focus.length) expect(words).toMatch(/Areas for focus/);
    for (const i of focus) {
      // A long reference may wrap at its space; its first word is enough to find it.
      const mark = i.ref?.split(/\s+/)[0] ?? i.title.split(/\s+/).slice(0, 2).join(" ");
      expect({ indicator: mark, onPage1: words.includes(mark) }).toEqual({ indicator: mark, onPage1: true });
    }
    // The table does not start under the summary.
    expect(first.headerBottom).toBeNull();
  });

  lo(
    "every indicator prints once, whole, at least 8 to a table page, and no page but the summary and the last is half blank",
    () => {
      const a = analysis as Analysis;
      const table = pages.filter((p) => p.headerBottom !== null);
      expect(table.length).toBeGreaterThan(0);
      // One RAG word per indicator row, across the table's pages: none lost, none printed twice.
      expect(table.reduce((n, p) => n + p.indicators.length, 0)).toBe(a.indicators.length);
      const last = pages[pages.length - 1].page;
      for (const p of table.filter((t) => t.page !== last && t !== table[table.length - 1]))
        expect({ page: p.page, indicators: p.indicators.length }).toEqual({
          page: p.page,
          indicators: Math.max(8, p.indicators.length),
        });
      for (const p of pages.slice(1, -1))
        expect({ page: p.page, blank: p.blank <= 0.5 }).toEqual({ page: p.page, blank: true });
      // Nothing of a row continued from the page before sits between a page's header and its first row.
      for (const p of table) expect({ page: p.page, strays: p.strays }).toEqual({ page: p.page, strays: [] });
    },
  );

  lo(
    "the key is on every page, the table's header is whole on each of its pages, and the summary never sits under it",
    () => {
      for (const p of pages) {
        const words = text(p);
        expect(words).toMatch(/^Key: ● Green/);
        if (p.headerBottom !== null) {
          const header = new Set(p.body.filter((w) => w.yMax <= (p.headerBottom ?? 0)).map((w) => w.text));
          const whole = ["Measure", "RAG", "Direction", "Why", "(and", "Commentary"].every((h) =>
            header.has(h),
          );
          expect({ page: p.page, header: whole }).toEqual({ page: p.page, header: true });
          expect({ page: p.page, summary: /Areas for focus|Performing well/.test(words) }).toEqual({
            page: p.page,
            summary: false,
          });
        }
      }
    },
  );
});
