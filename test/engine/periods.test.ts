import { parsePeriodLabel, parsePeriodCell, yearEarlier, reportingPeriodIn } from "../../src/engine/periods";

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
