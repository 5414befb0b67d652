/** The committee SheetPlan: what the paper holds, how it is laid out, and what it promises. */
import { analyse, Analysis } from "../../src/engine/judge/assess";
import {
  buildCommitteePlan,
  COMMITTEE_MARKER,
  groupStyles,
  readCommentary,
  SheetPlan,
  sparkline,
  chooseCommitteeName,
  isCommitteeGrid,
} from "../../src/engine/paper/committee";
import { Grid } from "../../src/engine/grid";
import { buildNarrative, sentenceFor } from "../../src/engine/paper/narrative";
import { MONTHLY, QUARTERLY, YEARLY, byRef, gridOf, pct, seedAnalysis, seedGrid } from "../helpers";

const NOW = new Date(2018, 10, 30, 9, 30);

/** A plan's cells as a grid, as a host would read the sheet back. */
export function planAsGrid(plan: SheetPlan): Grid {
  return { sheet: plan.name, rows: plan.values.map((r) => r.map((v) => ({ value: v }))), merges: [] };
}

/** A column's index by its header, so that tests do not hang on the column order. */
function col(plan: SheetPlan, header: string): number {
  const i = plan.values[plan.commentary.headerRow].indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i;
}

function rowOf(plan: SheetPlan, key: string): (string | number | null)[] {
  const r = plan.values.find((row) => row[plan.commentary.keyColumn] === key);
  if (!r) throw new Error(`no row for ${key}`);
  return r;
}

let monthly: Analysis;
let quarterly: Analysis;
const quarterly004 = () => quarterly;
beforeAll(async () => {
  monthly = await seedAnalysis(MONTHLY);
  quarterly = await seedAnalysis(QUARTERLY);
});

