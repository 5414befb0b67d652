import {
  parsePeriodLabel,
  parsePeriodCell,
  yearEarlier,
  reportingPeriodIn,
} from "../../src/engine/read/periods";
import { parsePeriodInContext, periodEnd } from "../../src/engine/read/period-grammar";

describe("period labels", () => {
  test.each([
    ["May 18", "month", 2018 * 12 + 4],
    ["Oct-18", "month", 2018 * 12 + 9],
    ["October 2018", "month", 2018 * 12 + 9],
    ["Sept 2018", "month", 2018 * 12 + 8],
    ["2017/18", "year", 2017],
    ["2017-18", "year", 2017],
    ["2017/2018", "year", 2017],
    ["Q2 2021/22", "quarter", 2021 * 4 + 1],
    ["Q2 21/22", "quarter", 2021 * 4 + 1],
    ["2021/22 Q2", "quarter", 2021 * 4 + 1],
  ])("%s", (label, granularity, ordinal) => {
    expect(parsePeriodLabel(label)).toMatchObject({ granularity, ordinal });
  });

  test("words that are not periods are not periods", () => {
    for (const s of ["Ref", "Current", "2017/19", "Mayor 18", "Target", "Q5 2021/22"])
      expect(parsePeriodLabel(s)).toBeNull();
  });

  test("Excel dates formatted as months are months", () => {
    // 43221 is 1 May 2018.
    expect(parsePeriodCell({ value: 43221, format: "mmm yy" })).toMatchObject({
      granularity: "month",
      label: "May 18",
    });
    expect(parsePeriodCell({ value: 43221, format: "0" })).toBeNull();
  });

  test("the same period a year earlier", () => {
    const p = parsePeriodLabel("Oct 18");
    expect(p && yearEarlier(p)).toBe(parsePeriodLabel("Oct 17")?.ordinal);
    const q = parsePeriodLabel("Q2 2021/22");
    expect(q && yearEarlier(q)).toBe(parsePeriodLabel("Q2 2020/21")?.ordinal);
  });

  test("reporting period in a title", () => {
    expect(reportingPeriodIn("October 2018")).toBe("October 2018");
    expect(reportingPeriodIn("Mid-year report, Q2 2021/22 (July to September 2021)")).toBe("Q2 2021/22");
  });
});

describe("the period grammar", () => {
  test.each([
    ["Qtr 2 2023/24", "Q2 2023/24"],
    ["Quarter 2 2023/24", "Q2 2023/24"],
    ["Quarter 3 23-24", "Q3 2023/24"],
    ["Ch1 / Q1 12-13", "Q1 2012/13"],
    ["Ch2 2015/16", "Q2 2015/16"],
    ["Q2 2015/16", "Q2 2015/16"],
    ["Ebrill 2023", "Apr 23"],
    ["Sep\n2018", "Sep 18"],
  ])("%s is %s", (label, expected) => {
    expect(parsePeriodLabel(label)?.label).toBe(expected);
  });

  test("a quarter without its year takes the year of the merged header above", () => {
    expect(parsePeriodLabel("Q2")).toMatchObject({ granularity: "quarter", yearless: true });
    expect(parsePeriodLabel("Ch2")).toMatchObject({ granularity: "quarter", yearless: true });
    expect(parsePeriodInContext(parsePeriodLabel("Quarter 3"), ["2015/16"])?.label).toBe("Q3 2015/16");
    expect(parsePeriodInContext(parsePeriodLabel("Ch1 / Q1"), ["Plant", "2015/16"])?.label).toBe(
      "Q1 2015/16",
    );
  });

  test("a year-end outturn is a year, marked as the year's final figure", () => {
    expect(parsePeriodLabel("2016/17 outturn")).toMatchObject({
      granularity: "year",
      ordinal: 2016,
      yearEnd: true,
    });
    expect(parsePeriodLabel("Year end 2016/17")).toMatchObject({ yearEnd: true });
    expect(parsePeriodLabel("Diwedd blwyddyn / Year end 2014/15")).toMatchObject({
      ordinal: 2014,
      yearEnd: true,
    });
  });

  test("periods of different grains order by when they end", () => {
    const q2 = parsePeriodLabel("Q2 2015/16");
    const y = parsePeriodLabel("2014/15");
    const m = parsePeriodLabel("Sep 2015");
    expect(q2 && y && m && [periodEnd(y) < periodEnd(q2), periodEnd(m) === periodEnd(q2)]).toEqual([
      true,
      true,
    ]);
  });

  test("reporting periods written as Quarter or Qtr", () => {
    expect(reportingPeriodIn("PERFORMANCE INDICATORS QUARTER 4 2017/18")).toBe("Q4 2017/18");
    expect(reportingPeriodIn("Qtr 2 2019/20 report")).toBe("Q2 2019/20");
  });
});

describe("periods in the forms councils head columns with (issue 22)", () => {
  test.each([
    ["2019", "year", 2019, "2019"],
    ["Actual 2017/18", "year", 2017, "2017/18"],
    ["Outturn 2018/19", "year", 2018, "2018/19"],
    ["2017-18", "year", 2017, "2017/18"],
    ["Apr-24", "month", 2024 * 12 + 3, "Apr 24"],
    ["2024-04", "month", 2024 * 12 + 3, "Apr 24"],
    ["31 July 2018", "month", 2018 * 12 + 6, "Jul 18"],
    ["30/09/2017", "month", 2017 * 12 + 8, "Sep 17"],
    ["End of Q1 2019/20", "quarter", 2019 * 4, "Q1 2019/20"],
    ["2017/18 Q1 Value", "quarter", 2017 * 4, "Q1 2017/18"],
    ["2023 (to 10 October)", "year", 2023, "2023"],
    ["Vkrt 2018/19", "year", 2018, "2018/19"],
  ])("%s", (label, granularity, ordinal, shown) => {
    expect(parsePeriodLabel(label)).toMatchObject({ granularity, ordinal, label: shown });
  });

  test("the words beside a period are kept, and whether they follow it", () => {
    expect(parsePeriodLabel("2008/09 Result")).toMatchObject({ qualifier: "result", qualifierAfter: true });
    expect(parsePeriodLabel("Actual 2017/18")).toMatchObject({ qualifier: "actual", qualifierAfter: false });
    expect(parsePeriodLabel("Vkrt 2018/19")).toMatchObject({ qualifier: "vkrt" });
  });

  test("a month alone is placed by the year above it, April first in a financial year", () => {
    const april = parsePeriodLabel("April");
    const jan = parsePeriodLabel("Jan");
    expect(april).toMatchObject({ granularity: "month", yearless: true });
    expect(parsePeriodInContext(april, ["2023/24"])?.label).toBe("Apr 23");
    expect(parsePeriodInContext(jan, ["2023/24"])?.label).toBe("Jan 24");
    expect(parsePeriodInContext(jan, ["2023"])?.label).toBe("Jan 23");
    expect((april?.ordinal ?? 0) < (jan?.ordinal ?? 0)).toBe(true);
  });

  test("a calendar year ends in December, a financial one in March", () => {
    const cal = parsePeriodLabel("2019");
    const fy = parsePeriodLabel("2019/20");
    expect(cal && periodEnd(cal)).toBe(2020 * 12);
    expect(fy && periodEnd(fy)).toBe(2020 * 12 + 3);
  });

  test("still not periods", () => {
    for (const s of ["Number of LAC", "Mayor 18", "1362", "Target", "12345", "2019 up to 10 October"])
      expect(parsePeriodLabel(s)).toBeNull();
  });
});
