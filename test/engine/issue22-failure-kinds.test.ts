/**
 * The five kinds of failure issue 22 found on councils' published scorecards, each tried on the
 * gathered layouts that show it, read as a user's workbook is read (file host, no sheet named). Each
 * test states the one thing a person sees at a glance and the engine must too; the full hand
 * expectations of the same layouts are in corpus-world.test.ts.
 */
import type { Analysis } from "../../src/engine/judge/assess";
import { WORLD_EXPECTED, corpusFile, periodKey } from "./corpus-expectations";
import { analyseFileAsUser, checkReading } from "./corpus-check";

function expected(layout: string) {
  const e = WORLD_EXPECTED.find((x) => x.layout === layout);
  if (!e) throw new Error(`no expectations for ${layout}`);
  return e;
}

async function read(layout: string): Promise<Analysis> {
  return analyseFileAsUser(corpusFile(layout));
}

describe("1. a measure column headed by a phrase no list knows, the table's own name, or a numbered label", () => {
  test.each([
    // "Indicator 1" / "Indicator 2" over each block's measure.
    "highland-block-per-indicator",
    // "Performance Indicator Description" over measures written as sentences.
    "conwy-hyphen-years-worded-values",
  ])("%s: every measure is found, with its row and title", async (layout) => {
    checkReading(await read(layout), expected(layout));
  });
});

describe("2. bare years and periods with a word before each give one series and one current value", () => {
  test("seven 'Actual <year>' columns are the series; the latest is the current value", async () => {
    const layout = "nl-actual-years-ideal-direction";
    const a = await read(layout);
    expect(a.periods.map(periodKey)).toEqual(
      ["2012/13", "2013/14", "2014/15", "2015/16", "2016/17", "2017/18", "2018/19"].map(periodKey),
    );
    expect(a.indicators.map((i) => i.value)).toEqual([0.882]);
    checkReading(a, expected(layout));
  });

  test("years written 2019-2020 and 2020-2021 are a series of two", async () => {
    const layout = "conwy-hyphen-years-worded-values";
    const a = await read(layout);
    expect(a.periods.map(periodKey)).toEqual(["FY2019", "FY2020"]);
    checkReading(a, expected(layout));
  });
});

describe("3. a contents sheet first, a hidden data sheet, and a summary built from formulas", () => {
  test("the visible summary is read, from its formulas' cached results", async () => {
    const layout = "rotherham-cover-hidden-data-formulas";
    const a = await read(layout);
    expect(a.sheet).toBe("Performance on a page");
    expect(a.indicators.find((i) => i.title === "Number of children entering care")?.series).toEqual([
      147, 122,
    ]);
    checkReading(a, expected(layout));
  });
});

describe("4. several tables on one sheet, and one small block per indicator", () => {
  test("one block per indicator: each block's measure is one indicator, its header row none", async () => {
    const layout = "highland-block-per-indicator";
    const a = await read(layout);
    expect(a.indicators.map((i) => i.title.slice(0, 22))).toEqual([
      "Number of households w",
      "The percentage of chil",
    ]);
    checkReading(a, expected(layout));
  });
});

describe("5. units and polarity in the measure's own wording, or as an arrow under 'Ideal direction'", () => {
  test("an up arrow under 'Ideal direction' makes higher better", async () => {
    const a = await read("nl-actual-years-ideal-direction");
    expect(a.indicators.map((i) => [i.polarity, i.polaritySource === "assumed"])).toEqual([
      ["higher", false],
    ]);
  });

  test("'... will reduce.' makes lower better", async () => {
    const layout = "highland-block-per-indicator";
    const a = await read(layout);
    expect(a.indicators.map((i) => i.polarity)).toEqual(["lower", "lower"]);
    checkReading(a, expected(layout));
  });
});