describe("the committee sheet for the 000 sample", () => {
  test("title block, summary, narrative, then the table on a page of its own", () => {
    const { plan } = buildCommitteePlan({ analysis: monthly, name: "Committee", generatedAt: NOW });
    const firstCol = plan.values.map((r) => r[0]);
    expect(firstCol[0]).toBe("Children's Social Care Performance Scorecard: committee report");
    expect(String(firstCol[1])).toMatch(
      /Reporting period: October 2018\. Source: sheet 'Scorecard'\. Generated 30 Nov 2018 09:30/,
    );
    expect(String(firstCol[2])).toMatch(/^Rules: minimum\/upper targets/);
    const text = firstCol.map(String);
    const at = (s: string | RegExp) => text.findIndex((t) => (typeof s === "string" ? t === s : s.test(t)));
    expect(at(/^RAG: 5 Green, 4 Amber, 7 Red, 3 not banded/)).toBeGreaterThan(0);
    expect(at(/^Direction of travel: /)).toBeGreaterThan(0);
    expect(at(/^Data-quality caveats on \d+ indicators/)).toBeGreaterThan(0);
    expect(at("Performing well")).toBeGreaterThan(at(/^RAG:/));
    expect(at("Areas for focus")).toBeGreaterThan(at("Performing well"));
    expect(at("For information")).toBeGreaterThan(at("Areas for focus"));
    // The narrative comes before the table, whose header repeats on every page it spans, so the
    // narrative is never printed under it; the table starts a page.
    expect(at("Ref")).toBeGreaterThan(at("For information"));
    expect(at("Management Oversight")).toBeGreaterThan(at("Ref"));
    expect(plan.pageBreaks).toContain(plan.print.repeatRows.first - 1);
    expect(plan.values[0][plan.commentary.keyColumn]).toBe(`${COMMITTEE_MARKER} v1`);
  });

  test("each indicator row: values in their unit, RAG as a word, direction as arrow and word", () => {
    const { plan } = buildCommitteePlan({ analysis: monthly, name: "Committee", generatedAt: NOW });
    const header = plan.values[plan.commentary.headerRow];
    expect(header.slice(0, 10)).toEqual([
      "Ref",
      "Measure",
      "Last year",
      "Current",
      "Target",
      "RAG",
      "Variation, assurance (SPC)",
      "Direction",
      "Why (and data quality)",
      "Commentary",
    ]);
    const r31 = rowOf(plan, "3.1");
    expect(r31.slice(0, 8)).toEqual([
      "3.1",
      "% of children in need with CIN Plan completed",
      0.861,
      0.851,
      "Min 90% / Upper 95%",
      "■ Red",
      "– Too few points",
      // Down, but within what chance gives: the arrow shows the move, the words say it is no change.
      "▼ No clear change\n▇███▅▁",
    ]);
    const rag = col(plan, "RAG");
    const dir = col(plan, "Direction");
    const why = col(plan, "Why (and data quality)");
    const r51 = rowOf(plan, "5.1");
    expect(r51[rag]).toBe("● Green");
    // Down from a September spike the sheet itself flags: not an improvement.
    expect(String(r51[dir])).toMatch(/^▼ Unclear: unusual jump/);
    expect(rowOf(plan, "1.2")[rag]).toBe("– No target");
    expect(String(rowOf(plan, "11.13")[why])).toMatch(/^⚠ Num\/Denom mismatch.*Missing period/);
    expect(String(rowOf(plan, "3.1")[why])).toMatch(
      /85\.1% is below the minimum of 90%; higher is better\. Down 2\.2 points .*within what chance alone gives with 983 cases/,
    );
  });

  test("percentages carry a number format at the source's precision", () => {
    const { plan } = buildCommitteePlan({ analysis: monthly, name: "Committee", generatedAt: NOW });
    const r = plan.values.findIndex((row) => row[plan.commentary.keyColumn] === "1.1");
    expect(plan.numberFormats[r][col(plan, "Current")]).toBe("0.0%");
    expect(plan.numberFormats[r][col(plan, "Last year")]).toBe("0%");
    const r12 = plan.values.findIndex((row) => row[plan.commentary.keyColumn] === "1.2");
    expect(plan.numberFormats[r12][col(plan, "Current")]).toBe("#,##0");
  });

  test("colour never carries meaning alone: every filled RAG cell has its word", () => {
    const { plan } = buildCommitteePlan({ analysis: monthly, name: "Committee", generatedAt: NOW });
    for (const { style, areas } of plan.styleAreas) {
      if (!style.startsWith("rag")) continue;
      for (const a of areas)
        for (let r = a.top; r <= a.bottom; r++)
          expect(String(plan.values[r][col(plan, "RAG")])).toMatch(/Green|Amber|Red|No target/);
    }
  });

  test("print-ready: landscape at 100%, key and header rows repeat, footer with page numbers and date", () => {
    const { plan } = buildCommitteePlan({ analysis: monthly, name: "Committee", generatedAt: NOW });
    expect(plan.print).toMatchObject({
      orientation: "landscape",
      scale: 100,
      footerRight: "Page &P of &N",
    });
    // The key row sits just above the header, and both repeat on every page of the table.
    expect(plan.print.repeatRows).toEqual({
      first: plan.commentary.headerRow,
      last: plan.commentary.headerRow + 1,
    });
    expect(String(plan.values[plan.commentary.headerRow - 1][0])).toBe("Key");
    expect(plan.print.headerCenter).toMatch(/^Key: ● Green .* ◆ Amber .* ■ Red .*▲ up ▼ down/);
    expect(plan.print.headerCenter.length).toBeLessThanOrEqual(255);
    expect(plan.print.footerLeft).toMatch(/generated 30 Nov 2018/);
    // Nothing frozen: the narrative above the table is taller than a screen.
    expect(plan.freeze).toEqual({ rows: 0, cols: 0 });
    expect(plan.hiddenColumns).toEqual(
      expect.arrayContaining([plan.commentary.keyColumn, plan.commentary.sourceColumn]),
    );
    expect(plan.hiddenRows).toEqual([plan.commentary.metaRow]);
    expect(plan.print.printArea.right).toBeLessThan(plan.commentary.keyColumn);
  });

  test("styles are grouped into few areas, not one per cell", () => {
    const { plan } = buildCommitteePlan({ analysis: monthly, name: "Committee", generatedAt: NOW });
    const cells = plan.values.length * plan.values[0].length;
    const areas = plan.styleAreas.reduce((n, s) => n + s.areas.length, 0);
    expect(areas).toBeLessThan(cells / 3);
    expect(
      groupStyles([
        ["a", "a", "b"],
        ["a", "a", "b"],
        [null, "a", "a"],
      ]),
    ).toEqual([
      {
        style: "a",
        areas: [
          { top: 0, left: 0, bottom: 1, right: 1 },
          { top: 2, left: 1, bottom: 2, right: 2 },
        ],
      },
      { style: "b", areas: [{ top: 0, left: 2, bottom: 1, right: 2 }] },
    ]);
  });
});

