/** Each rule on its own, with the edge cases councils actually hit. */
import { bandIndicator } from "../../src/engine/judge/banding";
import { DEFAULT_SETTINGS, Tolerance } from "../../src/engine/config";
import { decidePolarity, polarityFromWords } from "../../src/engine/judge/polarity";
import { parseTargetCell, resolveTargets, Targets } from "../../src/engine/judge/targets";
import { compare, twoProportionZ } from "../../src/engine/judge/trend";

const tol5: Tolerance = { kind: "relative", amount: 0.05 };
const minUpper = (min: number, upper: number): Targets => ({
  kind: "min-upper",
  min,
  upper,
  unit: "percent",
  decimals: 0,
});
const single = (target: number, strict = false): Targets => ({
  kind: "single",
  target,
  strict,
  unit: "percent",
  decimals: 0,
});
const band = (value: number, polarity: "higher" | "lower" | "range", targets: Targets, tolerance = tol5) =>
  bandIndicator({ value, unit: "percent", decimals: 1, polarity, targets, tolerance });

describe("polarity", () => {
  test.each([
    ["Rise", "higher"],
    ["Fall", "lower"],
    ["Bell Shaped", "range"],
    ["Higher is better", "higher"],
    ["Lower is better", "lower"],
    ["High", "higher"],
    ["Low", "lower"],
    ["Smaller is better", "lower"],
    ["Bigger is better", "higher"],
    ["Information only", "none"],
    ["Measure for information", "none"],
  ])("%s", (words, expected) => expect(polarityFromWords(words)).toBe(expected));

  test("the order of evidence: settings, column, title, Min above Upper, target text, assumption", () => {
    expect(decidePolarity({ override: "lower", column: "Rise", title: "", hasTarget: true }).source).toBe(
      "settings",
    );
    expect(decidePolarity({ column: "Fall", title: "x (higher is better)", hasTarget: true })).toMatchObject({
      polarity: "lower",
      source: "polarity column",
    });
    expect(
      decidePolarity({ title: "score (lower is better)", min: 1, upper: 2, hasTarget: true }),
    ).toMatchObject({ polarity: "lower", source: "title" });
    expect(decidePolarity({ title: "x", min: 15, upper: 10, hasTarget: true })).toMatchObject({
      polarity: "lower",
      source: "targets",
    });
    expect(decidePolarity({ title: "x", targetText: "Fewer than 85", hasTarget: true })).toMatchObject({
      polarity: "lower",
      source: "target text",
    });
    expect(decidePolarity({ title: "x", hasTarget: true })).toMatchObject({
      polarity: "higher",
      assumed: true,
    });
    expect(decidePolarity({ title: "x", hasTarget: false })).toMatchObject({
      polarity: "none",
      assumed: false,
    });
  });
});

describe("targets written as text", () => {
  test("comparators, ranges, words", () => {
    expect(parseTargetCell({ value: "Fewer than 85" })).toMatchObject({ value: 85, strict: true });
    expect(parseTargetCell({ value: "Less than 22%" })).toMatchObject({
      value: 0.22,
      unit: "percent",
      strict: true,
    });
    expect(parseTargetCell({ value: "10% to 15%" })).toMatchObject({ low: 0.1, high: 0.15 });
    expect(parseTargetCell({ value: "10-15%" })).toMatchObject({ low: 0.1, high: 0.15 });
    expect(parseTargetCell({ value: "No target" })).toMatchObject({ silent: true });
    expect(parseTargetCell({ value: "Above Stat Neighbour Average" })).toMatchObject({
      words: "Above Stat Neighbour Average",
    });
  });

  test("text that is no number gives no band and a target-not-numeric note; 'No target' gives neither", () => {
    const words = resolveTargets({
      min: null,
      upper: null,
      target: parseTargetCell({ value: "Above Stat Neighbour Average" }),
      model: "auto",
      valueUnit: "percent",
    });
    expect(words.kind).toBe("none");
    expect(words.notNumeric?.text).toBe("Above Stat Neighbour Average");
    const none = resolveTargets({
      min: null,
      upper: null,
      target: parseTargetCell({ value: "No target" }),
      model: "auto",
      valueUnit: "percent",
    });
    expect(none).toMatchObject({ kind: "none", notNumeric: undefined });
  });

  test("a target typed as 90 beside percentages means 90%", () => {
    const t = resolveTargets({
      min: null,
      upper: null,
      target: parseTargetCell({ value: 90 }),
      model: "auto",
      valueUnit: "percent",
    });
    expect(t).toMatchObject({ kind: "single", target: 0.9 });
  });
});

