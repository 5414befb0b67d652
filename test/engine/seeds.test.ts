/** The seed papers, judged by hand: every band and flag the issue names, and more. */
import { Analysis } from "../../src/engine/judge/assess";
import { MONTHLY, QUARTERLY, YEARLY, byRef, codes, seedAnalysis } from "../helpers";

let monthly: Analysis;
let yearly: Analysis;
let quarterly: Analysis;
beforeAll(async () => {
  monthly = await seedAnalysis(MONTHLY);
  yearly = await seedAnalysis(YEARLY);
  quarterly = await seedAnalysis(QUARTERLY);
});

describe("000: the monthly minimum/upper scorecard", () => {
  test("reads the four-row merged header, the title block and the six months", () => {
    expect(monthly.header).toEqual({ top: 4, bottom: 7 });
    expect(monthly.title).toBe("Children's Social Care Performance Scorecard");
    expect(monthly.reportingPeriod).toBe("October 2018");
    expect(monthly.periods).toEqual(["May 18", "Jun 18", "Jul 18", "Aug 18", "Sep 18", "Oct 18"]);
    const roles = Object.fromEntries(monthly.columns.filter((c) => c.role).map((c) => [c.letter, c.role]));
    expect(roles).toMatchObject({
      A: "ref",
      B: "measure",
      C: "previous",
      D: "numerator",
      E: "denominator",
      F: "current",
      G: "periodType",
      N: "min",
      O: "upper",
    });
  });

  test("finds every indicator in its section", () => {
    expect(monthly.indicators.map((i) => i.ref)).toEqual([
      "1.1",
      "1.2",
      "1.3",
      "1.4",
      "2.1",
      "2.10",
      "3.1",
      "3.3a",
      "4.6",
      "5.1",
      "5.11",
      "5.12",
      "3.2",
      "4.7",
      "5.18",
      "6.1",
      "6.2",
      "6.30",
      "11.13",
    ]);
    expect(byRef(monthly, "1.1").section).toBe("Management Oversight");
    expect(byRef(monthly, "11.13").section).toBe("Care Leavers");
    expect(monthly.sections).toHaveLength(7);
  });

  test("bands match the minimum/upper model worked by hand", () => {
    const bands = Object.fromEntries(monthly.indicators.map((i) => [i.ref, i.band]));
    expect(bands).toEqual({
      "1.1": "amber", // 94.4% between 90% and 95%
      "1.2": "none",
      "1.3": "none",
      "1.4": "none", // cohort counts: no target
      "2.1": "green", // 97.2% at or past 95%
      "2.10": "amber",
      "3.1": "red", // 85.1% short of 90%
      "3.3a": "red",
      "4.6": "amber",
      "5.1": "green", // 3.7%, lower is better, at or under the upper 10%
      "5.11": "red",
      "5.12": "green",
      "3.2": "green",
      "4.7": "green", // 99.0% past the upper 98%
      "5.18": "red",
      "6.1": "amber",
      "6.2": "red",
      "6.30": "red", // Min equals Upper: no amber
      "11.13": "red", // 2.6, lower is better, worse than the minimum of 2
    });
  });

  test("values are fractions, and text percentages read like formatted ones", () => {
    expect(byRef(monthly, "1.1").value).toBeCloseTo(0.944, 10);
    expect(byRef(monthly, "1.1").previous?.value).toBeCloseTo(0.96, 10);
    expect(byRef(monthly, "1.2").unit).toBe("number");
    expect(byRef(monthly, "1.1").numerator).toBe(2580);
  });

  test("polarity from Min above Upper and from the title", () => {
    expect(byRef(monthly, "5.1")).toMatchObject({ polarity: "lower", polaritySource: "targets" });
    expect(byRef(monthly, "11.13")).toMatchObject({ polarity: "lower", polaritySource: "title" });
    expect(byRef(monthly, "1.2")).toMatchObject({ polarity: "none" });
    expect(byRef(monthly, "6.30")).toMatchObject({ polarity: "higher", polaritySource: "assumed" });
    expect(codes(byRef(monthly, "6.30"))).toContain("polarity-assumed");
  });

  test("5.18's Current differs from October; YTD measures are not flagged for it", () => {
    expect(codes(byRef(monthly, "5.18"))).toContain("current-differs-from-latest-period");
    expect(codes(byRef(monthly, "2.1"))).not.toContain("current-differs-from-latest-period");
    const others = monthly.indicators.filter(
      (i) => i.ref !== "5.18" && codes(i).includes("current-differs-from-latest-period"),
    );
    expect(others.map((i) => i.ref)).toEqual([]);
  });

  test("11.13: 51/17 is not 2.6, August is missing, 17 is a small denominator", () => {
    const a = byRef(monthly, "11.13");
    expect(codes(a)).toEqual(
      expect.arrayContaining(["numerator-denominator-mismatch", "missing-period", "small-denominator"]),
    );
    expect(a.flags.find((f) => f.code === "missing-period")?.message).toMatch(/Aug 18/);
    expect(a.flags.find((f) => f.code === "missing-period")?.cell?.address).toBe("K33");
  });

  test("num/denom within the rounding of the displayed value is no mismatch", () => {
    const mismatched = monthly.indicators
      .filter((i) => codes(i).includes("numerator-denominator-mismatch"))
      .map((i) => i.ref);
    expect(mismatched).toEqual(["11.13"]);
  });

  test("direction of travel reads polarity and does not move on noise", () => {
    // 5.1 fell from 43% to 3.7%, but Sep's 43% is itself flagged as an unusual jump: a fall from a
    // spike is not an improvement, and the reason says why.
    expect(byRef(monthly, "5.1").trend.direction).not.toBe("improving");
    expect(byRef(monthly, "5.1").trend.shortTerm.unusual).toBe(true);
    expect(byRef(monthly, "5.1").trend.reason).toMatch(/43% in Sep 18 is flagged as an unusual jump/);
    // 1.1 fell 2.1 points on 2,733 cases: significant, so worsening.
    expect(byRef(monthly, "1.1").trend.direction).toBe("worsening");
    // 5.18's months moved 0.3 points; the 218 cases belong to the current figure, which differs from
    // the months, so materiality decides: too small to call, and the reason says which figure is banded.
    expect(byRef(monthly, "5.18").trend).toMatchObject({ direction: "stable" });
    expect(byRef(monthly, "5.18").trend.reason).toMatch(/too small to call/);
    expect(byRef(monthly, "5.18").trend.reason).toMatch(
      /current 87\.6% is banded, but it differs from Oct 18 \(91\.3%\)/,
    );
    // 11.13 rose 2.4 -> 2.6 and lower is better.
    expect(byRef(monthly, "11.13").trend.direction).toBe("worsening");
    // Cohort counts have no polarity: up or down.
    expect(["up", "down", "stable"]).toContain(byRef(monthly, "1.4").trend.direction);
    expect(byRef(monthly, "1.4").trend.direction).toBe("up");
  });

  test("the long term compares with last year's outturn, the slope with the whole series", () => {
    const t = byRef(monthly, "2.1").trend;
    expect(t.longTerm).toMatchObject({ direction: "improving", fromLabel: "2017/18 outturn" });
    expect(t.slope?.points).toBe(6);
  });

  test("every flag names its sheet, row and column", () => {
    for (const i of monthly.indicators)
      for (const f of i.flags) expect(f.message).toMatch(/sheet 'Scorecard', row \d+, column [A-Z]+/);
  });
});

