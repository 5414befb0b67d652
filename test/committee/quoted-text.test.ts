/**
 * A narrative sentence quotes the start of a long title (and of a long reference, value text or
 * data-quality note), never the whole: 2,000 indicators with 32,767-character titles wrote a sheet of
 * 718,026 rows (issue 21). The table keeps the whole title.
 */
import { analyse } from "../../src/engine/judge/assess";
import { buildCommitteePlan } from "../../src/engine/paper/committee";
import { buildNarrative } from "../../src/engine/paper/narrative";
import { MAX_QUOTED, quoteTitle } from "../../src/engine/paper/quote";
import { MAX_CELL_CHARS } from "../../src/engine/paper/excel-limits";
import { syntheticGrid } from "../../scripts/synthetic";

/** A title of Excel's full 32,767 characters, in words, different for each indicator. */
function longTitle(i: number): string {
  const words = `Percentage of children in need (${i}) seen within timescale by the allocated social worker `;
  return words.repeat(Math.ceil(MAX_CELL_CHARS / words.length)).slice(0, MAX_CELL_CHARS);
}

test("quoteTitle keeps short text, cuts long text at a word with a visible ellipsis", () => {
  expect(quoteTitle("Contacts to referral")).toBe("Contacts to referral");
  const q = quoteTitle(longTitle(1));
  expect(q.length).toBeLessThanOrEqual(MAX_QUOTED);
  expect(q.endsWith("…")).toBe(true);
  expect(q).toMatch(/^Percentage of children in need \(1\) seen/);
  expect(q.slice(0, -1)).toBe(q.slice(0, -1).trimEnd());
});

test("200 indicators with 32,767-character titles: sentences quote the start; the table keeps it whole", () => {
  const n = 200;
  const grid = syntheticGrid(n, 12);
  let i = 0;
  for (const row of grid.rows)
    if (typeof row[0]?.value === "string" && /^\d+\.\d+$/.test(row[0].value) && row[1])
      row[1] = { value: longTitle(i++) };
  expect(i).toBe(n);
  const analysis = analyse(grid);
  const narrative = buildNarrative(analysis);
  const sentences = [...narrative.performingWell, ...narrative.areasForFocus, ...narrative.forInformation];
  expect(sentences).toHaveLength(n);
  for (const s of sentences) expect(s.length).toBeLessThan(1200);
  const { plan } = buildCommitteePlan({ analysis, name: "Committee", generatedAt: new Date(2018, 10, 30) });
  // A table row and a few narrative lines per indicator, not hundreds.
  expect(plan.values.length).toBeLessThan(n * 12);
  const cells = new Set(plan.values.flat());
  expect(analysis.indicators.filter((a) => a.title.length > 30000 && !cells.has(a.title))).toEqual([]);
});