describe("narrative in the committee's register", () => {
  test("000: areas for focus are every red and amber indicator, red first", () => {
    const n = buildNarrative(monthly);
    const focusRefs = n.areasForFocus.map((s) => s.split(" ")[0]);
    const redAmber = monthly.indicators.filter((i) => i.band === "red" || i.band === "amber");
    expect(focusRefs).toHaveLength(redAmber.length);
    expect(focusRefs.slice(0, 5)).toEqual(["3.1", "3.3a", "5.11", "5.18", "6.2"]);
    expect(n.performingWell).toHaveLength(monthly.indicators.filter((i) => i.band === "green").length);
  });

  test("below target but improving says so", () => {
    expect(sentenceFor(byRef(quarterly004(), "CSC3"))).toBe(
      "CSC3 % of C&F assessments completed within timescale: 87.3%, below the target of 90%, although up 6.9 points from 80.4% in Q2 2020/21, the same period last year. Note: a period is missing from the series.",
    );
  });

  test("a year-to-date figure says which monthly figures moved, at the source's precision", () => {
    // The months are typed "98%" and "99%": no "98.0%".
    expect(sentenceFor(byRef(monthly, "2.1"))).toBe(
      "2.1 % of contacts completed within 1 day: 97.2%, meeting the upper target of 95%, up 1 point from 98% in Sep 18 to 99% in Oct 18.",
    );
  });

  test("002 and 004 sentences", async () => {
    const yearly = await seedAnalysis(YEARLY);
    expect(sentenceFor(byRef(yearly, "NI 61"))).toMatch(
      /^NI 61 Timeliness .*: 88\.3%, meeting the target of 85%, up 1\.0 points from 87\.3% \(2008\/09 outturn\), within what chance alone gives with 60 cases\.$/,
    );
    expect(sentenceFor(byRef(yearly, "NI 59"))).toMatch(
      /59\.7%, below the target of 80%.*\. Note: the figure is provisional; the data-quality note reads "Some Concerns with data"\.$/,
    );
    expect(sentenceFor(byRef(quarterly, "CP3"))).toMatch(
      /9\.8%, above the target of 6%, although down 4\.5 points from 14\.3% in Q1 2021\/22\.$/,
    );
    // A cumulative figure is not "improving" for rising through the year.
    expect(byRef(quarterly, "CIC7").trend.direction).toBe("unknown");
    expect(sentenceFor(byRef(quarterly, "CIC7"))).toMatch(
      /compared only with the same point last year, which is not given\.$/,
    );
    // Cohort counts, for information, with their movement.
    expect(sentenceFor(byRef(quarterly, "CIC1"))).toMatch(
      /^CIC1 Number of children in care: 266, down 36 \(11\.9%\) from 302 in Q2 2020\/21, the same period last year\./,
    );
  });
});

