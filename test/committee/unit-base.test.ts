import type { Assessment } from "../../src/engine/judge/assess";
import { tableBase, withoutNamedBase } from "../../src/engine/paper/unit-base";

const of = (title: string, unit: Assessment["unit"], per?: number) => ({ title, unit, per }) as Assessment;

describe("a rate's base prints beside its figures unless its title names it", () => {
  test("a title that names the base drops it from the figures", () => {
    const a = of("Children looked after at 31 March per 10,000 children", "rate", 10000);
    expect(tableBase(a)).toBeUndefined();
    expect(withoutNamedBase(a, "67 per 10,000")).toBe("67");
    expect(tableBase(of("Rate per 10000 of referrals", "rate", 10000))).toBeUndefined();
    expect(tableBase(of("Score (out of 15)", "score", 15))).toBeUndefined();
  });

  test("a title silent on the base, or naming another, keeps it", () => {
    const a = of("Children looked after", "rate", 10000);
    expect(tableBase(a)).toBe(10000);
    expect(withoutNamedBase(a, "67 per 10,000")).toBe("67 per 10,000");
    expect(tableBase(of("Rate per 1,000 of under-18s", "rate", 10000))).toBe(10000);
    expect(tableBase(of("Children per 10,0000", "rate", 10000))).toBe(10000);
    expect(tableBase(of("Count out of 150", "score", 15))).toBe(15);
  });
});
