/**
 * Statistical process control: NHSRplotthedots' own expectations first (each cites its test file and
 * test name in github.com/nhs-r-community/NHSRplotthedots), then hand-worked cases for every rule,
 * polarity, assurance outcome, the 11-point case and blank months.
 */
import { analyse } from "../../src/engine/judge/assess";
import { validateSettings } from "../../src/engine/config";
import type { Polarity } from "../../src/engine/judge/polarity";
import {
  DEFAULT_SPC,
  RULES,
  SpcSettings,
  assessSpc,
  assuranceOf,
  describeAssurance,
  partOfRun,
  shiftEnds,
  trendEnds,
  twoInThree,
  variationOf,
  xmr,
} from "../../src/engine/judge/spc";
import { formatValue } from "../../src/engine/read/values";
import { toJson } from "../../src/cli/report";
import { syntheticGrid } from "../../scripts/synthetic";

/** R's rnorm(20) after set.seed(123), the series of test-ptd_spc_standard.R. */
const RNORM_123 = [
  -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123,
  -0.68685285, -0.44566197, 1.2240818, 0.35981383, 0.40077145, 0.11068272, -0.55584113, 1.78691314,
  0.49785048, -1.96661716, 0.7013559, -0.47279141,
];

function chart(values: number[], settings: Partial<SpcSettings> = {}) {
  const c = xmr(values, { ...DEFAULT_SPC, ...settings });
  if (!c) throw new Error("no chart");
  return c;
}
const rulesOf = (values: number[], settings: Partial<SpcSettings> = {}) =>
  Array.from(chart(values, settings).rule, (r) => RULES[r]);
const pct = (x: number) => formatValue(x, "number", 2);
const spcOf = (series: (number | null)[], polarity: Polarity = "higher", target?: number, settings = {}) =>
  assessSpc({
    series,
    labelOf: (i) => `P${i + 1}`,
    polarity,
    target,
    pointWord: "months",
    format: pct,
    settings: { ...DEFAULT_SPC, ...settings },
  });

