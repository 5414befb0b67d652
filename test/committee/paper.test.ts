/**
 * The paper's promises that are not about one sample: text measured in the printed font, rows as tall
 * as their text, columns proportioned by what they hold, headings kept with their rows, the rules line
 * naming every rule applied, whole-number tolerances for counts, benchmarks in columns of their own
 * read through polarity, the council's last RAG, and plain English without the analyst's codes.
 */
import { analyse } from "../../src/engine/judge/assess";
import { bandIndicator } from "../../src/engine/judge/banding";
import { FLAG_CODES } from "../../src/engine/judge/quality";
import { buildCommitteePlan, paginate, SheetPlan } from "../../src/engine/paper/committee";
import { validateSettings } from "../../src/engine/config";
import { measureName, sentenceFor } from "../../src/engine/paper/narrative";
import { countLines, lineHeight, textHeight, textWidth, wrapText } from "../../src/engine/paper/measure-text";
import { PAGE_WIDTH_PT, columnPoints, textPoints } from "../../src/engine/paper/page";
import { benchmarkName } from "../../src/engine/paper/plain-words";
import { MONTHLY, QUARTERLY, YEARLY, byRef, gridOf, pct, seedAnalysis } from "../helpers";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers";

const NOW = new Date(2018, 10, 30, 9, 30);
const settings = validateSettings(undefined).settings;
const CORPUS = join(ROOT, "test", "fixtures", "corpus");

function col(plan: SheetPlan, header: string): number {
  const i = plan.values[plan.commentary.headerRow].indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
}

describe("text measured in the printed font", () => {
  test("widths are Calibri's (Carlito's) advance widths, not a count of characters", () => {
    const font = { size: 10 };
    // Same number of characters, very different widths: a count of characters cannot tell them apart.
    expect(textWidth("WWWWWWWWWW", font)).toBeGreaterThan(2.5 * textWidth("iiiiiiiiii", font));
    // Carlito's "0" is 1038/2048 em; at 10 pt that is 5.07 points.
    expect(textWidth("0", font)).toBeCloseTo((1038 / 2048) * 10, 6);
    expect(textWidth("Commentary", { size: 10, bold: true })).toBeGreaterThan(textWidth("Commentary", font));
    // One line of 10 pt Calibri is 17 pixels in Excel (12.75 pt); lines add at the font's spacing.
    expect(lineHeight(10)).toBe(12.75);
    expect(textHeight(1, 10)).toBe(12.75);
    expect(textHeight(3, 10)).toBeLessThan(3 * 12.75 + 0.01);
  });

  test("words wrap at spaces, a line break starts a line, a word too long is broken where it runs out", () => {
    const font = { size: 10 };
    expect(wrapText("", 100, font)).toEqual([""]);
    expect(wrapText("one two three", 200, font)).toEqual(["one two three"]);
    const w = textWidth("aaaa bbbb", font);
    expect(wrapText("aaaa bbbb cccc dddd", w + 0.1, font)).toEqual(["aaaa bbbb", "cccc dddd"]);
    expect(wrapText("first\nsecond", 200, font)).toEqual(["first", "second"]);
    expect(wrapText("abcdefghij", textWidth("abcde", font) + 0.1, font)).toEqual(["abcde", "fghij"]);
  });
});