describe("002: the yearly PI table", () => {
  test("skips the repeated header and page heading, joins the continuation row", () => {
    expect(yearly.indicators.map((i) => i.ref)).toEqual([
      "LSP-HW2b(i) a",
      "LSP-HW2b(i) b",
      "NI 59",
      "NI 60",
      "CYPP P9-3",
      "NI 61",
      "NI 64",
      "NI 65",
      "NI 67",
      "NI 68",
      "NI 71",
    ]);
    expect(byRef(yearly, "NI 65").dataQuality).toBe("Some concerns in year, data validated at Year End");
    expect(yearly.notes.join(" ")).toMatch(/repeated header row/);
    expect(yearly.sections).toEqual([]);
  });

  test("polarity from Rise / Fall / Bell Shaped", () => {
    expect(byRef(yearly, "NI 59").polarity).toBe("higher");
    expect(byRef(yearly, "NI 64").polarity).toBe("lower");
    expect(byRef(yearly, "NI 65").polarity).toBe("range");
  });

  test("single targets with the default 5% tolerance", () => {
    const bands = Object.fromEntries(yearly.indicators.map((i) => [i.ref, i.band]));
    expect(bands).toMatchObject({
      "LSP-HW2b(i) a": "red", // 1,362 against fewer than 1,031
      "NI 59": "red",
      "NI 61": "green", // 88.3% against 85%
      "NI 64": "green", // 6.2% under 7.6%, lower is better
      "NI 67": "amber", // 99.1% against 100%: within 5 points
      "NI 68": "amber", // bell-shaped: 3.3 points from 60%, tolerance 3
      "NI 71": "red", // 6 out of 15 against 8 out of 15
      "CYPP P9-3": "red",
    });
    expect(byRef(yearly, "NI 67").bandReason).toMatch(/within the tolerance of 5 percentage points/);
  });

  test("messy values: provisional text, rates, scores, embedded counts, new PIs", () => {
    const a = byRef(yearly, "LSP-HW2b(i) a");
    expect(a).toMatchObject({ value: 1362, unit: "number", provisional: true });
    expect(codes(a)).toEqual(expect.arrayContaining(["provisional", "data-quality-note"]));
    expect(byRef(yearly, "LSP-HW2b(i) b")).toMatchObject({ value: 89.1, unit: "rate", per: 10000 });
    expect(byRef(yearly, "NI 71")).toMatchObject({ value: 6, unit: "score", per: 15 });
    expect(byRef(yearly, "NI 61")).toMatchObject({ numerator: 53, denominator: 60 });
    expect(codes(byRef(yearly, "CYPP P9-3"))).toContain("small-denominator");
    expect(codes(byRef(yearly, "NI 61"))).not.toContain("data-quality-note");
  });

  test("a change on 60 cases is not significant", () => {
    expect(byRef(yearly, "NI 61").trend).toMatchObject({ direction: "stable" });
    expect(byRef(yearly, "NI 61").trend.reason).toMatch(/within what chance alone gives with 60 cases/);
  });
});