describe("NHSRplotthedots' own expectations", () => {
  // tests/testthat/test-ptd_spc_standard.R, "it returns expected values": r1, whose snapshot
  // (tests/testthat/_snaps/ptd_spc_standard.md) gives mean 0.1416238, lpl -3.01138, upl 3.294627.
  test("limits of the rnorm series (r1)", () => {
    const c = chart(RNORM_123);
    expect(c.mean).toBeCloseTo(0.1416238, 6);
    expect(c.lower).toBeCloseTo(-3.01138, 5);
    expect(c.upper).toBeCloseTo(3.294627, 6);
    expect(rulesOf(RNORM_123).every((r) => r === null)).toBe(true);
  });

  // Same test, r3: y[15] <- 10 with screen_outliers = FALSE (the MDC Excel tools' way, and ours):
  // mean 0.6694159, lpl -4.596625, upl 5.935457; the snapshot's relative_to_mean begins
  // -1, -1, 1, -1, -1, 1, -1, -1, -1, -1, 1, -1, -1, -1.
  test("limits without outlier screening (r3)", () => {
    const y = [...RNORM_123];
    y[14] = 10;
    const c = chart(y);
    expect(c.mean).toBeCloseTo(0.6694159, 6);
    expect(c.lower).toBeCloseTo(-4.596625, 6);
    expect(c.upper).toBeCloseTo(5.935457, 6);
    expect(y.slice(0, 14).map((v) => Math.sign(v - c.mean))).toEqual([
      -1, -1, 1, -1, -1, 1, -1, -1, -1, -1, 1, -1, -1, -1,
    ]);
    expect(rulesOf(y)[14]).toBe("outside-limits");
  });

  // Same file, "setting fix_after_n_points changes the calculations".
  test("fixing the limits on 12 points changes them", () => {
    const all = chart(RNORM_123);
    const fixed = chart(RNORM_123, { baseline: 12 });
    expect(fixed.lower).not.toBe(all.lower);
    expect(fixed.upper).not.toBe(all.upper);
    expect(fixed.fixedOn).toBe(12);
  });

  // Same file, "it only reports special cause for 2 of 3 points close to limits when they are on the
  // same side of the mean".
  test("two close points on opposite sides of the mean are common cause", () => {
    const y = Array.from({ length: 16 }, (_, i): number => (i % 2 === 0 ? 1 : -1));
    y[14] = 5.5;
    y[15] = -5.5;
    const c = chart(y);
    expect([c.rule[14], c.rule[15]]).toEqual([0, 0]);
    expect(spcOf(y)?.variation).toBe("common-cause");
  });

  // tests/testthat/test-ptd_calculate_point_type.R, "ptd_seven_point_one_side_mean works as expected".
  test("seven points one side of the mean", () => {
    expect(Array.from(shiftEnds([], 7))).toEqual([]);
    expect(Array.from(shiftEnds([1, 1, 1, 1, 1, 1], 7))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(shiftEnds([1, 1, 1, 1, 1, 1, -1], 7))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(shiftEnds([1, 1, 1, 1, 1, 1, 1, 1, -1], 7)).map(Math.abs)).toEqual([
      0, 0, 0, 0, 0, 0, 1, 1, 0,
    ]);
    expect(Array.from(shiftEnds([-1, -1, -1, -1, -1, -1, -1, -1, 1], 7)).map(Math.abs)).toEqual([
      0, 0, 0, 0, 0, 0, 1, 1, 0,
    ]);
  });

  // Same file, "ptd_part_of_seven_trend works as expected".
  test("part of a run of seven", () => {
    expect(Array.from(partOfRun([], 7))).toEqual([]);
    expect(Array.from(partOfRun([0, 0, 0, 0, 0, 0], 7))).toEqual([0, 0, 0, 0, 0, 0]);
    const b = shiftEnds([-1, 1, 1, 1, 1, 1, 1, 1, 1, -1], 7);
    expect(Array.from(b).map(Math.abs)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 0]);
    expect(Array.from(partOfRun(b, 7))).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    const d = shiftEnds([1, -1, -1, -1, -1, -1, -1, -1, -1, 1], 7);
    expect(Array.from(d).map(Math.abs)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 0]);
  });

  // Same file, "ptd_seven_point_trend works as expected".
  test("seven point trend", () => {
    const seq = (a: number, b: number) =>
      Array.from({ length: Math.abs(b - a) + 1 }, (_, i) => (a < b ? a + i : a - i));
    expect(Array.from(trendEnds([], 7))).toEqual([]);
    expect(Array.from(trendEnds(seq(1, 6), 7))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(trendEnds([...seq(1, 3), ...seq(3, 6)], 7))).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(trendEnds(seq(1, 7), 7))).toEqual([0, 0, 0, 0, 0, 0, 1]);
    expect(Array.from(trendEnds([2, ...seq(1, 7), 3], 7))).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0]);
    expect(Array.from(trendEnds(seq(7, 1), 7))).toEqual([0, 0, 0, 0, 0, 0, -1]);
    expect(Array.from(trendEnds([2, ...seq(7, 1), 3], 7))).toEqual([0, 0, 0, 0, 0, 0, 0, -1, 0]);
  });

  // Same file, "ptd_two_in_three works as expected" (written when the function took no side of the
  // mean; here every point is on one side, so the side test passes as it did then).
  test("two in three", () => {
    const t = (v: number[]) =>
      Array.from(
        twoInThree(
          v,
          v.map(() => 1),
        ),
      );
    expect(t([])).toEqual([]);
    expect(t([0, 0, 0])).toEqual([0, 0, 0]);
    expect(t([1, 0, 1])).toEqual([1, 1, 1]);
    expect(t([0, 1, 1])).toEqual([1, 1, 1]);
    expect(t([1, 1, 0])).toEqual([1, 1, 1]);
    expect(t([0, 0, 1, 0, 1, 0, 0])).toEqual([0, 0, 1, 1, 1, 0, 0]);
    expect(t([0, 0, 1, 1, 0, 0, 0])).toEqual([0, 1, 1, 1, 1, 0, 0]);
  });

  // Same file, "ptd_part_of_two_in_three works as expected": only the close points themselves count.
  test("part of two in three", () => {
    const part = (v: number[]) => {
      const t = twoInThree(
        v,
        v.map(() => 1),
      );
      return v.map((x, i) => (t[i] && x ? 1 : 0));
    };
    expect(part([1, 0, 1])).toEqual([1, 0, 1]);
    expect(part([0, 0, 1, 0, 1, 0, 0])).toEqual([0, 0, 1, 0, 1, 0, 0]);
    expect(part([1, 0, 0, 1])).toEqual([0, 0, 0, 0]);
    expect(part([1, 0, 0, 1, 1])).toEqual([0, 0, 0, 1, 1]);
  });

  // tests/testthat/test-ptd_calculate_assurance_type.R, "it returns correct values for assurance when
  // improvement_direction is increase" / "... is decrease" / "... is neutral", and "it returns a column
  // of NA's if there is no target": lpl 1,5,1; upl 3,7,5; target 4.
  test.each([
    [1, 3, "fail", "pass"],
    [5, 7, "pass", "fail"],
    [1, 5, "inconsistent", "inconsistent"],
  ] as const)("assurance with limits %d to %d and target 4", (lower, upper, increase, decrease) => {
    expect(assuranceOf({ lower, upper }, 4, "higher")).toBe(increase);
    expect(assuranceOf({ lower, upper }, 4, "lower")).toBe(decrease);
    expect(assuranceOf({ lower, upper }, 4, "none")).toBeNull();
    expect(assuranceOf({ lower, upper }, undefined, "higher")).toBeNull();
  });
});