describe("rows as tall as their text, columns by what they hold", () => {
  test.each([MONTHLY, QUARTERLY, YEARLY])(
    "%s: every row fits Excel's 409 pt and holds every line of its cells, and not a line more",
    async (path) => {
      const analysis = await seedAnalysis(path);
      const { plan } = buildCommitteePlan({ analysis, name: "Committee", generatedAt: NOW });
      const top = plan.commentary.headerRow + 1;
      plan.rowHeights.forEach((h, r) => {
        expect(h).toBeLessThanOrEqual(409);
        if (r < top || !plan.values[r][plan.commentary.keyColumn]) return;
        let most = 0;
        plan.values[r].forEach((v, c) => {
          if (typeof v !== "string" || plan.hiddenColumns.includes(c)) return;
          const name = plan.styleAreas.find((s) =>
            s.areas.some((a) => a.top <= r && r <= a.bottom && a.left <= c && c <= a.right),
          )?.style;
          const style = name ? plan.styles[name] : {};
          const font = { size: style.size ?? 11, bold: style.bold, italic: style.italic };
          const need = textHeight(countLines(v, textPoints(plan.columnWidths[c]), font), font.size);
          expect(h).toBeGreaterThanOrEqual(need);
          most = Math.max(most, need);
        });
        expect(h).toBeLessThan(most + lineHeight(10));
      });
    },
  );

  test("the printed columns fit A4 landscape at 100%; the reason is the widest; an empty Commentary narrows", async () => {
    for (const path of [MONTHLY, QUARTERLY, YEARLY]) {
      const { plan } = buildCommitteePlan({
        analysis: await seedAnalysis(path),
        name: "C",
        generatedAt: NOW,
      });
      const visible = plan.columnWidths
        .slice(0, plan.print.printArea.right + 1)
        .filter((_, i) => !plan.hiddenColumns.includes(i));
      const points = visible.reduce((s, w) => s + columnPoints(w), 0);
      expect(points).toBeLessThanOrEqual(PAGE_WIDTH_PT);
      expect(plan.print.scale).toBe(100);
      const why = plan.columnWidths[col(plan, "Why (and data quality)")];
      expect(Math.max(...visible)).toBe(why);
      // No commentary yet (the quarterly sample brings its own): as narrow as its header allows.
      const commentary = plan.columnWidths[col(plan, "Commentary")];
      const empty = plan.values.every((r, i) => i <= plan.commentary.headerRow || !r[plan.commentary.column]);
      if (empty) expect(commentary).toBeLessThanOrEqual(12);
      expect(countLines("Commentary", textPoints(commentary), { size: 10, bold: true })).toBe(1);
    }
  });

  test("commentary, once typed, gets room of its own", async () => {
    const analysis = await seedAnalysis(MONTHLY);
    const first = buildCommitteePlan({ analysis, name: "C", generatedAt: NOW });
    const grid = {
      sheet: "C",
      merges: [],
      rows: first.plan.values.map((r) => r.map((v) => ({ value: v }))),
    };
    const note =
      "Recovery plan agreed with the service manager; audit of plans booked for January and February.";
    grid.rows.forEach((row) => {
      if (row[first.plan.commentary.keyColumn]?.value === "3.1")
        row[first.plan.commentary.column] = { value: note };
    });
    const second = buildCommitteePlan({ analysis, name: "C", generatedAt: NOW, existing: grid });
    expect(second.plan.columnWidths[second.plan.commentary.column]).toBeGreaterThan(
      first.plan.columnWidths[first.plan.commentary.column],
    );
  });
});

describe("page breaks", () => {
  const model = (keep: number[], tableStart = 99) => ({
    pageHeight: 450,
    tableStart,
    headerRow: tableStart,
    printEnd: 99,
    keepWithNext: new Set(keep),
  });

  test("a heading that would end a page goes over with the row it heads", () => {
    // Rows of 100 pt on a 450 pt page; row 4 is a heading kept with row 5.
    const heights = [100, 100, 100, 100, 30, 100, 100];
    expect(paginate(heights, model([4]))).toEqual([4]);
    // Without it, the page simply fills and the printer breaks it: nothing forced.
    expect(paginate(heights, model([]))).toEqual([]);
  });

  test("the table starts a page, and its repeated header takes its room on every page after", () => {
    const heights = [50, 50, 20, 100, 100, 100, 100, 30, 100];
    // The header (row 2) starts the table's page; page 2: 20 + 300 = 320, then 100 more would
    // pass 410, so the printer breaks before row 6; page 3: 20 + 100 + 30 + 100 fits.
    expect(paginate(heights, { ...model([7], 2), pageHeight: 410 })).toEqual([2]);
    // A tighter page: the heading (30) would fit but its row would not: both go over.
    expect(paginate([50, 50, 20, 100, 100, 100, 30, 100], { ...model([6], 2), pageHeight: 370 })).toEqual([
      2, 6,
    ]);
  });

  test.each([MONTHLY, QUARTERLY, YEARLY])(
    "%s: the table starts a page; every other break falls before a section heading",
    async (path) => {
      const analysis = await seedAnalysis(path);
      const { plan } = buildCommitteePlan({ analysis, name: "Committee", generatedAt: NOW });
      expect(plan.pageBreaks).toContain(plan.commentary.headerRow);
      const sections = new Set(analysis.sections);
      const headings = /^(Areas for focus|Performing well|How to read this paper)/;
      for (const r of plan.pageBreaks.filter((b) => b !== plan.commentary.headerRow)) {
        const first = String(plan.values[r][0]);
        expect(sections.has(first) || headings.test(first)).toBe(true);
      }
    },
  );
});

