/**
 * The paper as printed: every sample's committee sheet through LibreOffice to PDF, then measured.
 * Body text must print at 9 pt or more on A4 landscape, and the narrative never sits under the
 * repeated table header. Font sizes come from `pdftotext -bbox` word heights, calibrated on the
 * 16 pt title, so the check does not depend on one font's metrics.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateSettings } from "../../src/engine/config";
import { buildCommitteeSheet } from "../../src/hosts/file/build";
import { renderCommitteeSheet, renderToolsPresent } from "../../src/hosts/file/render";
import { MONTHLY, QUARTERLY, ROOT, YEARLY, readBook } from "../helpers";

const requireTools = process.env.SCORECARD_REQUIRE_TOOLS === "1";
const lo = renderToolsPresent() || requireTools ? test : test.skip;
const settings = validateSettings(undefined).settings;
jest.setTimeout(240_000);

interface Word {
  page: number;
  text: string;
  height: number;
  width: number;
  pageWidth: number;
  pageHeight: number;
}

function words(pdf: string): Word[] {
  const xml = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 26 });
  const out: Word[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  for (const line of xml.split("\n")) {
    const p = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (p) {
      page++;
      pageWidth = Number(p[1]);
      pageHeight = Number(p[2]);
      continue;
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (w)
      out.push({
        page,
        text: w[5],
        height: Number(w[4]) - Number(w[2]),
        width: Number(w[3]) - Number(w[1]),
        pageWidth,
        pageHeight,
      });
  }
  return out;
}

async function render(seed: string): Promise<Word[]> {
  const dir = mkdtempSync(join(tmpdir(), "scorecard-print-"));
  const file = join(dir, "scorecard.xlsx");
  copyFileSync(seed, file);
  const wb = await readBook(file);
  await buildCommitteeSheet(wb, settings, undefined, new Date(2018, 10, 30, 9, 30));
  await wb.xlsx.writeFile(file);
  const r = await renderCommitteeSheet(file, join(dir, "render"), 30);
  return words(r.pdf);
}

const corpus = (f: string) => join(ROOT, "test", "fixtures", "corpus", f);

describe.each([
  ["monthly", MONTHLY],
  ["quarterly", QUARTERLY],
  ["yearly", YEARLY],
  // Three layouts of the corpus: benchmarks beside the value, a bilingual sheet, quarters under years.
  ["corpus benchmarks-and-arrows", corpus("benchmarks-and-arrows.xlsx")],
  ["corpus welsh-bilingual-merged-year", corpus("welsh-bilingual-merged-year.xlsx")],
  ["corpus quarters-under-merged-year", corpus("quarters-under-merged-year.xlsx")],
])("the %s sample printed on A4 landscape", (_name, seed) => {
  let all: Word[] = [];
  beforeAll(async () => {
    if (renderToolsPresent() || requireTools) all = await render(seed);
  });

  lo("is A4 landscape, and no text prints smaller than 9 pt", () => {
    expect(all.length).toBeGreaterThan(100);
    for (const w of all) {
      expect(Math.round(w.pageWidth)).toBe(842);
      expect(Math.round(w.pageHeight)).toBe(595);
    }
    // The title is set at 16 pt: its word height gives the font's height per point.
    const title = all.find((w) => w.page === 1 && /committee/.test(w.text));
    expect(title).toBeDefined();
    const perPoint = (title?.height ?? 0) / 16;
    const sizes = all.map((w) => ({ text: w.text, page: w.page, pt: w.height / perPoint }));
    const small = sizes.filter((s) => s.pt < 8.95);
    expect(small).toEqual([]);
  });

  lo(
    "never prints the narrative under the table header, the key is on every page, and no column spills onto a page of its own",
    () => {
      const pages = new Set(all.map((w) => w.page));
      for (const p of pages) {
        const text = all
          .filter((w) => w.page === p)
          .map((w) => w.text)
          .join(" ");
        expect(text).toMatch(/^Key: ● Green/);
        // The table's header is whole on every page that has it: Ref at the left, Commentary at the right.
        if (/\bRef\b/.test(text) || /Why \(and data quality\)|Commentary/.test(text))
          expect({ page: p, header: /\bRef\b.*Why \(and data quality\).*Commentary/.test(text) }).toEqual({
            page: p,
            header: true,
          });
        if (/Why \(and data quality\)/.test(text))
          expect({
            page: p,
            narrative: /Performing well|Areas for focus|For information/.test(text),
          }).toEqual({
            page: p,
            narrative: false,
          });
      }
    },
  );
});
