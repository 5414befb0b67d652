/**
 * Layouts a person reads at a glance and the engine once did not: a heading that names the better
 * direction in any word order over "Up"/"Down" or "High"/"Low" words as well as arrows; years written as
 * bare numbers under a blank corner; titles ending "(%)" over whole numbers; figures withheld as "c",
 * "[c]", "x", "z" or "*"; a table of one row. Figures are England's, as the Department for Education
 * publishes them (children's social care statistics, /work/shared/benchmarks/dfe-csc, Open Government
 * Licence): years ending 31 March, so 2023 is 2022/23. Each layout is also read with its header words
 * replaced by meaningless tokens, where the shape alone must give the same rows, titles and series.
 */
import { analyse, Analysis } from "../../src/engine/judge/assess";
import type { Cell } from "../../src/engine/grid";
import { CONFIRM_BELOW } from "../../src/engine/read/reading";
import { gridOf } from "../helpers";

type Row = (string | number | null | Cell)[];

const byTitle = (a: Analysis, start: string) => {
  const i = a.indicators.find((x) => x.title.startsWith(start));
  if (!i) throw new Error(`no indicator '${start}': ${a.indicators.map((x) => x.title).join(" | ")}`);
  return i;
};
const roles = (a: Analysis) => a.columns.map((c) => c.role);
const codes = (a: Analysis, start: string) => byTitle(a, start).flags.map((f) => f.code);

/** The same sheet with each word of the header row put out of reach of any word list. */
function blind(rows: Row[], headerRows = 1): Row[] {
  let n = 0;
  const token = () => `Qzx${"bcdfghjklm"[n++ % 10]}`;
  return rows.map((r, i) =>
    i < headerRows ? r.map((v) => (typeof v === "string" && !/\d{2}/.test(v) ? token() : v)) : r,
  );
}

// England: re-referrals within 12 months, second or subsequent plans, care leavers aged 19 to 21 in
// education, employment or training, children looked after per 10,000, 2021/22 to 2023/24.
const ENGLAND: [string, number[]][] = [
  ["Re-referrals to children's social care within 12 months", [21.5, 22.4, 22.4]],
  ["Children becoming subject to a second or subsequent child protection plan", [22.7, 23.6, 24.7]],
  ["Care leavers aged 19 to 21 in education, employment or training", [55, 56, 54]],
  ["Children looked after at 31 March", [70, 70, 69]],
];
const YEARS = ["2021/22", "2022/23", "2023/24"];

function waysTable(heading: string, ways: string[]): Row[] {
  return [["Indicator", heading, ...YEARS], ...ENGLAND.map(([title, xs], k): Row => [title, ways[k], ...xs])];
}

