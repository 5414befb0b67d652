/**
 * The print check can fail. Each rule is shown failing on a page laid out wrong, in words placed as
 * pdftotext places them; and a real paper, broken on purpose (no page breaks, rows twice as tall, the
 * reason in 7 pt type), is rendered through LibreOffice and fails as a reader
 * would find it failing.
 */
import ExcelJS from "exceljs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCommitteePlan, SheetPlan } from "../../src/engine/paper/committee";
import { applyPlan } from "../../src/hosts/file/apply-plan";
import { renderCommitteeSheet, renderToolsPresent } from "../../src/hosts/file/render";
import { MONTHLY, seedAnalysis } from "../helpers";
import { Word, pdfWords } from "./pdf-layout";
import { PaperExpected, checkPrint, shownNumber, unplannedNumbers } from "./print-check";

const requireTools = process.env.SCORECARD_REQUIRE_TOOLS === "1";
const lo = renderToolsPresent() || requireTools ? test : test.skip;

/** Words of one line, set left to right from x at the baseline y, `pt` points tall. */
function line(page: number, y: number, text: string, x = 20, pt = 10): Word[] {
  const out: Word[] = [];
  for (const t of text.split(" ")) {
    const w = t.length * pt * 0.5;
    out.push({
      page,
      text: t,
      xMin: x,
      yMin: y,
      xMax: x + w,
      yMax: y + pt * 1.2,
      pageWidth: 842,
      pageHeight: 595,
    });
    x += w + pt * 0.3;
  }
  return out;
}

const KEY = "Key: ● Green on target · ◆ Amber close to target · ■ Red off target";
const HEADER_Y = 60;

function summary(focus: string[]): Word[] {
  const words = [...line(1, 10, KEY), ...line(1, 45, "Borough committee report", 20, 16)];
  words.push(...line(1, 80, "■ 1 Red ◆ 1 Amber ● 8 Green – 0 not banded"));
  words.push(...line(1, 100, "Areas for focus: 1 red, 1 amber, worst first"));
  focus.forEach((f, i) => words.push(...line(1, 115 + 14 * i, `${f} A measure at 50%`)));
  words.push(...line(1, 500, "Performing well: 8 indicators at green"));
  return words;
}

/** A table page: the key, the header, then rows of `rowHeight` points, each with its RAG word. */
function tablePage(page: number, rags: string[], rowHeight = 45, lead: string[] = []): Word[] {
  const words = [...line(page, 10, KEY)];
  words.push(...line(page, HEADER_Y, "Ref Measure Current Target", 20));
  words.push(...line(page, HEADER_Y, "RAG", 300), ...line(page, HEADER_Y, "Direction", 360));
  words.push(...line(page, HEADER_Y, "Why (and data quality) Commentary", 460));
  let y = HEADER_Y + 20;
  if (lead.length) {
    words.push(...line(page, y, lead.join(" "), 460));
    y += 14;
  }
  for (const [i, rag] of rags.entries()) {
    words.push(...line(page, y, `${page}.${i} A measure of the service 50%`, 20));
    words.push(...line(page, y, rag, 302), ...line(page, y, "Improving", 360));
    y += rowHeight;
  }
  return words;
}

const expected: PaperExpected = {
  counts: { red: 1, amber: 1, green: 8, none: 0 },
  focus: ["1.1", "1.2"],
  indicators: 10,
  sections: [],
};

const GOOD = () => [
  ...summary(["1.1", "1.2"]),
  ...tablePage(2, ["Red", "Amber", "Green", "Green", "Green", "Green", "Green", "Green"]),
  ...tablePage(3, ["Green", "Green"]),
];