describe("the rules line states every rule applied", () => {
  test("bell-shaped measures and counts are named", async () => {
    const yearly = await seedAnalysis(YEARLY);
    const { plan } = buildCommitteePlan({ analysis: yearly, name: "C", generatedAt: NOW });
    const rules = String(plan.values.find((r) => String(r[0]).startsWith("Rules:"))?.[0]);
    expect(rules).toMatch(
      /best near their target \(bell-shaped\): green within 5% of the target of it either side, amber within twice that, otherwise red/,
    );
    expect(rules).toMatch(/counts: the tolerance is a whole number/);
    expect(rules).toMatch(/year-to-date figure with the same point a year earlier/);
  });

  test("NI 65's reason says the tolerance and twice it, not 'more than twice 0.63'", async () => {
    const yearly = await seedAnalysis(YEARLY);
    expect(byRef(yearly, "NI 65").bandReason).toBe(
      "10.4% is more than 1.3 percentage points (twice the tolerance of 0.63 percentage points) from the target of 12.5%; best within a range.",
    );
    expect(byRef(yearly, "NI 68").bandReason).toMatch(
      /more than 3 percentage points from the target of 60% but within 6 percentage points \(twice the tolerance\)/,
    );
  });

  test("a count's tolerance is a whole number, and so is a score's out of a whole number", async () => {
    const v = bandIndicator({
      value: 1362,
      unit: "number",
      decimals: 0,
      polarity: "lower",
      targets: { kind: "single", target: 1031, decimals: 0, unit: "number" },
      tolerance: { kind: "relative", amount: 0.05 },
    });
    expect(v.tolerance).toBe(52);
    expect(v.reason).toMatch(/tolerance of 52;/);
    // "8 out of 15": 5% of 8 is 0.4 of a child; the tolerance is one.
    const yearly = await seedAnalysis(YEARLY);
    const { plan } = buildCommitteePlan({ analysis: yearly, name: "C", generatedAt: NOW });
    const ni71 = plan.values.find((r) => r[plan.commentary.keyColumn] === "NI 71") ?? [];
    expect(ni71[col(plan, "Target")]).toBe("at least 8 out of 15 (green);\nbelow 7 out of 15 is red");
  });
});

describe("what the sheet knows, printed", () => {
  const grid = gridOf([
    ["Ref", "Indicator", "Good is", "Actual", "Target", "England", "STAT NEIGH AVE", "Last RAG", "DoT"],
    ["A1", "Timely visits", "Higher", pct(0.91), pct(0.9), pct(0.88), pct(0.93), "A", "↑"],
    ["A2", "Re-referrals", "Lower", pct(0.2), pct(0.25), pct(0.22), pct(0.18), "G", "é"],
  ]);
  const analysis = analyse(grid, settings);

  test("benchmarks in columns of their own, by their proper names, better or worse through polarity", () => {
    const { plan } = buildCommitteePlan({ analysis, name: "C", generatedAt: NOW });
    const row = (k: string) => plan.values.find((r) => r[plan.commentary.keyColumn] === k) ?? [];
    const england = col(plan, "England");
    const sn = col(plan, "Statistical neighbours");
    expect([row("A1")[england], row("A1")[sn]]).toEqual(["88.0%\nours better", "93.0%\nours worse"]);
    // Lower is better: 20% beside England's 22% is better.
    expect([row("A2")[england], row("A2")[sn]]).toEqual(["22.0%\nours better", "18.0%\nours worse"]);
    expect(plan.conditional.find((c) => c.area.left === england)?.rules.map((r) => r.contains)).toEqual([
      "ours better",
      "ours worse",
    ]);
  });

  test("benchmark names", () => {
    expect(benchmarkName("STAT NEIGH AVE")).toBe("Statistical neighbours");
    expect(benchmarkName("SN AVE")).toBe("Statistical neighbours");
    expect(benchmarkName("Statistical Neighbours Average")).toBe("Statistical neighbours");
    expect(benchmarkName("England average")).toBe("England");
    expect(benchmarkName("2013/14 all Wales comparative data (where applicable)")).toBe("Wales 2013/14");
    expect(benchmarkName("SN median 2022/23")).toBe("Statistical neighbours (median) 2022/23");
  });

  test("the council's own RAG and arrow from its last paper", () => {
    const { plan } = buildCommitteePlan({ analysis, name: "C", generatedAt: NOW });
    const last = col(plan, "Last paper");
    const row = (k: string) => plan.values.find((r) => r[plan.commentary.keyColumn] === k) ?? [];
    expect(row("A1")[last]).toBe("Amber ↑");
    // Wingdings' "é" is an up arrow in the council's font.
    expect(row("A2")[last]).toBe("Green ↑");
  });

  test("the sentence names the benchmarks too", () => {
    expect(sentenceFor(analysis.indicators[1], analysis)).toMatch(
      /Compared with England 22\.0% \(ours better\), STAT NEIGH AVE 18\.0% \(ours worse\)\.$/,
    );
  });
});

