/**
 * The Department for Education's figures beside the council's own (issue 20): the council's published
 * figure with its rank, England, the region and the statistical neighbours' median, headed with the
 * year, in one compact column with a line each. Better or worse is read from the same year's published
 * figures, so a monthly figure is never set against an annual one, and through the indicator's polarity
 * where the scorecard states it. The words carry the meaning; "ours better"/"ours worse" give the colour.
 *
 * One column, not one per figure: every column of the table is in every row the Office host writes,
 * printed or hidden, and four more would push a 2,000-indicator refresh past its three requests
 * (test/office/refresh.test.ts). Measured on the seeds, four separate columns fit A4 beside the rest
 * only on the narrowest scorecard anyway; this one is placed, and its width measured, as every
 * flexible column is (column-widths.ts), its lines kept whole.
 */
import type { Assessment } from "../judge/assess";
import type { IndicatorNational, NationalAnalysis, NationalContext } from "../judge/national/attach";
import { verdict, Verdict } from "../judge/national/verdict";
import { formatNational } from "../judge/national/format";
import type { TableColumn, TableContext } from "./columns";

/** An indicator's national figures, where the analysis carries them (attachNational). */
export function nationalOf(a: Assessment): IndicatorNational | null {
  return "national" in a ? ((a as NationalAnalysis["indicators"][number]).national ?? null) : null;
}

/** The council and attribution of an analysis with national figures attached. */
export function nationalContext(analysis: TableContext["analysis"]): NationalContext | null {
  return "national" in analysis ? (analysis as NationalAnalysis).national : null;
}

export function hasNationalFigures(ctx: TableContext): boolean {
  return ctx.analysis.indicators.some((a) => nationalOf(a) !== null);
}

/** The one period every national figure of the paper is of ("2024-25"), or null where they differ. */
function commonPeriod(ctx: TableContext): string | null {
  const periods = new Set(ctx.analysis.indicators.map((a) => nationalOf(a)?.period).filter(Boolean));
  return periods.size === 1 ? ([...periods][0] ?? null) : null;
}

/** A header with the year where every figure shares it ("National 2024-25"). */
function headed(name: string, ctx: TableContext): string {
  const period = commonPeriod(ctx);
  return period ? `${name} ${period}` : name;
}

/** The figure as the Department publishes it, with its year where the header cannot carry it. */
function figure(x: IndicatorNational, v: number | null, ctx: TableContext): string {
  const shown = formatNational(v, x);
  return commonPeriod(ctx) ? shown : `${shown} (${x.period})`;
}

/**
 * Ours against a comparator in the same year, through the indicator's polarity where the scorecard
 * says it (a polarity column, the title, the targets...); a polarity the engine only assumed gives way
 * to the Department's reading of the measure.
 */
export function nationalVerdict(a: Assessment, x: IndicatorNational, other: number | null): Verdict | null {
  const stated = a.polaritySource !== "assumed" ? a.polarity : "none";
  const polarity = stated === "higher" || stated === "lower" ? stated : x.polarity;
  return verdict(x.council, other, polarity);
}

/** "3rd", "11th", "22nd". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** "20th of 153", or "20th highest of 153" where neither direction is better. */
export function rankWords(x: IndicatorNational): string | null {
  if (x.rank === null) return null;
  return `${ordinal(x.rank)}${x.polarity === "none" ? " highest" : ""} of ${x.of}`;
}

type Comparator = "england" | "region" | "neighbours";

/** A comparator's line: its figure, then ours against it in words ("England 12.3%: ours worse"). */
function comparatorLine(
  a: Assessment,
  x: IndicatorNational,
  key: Comparator,
  name: string,
  ctx: TableContext,
): string {
  const side = nationalVerdict(a, x, x[key]);
  const said = side === "same" ? "the same" : side;
  // Only England's line says "ours": England's comparison alone sets the colour.
  return `${name} ${figure(x, x[key], ctx)}${said ? `: ${key === "england" ? "ours " : ""}${said}` : ""}`;
}

/** All the figures in one cell, a line each, ours first: "Ours 68%: 10th of 152", "England 54%: ours better". */
function nationalLines(a: Assessment, x: IndicatorNational, ctx: TableContext): string[] {
  const england = comparatorLine(a, x, "england", "England", ctx);
  if (!nationalContext(ctx.analysis)?.council) return [england];
  return [
    `Ours ${[figure(x, x.council, ctx), rankWords(x)].filter(Boolean).join(": ")}`,
    england,
    comparatorLine(a, x, "region", x.regionName ?? "Region", ctx),
    comparatorLine(a, x, "neighbours", "Neighbours", ctx),
  ];
}

/** The national column, before the reason; it prints only where some indicator has national figures. */
export const NATIONAL_COLUMNS: readonly TableColumn[] = [
  {
    key: "national",
    header: (ctx) => headed("National", ctx),
    shown: hasNationalFigures,
    width: { min: 14, max: 28, flex: true },
    cell: (a, ctx) => {
      const x = nationalOf(a);
      return { value: x ? nationalLines(a, x, ctx).join("\n") : null, style: "national" };
    },
    // Each figure stays whole on its line: the column is as wide as the longest.
    keep: (a, ctx) => {
      const x = nationalOf(a);
      return x ? nationalLines(a, x, ctx) : [];
    },
    rules: [
      { contains: "ours better", style: "nationalGood" },
      { contains: "ours worse", style: "nationalBad" },
    ],
  },
];
