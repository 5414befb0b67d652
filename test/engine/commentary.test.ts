/**
 * Commentary follows its indicator through what analysts do to a committee sheet: retitle the header,
 * insert rows and columns, sort the visible table, rename the sheet, repeat references, and let the
 * source's own commentary move on. Each test builds a plan, edits it as a grid the way a host would read
 * it back, and refreshes: both hosts feed this same function.
 */
import { analyse, Analysis } from "../../src/engine/judge/assess";
import { buildCommitteePlan, SheetPlan } from "../../src/engine/paper/committee";
import {
  carryCommentary,
  isCommitteeGrid,
  locateCommentary,
  readCommentary,
  fingerprint,
} from "../../src/engine/paper/commentary";
import type { Cell, Grid } from "../../src/engine/grid";
import { MONTHLY, gridOf, pct, seedAnalysis } from "../helpers";

const NOW = new Date(2018, 10, 30, 9, 30);

function planAsGrid(plan: SheetPlan): Grid {
  return { sheet: plan.name, rows: plan.values.map((r) => r.map((v) => ({ value: v }))), merges: [] };
}

function plan(analysis: Analysis, existing?: Grid) {
  return buildCommitteePlan({ analysis, name: "Committee", generatedAt: NOW, existing });
}

/** The table's rows: those under its header (its hidden key cell says "key"). The summary above lists
 * the same references, but the analyst's notes live in the table. */
function tableRows(g: Grid): Cell[][] {
  const header = g.rows.findIndex((row) => row.some((c) => c?.value === "key"));
  return g.rows.slice(header + 1);
}

/** The table row of an indicator by its visible reference. */
function rowByRef(g: Grid, ref: string, refCol = 0): Cell[] {
  const r = tableRows(g).find((row) => row[refCol]?.value === ref);
  if (!r) throw new Error(`no row ${ref}`);
  return r;
}

function rowByMeasure(g: Grid, measure: string): Cell[] {
  const r = tableRows(g).find((row) => row[1]?.value === measure);
  if (!r) throw new Error(`no row ${measure}`);
  return r;
}

function commentaryOf(p: SheetPlan, key: string): unknown {
  const r = p.values.find((row) => row[p.commentary.keyColumn] === key);
  if (!r) throw new Error(`no row ${key}`);
  return r[p.commentary.column];
}

function type(g: Grid, p: SheetPlan, ref: string, text: string): void {
  rowByRef(g, ref)[p.commentary.column] = { value: text };
}

let monthly: Analysis;
beforeAll(async () => {
  monthly = await seedAnalysis(MONTHLY);
});

describe("finding the add-in's sheet and its Commentary column", () => {
  test("a retitled Commentary header keeps every note", () => {
    const first = plan(monthly);
    const g = planAsGrid(first.plan);
    type(g, first.plan, "3.1", "Plans audit under way.");
    g.rows[first.plan.commentary.headerRow][first.plan.commentary.column] = { value: "Officer's note" };
    const second = plan(monthly, g);
    expect(commentaryOf(second.plan, "3.1")).toBe("Plans audit under way.");
    expect(second.carried).toBe(1);
  });

  test("rows inserted above the title and a column inserted before the table", () => {
    const first = plan(monthly);
    const g = planAsGrid(first.plan);
    type(g, first.plan, "5.18", "IRO capacity restored.");
    g.rows = [[{ value: "Draft for Cllr Smith" }], [], ...g.rows.map((r) => [{ value: null }, ...r])];
    expect(isCommitteeGrid(g)).toBe(true);
    const layout = locateCommentary(g);
    expect(layout?.columns.commentary).toBe(first.plan.commentary.column + 1);
    expect(layout?.headerRow).toBe(first.plan.commentary.headerRow + 2);
    const second = plan(monthly, g);
    expect(commentaryOf(second.plan, "5.18")).toBe("IRO capacity restored.");
  });

  test("the table may sit far below the metadata row, with rows such as a printed key between", () => {
    const first = plan(monthly);
    const p = first.plan;
    const g = planAsGrid(p);
    type(g, p, "2.10", "Assessments back on track.");
    const filler = Array.from({ length: 120 }, (_, i) => [
      { value: `• Narrative line ${i}` },
      { value: "x" },
    ]);
    g.rows.splice(p.commentary.metaRow + 1, 0, ...filler);
    const layout = locateCommentary(g);
    expect(layout?.headerRow).toBe(p.commentary.headerRow + 120);
    const second = plan(monthly, g);
    expect(commentaryOf(second.plan, "2.10")).toBe("Assessments back on track.");
    expect(second.retired).toBe(0);
  });

  test("the source scorecard is never taken for the committee sheet", async () => {
    const { seedGrid } = await import("../helpers");
    expect(isCommitteeGrid(await seedGrid(MONTHLY))).toBe(false);
  });

  test("a sheet written before the metadata row existed is still read", () => {
    // Plan version 1: header row with "Commentary" and a hidden "key" cell, no metadata row.
    const g = gridOf([
      ["Title: committee report", null, null, "scorecard:committee v1"],
      ["Ref", "Measure", "Commentary", "key"],
      ["3.1", "% of children in need with CIN Plan completed", "Old note", "3.1"],
    ]);
    const second = plan(monthly, g);
    expect(commentaryOf(second.plan, "3.1")).toBe("Old note");
  });
});