describe("each rule, worked by hand", () => {
  // 10,12 alternating, then 30: mean 150/12 = 12.5; moving ranges ten 2s and one 20, mean 40/11 = 3.636;
  // upper limit 12.5 + 2.66 × 3.636 = 22.17, so 30 is outside. The eleven points before it are all
  // below the mean: a shift, which the outside point's own rule outranks.
  const high = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 30];
  test("a point above the upper limit", () => {
    const c = chart(high);
    expect(c.mean).toBeCloseTo(12.5, 10);
    expect(c.movingRange).toBeCloseTo(40 / 11, 10);
    expect(c.upper).toBeCloseTo(22.173, 3);
    expect(rulesOf(high)).toEqual([...Array<string>(11).fill("shift"), "outside-limits"]);
    const s = spcOf(high, "higher");
    expect(s).toMatchObject({ variation: "special-cause-improvement", rule: "outside-limits", points: 12 });
    expect(s?.reason).toBe("Special cause improvement: P12 (30.00) is above the upper limit of 22.17.");
  });

  // 10,12 alternating, then -6: mean 114/12 = 9.5; moving ranges ten 2s and 16, mean 3.273; lower
  // limit 9.5 − 8.705 = 0.795.
  test("a point below the lower limit", () => {
    const y = [10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, -6];
    expect(chart(y).lower).toBeCloseTo(0.795, 3);
    expect(spcOf(y, "higher")).toMatchObject({ variation: "special-cause-concern", rule: "outside-limits" });
    expect(spcOf(y, "lower")).toMatchObject({ variation: "special-cause-improvement" });
  });

  // 9 to 15 after six points that swing 10,14: seven points each above the last. Mean 156/13 = 12,
  // moving range 31/12 = 2.583, limits 5.13 to 18.87, nothing near them; no run on one side of 12.
  const rising = [10, 14, 10, 14, 10, 14, 9, 10, 11, 12, 13, 14, 15];
  test("a trend of seven rising points", () => {
    expect(rulesOf(rising)).toEqual([...Array<null>(6).fill(null), ...Array<string>(7).fill("trend")]);
    const s = spcOf(rising, "lower");
    expect(s).toMatchObject({ variation: "special-cause-concern", rule: "trend" });
    expect(s?.reason).toBe("Special cause concern: 7 months in a row rising, to 15.00 in P13.");
  });

  test("a falling trend, and a tie that breaks a trend", () => {
    const falling = [14, 10, 14, 10, 14, 10, 15, 14, 13, 12, 11, 10, 9];
    expect(spcOf(falling, "lower")).toMatchObject({ variation: "special-cause-improvement", rule: "trend" });
    // 9,10,11,11,12,13,14: a repeated value is not a rise, so there is no trend.
    const tie = [10, 14, 10, 14, 10, 14, 9, 10, 11, 11, 12, 13, 14];
    expect(rulesOf(tie).every((r) => r === null)).toBe(true);
    expect(spcOf(tie)?.variation).toBe("common-cause");
  });

  // 10,11 alternating (14 points) then 13, 11, 13: mean 184/17 = 10.82, moving range 1.1875, two sigma
  // above at 10.82 + 1.773 × 1.1875 = 12.93 and the limit at 13.98: both 13s are close, all three above.
  test("two of three close to the upper limit", () => {
    const y = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 13, 11, 13];
    const c = chart(y);
    expect(c.nearUpper).toBeCloseTo(12.929, 3);
    expect(rulesOf(y).slice(14)).toEqual(["two-in-three", null, "two-in-three"]);
    const s = spcOf(y, "higher");
    expect(s).toMatchObject({ variation: "special-cause-improvement", rule: "two-in-three" });
    expect(s?.reason).toBe(
      "Special cause improvement: 2 of the last 3 months close to the upper limit (above 12.93).",
    );
  });

  test("two of three close to the lower limit (the mirror image)", () => {
    const y = [11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 8, 10, 8];
    expect(rulesOf(y).slice(14)).toEqual(["two-in-three", null, "two-in-three"]);
    expect(spcOf(y, "higher")).toMatchObject({ variation: "special-cause-concern", rule: "two-in-three" });
  });

  // Seven points of 13,14 above a mean of 176/14 = 12.57, within limits 5.82 to 19.32.
  const shifted = [10, 14, 10, 14, 10, 14, 10, 13, 14, 13, 14, 13, 14, 13];
  test("a shift of seven points above the mean", () => {
    expect(rulesOf(shifted)).toEqual([...Array<null>(7).fill(null), ...Array<string>(7).fill("shift")]);
    const s = spcOf(shifted, "higher");
    expect(s).toMatchObject({ variation: "special-cause-improvement", rule: "shift" });
    expect(s?.reason).toBe("Special cause improvement: 7 months in a row above the average of 12.57.");
  });

  test("precedence: outside the limits outranks a trend", () => {
    // A seven-point rise whose last point also leaves the limits.
    const y = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 12, 13, 14, 15, 22];
    const r = rulesOf(y);
    expect(r[16]).toBe("outside-limits");
    expect(r[15]).toBe("trend");
  });

  test("configurable run lengths", () => {
    // Six points above the mean is no shift by default, but is with a shift length of 6.
    const y = [10, 14, 10, 14, 10, 14, 10, 14, 13, 14, 13, 14, 13];
    expect(spcOf(y)?.rule).toBeNull();
    expect(spcOf(y, "higher", undefined, { shiftLength: 6 })?.rule).toBe("shift");
    expect(spcOf(rising, "higher", undefined, { trendLength: 8 })?.rule).toBeNull();
  });

  // First 12 points 10,11: mean 10.5, moving range 1, upper limit 13.16. With all 15 points the limits
  // widen (mean 11, upper 14.14) and 13.5 is only close to them.
  test("a baseline fixes the limits on the first points", () => {
    const y = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 13.5, 12, 13.5];
    expect(spcOf(y)?.rule).toBe("two-in-three");
    const fixed = spcOf(y, "higher", undefined, { baseline: 12 });
    expect(fixed).toMatchObject({ rule: "outside-limits", mean: 10.5 });
    expect(fixed?.upper).toBeCloseTo(13.16, 10);
    expect(fixed?.reason).toMatch(/fixed on the first 12 months\.$/);
  });
});

