/**
 * The paper's promises that are not about one sample: rows as tall as their text, headings kept with
 * their rows, the rules line naming every rule applied, whole-number tolerances for counts,
 * benchmarks read through polarity, and a summary in plain English.
 */
import { analyse } from "../../src/engine/judge/assess";
import { bandIndicator } from "../../src/engine/judge/banding";
import { buildCommitteePlan, estimateLines, paginate } from "../../src/engine/paper/committee";
import { validateSettings } from "../../src/engine/config";
import { sentenceFor } from "../../src/engine/paper/narrative";
import { MONTHLY, QUARTERLY, YEARLY, byRef, gridOf, pct, seedAnalysis } from "../helpers";

const NOW = new Date(2018, 10, 30, 9, 30);
const settings = validateSettings(undefined).settings;

describe("rows as tall as their text", () => {
  test("wrapping counts words, not characters", () => {
    expect(estimateLines("", 10)).toBe(1);
    expect(estimateLines("one two three", 20)).toBe(1);
    // 27 characters per line at width 20: five 10-letter words take two words a line.
    expect(estimateLines("aaaaaaaaaa bbbbbbbbbb cccccccccc dddddddddd eeeeeeeeee", 20)).toBe(3);
    expect(estimateLines("first\nsecond", 30)).toBe(2);
  });

  test.each([MONTHLY, QUARTERLY, YEARLY])(
    "%s: every row fits Excel's 409 pt and its longest cell",
    async (path) => {
      const analysis = await seedAnalysis(path);
      const { plan } = buildCommitteePlan({ analysis, name: "Committee", generatedAt: NOW });
      const top = plan.commentary.headerRow + 1;
      plan.rowHeights.forEach((h, r) => {
        expect(h).toBeLessThanOrEqual(409);
        if (r < top || !plan.values[r][plan.commentary.keyColumn]) return;
        plan.values[r].forEach((v, c) => {
          if (typeof v !== "string" || c === plan.commentary.keyColumn) return;
          // At 12.5 pt a line, the row holds every line of every cell, and not twice as many.
          const lines = estimateLines(v, plan.columnWidths[c] - 1);
          expect(h).toBeGreaterThanOrEqual(lines * 12.5);
        });
        const most = Math.max(
          ...plan.values[r].map((v, c) =>
            typeof v === "string" && c !== plan.commentary.keyColumn
              ? estimateLines(v, plan.columnWidths[c] - 1)
              : 1,
          ),
        );
        expect(h).toBeLessThan(most * 12.5 + 12.5);
      });
    },
  );

  test("the visible columns fit A4 landscape at 100%, with the reason the widest", async () => {
    for (const path of [MONTHLY, QUARTERLY, YEARLY]) {
      const { plan } = buildCommitteePlan({
        analysis: await seedAnalysis(path),
        name: "C",
        generatedAt: NOW,
      });
      const header = plan.values[plan.commentary.headerRow];
      const visible = plan.columnWidths
        .slice(0, plan.print.printArea.right + 1)
        .filter((_, i) => !plan.hiddenColumns.includes(i));
      // Excel: a width of w characters is 7w + 5 pixels at 96 dpi; A4 landscape less 0.3 in margins.
      const points = visible.reduce((s, w) => s + ((7 * w + 5) * 72) / 96, 0);
      expect(points).toBeLessThanOrEqual((11.69 - 0.6) * 72);
      expect(plan.print.scale).toBe(100);
      const why = plan.columnWidths[header.indexOf("Why (and data quality)")];
      expect(Math.max(...visible)).toBe(Math.max(why, plan.columnWidths[header.indexOf("Measure")]));
    }
  });
});

describe("page breaks", () => {
  test("a heading that would end a page goes over with the row it heads", () => {
    // Rows of 100 pt on a 450 pt page; row 4 is a heading kept with row 5.
    const heights = [100, 100, 100, 100, 30, 100, 100];
    expect(
      paginate(heights, { pageHeight: 450, repeat: { first: 99, last: 99 }, keepWithNext: new Set([4]) }),
    ).toEqual([4]);
    expect(
      paginate(heights, { pageHeight: 450, repeat: { first: 99, last: 99 }, keepWithNext: new Set() }),
    ).toEqual([]);
  });

  test("the table starts a page, and repeated rows take their room on every page after", () => {
    const heights = [50, 50, 20, 20, 100, 100, 100, 100, 30, 100];
    // Key and header are rows 2-3; heading 8 is kept with 9. Page 2: 40 + 400 = 440 > 430, so
    // the printer breaks before row 7; page 3: 40 + 100 + 30 + 100 fits.
    const breaks = paginate(heights, {
      pageHeight: 430,
      repeat: { first: 2, last: 3 },
      keepWithNext: new Set([8]),
    });
    expect(breaks).toEqual([2]);
    const tight = paginate([50, 50, 20, 20, 100, 100, 100, 30, 100], {
      pageHeight: 380,
      repeat: { first: 2, last: 3 },
      keepWithNext: new Set([7]),
    });
    // 40 + 300 = 340; the heading (30) fits but its row does not: both go over.
    expect(tight).toEqual([2, 7]);
  });

  test.each([MONTHLY, QUARTERLY, YEARLY])(
    "%s: the table starts a page; every other break falls before a heading or a whole sentence",
    async (path) => {
      const analysis = await seedAnalysis(path);
      const { plan } = buildCommitteePlan({ analysis, name: "Committee", generatedAt: NOW });
      const tableStart = plan.print.repeatRows.first - 1;
      expect(plan.pageBreaks).toContain(tableStart);
      const sections = new Set(analysis.sections);
      const headings = new Set(["Summary", "Performing well", "Areas for focus", "For information"]);
      for (const r of plan.pageBreaks.filter((b) => b !== tableStart)) {
        const first = String(plan.values[r][0]);
        expect(sections.has(first) || headings.has(first) || first.startsWith("• ")).toBe(true);
      }
    },
  );
});