describe("matching rows", () => {
  test("sorting the visible table (hidden key column left behind) keeps each note with its row", () => {
    const first = plan(monthly);
    const p = first.plan;
    const g = planAsGrid(p);
    type(g, p, "3.1", "Note for 3.1");
    type(g, p, "1.1", "Note for 1.1");
    // Sort only the visible columns of the table rows by Measure: the hidden key and source stay put.
    const top = p.commentary.headerRow + 1;
    const tableRows = g.rows.slice(top).filter((r) => typeof r[p.commentary.keyColumn]?.value === "string");
    const n = tableRows.length;
    const visible = g.rows.slice(top, top + n).map((r) => r.slice(0, p.commentary.keyColumn));
    visible.sort((a, b) => String(a[1]?.value).localeCompare(String(b[1]?.value)));
    visible.forEach((cells, i) => {
      const row = g.rows[top + i];
      g.rows[top + i] = [...cells, ...row.slice(p.commentary.keyColumn)];
    });
    // The hidden key in the row that now shows 3.1 is some other indicator's.
    expect(rowByRef(g, "3.1")[p.commentary.keyColumn].value).not.toBe("3.1");
    const second = plan(monthly, g);
    expect(commentaryOf(second.plan, "3.1")).toBe("Note for 3.1");
    expect(commentaryOf(second.plan, "1.1")).toBe("Note for 1.1");
    expect(second.retired).toBe(0);
  });

  test("duplicate references: matched by reference and measure; never moved onto another indicator", () => {
    const src = (rows: [string, string][]) =>
      analyse(
        gridOf([
          ["Ref", "Measure", "Current", "Target"],
          ...rows.map(([r, m]) => [r, m, pct(0.8), pct(0.9)]),
        ]),
      );
    const before = src([
      ["2.1", "Re-referrals within 12 months"],
      ["2.1", "Repeat child protection plans"],
    ]);
    const first = plan(before);
    const g = planAsGrid(first.plan);
    const p = first.plan;
    rowByMeasure(g, "Repeat child protection plans")[p.commentary.column] = { value: "Repeat plans note" };
    // The first 2.1 leaves the scorecard; the second becomes the only 2.1 (its key changes from 2.1#2 to 2.1).
    const after = src([["2.1", "Repeat child protection plans"]]);
    const second = plan(after, g);
    expect(commentaryOf(second.plan, "2.1")).toBe("Repeat plans note");
    // And the other way round: the note on the departed measure is retired, not given to the survivor.
    const g2 = planAsGrid(first.plan);
    rowByMeasure(g2, "Re-referrals within 12 months")[p.commentary.column] = { value: "Re-referrals note" };
    const third = plan(after, g2);
    expect(commentaryOf(third.plan, "2.1")).toBeNull();
    expect(third.retired).toBe(1);
    expect(commentaryOf(third.plan, "retired:2.1")).toBe("Re-referrals note");
  });

  test("two rows with the same reference and measure are told apart by the hidden key, else retired", () => {
    const rows = [
      ["Ref", "Measure", "Current", "Target"],
      ["4.2", "Visits in timescale", pct(0.8), pct(0.9)],
      ["4.2", "Visits in timescale", pct(0.7), pct(0.9)],
    ];
    const a = analyse(gridOf(rows));
    const first = plan(a);
    const p = first.plan;
    const g = planAsGrid(p);
    const second = g.rows.find((r) => r[p.commentary.keyColumn]?.value === "4.2#2");
    if (!second) throw new Error("no second row");
    second[p.commentary.column] = { value: "Second row's note" };
    const again = plan(a, g);
    expect(commentaryOf(again.plan, "4.2#2")).toBe("Second row's note");
    expect(commentaryOf(again.plan, "4.2")).toBeNull();
    // With the hidden key gone, which of the two it was cannot be known: it is kept as retired.
    second[p.commentary.keyColumn] = { value: null };
    const unsure = plan(a, g);
    expect(unsure.retired).toBe(1);
    expect(unsure.plan.values.flat()).toContain("Second row's note");
  });

  test("a retitled measure keeps its note where the reference is unique", () => {
    const first = plan(monthly);
    const g = planAsGrid(first.plan);
    type(g, first.plan, "6.2", "EET note");
    const renamed = {
      ...monthly,
      indicators: monthly.indicators.map((i) =>
        i.ref === "6.2" ? { ...i, title: "Care leavers in EET" } : i,
      ),
    };
    expect(commentaryOf(plan(renamed, g).plan, "6.2")).toBe("EET note");
  });

  test("commentary of an indicator that has gone is kept, and returns with it", () => {
    const first = plan(monthly);
    const g = planAsGrid(first.plan);
    type(g, first.plan, "6.2", "EET note");
    const without = { ...monthly, indicators: monthly.indicators.filter((i) => i.ref !== "6.2") };
    const second = plan(without, g);
    expect(second.retired).toBe(1);
    const third = plan(monthly, planAsGrid(second.plan));
    expect(commentaryOf(third.plan, "6.2")).toBe("EET note");
    expect(third.retired).toBe(0);
  });
});