describe("commentary survives every refresh", () => {
  function typed(plan: SheetPlan, notes: Record<string, string>): Grid {
    const g = planAsGrid(plan);
    g.rows.forEach((row) => {
      const k = row[plan.commentary.keyColumn]?.value;
      if (typeof k === "string" && notes[k]) row[plan.commentary.column] = { value: notes[k] };
    });
    return g;
  }

  test("carried by reference even when indicators are reordered", async () => {
    const first = buildCommitteePlan({ analysis: monthly, name: "Committee", generatedAt: NOW });
    const existing = typed(first.plan, {
      "3.1": "Plans audit under way; expect recovery by January.",
      "5.18": "IRO capacity restored in November.",
    });
    const grid = await seedGrid(MONTHLY);
    // Swap the rows of 3.1 and 5.18.
    const i31 = grid.rows.findIndex((r) => r[0]?.value === "3.1");
    const i518 = grid.rows.findIndex((r) => r[0]?.value === "5.18");
    [grid.rows[i31], grid.rows[i518]] = [grid.rows[i518], grid.rows[i31]];
    const second = buildCommitteePlan({
      analysis: analyse(grid),
      name: "Committee",
      generatedAt: NOW,
      existing,
    });
    expect(second.carried).toBe(2);
    expect(second.plan.values.findIndex((r) => r[0] === "5.18")).toBeLessThan(
      second.plan.values.findIndex((r) => r[0] === "3.1"),
    );
    expect(rowOf(second.plan, "3.1")[second.plan.commentary.column]).toBe(
      "Plans audit under way; expect recovery by January.",
    );
    expect(rowOf(second.plan, "5.18")[second.plan.commentary.column]).toBe(
      "IRO capacity restored in November.",
    );
  });

  test("commentary of a removed indicator is kept as retired commentary, and returns with it", async () => {
    const first = buildCommitteePlan({ analysis: monthly, name: "Committee", generatedAt: NOW });
    const existing = typed(first.plan, { "6.2": "EET offer relaunched with the virtual school." });
    const grid = await seedGrid(MONTHLY);
    grid.rows = grid.rows.filter((r) => r[0]?.value !== "6.2");
    const second = buildCommitteePlan({
      analysis: analyse(grid),
      name: "Committee",
      generatedAt: NOW,
      existing,
    });
    expect(second.retired).toBe(1);
    const retiredRow = rowOf(second.plan, "retired:6.2");
    expect(retiredRow[second.plan.commentary.column]).toBe("EET offer relaunched with the virtual school.");
    expect(retiredRow[1]).toBe("% care leavers EET");
    expect(
      second.plan.values.some(
        (r) => r[0] === "Retired commentary: indicators no longer on the scorecard (not printed)",
      ),
    ).toBe(true);
    // A third refresh with 6.2 back puts the commentary where it belongs.
    const third = buildCommitteePlan({
      analysis: monthly,
      name: "Committee",
      generatedAt: NOW,
      existing: planAsGrid(second.plan),
    });
    expect(rowOf(third.plan, "6.2")[third.plan.commentary.column]).toBe(
      "EET offer relaunched with the virtual school.",
    );
    expect(third.retired).toBe(0);
  });

  test("indicators without references are matched by measure", () => {
    const g = (rows: string[]) =>
      gridOf([["Measure", "Current", "Target"], ...rows.map((m) => [m, pct(0.8), pct(0.9)])]);
    const first = buildCommitteePlan({
      analysis: analyse(g(["Visits", "Plans"])),
      name: "C",
      generatedAt: NOW,
    });
    const existing = typed(first.plan, { plans: "Note on plans" });
    const second = buildCommitteePlan({
      analysis: analyse(g(["Plans", "Visits"])),
      name: "C",
      generatedAt: NOW,
      existing,
    });
    expect(rowOf(second.plan, "plans")[second.plan.commentary.column]).toBe("Note on plans");
  });

  test("readCommentary finds the table even if the analyst inserted a column", () => {
    const first = buildCommitteePlan({ analysis: monthly, name: "Committee", generatedAt: NOW });
    const g = typed(first.plan, { "1.1": "Kept" });
    g.rows = g.rows.map((r) => [{ value: null }, ...r]);
    expect(readCommentary(g).entries.find((e) => e.ref === "1.1")?.text).toBe("Kept");
  });
});

