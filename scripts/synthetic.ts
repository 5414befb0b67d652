/**
 * Scorecards of any size made from the 000 paper's figures: its indicators repeated with varied values
 * across a chosen number of months, in sections, for scale tests and benchmarks.
 */
import type { Cell, Grid } from "../src/engine/grid";

const BASE = [
  {
    title: "% cases with Management Oversight recorded in past 8 weeks",
    value: 0.944,
    min: 0.9,
    upper: 0.95,
    denom: 2733,
  },
  { title: "% of children in need with CIN Plan completed", value: 0.851, min: 0.9, upper: 0.95, denom: 983 },
  {
    title: "% of LAC Single Assessments that are out of the one year timescale",
    value: 0.037,
    min: 0.15,
    upper: 0.1,
    denom: 321,
  },
  { title: "% care leavers EET", value: 0.599, min: 0.65, upper: 0.75, denom: 252 },
  {
    title: "% of CP reviews carried out within statutory timescales",
    value: 0.99,
    min: 0.95,
    upper: 0.98,
    denom: 204,
  },
  { title: "Number of LAC", value: 321, min: null, upper: null, denom: null },
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A deterministic wobble so that runs are repeatable. */
function wobble(i: number, j: number): number {
  const x = Math.sin(i * 12.9898 + j * 78.233) * 43758.5453;
  return x - Math.floor(x) - 0.5;
}

export function syntheticGrid(indicators: number, periods = 6, sections = 5, sheet = "Scorecard"): Grid {
  const monthLabels = Array.from({ length: periods }, (_, j) => {
    const m = (9 - periods + 1 + j + 1200) % 12;
    const y = 18 - Math.floor((periods - 1 - j + (12 - 10)) / 12);
    return `${MONTHS[m]} ${y}`;
  });
  const header = [
    "Ref",
    "Performance Measure",
    "2017/18",
    "Num",
    "Denom",
    "Current",
    "Period",
    ...monthLabels,
    "Min",
    "Upper",
  ];
  const rows: Cell[][] = [
    [{ value: "Synthetic scorecard" }],
    [{ value: "October 2018" }],
    [],
    header.map((h) => ({ value: h })),
  ];
  const perSection = Math.ceil(indicators / sections);
  for (let i = 0; i < indicators; i++) {
    if (i % perSection === 0) rows.push([{ value: `Section ${i / perSection + 1}`, bold: true }]);
    const b = BASE[i % BASE.length];
    const pct = b.min !== null;
    const series = monthLabels.map((_, j) => {
      const v = b.value * (1 + wobble(i, j) * 0.08);
      return pct ? Math.min(1, Math.max(0, Math.round(v * 1000) / 1000)) : Math.round(v);
    });
    const current = series[series.length - 1];
    const fmt = pct ? "0.0%" : "#,##0";
    const num = b.denom !== null ? Math.round(current * b.denom) : null;
    rows.push([
      { value: `${Math.floor(i / BASE.length) + 1}.${(i % BASE.length) + 1}` },
      { value: `${b.title} (${i + 1})` },
      { value: pct ? Math.round(b.value * 1.02 * 1000) / 1000 : Math.round(b.value * 0.95), format: fmt },
      { value: num ?? "n/a" },
      { value: b.denom ?? "n/a" },
      { value: current, format: fmt },
      { value: "Snapshot" },
      ...series.map((v) => ({ value: v, format: fmt })),
      { value: b.min, format: fmt },
      { value: b.upper, format: fmt },
    ]);
  }
  return { sheet, rows, merges: [] };
}
