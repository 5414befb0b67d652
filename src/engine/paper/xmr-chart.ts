/**
 * XmR charts for the areas for focus (red and amber indicators with enough periods for SPC), as a
 * host-neutral plan: the data block a chart is drawn from (period, value, average, limits, target), the
 * points that are special cause, and words that say what the chart shows for those who cannot see it.
 * A host draws it with its own charting: Office.js charts inside Excel.
 */
import type { Analysis, Assessment } from "../judge/assess";
import { RULES, Variation, assuranceTarget, variationOf, xmr } from "../judge/spc";
import { assuranceIcon, variationIcon } from "./mdc-icons";
import { worstFirst } from "./narrative";
import { excelFormat, formatValue } from "../read/values";

export interface XmrChartPlan {
  key: string;
  title: string;
  /** Excel number format of the values ("0.0%"). */
  numberFormat: string;
  header: ["Period", "Value", "Average", "Lower limit", "Upper limit", "Target"];
  /** One row per period with a value (blank months are skipped, as SPC skips them). */
  rows: [string, number, number, number, number, number | null][];
  /** Rows whose point is special cause, with its variation, for the host to mark. */
  special: { row: number; variation: Variation }[];
  /** Alternative text: the chart in words. */
  description: string;
}

/** The target line drawn on a chart: the band's green threshold, the one assurance is judged against. */
function targetOf(a: Assessment): number | null {
  return assuranceTarget(a.targets, a.polarity)?.value ?? null;
}

const RULES_WORDS: Record<string, string> = {
  "outside-limits": "outside the usual range",
  trend: "a run rising or falling",
  "two-in-three": "two of three points near a limit",
  shift: "a long run on one side of the average",
};

export function xmrChartFor(
  a: Assessment,
  periods: readonly string[],
  analysis: Analysis,
): XmrChartPlan | null {
  if (!a.spc) return null;
  const labels: string[] = [];
  const values: number[] = [];
  a.series.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) return;
    labels.push(periods[i]);
    values.push(v);
  });
  const chart = xmr(values, analysis.settings.spc);
  if (!chart) return null;
  const target = targetOf(a);
  // A percentage's usual range stops at 0% and 100%, as the table's reason gives it.
  const bound = (x: number) => (a.unit === "percent" ? Math.min(1, Math.max(0, x)) : x);
  const [lower, upper] = [bound(chart.lower), bound(chart.upper)];
  const rows = values.map((v, i): XmrChartPlan["rows"][number] => [
    labels[i],
    v,
    chart.mean,
    lower,
    upper,
    target,
  ]);
  const special: XmrChartPlan["special"] = [];
  for (let i = 0; i < values.length; i++) {
    if (chart.rule[i] !== 0)
      special.push({ row: i, variation: variationOf(chart.rule[i], chart.side[i], a.polarity) });
  }
  const f = (x: number) =>
    formatValue(x, a.unit, a.unit === "percent" ? Math.max(a.decimals, 1) : a.decimals + 1, a.per);
  const rule = RULES[chart.rule[values.length - 1]];
  const v = variationIcon(a.spc.variation, a.polarity);
  const assured = assuranceIcon(a.spc.assurance);
  const special1 = !special.length
    ? "No point is special cause"
    : special.length === 1
      ? "1 point is special cause"
      : `${special.length} points are special cause`;
  const description =
    `XmR chart of ${a.title}: ${values.length} points from ${labels[0]} to ${labels[labels.length - 1]}, ` +
    `average ${f(chart.mean)}, usual range (limits) ${f(lower)} to ${f(upper)}` +
    `${target !== null ? `, target ${f(target)}` : ""}. ${special1}; the latest is ${v.meaning}` +
    `${rule ? ` (${RULES_WORDS[rule] ?? rule})` : ""}${assured ? `. Assurance: ${assured.word.toLowerCase()}, ${assured.meaning}` : ""}.`;
  const labelsText = [v.label, assured?.label].filter(Boolean).join(", ");
  return {
    key: a.key,
    title: `${a.ref ? `${a.ref} ` : ""}${a.title}: ${labelsText}`,
    numberFormat: excelFormat(a.unit, a.decimals, a.per),
    header: ["Period", "Value", "Average", "Lower limit", "Upper limit", "Target"],
    rows,
    special,
    description,
  };
}

/** A chart for every area for focus (red or amber) whose series is long enough for SPC, worst first, as the summary lists them. */
export function xmrCharts(analysis: Analysis): XmrChartPlan[] {
  return analysis.indicators
    .filter((a) => (a.band === "red" || a.band === "amber") && a.spc !== null)
    .sort(worstFirst(analysis))
    .map((a) => xmrChartFor(a, analysis.periods, analysis))
    .filter((c): c is XmrChartPlan => c !== null);
}