test("the latest point read alone agrees with the whole chart, on many series", () => {
  // A deterministic generator of series with runs, ties, steps and outliers.
  let seed = 7;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let t = 0; t < 3000; t++) {
    const n = 12 + Math.floor(next() * 20);
    const y: number[] = [];
    for (let i = 0; i < n; i++) {
      const r = next();
      const prev = y[i - 1] ?? 10;
      y.push(
        r < 0.3
          ? prev + 1
          : r < 0.4
            ? prev
            : r < 0.45
              ? prev + 8 * (next() - 0.5)
              : Math.round(10 + 4 * next()),
      );
    }
    const settings = {
      baseline: next() < 0.2 ? 12 : null,
      trendLength: 5 + Math.floor(next() * 4),
      shiftLength: 5 + Math.floor(next() * 4),
    };
    const c = chart(y, settings);
    const s = spcOf(y, "higher", undefined, settings);
    expect(s?.rule).toBe(RULES[c.rule[n - 1]]);
    expect(s?.variation).toBe(variationOf(c.rule[n - 1], c.side[n - 1], "higher"));
  }
});

describe("polarity", () => {
  test.each([
    ["higher", 1, "special-cause-improvement"],
    ["higher", -1, "special-cause-concern"],
    ["lower", 1, "special-cause-concern"],
    ["lower", -1, "special-cause-improvement"],
    ["range", 1, "special-cause-neutral-high"],
    ["range", -1, "special-cause-neutral-low"],
    ["none", 1, "special-cause-neutral-high"],
    ["none", -1, "special-cause-neutral-low"],
  ] as const)("%s, special cause on side %d: %s", (polarity, side, variation) => {
    expect(variationOf(2, side, polarity)).toBe(variation);
    expect(variationOf(0, 0, polarity)).toBe("common-cause");
  });

  test("a series with no polarity reads neutral, and has no assurance even with a target", () => {
    const s = spcOf([10, 12, 10, 12, 10, 12, 10, 12, 10, 12, 10, 30], "none", 11);
    expect(s).toMatchObject({ variation: "special-cause-neutral-high", assurance: null });
    expect(s?.reason).toMatch(/^Special cause \(high\): /);
  });
});

