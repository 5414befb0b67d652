/** Excel shows large or small numbers in scientific notation, and text exports keep it: "1.5E+03" is 1500. */
import { parseText } from "../../src/engine/read/values";

describe("numbers written in scientific notation", () => {
  test.each([
    ["1.5E+03", 1500, 0],
    ["2.5e-1", 0.25, 2],
    ["-4E2", -400, 0],
    ["1.25E+01%", 0.125, 1],
  ])("%s reads as %d", (text, value, decimals) => {
    const m = parseText(text);
    expect(m.kind).toBe("number");
    expect(m.value).toBeCloseTo(value, 12);
    expect(m.decimals).toBe(decimals);
  });

  test("a word after a number is not an exponent", () => {
    expect(parseText("12 each").value).toBe(12);
    expect(parseText("3 excluded").value).toBe(3);
  });
});