describe("banding", () => {
  test("minimum/upper, higher is better, at the boundaries", () => {
    expect(band(0.95, "higher", minUpper(0.9, 0.95)).band).toBe("green");
    expect(band(0.9499, "higher", minUpper(0.9, 0.95)).band).toBe("amber");
    expect(band(0.9, "higher", minUpper(0.9, 0.95)).band).toBe("amber");
    expect(band(0.8999, "higher", minUpper(0.9, 0.95)).band).toBe("red");
    expect(band(0.807, "higher", minUpper(0.9, 0.95)).reason).toBe(
      "80.7% is below the minimum of 90%; higher is better.",
    );
  });

  test("minimum/upper mirrored for lower is better", () => {
    expect(band(0.1, "lower", minUpper(0.15, 0.1)).band).toBe("green");
    expect(band(0.12, "lower", minUpper(0.15, 0.1)).band).toBe("amber");
    expect(band(0.151, "lower", minUpper(0.15, 0.1)).band).toBe("red");
  });

  test("Min equal to Upper has no amber", () => {
    expect(band(0.909, "higher", minUpper(0.91, 0.91)).band).toBe("red");
    expect(band(0.91, "higher", minUpper(0.91, 0.91)).band).toBe("green");
  });

  test("single target with tolerance: relative and in points", () => {
    expect(band(0.8, "higher", single(0.8)).band).toBe("green");
    expect(band(0.77, "higher", single(0.8)).band).toBe("amber"); // within 4 points (5% of 80%)
    expect(band(0.75, "higher", single(0.8)).band).toBe("red");
    expect(band(0.79, "higher", single(0.8), { kind: "points", amount: 0.005 }).band).toBe("red");
    expect(band(0.079, "lower", single(0.076)).band).toBe("amber");
    expect(band(0.85, "lower", single(0.85, true)).band).not.toBe("green"); // "fewer than 85" is not met by 85
  });

  test("range: inside green, within tolerance outside amber, else red", () => {
    const range: Targets = { kind: "range", low: 0.1, high: 0.15, unit: "percent", decimals: 0 };
    expect(band(0.12, "range", range).band).toBe("green");
    expect(band(0.155, "range", range).band).toBe("amber");
    expect(band(0.2, "range", range).band).toBe("red");
  });

  test("no target or no polarity: no band, with a reason", () => {
    expect(band(0.5, "higher", { kind: "none", unit: "percent", decimals: 0 })).toMatchObject({
      band: "none",
      reason: "No target: not banded.",
    });
    expect(
      bandIndicator({
        value: null,
        unit: "percent",
        decimals: 1,
        polarity: "higher",
        targets: single(0.8),
        tolerance: tol5,
      }).band,
    ).toBe("none");
  });
});

describe("direction of travel", () => {
  const ctx = {
    unit: "percent" as const,
    decimals: 1,
    polarity: "higher" as const,
    settings: DEFAULT_SETTINGS.trend,
  };

  test("two-proportion z", () => {
    expect(Math.abs(twoProportionZ(0.5, 100, 0.5, 100))).toBe(0);
    expect(twoProportionZ(0.5, 1000, 0.6, 1000)).toBeGreaterThan(1.96);
    expect(Math.abs(twoProportionZ(0.5, 20, 0.6, 20))).toBeLessThan(1.96);
  });

  test("with counts, an insignificant change is stable and says so", () => {
    const m = compare(0.5, 0.6, "Sep 18", { ...ctx, denominator: 20 });
    expect(m.direction).toBe("stable");
    expect(m.reason).toMatch(/within what chance alone gives with 20 cases, so no clear change/);
    expect(compare(0.5, 0.6, "Sep 18", { ...ctx, denominator: 1000 }).direction).toBe("improving");
  });

  test("without counts, materiality decides", () => {
    expect(compare(0.9, 0.903, undefined, ctx).direction).toBe("stable");
    expect(compare(0.9, 0.92, undefined, ctx).direction).toBe("improving");
    expect(
      compare(100, 100.5, undefined, { ...ctx, unit: "number", decimals: 1, polarity: "none" }).direction,
    ).toBe("stable");
    expect(
      compare(100, 110, undefined, { ...ctx, unit: "number", decimals: 0, polarity: "none" }).direction,
    ).toBe("up");
  });

  test("'any change' counts every move", () => {
    const any = {
      ...ctx,
      denominator: 20,
      settings: { ...DEFAULT_SETTINGS.trend, sensitivity: "any-change" as const },
    };
    expect(compare(0.5, 0.6, undefined, any).direction).toBe("improving");
  });

  test("read through polarity", () => {
    expect(compare(0.2, 0.1, undefined, { ...ctx, polarity: "lower" }).direction).toBe("improving");
    expect(compare(0.1, 0.2, undefined, { ...ctx, polarity: "lower" }).direction).toBe("worsening");
    expect(compare(0.1, 0.12, undefined, { ...ctx, polarity: "range", centre: 0.125 }).direction).toBe(
      "improving",
    );
    expect(compare(0.1, 0.08, undefined, { ...ctx, polarity: "range", centre: 0.125 }).direction).toBe(
      "worsening",
    );
    expect(compare(null, 0.5, undefined, ctx).direction).toBe("unknown");
  });
});
