/**
 * The committee sheet's SPC pieces, in Making Data Count's conventions: each cell MDC's letter and its
 * word, the variation × assurance matrix on the first page, the key with the notes, and nothing about
 * SPC where no indicator has enough periods.
 */
import { analyse } from "../../src/engine/judge/assess";
import { buildCommitteePlan } from "../../src/engine/paper/committee";
import {
  assuranceLabel,
  spcCell,
  spcKeyLines,
  spcMatrix,
  variationLabel,
} from "../../src/engine/paper/committee-spc";
import { MDC_COLOURS, MDC_ICONS, assuranceIcon, variationIcon } from "../../src/engine/paper/mdc-icons";
import { STYLES } from "../../src/engine/paper/styles";
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

describe("MDC's icons", () => {
  test("variation: grey common cause, blue improvement, orange concern, purple neither; H or L by side", () => {
    expect(variationIcon("common-cause", "higher")).toMatchObject({ letter: "~", colour: "grey" });
    expect(variationIcon("special-cause-improvement", "higher")).toMatchObject({
      letter: "H",
      colour: "blue",
    });
    expect(variationIcon("special-cause-improvement", "lower")).toMatchObject({
      letter: "L",
      colour: "blue",
    });
    expect(variationIcon("special-cause-concern", "higher")).toMatchObject({ letter: "L", colour: "orange" });
    expect(variationIcon("special-cause-concern", "lower")).toMatchObject({ letter: "H", colour: "orange" });
    expect(variationIcon("special-cause-neutral-high", "none")).toMatchObject({
      letter: "H",
      colour: "purple",
    });
  });

  test("assurance: P blue, F orange, ? grey; none without a target", () => {
    expect(assuranceIcon("pass")).toMatchObject({ letter: "P", colour: "blue", word: "Pass" });
    expect(assuranceIcon("fail")).toMatchObject({ letter: "F", colour: "orange", word: "Fail" });
    expect(assuranceIcon("inconsistent")).toMatchObject({
      letter: "?",
      colour: "grey",
      word: "Hit and miss",
    });
    expect(assuranceIcon(null)).toBeNull();
  });

  test("every icon has a word, and its text colour reads at 4.5:1 on white", () => {
    const luminance = (hex: string) => {
      const c = [0, 2, 4]
        .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    for (const icon of Object.values(MDC_ICONS)) {
      expect(icon.word.length).toBeGreaterThan(2);
      expect(icon.label).toBe(`(${icon.letter}) ${icon.word}`);
      expect(1.05 / (luminance(MDC_COLOURS[icon.colour].text) + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe("variation and assurance cells", () => {
  test("each is MDC's letter and a word", () => {
    for (const a of analysis.indicators) {
      expect(variationLabel(a)).toMatch(
        /^\((H|L|~)\) (Improvement|Concern|Common cause|Unusually (high|low))$/,
      );
      expect(assuranceLabel(a)).toMatch(/^(\((P|F|\?)\) (Pass|Fail|Hit and miss)|No target)$/);
      expect(spcCell(a)).toBe(`${variationLabel(a)}\n${assuranceLabel(a)}`);
    }
  });

  test("the letter is the side of the average, the word is read through polarity", () => {
    // A higher-is-better measure whose last month fell below the lower limit.
    const down = analysis.indicators.find(
      (a) =>
        a.polarity === "higher" &&
        a.spc?.rule === "outside-limits" &&
        a.spc.variation === "special-cause-concern",
    );
    expect(down && variationLabel(down)).toBe("(L) Concern");
    // A lower-is-better measure running below its average is an improvement shown low.
    const low = analysis.indicators.find(
      (a) => a.polarity === "lower" && a.spc?.variation === "special-cause-improvement",
    );
    expect(low && variationLabel(low)).toBe("(L) Improvement");
    expect(variationLabel(byRef("1.1"))).toBe("(~) Common cause");
    // "Number of LAC" has no target: no assurance.
    expect(assuranceLabel(byRef("1.6"))).toBe("No target");
  });

  test("too few points", () => {
    const short = analyse(syntheticGrid(6, 6), settings).indicators[0];
    expect(variationLabel(short)).toBe("Too few points");
    expect(spcCell(short)).toBe("Too few points");
  });
});

describe("the matrix and the key", () => {
  test("counts every indicator with SPC exactly once", () => {
    const m = spcMatrix(analysis.indicators);
    expect(m.rows[0]).toEqual([
      "Making Data Count: variation \\ assurance",
      "(P) Pass",
      "(?) Hit and miss",
      "(F) Fail",
      "No target",
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

  test("the committee sheet carries the column, the matrix on the first page and the key in the notes", () => {
    const { plan } = buildCommitteePlan({ analysis, name: "Committee", generatedAt: NOW });
    const header = plan.values[plan.commentary.headerRow];
    const spc = header.indexOf("Variation, assurance");
    expect(spc).toBeGreaterThan(header.indexOf("RAG"));
    const row = plan.values.find((r) => r[plan.commentary.keyColumn] === "1.4");
    expect(row?.[spc]).toBe(spcCell(byRef("1.4")));
    // The matrix sits above the table, on the page before it.
    const matrixRow = plan.values.findIndex((r) => r[0] === "Making Data Count: variation \\ assurance");
    expect(matrixRow).toBeGreaterThan(0);
    expect(matrixRow).toBeLessThan(Math.min(...plan.pageBreaks));
    const counts = plan.values[matrixRow + 1].filter((v) => typeof v === "number");
    expect(counts).toEqual(spcMatrix(analysis.indicators).rows[1].slice(1));
    const texts = plan.values.flat().filter((v): v is string => typeof v === "string");
    for (const l of spcKeyLines(12)) expect(texts).toContain(l);
    // Colour repeats the word, in MDC's colours: blue improvement, orange concern.
    const cond = plan.conditional.find((c) => c.area.left === spc);
    expect(cond?.rules.map((r) => [r.contains, STYLES[r.style].color])).toEqual([
      ["Improvement", MDC_COLOURS.blue.text],
      ["Concern", MDC_COLOURS.orange.text],
      ["Unusually", MDC_COLOURS.purple.text],
    ]);
  });

  test("a scorecard with too few months says nothing about SPC", () => {
    const short = analyse(syntheticGrid(6, 6), settings);
    const { plan } = buildCommitteePlan({ analysis: short, name: "Committee", generatedAt: NOW });
    const printed = plan.values
      .slice(0, plan.print.printArea.bottom + 1)
      .map((r) => r.filter((_, c) => !plan.hiddenColumns.includes(c)).join(" "))
      .join("\n");
    expect(printed).not.toMatch(/SPC|Making Data Count|variation|assurance/i);
    expect(plan.print.headerCenter).not.toMatch(/SPC/);
  });
});