describe("plain English a member can read aloud", () => {
  const files = [
    MONTHLY,
    QUARTERLY,
    YEARLY,
    ...readdirSync(CORPUS)
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => join(CORPUS, f)),
  ];

  test.each(files)(
    "%s: no analyst's codes, no Min/Upper backwards, no 'last year' without its period",
    async (path) => {
      const analysis = await seedAnalysis(path);
      const { plan } = buildCommitteePlan({ analysis, name: "C", generatedAt: NOW });
      // What the paper says in its own words: not the sheet's titles, sections or commentary.
      const source = new Set(
        analysis.indicators.flatMap((a) => [a.title, measureName(a), a.sourceCommentary ?? "", a.ref ?? ""]),
      );
      for (const s of analysis.sections) source.add(s);
      const printed = plan.values
        .slice(0, plan.print.printArea.bottom + 1)
        .flatMap((r) =>
          r.filter(
            (v, c): v is string => typeof v === "string" && !plan.hiddenColumns.includes(c) && !source.has(v),
          ),
        )
        .filter((t) => !/committee report$/.test(t));
      const text = printed.join("\n");
      for (const code of FLAG_CODES.filter((c) => c.includes("-"))) expect(text).not.toContain(code);
      expect(text).not.toMatch(/num\/denom|current ≠/i);
      expect(text).not.toMatch(/Min \d[^/]* \/ Upper/);
      expect(text).not.toMatch(/within what chance alone gives|no better direction|significan/);
      expect(text).not.toMatch(/\blast year\b(?!, which)/i);
    },
  );

  test("the summary counts in words", async () => {
    for (const path of [MONTHLY, QUARTERLY, YEARLY]) {
      const { plan } = buildCommitteePlan({
        analysis: await seedAnalysis(path),
        name: "C",
        generatedAt: NOW,
      });
      const text = plan.values.map((r) => r[0]).join("\n");
      expect(text).toMatch(/^Direction of travel: \d+ improving, \d+ worsening, \d+ with no clear change/m);
    }
  });

  test("cohort counts are given for information with their movement over the year", async () => {
    const monthly = await seedAnalysis(MONTHLY);
    expect(sentenceFor(byRef(monthly, "1.4"), monthly)).toBe(
      "Number of LAC (ref 1.4): 321. Up from 309 in Sep 18. Up from 290 (2017/18 outturn).",
    );
  });

  test("a caveat that bears on a judgement is in the sentence, and what it means", async () => {
    const yearly = await seedAnalysis(YEARLY);
    expect(sentenceFor(byRef(yearly, "CYPP P9-3"), yearly)).toMatch(
      /too small a change to be sure it is real, with 13 homes\. ⚠ Rests on only 13 homes\.$/,
    );
  });
});

describe("the width table is the fonts' own", () => {
  const fonts = "/usr/share/fonts/truetype";
  const present = existsSync(join(fonts, "crosextra", "Carlito-Regular.ttf"));
  (present ? test : test.skip)(
    "scripts/font-metrics.ts, run on the installed fonts, writes the committed table",
    () => {
      const out = join(mkdtempSync(join(tmpdir(), "sc-fonts-")), "font-widths.ts");
      execFileSync("npx", ["tsx", join(ROOT, "scripts", "font-metrics.ts"), fonts, out], { stdio: "ignore" });
      expect(readFileSync(out, "utf8")).toBe(
        readFileSync(join(ROOT, "src", "engine", "paper", "font-widths.ts"), "utf8"),
      );
    },
  );
});

describe("where 'How to read this paper' goes", () => {
  test("under the table when it fits there; on the summary page rather than alone on a last page", async () => {
    const notesRow = (plan: { values: unknown[][] }) =>
      plan.values.findIndex((r) => r[0] === "How to read this paper");
    // The monthly table fills its last page: the notes would print alone under a repeated header.
    const monthly = buildCommitteePlan({
      analysis: await seedAnalysis(MONTHLY),
      name: "Committee",
      generatedAt: new Date(2018, 10, 30),
    }).plan;
    expect(notesRow(monthly)).toBeLessThan(monthly.commentary.headerRow);
    expect(notesRow(monthly)).toBeGreaterThan(0);
    // The demo's last table page has room for them.
    const demo = buildCommitteePlan({
      analysis: await seedAnalysis(join(ROOT, "seeds", "annual-scorecard.xlsx")),
      name: "Committee",
      generatedAt: new Date(2018, 10, 30),
    }).plan;
    expect(notesRow(demo)).toBeGreaterThan(demo.commentary.headerRow);
  });
});