describe("the print check", () => {
  test("passes a paper laid out as it should be, and gives its figures", () => {
    const { problems, figures } = checkPrint(GOOD(), expected);
    expect(problems).toEqual([]);
    expect(figures.pages).toBe(3);
    expect(figures.perTablePage).toEqual([8, 2]);
    expect(figures.smallestPt).toBeCloseTo(10, 0);
  });

  test("fails a table page of fewer than 8 indicators that is not the last", () => {
    const words = [
      ...summary(["1.1", "1.2"]),
      ...tablePage(2, ["Red", "Amber", "Green", "Green", "Green", "Green", "Green"]),
      ...tablePage(3, ["Green", "Green", "Green"]),
    ];
    expect(checkPrint(words, expected).problems).toEqual(["page 2: 7 indicators (at least 8)"]);
  });

  test("fails a page more than half blank that is neither the summary nor the last", () => {
    const words = [
      ...summary(["1.1", "1.2"]),
      ...tablePage(2, ["Red", "Amber", "Green", "Green", "Green", "Green", "Green", "Green"], 20),
      ...tablePage(3, ["Green", "Green"]),
    ];
    expect(checkPrint(words, expected).problems).toEqual([expect.stringMatching(/^page 2: \d+% blank$/)]);
  });

  test("fails a row split across pages: its tail sits between the next page's header and first row", () => {
    const words = [
      ...summary(["1.1", "1.2"]),
      ...tablePage(2, ["Red", "Amber", "Green", "Green", "Green", "Green", "Green", "Green"]),
      ...tablePage(3, ["Green", "Green"], 45, ["earlier", "(2023/24)."]),
    ];
    expect(checkPrint(words, expected).problems).toEqual([
      "page 3: split row above its first indicator: earlier (2023/24).",
    ]);
  });

  test("fails type under 9 pt, a lost indicator, a missing area for focus, and the table under the summary", () => {
    const words = [
      ...summary(["1.1"]),
      ...line(1, 530, "footnote in small type", 20, 7),
      ...tablePage(1, ["Red"]).filter((w) => w.yMin > 20),
      ...tablePage(2, ["Amber", "Green", "Green", "Green", "Green", "Green", "Green", "Green"]),
    ];
    const { problems } = checkPrint(words, expected);
    expect(problems).toEqual(
      expect.arrayContaining([
        'page 1: "footnote" prints at 7.0 pt',
        'page 1 lacks the area for focus "1.2"',
        "the table starts on page 1, under the summary",
      ]),
    );
    const missing = checkPrint(
      GOOD().filter((w) => !(w.page === 3 && w.text === "Green" && w.yMin > 20)),
      expected,
    );
    expect(missing.problems).toEqual(["8 indicator rows printed for 10 indicators"]);
  });

  test("fails a number the plan never wrote, and one too wide for its cell", () => {
    expect(shownNumber(0.9434, "0.0%")).toBe("94.3%");
    expect(shownNumber(66.04, '#,##0" per 10,000"')).toBe("66 per 10,000");
    const words = [...line(1, 100, "Up from 94.3% to 95.0% ###"), ...line(1, 120, "Page 1 of 1")];
    expect(unplannedNumbers(words, ["Up from 94.3% to 95.0%"])).toEqual([
      "page 1: a number too wide for its cell prints as ###",
    ]);
    expect(unplannedNumbers(words, ["Up from 94.3% to 95%"])).toEqual([
      'page 1: 95.0 (in "95.0%") is in no cell of the plan',
      "page 1: a number too wide for its cell prints as ###",
    ]);
  });
});

/** The monthly paper with its layout broken on purpose, the way a careless change would break it. */
function broken(plan: SheetPlan): SheetPlan {
  const header = plan.commentary.headerRow;
  return {
    ...plan,
    // No page breaks: the table starts under the summary.
    pageBreaks: [],
    // Rows twice the height their text needs: fewer indicators a page.
    rowHeights: plan.rowHeights.map((h, r) => (r > header ? Math.min(400, h * 2.2) : h)),
    autoHeight: null,
    // The reason in 7 pt type.
    styles: { ...plan.styles, why: { ...plan.styles.why, size: 7 } },
  };
}

describe("the print check on a rendered paper broken on purpose", () => {
  jest.setTimeout(180_000);
  lo("fails it, rule by rule", async () => {
    const analysis = await seedAnalysis(MONTHLY);
    const { plan } = buildCommitteePlan({ analysis, name: "Committee", generatedAt: new Date(2018, 10, 30) });
    const wb = new ExcelJS.Workbook();
    applyPlan(wb.addWorksheet("Committee"), broken(plan));
    const dir = mkdtempSync(join(tmpdir(), "scorecard-broken-"));
    const file = join(dir, "broken.xlsx");
    await wb.xlsx.writeFile(file);
    const words = pdfWords((await renderCommitteeSheet(file, join(dir, "render"), 30)).pdf);
    const count = (band: string) => analysis.indicators.filter((i) => i.band === band).length;
    const { problems } = checkPrint(words, {
      counts: { red: count("red"), amber: count("amber"), green: count("green"), none: count("none") },
      focus: [],
      indicators: analysis.indicators.length,
      sections: analysis.sections,
    });
    const has = (re: RegExp) => problems.some((p) => re.test(p));
    expect({
      smallType: has(/prints at [0-8]\.\d pt/),
      tableUnderSummary: has(/the table starts on page 1/),
      fewPerPage: has(/indicators \(at least 8\)/),
    }).toEqual({ smallType: true, tableUnderSummary: true, fewPerPage: true });
  });
});
