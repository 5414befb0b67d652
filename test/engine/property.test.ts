/**
 * Thousands of random and mangled grids: the engine never throws anything but a LayoutError, gives one
 * assessment per indicator row it reports, and never invents a value that is not in the sheet.
 */
import fc from "fast-check";
import { analyse } from "../../src/engine/judge/assess";
import { Cell, Grid } from "../../src/engine/grid";
import { LayoutError } from "../../src/engine/read/layout";
import { buildCommitteePlan } from "../../src/engine/paper/committee";
import { parseMeasurement } from "../../src/engine/read/values";
import { MONTHLY, seedGrid } from "../helpers";

const messyText = fc.oneof(
  fc.constantFrom(
    "n/a",
    "-",
    "",
    "96%",
    "2,580",
    "New PI",
    "1362 - this result is provisional",
    "88.3% (53/60)",
    "6 out of 15",
    "89.1 per 10,000",
    "=SUM(A1)",
    "@x",
    "+1",
    "Fall",
    "Rise",
    "Bell Shaped",
    "Ref",
    "Current",
    "May 18",
    "2017/18",
    "Target",
  ),
  fc.string({ maxLength: 12 }),
);
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant({ value: null }),
  messyText.map((s) => ({ value: s })),
  fc.double({ noNaN: false, min: -1e6, max: 1e6 }).map((v) => ({ value: v })),
  fc.double({ min: -0.5, max: 1.5, noNaN: true }).map((v) => ({ value: v, format: "0.0%" })),
  fc.integer({ min: 40000, max: 50000 }).map((v) => ({ value: v, format: "mmm yy" })),
  fc.constantFrom({ value: { error: "#DIV/0!" } }, { value: { error: "#N/A" } }, { value: true }),
);
const header = fc.shuffledSubarray(
  [
    "Ref",
    "Measure",
    "Num",
    "Denom",
    "Current",
    "Period",
    "May 18",
    "Jun 18",
    "Jul 18",
    "Min",
    "Upper",
    "Target",
    "Polarity",
    "Data Quality",
    "Comments",
  ],
  { minLength: 2 },
);
const grid: fc.Arbitrary<Grid> = fc
  .tuple(
    header,
    fc.array(fc.array(cell, { maxLength: 16 }), { maxLength: 30 }),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([h, body, offset]) => ({
    sheet: "Random",
    rows: [...Array.from({ length: offset }, () => [] as Cell[]), h.map((v) => ({ value: v })), ...body],
    merges: [],
  }));

/** Every number a cell could yield, for the "never invents values" check. */
function numbersIn(g: Grid): number[] {
  const out: number[] = [];
  for (const row of g.rows)
    for (const c of row) {
      const m = parseMeasurement(c);
      if (m.value !== null) out.push(m.value, m.value / 100, m.value * 100);
    }
  return out;
}

describe("the engine under random and mangled input", () => {
  test("never throws anything but a LayoutError; one assessment per reported indicator row; no invented values", () => {
    fc.assert(
      fc.property(grid, (g) => {
        let a;
        try {
          a = analyse(g);
        } catch (e) {
          if (e instanceof LayoutError) return true;
          throw e;
        }
        const rows = a.indicators.map((i) => i.row);
        expect(new Set(rows).size).toBe(rows.length);
        const present = numbersIn(g);
        for (const i of a.indicators) {
          const v = i.value;
          if (v !== null) expect(present.some((p) => Math.abs(p - v) < 1e-9)).toBe(true);
          expect(["green", "amber", "red", "none"]).toContain(i.band);
        }
        // The committee plan never throws on what the engine produced.
        buildCommitteePlan({ analysis: a, name: "Committee", generatedAt: new Date(0) });
        return true;
      }),
      { numRuns: 2000, seed: 20261121 },
    );
  });

  test("mangling the real 000 scorecard cell by cell never breaks it", async () => {
    const base = await seedGrid(MONTHLY);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(40), fc.nat(16), cell), { maxLength: 25 }), (edits) => {
        const g: Grid = { ...base, rows: base.rows.map((r) => [...r]) };
        for (const [r, c, v] of edits) {
          while (g.rows.length <= r) g.rows.push([]);
          g.rows[r][c] = v;
        }
        try {
          const a = analyse(g);
          expect(a.indicators.length).toBeGreaterThanOrEqual(0);
        } catch (e) {
          if (!(e instanceof LayoutError)) throw e;
        }
        return true;
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
