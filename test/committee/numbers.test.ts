/**
 * One set of numbers per row: every number in every generated sentence (the narrative and the "Why"
 * cell) must be one the reader can find in a cell of the row, in the source row, or in the rules
 * line, or follow from two of them (a change, a relative change, a tolerance). It must also be no
 * more precise than the figures it comes from: "94.0%" from a month typed "94%" fails.
 */
import type { Analysis, Assessment } from "../../src/engine/judge/assess";
import { buildCommitteePlan } from "../../src/engine/paper/committee";
import { Grid, cellText } from "../../src/engine/grid";
import { sentenceFor } from "../../src/engine/paper/narrative";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { MONTHLY, ROOT, SEEDS, seedAnalysis, seedGrid } from "../helpers";

/** The layout corpus: scorecards built from published papers' layouts (test/fixtures/corpus). */
const CORPUS = join(ROOT, "test", "fixtures", "corpus");

interface Figure {
  value: number;
  decimals: number;
}

const NUMBER = /(?<![\w.])\d[\d,]*(?:\.\d+)?/g;

function figuresIn(text: string): Figure[] {
  return [...text.matchAll(NUMBER)].map((m) => {
    const s = m[0].replace(/,/g, "");
    return { value: Number(s), decimals: s.includes(".") ? s.split(".")[1].length : 0 };
  });
}

/** A typed number as the reader sees it, and as a percentage where it is a fraction. */
function figuresOfCell(value: unknown, text: string, percent: boolean, format?: string): Figure[] {
  // A fraction the sheet shows as a percentage is read as the percentage, never as "0.94".
  const out = typeof value === "number" && percent ? [] : figuresIn(text);
  if (typeof value === "number") {
    const dec = (x: number) => (String(x).split(".")[1] ?? "").length;
    // A number format ("0.0%") says how the figure is shown; without one, its digits do.
    const shown = format ? (/\.(0+)/.exec(format)?.[1].length ?? 0) : undefined;
    if (!percent || Math.abs(value) > 1.5) out.push({ value, decimals: dec(value) });
    if (percent && Math.abs(value) <= 1.5)
      out.push({
        value: Math.round(value * 1e6) / 1e4,
        decimals: shown ?? Math.max(0, dec(value) - 2),
      });
  }
  return out;
}

function allowedFor(
  a: Assessment,
  grid: Grid,
  planRow: (string | number | null)[],
  rules: string,
  labels = "",
): Figure[] {
  const percent = a.unit === "percent";
  const base: Figure[] = [];
  const sourceRow = grid.rows[a.row - 1 - (grid.originRow ?? 0)] ?? [];
  for (const c of sourceRow) base.push(...figuresOfCell(c.value, cellText(c), percent, c.format));
  for (const v of planRow) base.push(...figuresOfCell(v, typeof v === "string" ? v : "", percent));
  const settings = figuresIn(rules);
  base.push(...settings);
  const derived: Figure[] = [];
  for (const x of base)
    for (const y of base) {
      const decimals = Math.max(x.decimals, y.decimals);
      derived.push({ value: Math.abs(x.value - y.value), decimals });
      // A count's change is also given relative to the earlier count: "down 36 (11.9%)".
      if (y.value !== 0 && a.unit === "number")
        derived.push({ value: (Math.abs(x.value - y.value) / y.value) * 100, decimals: 1 });
    }
  // A tolerance: a percentage (from the rules line) of a target, once or twice, rounded for counts.
  for (const x of settings)
    for (const y of base) {
      if (x.value > 0 && x.value <= 100)
        for (const k of [1, 2]) {
          const t = ((x.value * y.value) / 100) * k;
          derived.push({ value: t, decimals: 2 }, { value: Math.max(1, Math.round(t)), decimals: 0 });
        }
    }
  // The SPC figures follow from the row's own series by the rule the notes print ("the usual range is
  // the average ± 2.66 × the average moving range"): computed here, independently of the engine.
  derived.push(...spcFigures(a));
  // Period and column labels ("Sep 18", "Q2 2020/21", "2008/09 outturn") name figures, not values.
  return [...base, ...derived, ...figuresIn(labels)];
}

