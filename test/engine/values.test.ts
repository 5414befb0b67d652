import { parseMeasurement, parseText, formatValue } from "../../src/engine/read/values";

describe("reading values as councils write them", () => {
  test.each([
    ["96%", 0.96, "percent", 0],
    ["94.4%", 0.944, "percent", 1],
    ["2,580", 2580, "number", 0],
    ["1362 - this result is provisional", 1362, "number", 0],
    ["59.7% (provisional result)", 0.597, "percent", 1],
    ["89.1 per 10,000", 89.1, "rate", 1],
    ["6 out of 15", 6, "score", 0],
    ["Score of 5 out of 15", 5, "score", 0],
    ["88.3% (53/60)", 0.883, "percent", 1],
  ])("%s", (text, value, unit, decimals) => {
    const m = parseText(text);
    expect(m.kind).toBe("number");
    expect(m.value).toBeCloseTo(value, 10);
    expect(m.unit).toBe(unit);
    expect(m.decimals).toBe(decimals);
  });

  test("provisional markers are kept", () => {
    expect(parseText("1362 - this result is provisional").provisional).toBe(true);
    expect(parseText("89.1 per 10,000 – this result is provisional").provisional).toBe(true);
    expect(parseText("94.4%").provisional).toBe(false);
  });

  test("embedded counts are read", () => {
    expect(parseText("88.3% (53/60)")).toMatchObject({ numerator: 53, denominator: 60 });
    expect(parseText("62% (8 out of 13 homes. Inc East M SCC)")).toMatchObject({
      value: 0.62,
      numerator: 8,
      denominator: 13,
    });
  });

  test.each(["n/a", "N/A", "-", "", "  ", "–"])("'%s' is missing, not zero", (s) => {
    const m = parseText(s);
    expect(m.kind).toBe("missing");
    expect(m.value).toBeNull();
  });

  test("a new indicator is missing with a reason", () => {
    const m = parseText("New PI for 09-10");
    expect(m.kind).toBe("missing");
    expect(m.note).toMatch(/new indicator/);
  });

  test("words and error values are invalid, never a number", () => {
    expect(parseText("Above Stat Neighbour Average")).toMatchObject({ kind: "invalid", value: null });
    expect(parseMeasurement({ value: { error: "#DIV/0!" } })).toMatchObject({ kind: "invalid", value: null });
    expect(parseMeasurement({ value: true })).toMatchObject({ kind: "invalid" });
  });

  test("numbers with a percentage format are fractions with the format's precision", () => {
    expect(parseMeasurement({ value: 0.944, format: "0.0%" })).toMatchObject({
      value: 0.944,
      unit: "percent",
      decimals: 1,
    });
    expect(parseMeasurement({ value: 0.96, format: "0%" })).toMatchObject({ unit: "percent", decimals: 0 });
    expect(parseMeasurement({ value: 2580, format: "#,##0" })).toMatchObject({ unit: "number", decimals: 0 });
  });

  test("formatting follows the unit", () => {
    expect(formatValue(0.944, "percent", 1)).toBe("94.4%");
    expect(formatValue(2580, "number", 0)).toBe("2,580");
    expect(formatValue(89.1, "rate", 1, 10000)).toBe("89.1 per 10,000");
    expect(formatValue(6, "score", 0, 15)).toBe("6 out of 15");
  });
});
