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
import { countLines, textWidth } from "../../src/engine/paper/measure-text";
import { textPoints } from "../../src/engine/paper/page";
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
  test("a summary page first (title, RAG counts, areas for focus, performing well), then the table on a page of its own", () => {
    const { plan } = buildCommitteePlan({ analysis: monthly, name: "Committee", generatedAt: NOW });
    const firstCol = plan.values.map((r) => r[0]);
    expect(firstCol[0]).toBe("Children's Social Care Performance Scorecard: committee report");
    expect(String(firstCol[1])).toMatch(
      /Reporting period: October 2018\. Source: sheet 'Scorecard'\. Generated 30 Nov 2018 09:30/,
    );
    const text = firstCol.map(String);
    const at = (s: string | RegExp) => text.findIndex((t) => (typeof s === "string" ? t === s : s.test(t)));
    // The RAG counts, each with its symbol and word, in blocks across the page.
    const counts = plan.values.find((r) => r.some((v) => v === "■ 7 Red")) ?? [];
    expect(counts.filter((v) => v !== null)).toEqual(["■ 7 Red", "◆ 4 Amber", "● 5 Green", "– 3 not banded"]);
    expect(at(/^Direction of travel: /)).toBeGreaterThan(0);
    expect(at(/^Data to check on \d+ indicators/)).toBeGreaterThan(0);
    const focus = at("Areas for focus: 7 red, 4 amber, worst first");
    const well = at("Performing well: 5 indicators at green");
    expect(focus).toBeGreaterThan(at(/^Direction of travel/));
    expect(well).toBeGreaterThan(focus);
    // Compact rows: reference, measure, value, target, RAG, direction and a reason; red first.
    const rows = plan.values.slice(focus + 2, well - 1).filter((r) => r[0] !== null);
    expect(rows).toHaveLength(11);
    expect(
      rows
        .map((r) => r[0])
        .slice(0, 7)
        .sort(),
    ).toEqual(["11.13", "6.2", "3.3a", "5.18", "3.1", "5.11", "6.30"].sort());
    for (const r of rows.slice(0, 7)) expect(r).toContain("■ Red");
    for (const r of rows.slice(7)) expect(r).toContain("◆ Amber");
    // The table comes after, under its header, and starts a page.
    expect(plan.commentary.headerRow).toBeGreaterThan(well);
    expect(at("Management Oversight")).toBeGreaterThan(plan.commentary.headerRow);
    expect(plan.pageBreaks).toContain(plan.commentary.headerRow);
    expect(plan.values[0][plan.commentary.keyColumn]).toBe(`${COMMITTEE_MARKER} v1`);
  });

  test("each indicator row: values in their unit, targets in reading order, RAG and direction in words", () => {
    const { plan } = buildCommitteePlan({ analysis: monthly, name: "Committee", generatedAt: NOW });
    const header = plan.values[plan.commentary.headerRow];
    expect(header.filter((h) => h !== null).slice(0, 10)).toEqual([
      "Ref",
      "Measure",
      // One meaning of "last year", labelled with its period.
      "2017/18 outturn",
      "Current",
      "Target",
      "RAG",
      "Direction",
      "Trend",
      "Why (and data quality)",
      "Commentary",
    ]);
    const pick = (r: (string | number | null)[]) =>
      ["Ref", "Measure", "2017/18 outturn", "Current", "Target", "RAG", "Direction", "Trend"].map(
        (h) => r[col(plan, h)],
      );
    expect(pick(rowOf(plan, "3.1"))).toEqual([
      "3.1",
      "% of children in need with CIN Plan completed",
      0.861,
      0.851,
      "at least 95% (green);\nbelow 90% is red",
      "■ Red",
      // Down, but within what chance gives: the arrow shows the move, the words say it is no change.
      "▼ No clear change\nsince Sep 18",
      "▇███▅▁",
    ]);
    const rag = col(plan, "RAG");
    const dir = col(plan, "Direction");
    const why = col(plan, "Why (and data quality)");
    const target = col(plan, "Target");
    const r51 = rowOf(plan, "5.1");
    expect(r51[rag]).toBe("● Green");
    // Lower is better: the upper target first, in the order a member reads it.
    expect(r51[target]).toBe("at most 10% (green);\nabove 15% is red");
    // Down from a September spike the sheet itself flags: not an improvement.
    expect(String(r51[dir])).toMatch(/^▼ Unclear\nsince Sep 18$/);
    expect(rowOf(plan, "1.2")[rag]).toBe("– No target");
    expect(String(rowOf(plan, "11.13")[why])).toBe(
      "⚠ The counts (51 of 17) do not give 2.6; rests on only 17 cases; no figure for Aug 18. 1.6 above the target of 1 and above the limit of 2. Up from 2.4 in Sep 18.",
    );
    expect(String(rowOf(plan, "3.1")[why])).toBe(
      "9.9 points below the target of 95% and below the minimum of 90%. Down from 87.3% in Sep 18: too small a change to be sure it is real, with 983 children.",
    );
    // A year-to-date value beside monthly figures says which is which.
    expect(String(rowOf(plan, "2.1")[why])).toBe(
      "Year to date 97.2%: meeting the target of 95%. The monthly figure rose from 98% in Sep 18 to 99% (Oct 18).",
    );
  });

  test("percentages carry a number format at the source's precision", () => {
    const { plan } = buildCommitteePlan({ analysis: monthly, name: "Committee", generatedAt: NOW });
    const r = plan.values.findIndex((row) => row[plan.commentary.keyColumn] === "1.1");
    expect(plan.numberFormats[r][col(plan, "Current")]).toBe("0.0%");
    expect(plan.numberFormats[r][col(plan, "2017/18 outturn")]).toBe("0%");
    const r12 = plan.values.findIndex((row) => row[plan.commentary.keyColumn] === "1.2");
    expect(plan.numberFormats[r12][col(plan, "Current")]).toBe("#,##0");
  });

  test("colour never carries meaning alone: every filled RAG cell has its word", () => {
    const { plan } = buildCommitteePlan({ analysis: monthly, name: "Committee", generatedAt: NOW });
    let filled = 0;
    for (const { style, areas } of plan.styleAreas) {
      if (!/^(rag|count)(Red|Amber|Green|None)/.test(style)) continue;
      for (const a of areas)
        for (let r = a.top; r <= a.bottom; r++) {
          filled++;
          expect(String(plan.values[r][a.left])).toMatch(/Green|Amber|Red|No target|not banded/);
        }
    }
    expect(filled).toBeGreaterThan(16);
  });

  test("print-ready: landscape at 100%, the table header repeats, footer with page numbers and date", () => {
    const { plan } = buildCommitteePlan({ analysis: monthly, name: "Committee", generatedAt: NOW });
    expect(plan.print).toMatchObject({
      orientation: "landscape",
      scale: 100,
      footerRight: "Page &P of &N",
    });
    expect(plan.print.repeatRows).toEqual({
      first: plan.commentary.headerRow + 1,
      last: plan.commentary.headerRow + 1,
    });
    expect(plan.print.headerCenter).toMatch(/^Key: ● Green .* ◆ Amber .* ■ Red .*▲ up ▼ down/);
    expect(plan.print.headerCenter.length).toBeLessThanOrEqual(255);
    expect(plan.print.footerLeft).toMatch(/generated 30 Nov 2018/);
    // Nothing frozen: the summary above the table is taller than a screen.
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
  test("000: areas for focus are every red and amber indicator, red first, worst first", () => {
    const n = buildNarrative(monthly);
    const refs = n.areasForFocus.map((s) => /\(ref ([^)]+)\)/.exec(s)?.[1]);
    const redAmber = monthly.indicators.filter((i) => i.band === "red" || i.band === "amber");
    expect(refs).toHaveLength(redAmber.length);
    expect(refs.slice(0, 7).sort()).toEqual(["11.13", "6.2", "3.3a", "5.18", "3.1", "5.11", "6.30"].sort());
    // 6.2 is 15 points short of its 75% target; 3.1 is 9.9 short of 95%: further first.
    expect(refs.indexOf("6.2")).toBeLessThan(refs.indexOf("3.1"));
    expect(n.performingWell).toHaveLength(monthly.indicators.filter((i) => i.band === "green").length);
  });

  test("the reference is set apart from the measure, never read as a figure", () => {
    for (const a of monthly.indicators) {
      const s = sentenceFor(a, monthly);
      if (a.ref) expect(s).toContain(`(ref ${a.ref})`);
      expect(s).not.toMatch(new RegExp(`^${a.ref?.replace(/\./g, "\\.") ?? "-"} %`));
    }
  });

  test("below target but improving says so, against the same period a year earlier", () => {
    expect(sentenceFor(byRef(quarterly004(), "CSC3"), quarterly004())).toBe(
      "% of C&F assessments completed within timescale (ref CSC3): 87.3% is 2.7 points below the target of 90%, within the tolerance. Up from 80.4% a year earlier (Q2 2020/21). ⚠ No figure for Q1 2021/22.",
    );
  });

  test("a year-to-date figure says which monthly figures moved, at the source's precision", () => {
    // The months are typed "98%" and "99%": no "98.0%".
    expect(sentenceFor(byRef(monthly, "2.1"), monthly)).toBe(
      "% of contacts completed within 1 day (ref 2.1): The year to date, 97.2%, meets the target of 95%. The monthly figure rose from 98% in Sep 18 to 99% (Oct 18).",
    );
  });

  test("002 and 004 sentences", async () => {
    const yearly = await seedAnalysis(YEARLY);
    expect(sentenceFor(byRef(yearly, "NI 61"), yearly)).toMatch(
      /^Timeliness .* \(ref NI 61\): 88\.3% meets the target of 85%\. Up from 87\.3% \(2008\/09 outturn\): too small a change to be sure it is real, with 60 children\.$/,
    );
    expect(sentenceFor(byRef(yearly, "NI 59"), yearly)).toMatch(
      /59\.7% is 20\.3 points below the target of 80%.*\. ⚠ Provisional figure; the sheet notes "Some Concerns with data"\.$/,
    );
    expect(sentenceFor(byRef(quarterly, "CP3"), quarterly)).toMatch(
      /9\.8% is 3\.8 points above the target of 6%\. Down from 14\.3% in Q1 2021\/22\.$/,
    );
    // A cumulative figure is not "improving" for rising through the year.
    expect(byRef(quarterly, "CIC7").trend.direction).toBe("unknown");
    expect(sentenceFor(byRef(quarterly, "CIC7"), quarterly)).toMatch(
      /compares only with the same point last year, which the sheet does not give\.$/,
    );
    // Cohort counts, for information, with their movement.
    expect(sentenceFor(byRef(quarterly, "CIC1"), quarterly)).toMatch(
      /^Number of children in care \(ref CIC1\): 266\. Down from 302 a year earlier \(Q2 2020\/21\)\./,
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
    const font = { size: 10, bold: true };
    // A reference breaks at its space, never inside a word; a rate never breaks at all.
    expect(countLines("LSP-HW2b(i)", textPoints(plan.columnWidths[col(plan, "Ref")]), font)).toBe(1);
    const rate = plan.values.findIndex((r) => r[plan.commentary.keyColumn] === "LSP-HW2b(i) b");
    // Its title says "expressed as a rate per 10,000": the figure prints bare, as published papers
    // print it; a score whose title does not name its base keeps "out of 15" in its cell.
    expect(plan.values[rate][col(plan, "Measure")]).toMatch(/rate per 10,000/);
    expect(plan.numberFormats[rate][col(plan, "Current")]).toBe("#,##0.0");
    const score = plan.values.findIndex((r) => r[plan.commentary.keyColumn] === "NI 71");
    expect(plan.numberFormats[score][col(plan, "Current")]).toBe('#,##0" out of 15"');
    expect(
      textWidth(`${plan.values[score][col(plan, "Current")]} out of 15`, { size: 10 }),
    ).toBeLessThanOrEqual(textPoints(plan.columnWidths[col(plan, "Current")]));
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
