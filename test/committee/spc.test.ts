/** The committee sheet's SPC pieces: variation and assurance beside RAG, the matrix, and the key. */
import { analyse } from "../../src/engine/judge/assess";
import { buildCommitteePlan } from "../../src/engine/paper/committee";
import {
  assuranceCell,
  spcCell,
  spcKeyLines,
  spcMatrix,
  variationCell,
} from "../../src/engine/paper/committee-spc";
import { validateSettings } from "../../src/engine/config";
import { spcSampleGrid } from "../../scripts/spc-sample";
import { syntheticGrid } from "../../scripts/synthetic";

const NOW = new Date(Date.UTC(2018, 11, 3, 9, 0));
const settings = validateSettings(undefined).settings;
const analysis = analyse(spcSampleGrid(), settings);
const byRef = (ref: string) => {
  const a = analysis.indicators.find((i) => i.ref === ref);
  if (!a) throw new Error(`no ${ref}`);
  return a;
};

describe("variation and assurance cells", () => {
  test("each is a symbol and a word", () => {
    for (const a of analysis.indicators) {
      expect(variationCell(a)).toMatch(/^[▲▼○] (Improvement|Concern|High|Low|Common cause)$/);
      expect(assuranceCell(a)).toMatch(/^(✓ Pass|✗ Fail|≈ Hit and miss|– None)$/);
    }
  });

  test("the symbol is the side of the average, the word is read through polarity", () => {
    // A higher-is-better measure whose last month fell below the lower limit.
    const down = analysis.indicators.find(
      (a) =>
        a.polarity === "higher" &&
        a.spc?.rule === "outside-limits" &&
        a.spc.variation === "special-cause-concern",
    );
    expect(down && variationCell(down)).toBe("▼ Concern");
    // A lower-is-better measure running below its average is an improvement shown low.
    const low = analysis.indicators.find(
      (a) => a.polarity === "lower" && a.spc?.variation === "special-cause-improvement",
    );
    expect(low && variationCell(low)).toBe("▼ Improvement");
    expect(variationCell(byRef("1.1"))).toBe("○ Common cause");
    // "Number of LAC" has no target: no assurance.
    expect(assuranceCell(byRef("1.6"))).toBe("– None");
  });

  test("too few points", () => {
    const short = analyse(syntheticGrid(6, 6), settings).indicators[0];
    expect(variationCell(short)).toBe("– Too few points");
    expect(assuranceCell(short)).toBe("– None");
  });
});

describe("the matrix and the key", () => {
  test("counts every indicator with SPC exactly once", () => {
    const m = spcMatrix(analysis.indicators);
    expect(m.rows[0]).toEqual([
      "Variation \\ assurance",
      "✓ Pass",
      "≈ Hit and miss",
      "✗ Fail",
      "– None",
      "Total",
    ]);
    const body = m.rows.slice(1);
    const total = body.reduce((s, r) => s + (r[5] as number), 0);
    expect(total + m.without).toBe(analysis.indicators.length);
    for (const r of body) expect((r.slice(1, 5) as number[]).reduce((s, n) => s + n, 0)).toBe(r[5]);
    const improvement = analysis.indicators.filter((a) => a.spc?.variation === "special-cause-improvement");
    expect(body[0][5]).toBe(improvement.length);
    expect(body[0][1]).toBe(improvement.filter((a) => a.spc?.assurance === "pass").length);
  });

  test("the committee sheet carries the column, the matrix and the key", () => {
    const { plan } = buildCommitteePlan({ analysis, name: "Committee", generatedAt: NOW });
    const header = plan.values[plan.commentary.headerRow];
    const rag = header.indexOf("RAG");
    expect(header.slice(rag, rag + 2)).toEqual(["RAG", "Variation, assurance (SPC)"]);
    const row = plan.values.find((r) => r[plan.commentary.keyColumn] === "1.4");
    // Variation over assurance, each a symbol and a word.
    expect(row?.[rag + 1]).toBe(`${variationCell(byRef("1.4"))}\n${assuranceCell(byRef("1.4"))}`);
    expect(spcCell(byRef("1.4"))).toMatch(/^[▲▼○] \w.*\n[✓✗≈–] \w/);
    // The matrix sits above the table.
    const matrixRow = plan.values.findIndex((r) => r[0] === "Variation \\ assurance");
    expect(matrixRow).toBeGreaterThan(0);
    expect(matrixRow).toBeLessThan(plan.commentary.headerRow);
    expect(plan.values[matrixRow + 1].slice(2, 7)).toEqual(spcMatrix(analysis.indicators).rows[1].slice(1));
    const texts = plan.values.flat().filter((v): v is string => typeof v === "string");
    for (const l of spcKeyLines(12)) expect(texts).toContain(l);
    // Colour repeats the word: the styled words are in the cells they colour.
    const cond = plan.conditional.find((c) => c.area.left === rag + 1);
    expect(cond?.rules.map((r) => r.contains)).toEqual(["Improvement", "Concern"]);
  });

  test("a scorecard with too few months says so, with no empty matrix", () => {
    const short = analyse(syntheticGrid(6, 6), settings);
    const { plan } = buildCommitteePlan({ analysis: short, name: "Committee", generatedAt: NOW });
    const texts = plan.values.flat().filter((v): v is string => typeof v === "string");
    expect(texts.some((t) => t.includes("no indicator has enough periods yet"))).toBe(true);
    expect(texts).not.toContain("Variation \\ assurance");
  });
});