/** The average and the usual range of the row's series, as a reader with a calculator finds them. */
function spcFigures(a: Assessment): Figure[] {
  const v = a.series.filter((x): x is number => x !== null);
  if (v.length < 2) return [];
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const mr = v.slice(1).reduce((s, x, i) => s + Math.abs(x - v[i]), 0) / (v.length - 1);
  const percent = a.unit === "percent";
  const low = Math.max(0, mean - 2.66 * mr);
  const high = percent ? Math.min(1, mean + 2.66 * mr) : mean + 2.66 * mr;
  const decimals = percent ? Math.max(a.decimals, 1) : a.decimals + 1;
  return [mean, low, high].map((x) => ({ value: percent ? x * 100 : x, decimals }));
}

function unexplained(sentence: string, allowed: Figure[]): string[] {
  return figuresIn(sentence)
    .filter(
      (f) =>
        !allowed.some(
          (a) =>
            Math.abs(a.value - f.value) <= 0.5 * 10 ** -f.decimals + 1e-9 &&
            f.decimals <= Math.max(a.decimals, 0),
        ),
    )
    .map((f) => f.value.toFixed(f.decimals));
}

async function check(path: string): Promise<string[]> {
  const analysis: Analysis = await seedAnalysis(path);
  const grid = await seedGrid(path, analysis.sheet);
  const { plan } = buildCommitteePlan({ analysis, name: "Committee", generatedAt: new Date(2018, 10, 30) });
  const rules = String(plan.values.find((r) => String(r[0]).startsWith("Rules:"))?.[0] ?? "");
  const header = plan.values[plan.commentary.headerRow];
  const why = header.indexOf("Why (and data quality)");
  const problems: string[] = [];
  for (const a of analysis.indicators) {
    const planRow = plan.values.find((r) => r[plan.commentary.keyColumn] === a.key) ?? [];
    const labels = [...analysis.periods, ...analysis.columns.map((c) => c.label), a.previous?.label ?? ""];
    const allowed = allowedFor(
      a,
      grid,
      planRow.filter((_, i) => i !== why),
      rules,
      labels.join(" "),
    );
    for (const sentence of [sentenceFor(a, analysis), String(planRow[why])]) {
      const bad = unexplained(sentence, allowed);
      if (bad.length) problems.push(`${a.key}: ${bad.join(", ")} in "${sentence}"`);
    }
  }
  return problems;
}

describe("every number in a generated sentence is one the reader can find", () => {
  test.each([
    // Every sample in seeds/, the demo among them, and every layout of the corpus.
    ...readdirSync(SEEDS)
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => [`seed ${f}`, join(SEEDS, f)]),
    ...readdirSync(CORPUS)
      .filter((f) => f.endsWith(".xlsx"))
      .map((f) => [`corpus ${f}`, join(CORPUS, f)]),
  ])("%s", async (_name, path) => {
    expect(await check(path)).toEqual([]);
  });

  test("the check fails on an invented or over-precise figure", async () => {
    const analysis = await seedAnalysis(MONTHLY);
    const grid = await seedGrid(MONTHLY, analysis.sheet);
    const a = analysis.indicators.find((i) => i.ref === "4.6");
    if (!a) throw new Error("no 4.6");
    const allowed = allowedFor(a, grid, [], "", analysis.periods.join(" "));
    // The months of 4.6 are typed "94%": 94.0% claims a precision the source does not have.
    expect(unexplained("Unchanged at 94.0% since Sep 18.", allowed)).toEqual(["94.0"]);
    expect(unexplained("Unchanged at 94% since Sep 18.", allowed)).toEqual([]);
    expect(unexplained("up to 99.0%", allowed)).toEqual(["99.0"]);
  });
});