describe("004: quarterly figures with Good is and text targets", () => {
  test("quarters, Good is High/Low, text targets", () => {
    expect(quarterly.periods).toEqual(["Q2 2020/21", "Q1 2021/22", "Q2 2021/22"]);
    expect(quarterly.reportingPeriod).toBe("Q2 2021/22");
    expect(byRef(quarterly, "CSC2")).toMatchObject({ polarity: "lower", band: "green" }); // 10.7% under "Less than 18%"
    expect(byRef(quarterly, "CSC3")).toMatchObject({ band: "amber" }); // 87.3% against 90%
    expect(byRef(quarterly, "CP3")).toMatchObject({ polarity: "lower", band: "red" });
    expect(byRef(quarterly, "CIC1")).toMatchObject({ polarity: "none", band: "none" });
    expect(byRef(quarterly, "CP2")).toMatchObject({ band: "none" });
    expect(codes(byRef(quarterly, "CP2"))).not.toContain("target-not-numeric");
  });

  test("same period last year for the long term; the previous quarter for the short term", () => {
    expect(byRef(quarterly, "CSC3").trend.longTerm).toMatchObject({
      direction: "improving",
      fromLabel: "Q2 2020/21, the same period a year earlier",
    });
    expect(byRef(quarterly, "CP3").trend.shortTerm).toMatchObject({
      direction: "improving",
      fromLabel: "Q1 2021/22",
    });
    expect(byRef(quarterly, "CIC1").trend.direction).toBe("down");
  });

  test("source commentary is kept", () => {
    expect(byRef(quarterly, "CSC1").sourceCommentary).toMatch(/three days/);
  });
});