describe("source commentary", () => {
  const source = (note: string) =>
    analyse(
      gridOf([
        ["Ref", "Measure", "Current", "Target", "Commentary"],
        ["1.1", "Contacts to referral", pct(0.3), pct(0.25), note],
        ["1.2", "Referrals within 12 months", pct(0.2), pct(0.22), null],
      ]),
    );

  test("unedited source text is replaced by the source's new text; edited text is the analyst's", () => {
    const first = plan(source("September: rise in police notifications."));
    expect(commentaryOf(first.plan, "1.1")).toBe("September: rise in police notifications.");
    const g = planAsGrid(first.plan);
    const october = plan(source("October: notifications back to normal."), g);
    expect(commentaryOf(october.plan, "1.1")).toBe("October: notifications back to normal.");
    expect(october.carried).toBe(0);

    const edited = planAsGrid(october.plan);
    type(edited, october.plan, "1.1", "October: notifications back to normal. Panel to review in December.");
    const november = plan(source("November: stable."), edited);
    expect(commentaryOf(november.plan, "1.1")).toBe(
      "October: notifications back to normal. Panel to review in December.",
    );
    // Edited text is the analyst's now: the next source change does not replace it either.
    const december = plan(source("December: stable."), planAsGrid(november.plan));
    expect(commentaryOf(december.plan, "1.1")).toBe(
      "October: notifications back to normal. Panel to review in December.",
    );
  });

  test("the fingerprint ignores what Excel changes (line ends, surrounding space)", () => {
    expect(fingerprint("a\r\nb ")).toBe(fingerprint("a\nb"));
    expect(fingerprint("a")).not.toBe(fingerprint("b"));
  });
});