describe("formula-like text", () => {
  test("titles beginning with = + - @ stay text in the plan", () => {
    const grid = gridOf([
      ["Ref", "Measure", "Current", "Target"],
      ["=1+1", '=HYPERLINK("http://x")', pct(0.5), pct(0.9)],
      ["@A", "+ve outcomes", pct(0.5), pct(0.9)],
      ["-3", "-ve outcomes", pct(0.5), pct(0.9)],
    ]);
    const { plan } = buildCommitteePlan({ analysis: analyse(grid), name: "C", generatedAt: NOW });
    const flat = plan.values.flat();
    expect(flat).toContain('=HYPERLINK("http://x")');
    expect(flat).toContain("+ve outcomes");
    expect(flat).toContain("=1+1");
  });
});

describe("sparkline", () => {
  test("levels, flat series and gaps", () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe("▁▂▃▄▅▆▇█");
    expect(sparkline([5, 5, 5])).toBe("▄▄▄");
    expect(sparkline([1, null, 3])).toBe("▁·█");
    expect(sparkline([1])).toBe("");
  });
});

describe("the 002 paper's layout", () => {
  test("long references, rates and scores keep their room and their units", async () => {
    const yearly = await seedAnalysis(YEARLY);
    const { plan } = buildCommitteePlan({ analysis: yearly, name: "Committee", generatedAt: NOW });
    // Column widths are in digit widths of Calibri 11; text at 10 pt is narrower.
    expect(plan.columnWidths[0]).toBeGreaterThanOrEqual("LSP-HW2b(i) a".length * 0.85);
    const rate = plan.values.findIndex((r) => r[plan.commentary.keyColumn] === "LSP-HW2b(i) b");
    expect(plan.numberFormats[rate][col(plan, "Current")]).toBe('#,##0.0" per 10,000"');
    const score = plan.values.findIndex((r) => r[plan.commentary.keyColumn] === "NI 71");
    expect(plan.numberFormats[score][col(plan, "Current")]).toBe('#,##0" out of 15"');
    expect(plan.columnWidths[col(plan, "Current")]).toBeGreaterThanOrEqual("89.1 per 10,000".length * 0.85);
    expect(plan.print.footerLeft.length).toBeLessThan(100);
  });
});

describe("choosing the committee sheet's name", () => {
  test("free or ours keeps the name; a foreign sheet moves it on; long names stay within 31 characters", () => {
    const ours = (set: string[]) => (n: string) => set.includes(n);
    expect(chooseCommitteeName("Committee", ["Scorecard"], ours([]))).toEqual({
      name: "Committee",
      ours: false,
      renamed: false,
    });
    expect(chooseCommitteeName("Committee", ["Committee"], ours(["Committee"]))).toEqual({
      name: "Committee",
      ours: true,
      renamed: false,
    });
    expect(chooseCommitteeName("Committee", ["Committee", "Committee (2)"], ours(["Committee (2)"]))).toEqual(
      {
        name: "Committee (2)",
        ours: true,
        renamed: true,
      },
    );
    expect(chooseCommitteeName("Committee", ["Committee", "Committee (2)"], ours([]))).toEqual({
      name: "Committee (3)",
      ours: false,
      renamed: true,
    });
    const long = "Scrutiny committee paper Oct 18";
    expect(long).toHaveLength(31);
    expect(chooseCommitteeName(long, [long], ours([])).name).toBe("Scrutiny committee paper Oc (2)");
  });

  test("the marker is found near the top of the sheet, not in the table", () => {
    const marked: Grid = {
      sheet: "C",
      rows: [[{ value: null }, { value: `${COMMITTEE_MARKER} v1` }]],
      merges: [],
    };
    expect(isCommitteeGrid(marked)).toBe(true);
    // Rows inserted above the title move the marker down; it is still the add-in's sheet.
    expect(isCommitteeGrid({ ...marked, originRow: 3 })).toBe(true);
    expect(isCommitteeGrid({ ...marked, originRow: 60 })).toBe(false);
    expect(isCommitteeGrid({ sheet: "S", rows: [[{ value: "Ref" }]], merges: [] })).toBe(false);
  });
});
