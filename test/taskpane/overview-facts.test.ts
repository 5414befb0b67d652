/** The pane's pure pieces: what the Overview counts and lists, the reasons, the review marks, a confirmation. */
import { validateSettings } from "../../src/engine/config";
import { analyse } from "../../src/engine/judge/assess";
import { confirmReading, pinRole } from "../../src/taskpane/confirm-reading";
import { evidenceLines } from "../../src/taskpane/evidence-lines";
import { findAlternative, isEmptySheetMessage } from "../../src/taskpane/find-alternative";
import type { AddinHost } from "../../src/hosts/office/addin-host";
import {
  areasForFocus,
  bandCounts,
  periodLine,
  readingLine,
  rowSpan,
  spcCounts,
} from "../../src/taskpane/overview-facts";
import { clearIndicatorReview, markIndicatorReviewed, startingNote } from "../../src/taskpane/review-marks";
import { buildReviewItems, groupByIndicator } from "../../src/taskpane/review-items";
import { firstSentence } from "../../src/taskpane/ResultBar";
import { spcSampleGrid } from "../../scripts/spc-sample";
import { MONTHLY, ROOT, seedAnalysis, seedGrid } from "../helpers";
import { join } from "node:path";

const defaults = () => validateSettings(undefined).settings;

describe("the Overview's facts", () => {
  test("bands counted, the areas for focus red first in the scorecard's order, one line each", async () => {
    const a = await seedAnalysis(MONTHLY);
    expect(bandCounts(a)).toEqual({ red: 7, amber: 4, green: 5, none: 3 });
    const focus = areasForFocus(a);
    expect(focus.map((f) => f.band)).toEqual([...Array(7).fill("red"), ...Array(4).fill("amber")]);
    const rows = (band: string) => focus.filter((f) => f.band === band).map((f) => f.cell.row);
    expect(rows("red")).toEqual([...rows("red")].sort((x, y) => x - y));
    expect(focus[0]).toMatchObject({
      name: { ref: "3.1", spoken: expect.stringMatching(/^Reference 3\.1: % of/) },
      cell: { sheet: "Scorecard", address: "F18" },
    });
    expect(periodLine(a)).toBe("October 2018, from 'Scorecard'");
    expect(readingLine(a)).toBe("19 indicators from 'Scorecard', header rows 4–7");
  });

  test("special causes counted by kind, only where SPC applies", async () => {
    expect(spcCounts(await seedAnalysis(MONTHLY))).toMatchObject({ read: 0, minPoints: 12 });
    const a = analyse(spcSampleGrid(), defaults());
    const c = spcCounts(a);
    const special = a.indicators.filter((i) => i.spc && i.spc.variation !== "common-cause").length;
    expect(c.read).toBe(a.indicators.filter((i) => i.spc).length);
    expect(c.improvement + c.concern + c.neither).toBe(special);
    expect(c.concern).toBeGreaterThan(0);
  });

  test("a range of rows is never written backwards", () => {
    expect(rowSpan(4, 7)).toBe("rows 4–7");
    expect(rowSpan(1, 0)).toBe("rows 0–1");
    expect(rowSpan(5, 5)).toBe("row 5");
  });
});

describe("the reasons for the column roles", () => {
  test("one line a column, a run of periods one line with its first column's reason", async () => {
    const a = await seedAnalysis(MONTHLY);
    const lines = evidenceLines(a.columns);
    expect(lines.map((l) => l.letters)).toEqual(["A", "B", "C", "D", "E", "F", "G", "H–M", "N", "O"]);
    const months = lines.find((l) => l.letters === "H–M");
    expect(months?.why).toMatch(/^H is the period May 18 because .*; I–M likewise \(Jun 18 to Oct 18\)\.$/);
    expect(lines.find((l) => l.letters === "F")).toMatchObject({ role: "Current value", sure: "sure" });
  });
});

describe("confirming a reading the engine doubts", () => {
  test("pins the measure and the value so the next reading is sure, and nothing more", async () => {
    // The titles sit under "PI", a word for a reference: the measure is read from its cells, to confirm.
    // (The one-row Qtr 2 / Qtr 4 sheet used before now reads surely: its header words and cells agree.)
    const grid = await seedGrid(join(ROOT, "test", "fixtures", "corpus", "comment-rows-nat-ave.xlsx"));
    const a = analyse(grid, defaults());
    expect(a.reading.level).not.toBe("high");
    const confirmed = confirmReading(defaults(), a);
    expect(confirmed?.columns).toEqual({ measure: "B", current: "D" });
    if (!confirmed) return;
    expect(analyse(grid, confirmed).reading.level).toBe("high");
    // Once pinned there is nothing left to confirm.
    expect(confirmReading(confirmed, analyse(grid, confirmed))).toBeNull();
  });

  test("a role chosen for a column lets go of the column's other role and the role's other column", () => {
    const s = { ...defaults(), columns: { current: "F", baseline: "C" } };
    expect(pinRole(s, "C", "previous").columns).toEqual({ current: "F", previous: "C" });
    expect(pinRole(s, "G", "current").columns).toEqual({ current: "G", baseline: "C" });
    expect(pinRole(s, "C", "").columns).toEqual({ current: "F" });
  });
});