describe("assurance, worked by hand", () => {
  // 10,11 alternating for 12 points: mean 10.5, moving range 1, limits 7.84 to 13.16.
  const steady = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11];
  test.each([
    ["higher", 7, "pass"],
    ["higher", 14, "fail"],
    ["higher", 10.5, "inconsistent"],
    ["lower", 14, "pass"],
    ["lower", 7, "fail"],
    ["lower", 13.16, "inconsistent"],
  ] as const)("%s is better, target %d: %s", (polarity, target, assurance) => {
    const s = spcOf(steady, polarity, target);
    if (!s) throw new Error("12 points should be enough");
    expect(s.assurance).toBe(assurance);
    const words = describeAssurance(s, polarity, pct, "months");
    expect(words).toContain(`the target of ${pct(target)}`);
    expect(words).toMatch(
      {
        pass: /^Pass: will reliably meet/,
        fail: /^Fail: will not meet .* without a change/,
        inconsistent: /^Hit and miss: .* in some months and miss it in others/,
      }[assurance],
    );
  });
  test("no target: no assurance", () => {
    expect(spcOf(steady, "higher")?.assurance).toBeNull();
    const s = spcOf(steady, "higher");
    expect(s && describeAssurance(s, "higher", pct)).toBeNull();
  });
});

describe("the two defects found against NHSRplotthedots", () => {
  // R's mean() adds a second pass (summary.c), so mean(rep(0.95, 12)) is exactly 0.95; a one-pass
  // sum / n is 0.9499999999999998, and the latest 95% then lay "above the upper limit" of a flat line.
  test.each([0.95, 0.1, 0.7, 0.57, 0.94, 12.3])(
    "a constant series at %d is common cause at its value",
    (v) => {
      const flat = new Array<number>(12).fill(v);
      const c = chart(flat);
      expect(c.mean).toBe(v);
      expect(c.lower).toBe(v);
      expect(c.upper).toBe(v);
      expect(Array.from(c.rule)).toEqual(new Array(12).fill(0));
      expect(spcOf(flat, "higher", v)).toMatchObject({ mean: v, variation: "common-cause", rule: null });
    },
  );

  // Lower is better and the sheet's Min (10%) is below its Upper (15%): the band is green at or below
  // 10%, so assurance must be judged against 10%, not the Upper column's 15%.
  test("assurance is judged against the band's green threshold, whichever column holds it", () => {
    const months = ["Nov 17", "Dec 17", "Jan 18", "Feb 18", "Mar 18", "Apr 18", "May 18", "Jun 18"];
    const more = ["Jul 18", "Aug 18", "Sep 18", "Oct 18"];
    const series = [0.12, 0.125, 0.12, 0.125, 0.12, 0.125, 0.12, 0.125, 0.12, 0.125, 0.12, 0.125];
    const grid = {
      sheet: "S",
      merges: [],
      rows: [
        ["Ref", "Measure", ...months, ...more, "Min", "Upper"].map((v) => ({ value: v })),
        [
          { value: "R1" },
          { value: "Re-referrals within 12 months (lower is better)" },
          ...series.map((v) => ({ value: v, format: "0.0%" })),
          { value: 0.1, format: "0%" },
          { value: 0.15, format: "0%" },
        ],
      ],
    };
    const a = analyse(grid, validateSettings(undefined).settings).indicators[0];
    expect(a.polarity).toBe("lower");
    // 12.5% is amber: above the 10% green threshold, within the 15% floor.
    expect(a.band).toBe("amber");
    // Limits about 11.2% to 13.8%: 10% is beyond the lower limit, so lower-is-better fails it
    // (the Upper column's 15% lies beyond the upper limit and would have read "pass").
    expect(a.spc?.assurance).toBe("fail");
    expect(a.spc?.target).toEqual({ value: 0.1, name: "upper target" });
    const f = (x: number) => formatValue(x, "percent", 1);
    expect(a.spc && describeAssurance(a.spc, a.polarity, f)).toMatch(
      /^Fail: will not meet the upper target of 10\.0% without a change to the process/,
    );
  });
});