describe("a heading that names the better direction, in any word order, over words or arrows", () => {
  test.each([
    ["Which way is good", ["Down", "Down", "Up", "Down"]],
    ["Is higher better?", ["Low", "Low", "High", "Low"]],
    ["Good performance is", ["↓", "↓", "↑", "↓"]],
    ["Direction that is better", ["Lower", "Lower", "Higher", "Lower"]],
  ])("'%s' over %j is the polarity, not last time's direction", (heading, ways) => {
    const a = analyse(gridOf(waysTable(heading, ways)));
    expect(a.columns.find((c) => c.letter === "B")?.role).toBe("polarity");
    expect(a.indicators.map((i) => [i.polarity, i.polaritySource])).toEqual([
      ["lower", "polarity column"],
      ["lower", "polarity column"],
      ["higher", "polarity column"],
      ["lower", "polarity column"],
    ]);
  });

  test("with no words to go on, ways that disagree with the figures' last moves are the polarity", () => {
    const a = analyse(gridOf(blind(waysTable("Which way is good", ["Down", "Down", "Up", "Down"]))));
    const b = a.columns.find((c) => c.letter === "B");
    expect(b?.role).toBe("polarity");
    expect(b?.evidence).toMatch(/disagree with the figures' last move in 2 of 3 rows/);
    expect(byTitle(a, "Care leavers").polarity).toBe("higher");
    expect(byTitle(a, "Children becoming subject").polarity).toBe("lower");
  });

  test("arrows that follow every row's last move stay the direction of travel, header or none", () => {
    // 2022/23 to 2023/24: 22.4 to 22.4 is level, 23.6 to 24.7 up, 56 to 54 down, 70 to 69 down.
    const moves = ["↔", "↑", "↓", "↓"];
    for (const heading of ["Direction of travel", "Qzxw"]) {
      const a = analyse(gridOf(waysTable(heading, moves)));
      expect({ heading, role: a.columns.find((c) => c.letter === "B")?.role }).toEqual({
        heading,
        role: "previousDirection",
      });
    }
  });

  test("a header that names the direction of travel keeps it, whatever the arrows say", () => {
    const a = analyse(gridOf(waysTable("Direction of travel", ["↓", "↓", "↑", "↓"])));
    expect(a.columns.find((c) => c.letter === "B")?.role).toBe("previousDirection");
  });
});

describe("years as bare numbers with a blank corner over the measures", () => {
  // Children looked after, starting and ceasing to be looked after, per 10,000 children, 2021 to 2025.
  const rows: Row[] = [
    [null, 2021, 2022, 2023, 2024, 2025],
    ["Children looked after at 31 March, rate per 10,000 children", 69, 70, 70, 69, 67],
    ["Children starting to be looked after, rate per 10,000 children", 24, 26, 28, 27, 26],
    ["Children ceasing to be looked after, rate per 10,000 children", 24, 26, 27, 28, 28],
  ];

  test.each([
    ["as written", rows],
    ["header-blind", blind(rows)],
  ])("%s: one series of five years, the latest the value, each a rate", (_, sheet) => {
    const a = analyse(gridOf(sheet));
    expect(roles(a)).toEqual(["measure", "period", "period", "period", "period", "period"]);
    expect(a.periods).toEqual(["2021", "2022", "2023", "2024", "2025"]);
    expect(a.indicators.map((i) => [i.row, i.value, i.unit, i.series])).toEqual([
      [2, 67, "rate", [69, 70, 70, 69, 67]],
      [3, 26, "rate", [24, 26, 28, 27, 26]],
      [4, 28, "rate", [24, 26, 27, 28, 28]],
    ]);
  });
});

describe("a title ending '(%)' over whole numbers", () => {
  const rows: Row[] = [
    ["Measure", ...YEARS, "Target"],
    ["Care leavers aged 19 to 21 in education, employment or training (%)", 56, 54, 54, 60],
    ["Children looked after for 2.5 years or more, with the same carer for 2 years (%)", 71, 68, 68, 70],
    ["Children looked after at 31 March, per 10,000 children", 70, 70, 69, 65],
  ];

  test("the whole numbers are percentages, and so is the target beside them", () => {
    const a = analyse(gridOf(rows));
    const eet = byTitle(a, "Care leavers");
    expect([eet.unit, eet.value, eet.series]).toEqual(["percent", 0.54, [0.56, 0.54, 0.54]]);
    expect(eet.band).toBe("red");
    expect([
      byTitle(a, "Children looked after for").unit,
      byTitle(a, "Children looked after at").unit,
    ]).toEqual(["percent", "rate"]);
  });

  test("header-blind: the same rows, titles, series and units", () => {
    const a = analyse(gridOf(blind(rows)));
    expect(a.indicators.map((i) => [i.row, i.unit, i.series])).toEqual([
      [2, "percent", [0.56, 0.54, 0.54]],
      [3, "percent", [0.71, 0.68, 0.68]],
      [4, "rate", [70, 70, 69]],
    ]);
  });
});

describe("figures withheld as statistics mark them are not published, not errors", () => {
  // Care leavers' accommodation by local authority: the Department prints "c" where a small number is
  // withheld, "z" where a figure does not apply and "x" where it is not available.
  const rows: Row[] = [
    ["Indicator", ...YEARS],
    ["Care leavers aged 17 to 18 in unsuitable accommodation", "c", "[c]", "c"],
    ["Care leavers aged 19 to 21 in suitable accommodation (%)", 88, "x", 89],
    ["Children living with the same carer for at least 2 years (%)", "z", "[z]", 69],
    ["Re-referrals within 12 months (%)", 22.4, "*", 22.6],
    ["Children looked after at 31 March", 83750, 83530, "[x]"],
  ];

  test.each([
    ["as written", rows],
    ["header-blind", blind(rows)],
  ])("%s: every row is read; a withheld figure is a gap that says it was not published", (_, sheet) => {
    const a = analyse(gridOf(sheet));
    expect(roles(a)).toEqual(["measure", "period", "period", "period"]);
    expect(a.indicators.map((i) => i.row)).toEqual([2, 3, 4, 5, 6]);
    for (const i of a.indicators)
      expect({ row: i.row, flags: i.flags.map((f) => f.code) }).not.toEqual(
        expect.objectContaining({ flags: expect.arrayContaining(["invalid-value"]) }),
      );
    expect(byTitle(a, "Care leavers aged 17").value).toBeNull();
    expect(byTitle(a, "Care leavers aged 19").series).toEqual([0.88, null, 0.89]);
    expect(codes(a, "Care leavers aged 19")).toContain("missing-period");
    expect(
      byTitle(a, "Care leavers aged 19")
        .flags.map((f) => f.message)
        .join(" "),
    ).toMatch(/No value for 2022\/23 \(not published: 'x'\)/);
    expect(byTitle(a, "Re-referrals").series.map((x) => (x === null ? x : Math.round(x * 1000)))).toEqual([
      224,
      null,
      226,
    ]);
    expect(
      byTitle(a, "Children looked after")
        .flags.map((f) => f.message)
        .join(" "),
    ).toMatch(/not published: '\[x\]'/);
  });
});

describe("a table of one row", () => {
  const rows: Row[] = [
    ["Children's social care: children looked after"],
    [],
    ["Measure", "2021/22", "2022/23", "2023/24", "Target"],
    ["Children looked after at 31 March, per 10,000 children (lower is better)", 70, 70, 69, 65],
  ];

  test.each([
    ["as written", rows],
    ["header-blind", blind(rows, 3)],
  ])("%s: the one row is the indicator, its years the series", (_, sheet) => {
    const a = analyse(gridOf(sheet));
    expect(a.indicators.map((i) => [i.row, i.unit, i.value, i.series, i.polarity])).toEqual([
      [4, "rate", 69, [70, 70, 69], "lower"],
    ]);
  });

  test("with the target named, it is banded against it", () => {
    const a = analyse(gridOf(rows));
    expect(a.indicators[0].band).toBe("red");
  });
});

test("a region's column beside the council's figures is a comparator, whichever region it is", () => {
  // Children looked after and starting to be looked after per 10,000, 2024/25, as the Department
  // publishes them: Leeds 89 and 85, 32 and 26; England 67 and 26; each region's own.
  for (const [region, looked, starting] of [
    ["Yorkshire and The Humber", 77, 28],
    ["East of England", 49, 18],
    ["South West", 62, 23],
    ["North East", 111, 43],
  ] as const) {
    const a = analyse(
      gridOf([
        ["Indicator", "2023/24", "2024/25", region, "England"],
        ["Children looked after at 31 March, per 10,000 children", 89, 85, looked, 67],
        ["Children starting to be looked after, per 10,000 children", 32, 26, starting, 26],
      ]),
    );
    expect({ region, roles: roles(a) }).toEqual({
      region,
      roles: ["measure", "period", "period", "benchmark", "benchmark"],
    });
  }
});

describe("a column of quartiles beside counts is a position, not a target", () => {
  // Leeds, children looked after, starting and ceasing, 2023/24 and 2024/25, as the Department publishes
  // them; the quartile is Leeds's rate per 10,000 among all councils' (1 the lowest), worked from the same
  // file. The quartiles are round and repeat, as targets do, but stand on another scale from the counts.
  const rows: Row[] = [
    ["Looked after children", "2023/24 number", "Quartile", "2024/25 number", "Quartile"],
    ["Children looked after at 31 March", 1546, 3, 1498, 3],
    ["Children starting to be looked after", 557, 3, 458, 3],
    ["Children ceasing to be looked after", 478, 2, 512, 3],
  ];
  test.each([
    ["as written", rows],
    ["header-blind", blind(rows)],
  ])("%s: no target is read from the quartiles; the counts are the series", (_, sheet) => {
    const a = analyse(gridOf(sheet));
    expect(a.columns.filter((c) => c.role === "target")).toEqual([]);
    expect(a.indicators.map((i) => [i.row, i.series, i.band])).toEqual([
      [2, [1546, 1498], "none"],
      [3, [557, 458], "none"],
      [4, [478, 512], "none"],
    ]);
  });
});

test("a measure header in a phrase no rule knows bears out the cells; a header that says nothing of it does not", () => {
  const body: Row[] = [
    ["Re-referrals to children's social care within 12 months (%)", 22.4, 22.4, 22.6],
    ["Children becoming subject to a second or subsequent plan (%)", 23.6, 24.7, 24.5],
  ];
  const measure = (header: string) =>
    analyse(gridOf([[header, "2022/23", "2023/24", "2024/25"], ...body])).columns.find(
      (c) => c.role === "measure",
    )?.confidence ?? 0;
  expect(measure("Performance Indicator Description")).toBeGreaterThanOrEqual(CONFIRM_BELOW);
  expect(measure("Indicator and Description")).toBeGreaterThanOrEqual(CONFIRM_BELOW);
  expect(measure("Qzxb")).toBeLessThan(CONFIRM_BELOW);
});
