/**
 * The layouts gathered from councils' published scorecards for issue 22 (test/fixtures/corpus/world,
 * built by `npm run corpus`), each read as a user's would be: the .xlsx opened by the file host, the
 * sheet chosen as `scorecard analyse file.xlsx` chooses it, no settings. Every expectation is stated by
 * hand from the paper in corpus-expectations.ts; these tests only say which workbook meets which.
 */
import { existsSync } from "node:fs";
import { WORLD } from "../fixtures/corpus/world";
import { ALL_WORLD_EXPECTED, corpusFile } from "./corpus-expectations";
import { analyseFileAsUser, checkReading } from "./corpus-check";

test("every gathered layout names its council, paper and address, and has hand expectations", () => {
  expect(WORLD.length).toBeGreaterThanOrEqual(25);
  for (const w of WORLD) {
    expect(w.source).toMatch(/^[A-Z][^,]+, .+(https?:\/\/\S+)/);
    expect(existsSync(corpusFile(w.name))).toBe(true);
  }
  expect(ALL_WORLD_EXPECTED.map((e) => e.layout).sort()).toEqual(WORLD.map((w) => w.name).sort());
});

describe.each(ALL_WORLD_EXPECTED.map((e) => [e.layout, e] as const))(
  "%s read as the paper reads",
  (name, e) => {
    test("the sheet, indicator rows, titles, values, units, series, polarity and band", async () => {
      checkReading(await analyseFileAsUser(corpusFile(name)), e);
    });
  },
);