describe("one review per indicator", () => {
  test("covers every flag of the indicator and replaces older per-flag marks, whose notes it starts from", async () => {
    const a = await seedAnalysis(MONTHLY);
    const old = [
      { about: "missing-period", note: "August return late", value: 2.6, at: "" },
      { about: "small-denominator", note: "Few audits", value: 2.6, at: "" },
    ];
    const before = groupByIndicator(buildReviewItems(a, { "11.13": old })).find((c) => c.key === "11.13");
    expect(before?.reviewed).toBe(false);
    expect(startingNote(before?.marks ?? [])).toBe("August return late\nFew audits");
    const s = markIndicatorReviewed({ ...defaults(), reviews: { "11.13": old } }, "11.13", {
      note: "August return late\nFew audits",
      value: 2.6,
      at: "",
    });
    expect(s.reviews["11.13"]).toEqual([
      { about: "indicator", note: "August return late\nFew audits", value: 2.6, at: "" },
    ]);
    const after = groupByIndicator(buildReviewItems(a, s.reviews)).find((c) => c.key === "11.13");
    expect(after?.reviewed).toBe(true);
    expect(after?.items.every((i) => i.review?.about === "indicator")).toBe(true);
    expect(clearIndicatorReview(s, "11.13").reviews).toEqual({});
    // A mark made against another value no longer covers anything.
    const stale = markIndicatorReviewed(defaults(), "11.13", { note: "Old", value: 9.9, at: "" });
    expect(
      groupByIndicator(buildReviewItems(a, stale.reviews)).find((c) => c.key === "11.13")?.reviewed,
    ).toBe(false);
  });
});

describe("the sheet offered when the chosen one does not read", () => {
  const sheetsOf = (reads: Record<string, "scorecard" | "empty" | "other">): AddinHost => ({
    loadSettings: () => ({ settings: defaults(), problems: [] }),
    saveSettings: async () => undefined,
    refresh: async () => {
      throw new Error("not in this test");
    },
    select: async () => undefined,
    darkTheme: () => false,
    detect: async (s) => {
      const kind = reads[s.sourceSheet ?? ""];
      if (kind === "scorecard")
        return { sheetNames: Object.keys(reads), analysis: await seedAnalysis(MONTHLY) };
      return {
        sheetNames: Object.keys(reads),
        error:
          kind === "empty"
            ? `Sheet '${s.sourceSheet}' is empty: choose the sheet that holds the scorecard.`
            : "no header",
      };
    },
  });
  const find = (reads: Record<string, "scorecard" | "empty" | "other">, failed: string, error: string) =>
    findAlternative(
      sheetsOf(reads),
      { ...defaults(), sourceSheet: failed },
      Object.keys(reads),
      error,
      () => true,
    );

  test("never the add-in's own sheets, which read like a scorecard", async () => {
    const found = await find(
      { Notes: "other", Committee: "scorecard", "Scorecard charts": "scorecard", Data: "scorecard" },
      "Notes",
      "no header",
    );
    expect(found).toEqual({ alternative: { sheet: "Data", indicators: 19 }, emptyWorkbook: false });
  });

  test("an empty workbook is one whose every sheet is empty", async () => {
    const empty = "Sheet 'Sheet1' is empty: choose the sheet that holds the scorecard.";
    expect(await find({ Sheet1: "empty", Sheet2: "empty" }, "Sheet1", empty)).toEqual({
      alternative: null,
      emptyWorkbook: true,
    });
    expect(await find({ Sheet1: "empty", Sheet2: "other" }, "Sheet1", empty)).toEqual({
      alternative: null,
      emptyWorkbook: false,
    });
    expect(isEmptySheetMessage("no header")).toBe(false);
  });
});

describe("a refresh error said briefly where the pane already explains the sheet", () => {
  test("the first sentence, not cut at a decimal point or an abbreviation inside quotes", () => {
    expect(
      firstSentence(
        "Sheet 'Notes': no header row found in rows 1-2. A scorecard needs a row with a reference or measure label.",
      ),
    ).toBe("Sheet 'Notes': no header row found in rows 1-2.");
    expect(firstSentence("Value 2.5 is over the limit of 3.0 in 'No. 4'. Check it.")).toBe(
      "Value 2.5 is over the limit of 3.0 in 'No. 4'.",
    );
    expect(firstSentence("No full stop at all")).toBe("No full stop at all");
  });
});