describe("where SPC applies", () => {
  const twelve = [10, 11, 10, 11, 10, 11, 10, 11, 10, 11, 10, 11];
  test("11 points are too few; 12 are enough", () => {
    expect(spcOf(twelve.slice(0, 11))).toBeNull();
    expect(spcOf(twelve)).toMatchObject({ points: 12, mean: 10.5, variation: "common-cause", rule: null });
    expect(spcOf(twelve.slice(0, 11), "higher", undefined, { minPoints: 11 })?.points).toBe(11);
  });

  test("blank months are skipped, not read as zero", () => {
    const withGaps = [10, null, 11, 10, 11, null, 10, 11, 10, 11, 10, 11, 10, 11];
    const s = spcOf(withGaps);
    expect(s).toMatchObject({ points: 12, mean: 10.5, variation: "common-cause" });
    expect(s?.reason).toMatch(/^Common cause variation: P14 is within the limits/);
    // A trailing blank month: the latest point is the last one with a value.
    expect(spcOf([...twelve, null])?.reason).toMatch(/^Common cause variation: P12 /);
    // Eleven values over thirteen months: still too few.
    expect(spcOf([10, null, 11, 10, 11, null, 10, 11, 10, 11, 10, 11, 10])).toBeNull();
  });
});

describe("SPC in the analysis", () => {
  test("every indicator gets spc, and the headline direction follows it", () => {
    const settings = validateSettings(undefined).settings;
    const long = analyse(syntheticGrid(12, 24), settings);
    for (const i of long.indicators) {
      expect(i.spc).not.toBeNull();
      expect(i.spc?.points).toBe(24);
      expect(i.trend.reason).toBe(i.spc?.reason);
      const expected = {
        "common-cause": "stable",
        "special-cause-improvement": "improving",
        "special-cause-concern": "worsening",
        "special-cause-neutral-high": "up",
        "special-cause-neutral-low": "down",
      }[i.spc?.variation ?? "common-cause"];
      expect(i.trend.direction).toBe(expected);
      // Percentages stay fractions.
      if (i.unit === "percent") expect(i.spc?.mean).toBeLessThanOrEqual(1);
    }
    const json = toJson(long) as { indicators: { spc: Record<string, unknown> | null }[] };
    expect(Object.keys(json.indicators[0].spc ?? {}).sort()).toEqual(
      ["assurance", "lower", "mean", "points", "rule", "upper", "variation"].sort(),
    );
    // The synthetic scorecard's % measures have Min/Upper targets: assurance is read against Upper.
    expect(long.indicators[0].spc?.assurance).not.toBeNull();
    // "Number of LAC" has no target and no polarity.
    const count = long.indicators.find((i) => i.title.startsWith("Number of LAC"));
    expect(count?.spc?.assurance).toBeNull();

    const short = analyse(syntheticGrid(6, 6), settings);
    for (const i of short.indicators) expect(i.spc).toBeNull();
    expect((toJson(short) as { indicators: { spc: unknown }[] }).indicators[0].spc).toBeNull();
  });

  test("settings: defaults, overrides and clear messages for bad values", () => {
    expect(validateSettings(undefined).settings.spc).toEqual({
      minPoints: 12,
      baseline: null,
      trendLength: 7,
      shiftLength: 7,
    });
    const ok = validateSettings({ spc: { minPoints: 18, baseline: 24, trendLength: 6, shiftLength: 8 } });
    expect(ok.problems).toEqual([]);
    expect(ok.settings.spc).toEqual({ minPoints: 18, baseline: 24, trendLength: 6, shiftLength: 8 });
    const bad = validateSettings({ spc: { minPoints: 1.5, baseline: 6, trendLength: "7" } });
    expect(bad.settings.spc).toEqual(DEFAULT_SPC);
    expect(bad.problems).toEqual([
      "spc.minPoints: expected a whole number from 2 to 1000, found 1.5; 12 is used.",
      'spc.trendLength: expected a whole number from 3 to 100, found "7"; 7 is used.',
      "spc.baseline: expected null or a whole number of points of at least 12, found 6; the limits use every point.",
    ]);
    expect(validateSettings({ spc: [] }).problems).toEqual([
      "spc: expected an object, found []; the defaults are used.",
    ]);
  });
});
