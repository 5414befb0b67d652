/**
 * The five kinds of failure issue 22 found on councils' published scorecards, each tried on the
 * gathered layouts that show it, read as a user's workbook is read (file host, no sheet named). Each
 * test states the one thing a person sees at a glance and then holds the reading to the layout's full
 * hand expectations (corpus-expectations.ts).
 */
import type { Analysis } from "../../src/engine/judge/assess";
import { ALL_WORLD_EXPECTED, ExpectedReading, corpusFile, periodKey } from "./corpus-expectations";
import { analyseFileAsUser, checkReading } from "./corpus-check";

function expected(layout: string): ExpectedReading {
  const e = ALL_WORLD_EXPECTED.find((x) => x.layout === layout);
  if (!e) throw new Error(`no expectations for ${layout}`);
  return e;
}

async function read(layout: string): Promise<Analysis> {
  return analyseFileAsUser(corpusFile(layout));
}

const titles = (a: Analysis) => a.indicators.map((i) => i.title);

describe("1. a measure column headed by a phrase no list knows, the table's own name, or a numbered label", () => {
  test.each([
    // "Indicator 1" / "Indicator 2" over each block's measure.
    "highland-block-per-indicator",
    // "Performance Indicator Description" over measures written as sentences.
    "conwy-hyphen-years-worded-values",
    // "Balance of care – Looked after children (aged 0-17)" and "Key performance indicators".
    "fife-two-tables-named-headers",
    // "Cases open to Children's Services at 31 July 2014".
    "northumberland-count-and-share",
    // "INDICATORS - EARLY HELP BOROUGH WIDE".
    "early-help-table-name-as-measure-header",
    // Nothing at all over the row labels.
    "medway-bare-year-columns",
  ])("%s: every measure is found, with its row and title", async (layout) => {
    const a = await read(layout);
    expect(titles(a)).toEqual(expected(layout).indicators.map((i) => i.title));
    checkReading(a, expected(layout));
  });
});

describe("2. bare years and periods with a word before each give one series and one current value", () => {
  test.each([
    // "Actual 2012/13" .. "Actual 2018/19" beside "Target 2017/18".
    "nl-actual-years-ideal-direction",
    // 2011 .. 2015 as numbers.
    "medway-bare-year-columns",
    // 2020, 2021 as numbers beside "National" and "Statistical neighbours".
    "wakefield-bare-years-benchmarks",
    // "2019-2020", "2020-2021".
    "conwy-hyphen-years-worded-values",
  ])("%s: the periods in time order, the latest the current value", async (layout) => {
    const a = await read(layout);
    const e = expected(layout);
    expect(a.periods.map(periodKey)).toEqual((e.periods ?? []).map(periodKey));
    checkReading(a, e);
  });
});

describe("3. a contents sheet first, hidden sheets, and a summary built from formulas", () => {
  test("the visible summary is read, from its formulas' cached results, not the hidden data", async () => {
    const layout = "rotherham-cover-hidden-data-formulas";
    const a = await read(layout);
    expect(a.sheet).toBe("Performance on a page");
    expect(a.indicators.find((i) => i.title === "Number of children entering care")?.series).toEqual([
      147, 122,
    ]);
    checkReading(a, expected(layout));
  });

  test("a notes sheet first and a very hidden list sheet: the page is read", async () => {
    const layout = "argyll-bute-notes-first-very-hidden";
    const a = await read(layout);
    expect(a.sheet).toBe("Children and families");
    checkReading(a, expected(layout));
  });

  test("a rate whose current value is a formula over a note under the table", async () => {
    const layout = "calderdale-rate-formula-over-population";
    const a = await read(layout);
    expect(a.indicators.map((i) => i.value)).toEqual([257, 55.8]);
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

  test.each(["lancashire-two-tables-one-sheet", "fife-two-tables-named-headers"])(
    "%s: each table is a section; the second table's title and header are no indicator",
    async (layout) => {
      const a = await read(layout);
      const sections = [...new Set(expected(layout).indicators.map((i) => i.section))];
      expect(a.sections).toEqual(sections);
      checkReading(a, expected(layout));
    },
  );
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

  test("'Percentage of' makes whole numbers percentages", async () => {
    const layout = "gwynedd-percentage-words-trend";
    const a = await read(layout);
    expect(a.indicators.map((i) => i.unit)).toEqual(["percent", "percent", "percent", "percent"]);
    checkReading(a, expected(layout));
  });

  test.each([
    "lancashire-two-tables-one-sheet",
    "haringey-text-months-comparators",
    "northern-trust-register-rate-wording",
    "wakefield-bare-years-benchmarks",
  ])("%s: 'per 10,000' in the wording makes a rate", async (layout) => {
    const a = await read(layout);
    const rates = expected(layout).indicators.filter((i) => i.unit === "rate");
    for (const r of rates)
      expect({ row: r.row, unit: a.indicators.find((i) => i.row === r.row)?.unit }).toEqual({
        row: r.row,
        unit: "rate",
      });
    checkReading(a, expected(layout));
  });
});