describe("the rules line states every rule applied", () => {
  test("bell-shaped measures and counts are named", async () => {
    const yearly = await seedAnalysis(YEARLY);
    const { plan } = buildCommitteePlan({ analysis: yearly, name: "C", generatedAt: NOW });
    const rules = String(plan.values[2][0]);
    expect(rules).toMatch(
      /best near their target \(bell-shaped\): green within 5% of the target of it either side, amber within twice that, otherwise red/,
    );
    expect(rules).toMatch(/counts: the tolerance is rounded to a whole number/);
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

  test("a count's tolerance is a whole number", () => {
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
    const near = bandIndicator({
      value: 1080,
      unit: "number",
      decimals: 0,
      polarity: "lower",
      targets: { kind: "single", target: 1031, decimals: 0, unit: "number" },
      tolerance: { kind: "relative", amount: 0.05 },
    });
    expect(near.band).toBe("amber");
  });
});

describe("benchmarks beside the value, read through polarity", () => {
  const grid = gridOf([
    ["Ref", "Indicator", "Good is", "Actual", "Target", "England", "Statistical neighbours"],
    ["A1", "Timely visits", "Higher", pct(0.91), pct(0.9), pct(0.88), pct(0.93)],
    ["A2", "Re-referrals", "Lower", pct(0.2), pct(0.25), pct(0.22), pct(0.18)],
  ]);
  const analysis = analyse(grid, settings);

  test("the target cell lists each benchmark with better or worse", () => {
    const { plan } = buildCommitteePlan({ analysis, name: "C", generatedAt: NOW });
    const target = plan.values[plan.commentary.headerRow].indexOf("Target");
    const row = (k: string) => plan.values.find((r) => r[plan.commentary.keyColumn] === k) ?? [];
    expect(row("A1")[target]).toBe(
      "90%\nEngland 88.0% (ours better)\nStatistical neighbours 93.0% (ours worse)",
    );
    // Lower is better: 20% beside England's 22% is better.
    expect(row("A2")[target]).toBe(
      "25%\nEngland 22.0% (ours better)\nStatistical neighbours 18.0% (ours worse)",
    );
  });

  test("the sentence names them too", () => {
    expect(sentenceFor(analysis.indicators[1])).toMatch(
      /compared with England 22\.0% \(better\), Statistical neighbours 18\.0% \(worse\)\.$/,
    );
  });
});

describe("the summary in plain English", () => {
  test("no 'moving with no better direction'", async () => {
    for (const path of [MONTHLY, QUARTERLY, YEARLY]) {
      const { plan } = buildCommitteePlan({
        analysis: await seedAnalysis(path),
        name: "C",
        generatedAt: NOW,
      });
      const text = plan.values.map((r) => r[0]).join("\n");
      expect(text).not.toMatch(/no better direction|not significant|significance/);
      expect(text).toMatch(/^Direction of travel: \d+ improving, \d+ worsening, \d+ with no clear change/m);
    }
  });

  test("cohort counts are given for information with their movement", async () => {
    const { plan } = buildCommitteePlan({
      analysis: await seedAnalysis(MONTHLY),
      name: "C",
      generatedAt: NOW,
    });
    const text = plan.values.map((r) => r[0]).join("\n");
    expect(text).toMatch(/^For information$/m);
    expect(text).toMatch(
      /• 1\.4 Number of LAC: 321, up 12 \(3\.9%\) from 309 in Sep 18, and up 31 \(10\.7%\) from 290 \(2017\/18 outturn\)/,
    );
  });

  test("a caveat that bears on a judgement is in the sentence", async () => {
    const yearly = await seedAnalysis(YEARLY);
    expect(sentenceFor(byRef(yearly, "CYPP P9-3"))).toMatch(
      /Note: it rests on 13 cases, so small changes swing it\.$/,
    );
  });
});
