/**
 * Every cut of user text falls between code points, never inside a surrogate pair: a sheet name made
 * unique, the footer's title, a cell cut to Excel's 32,767 characters, a review note, the terminal
 * table. Half an emoji is written to a package as U+FFFD (or is not XML at all).
 */
import { cutText } from "../../src/engine/text-cut";
import { clipText, MAX_CELL_CHARS } from "../../src/engine/paper/excel-limits";
import { chooseCommitteeName, MAX_SHEET_NAME, validSheetName } from "../../src/engine/sheet-name";
import { buildCommitteePlan } from "../../src/engine/paper/committee";
import { analyse } from "../../src/engine/judge/assess";
import { validateSettings } from "../../src/engine/config";
import { fitCellText } from "../../src/hosts/file/sheet-xml";
import { toTable } from "../../src/cli/report";
import { gridOf, pct } from "../helpers";

const EMOJI = "\u{1F4CA}"; // 📊, two UTF-16 code units

/** No lone surrogate anywhere: every high half is followed by a low half and vice versa. */
function whole(s: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}

describe("cutting text by code point", () => {
  test("cutText never splits a pair, and fits the limit with its ending", () => {
    const s = `${"a".repeat(29)}${EMOJI}b`;
    expect(cutText(s, 30)).toBe("a".repeat(29));
    expect(cutText(s, 31)).toBe(`${"a".repeat(29)}${EMOJI}`);
    expect(cutText(s, 31, "…")).toBe(`${"a".repeat(29)}…`);
    expect(cutText("short", 31, "…")).toBe("short");
    for (let max = 0; max <= s.length; max++) {
      const cut = cutText(s, max, "…");
      expect(whole(cut)).toBe(true);
      expect(cut.length).toBeLessThanOrEqual(Math.max(max, 1));
    }
  });

  test("a 31-character sheet name ending in an emoji, made unique with ' (2)', keeps whole characters", () => {
    const wanted = `${"Committee paper for March ".padEnd(MAX_SHEET_NAME - 2, "x")}${EMOJI}`;
    expect(wanted).toHaveLength(MAX_SHEET_NAME);
    const second = chooseCommitteeName(wanted, [wanted], () => false).name;
    expect(second.endsWith(" (2)")).toBe(true);
    expect(second.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(whole(second)).toBe(true);
    const long = `${"y".repeat(MAX_SHEET_NAME - 1)}${EMOJI}tail`;
    expect(whole(validSheetName(long))).toBe(true);
    expect(validSheetName(long).length).toBeLessThanOrEqual(MAX_SHEET_NAME);
  });

  test("the footer cuts a long title by code point", () => {
    const title = `${"Bath and North East Somerset ".padEnd(58, "z")}${EMOJI} children's services scorecard`;
    const grid = gridOf([
      [title],
      ["Ref", "Measure", "Current", "Target"],
      ["1.1", "Visits in time", pct(0.8), pct(0.9)],
      ["1.2", "Plans reviewed", pct(0.95), pct(0.9)],
    ]);
    const analysis = analyse(grid);
    expect(analysis.title).toBe(title);
    const { plan } = buildCommitteePlan({ analysis, name: "C", generatedAt: new Date(2018, 0, 1) });
    expect(plan.print.footerLeft).toMatch(/…: generated/);
    expect(whole(plan.print.footerLeft)).toBe(true);
  });

  test("a cell cut to 32,767 characters, in the plan and in the file host's last guard", () => {
    const text = `${"x".repeat(MAX_CELL_CHARS - 2)}${EMOJI}${"y".repeat(10)}`;
    const clipped = clipText(text);
    expect(clipped.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(clipped.endsWith("…")).toBe(true);
    expect(whole(clipped)).toBe(true);
    const fitted = fitCellText(text);
    expect(fitted.truncated).toBe(true);
    expect(whole(fitted.text)).toBe(true);
  });

  test("a review note cut to its 500 characters", () => {
    const note = `${"n".repeat(499)}${EMOJI}`;
    const { settings } = validateSettings({ reviews: { "1.1": [{ about: "band", note }] } });
    const kept = settings.reviews["1.1"][0].note;
    expect(kept.length).toBeLessThanOrEqual(500);
    expect(whole(kept)).toBe(true);
  });

  test("the terminal table's columns cut titles by code point", () => {
    const grid = gridOf([
      ["Ref", "Measure", "Current", "Target"],
      ["1.1", `${"m".repeat(42)}${EMOJI} and more words`, pct(0.8), pct(0.9)],
      ["1.2", "Plans reviewed", pct(0.95), pct(0.9)],
    ]);
    expect(whole(toTable(analyse(grid)))).toBe(true);
  });
});