describe("scale", () => {
  test("10,000 notes are read and carried with one pass over each side", () => {
    const n = 10000;
    const indicators = Array.from({ length: n }, (_, i) => ({
      key: `K${i}`,
      ref: `K${i}`,
      title: `Measure ${i}`,
    })) as unknown as Analysis["indicators"];
    const rows: Cell[][] = [[{ value: "scorecard:committee v1" }]];
    rows.push(
      ["ref", "measure", "commentary", "key", "source"].map((r) => ({ value: `scorecard:col:${r}` })),
    );
    rows.push([{ value: "Ref" }, { value: "Measure" }, { value: "Commentary" }, { value: "key" }]);
    for (let i = n - 1; i >= 0; i--)
      rows.push([{ value: `K${i}` }, { value: `Measure ${i}` }, { value: `Note ${i}` }, { value: `K${i}` }]);
    const existing = readCommentary({ sheet: "C", rows, merges: [] });
    expect(existing.entries).toHaveLength(n);
    const carried = carryCommentary(existing, indicators);
    expect(carried.carried).toBe(n);
    expect(carried.text.get("K1234")).toBe("Note 1234");
  });
});

describe("a renumbered indicator", () => {
  const renumber = (a: Analysis, from: string, to: string): Analysis => ({
    ...a,
    indicators: a.indicators.map((i) => (i.ref === from ? { ...i, ref: to, key: to } : i)),
  });

  test("ref 3.2 renumbered 3.2a with the same measure keeps its note, nothing retired", () => {
    const first = plan(monthly);
    const g = planAsGrid(first.plan);
    type(g, first.plan, "3.2", "Audit of plans in January.");
    const second = plan(renumber(monthly, "3.2", "3.2a"), g);
    expect(commentaryOf(second.plan, "3.2a")).toBe("Audit of plans in January.");
    expect(second.retired).toBe(0);
    expect(second.carried).toBe(1);
  });

  test("the measure alone is not enough where it is not unique, or where the old ref is still there", () => {
    const first = plan(monthly);
    const g = planAsGrid(first.plan);
    type(g, first.plan, "3.2", "Audit of plans in January.");
    const title = monthly.indicators.find((i) => i.ref === "3.2")?.title ?? "";
    // Two indicators now carry the measure: which one the note was about cannot be known.
    const twice = renumber(monthly, "3.2", "3.2a");
    twice.indicators = [...twice.indicators, { ...twice.indicators[0], ref: "9.9", key: "9.9", title }];
    const ambiguous = plan(twice, g);
    expect(ambiguous.retired).toBe(1);
    expect(commentaryOf(ambiguous.plan, "3.2a")).toBeNull();
    // The old ref still names an indicator (retitled): the note follows the ref, not the measure.
    const moved = {
      ...monthly,
      indicators: monthly.indicators.map((i) =>
        i.ref === "3.2" ? { ...i, title: "Plans audited" } : i.ref === "3.3" ? { ...i, title } : i,
      ),
    };
    expect(commentaryOf(plan(moved, g).plan, "3.2")).toBe("Audit of plans in January.");
  });
});

test("a renumbered indicator's unedited source commentary is still the source's: next month's replaces it", () => {
  const source = (ref: string, note: string) =>
    analyse(
      gridOf([
        ["Ref", "Measure", "Current", "Target", "Commentary"],
        [ref, "Contacts to referral", pct(0.3), pct(0.25), note],
        ["1.2", "Referrals within 12 months", pct(0.2), pct(0.22), null],
      ]),
    );
  const first = plan(source("1.1", "September: rise in police notifications."));
  const second = plan(source("1.1a", "October: notifications back to normal."), planAsGrid(first.plan));
  expect(commentaryOf(second.plan, "1.1a")).toBe("October: notifications back to normal.");
  expect(second.retired).toBe(0);
});
