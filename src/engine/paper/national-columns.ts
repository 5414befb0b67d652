/**
 * The Department for Education's figures beside the council's own (issue 20): England, the region, the
 * statistical neighbours' median, and the council's published figure with its rank, each headed with
 * the year. Better or worse is read from the same year's published figures, so a monthly figure is
 * never set against an annual one, and through the indicator's polarity where it has one. The words
 * carry the meaning; the bench styles' "ours better"/"ours worse" rules give the colour.
 *
 * The figures come in two layouts, chosen for each paper by national-layout.ts: a column each where
 * they fit beside the rest, or one compact column holding them all where they do not.
 */
import type { Assessment } from "../judge/assess";
import type { IndicatorNational, NationalAnalysis, NationalContext } from "../judge/national/attach";
import { verdict, Verdict } from "../judge/national/verdict";
import { formatNational } from "../judge/national/format";
import type { TableCell, TableColumn, TableContext } from "./columns";

export type NationalLayout = "columns" | "grouped";

const layouts = new WeakMap<TableContext, NationalLayout>();

/** Fixes a paper's layout of the national figures (national-layout.ts measures which fits). */
export function setNationalLayout(ctx: TableContext, layout: NationalLayout): void {
  layouts.set(ctx, layout);
}

/** The compact column unless a measurement chose the separate ones: it always fits. */
function layoutOf(ctx: TableContext): NationalLayout {
  return layouts.get(ctx) ?? "grouped";
}

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

/** A header with the year where every figure shares it ("England 2024-25"). */
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

/** A comparator's cell: the figure, then ours against it ("12.3%\nours worse"). */
function comparatorText(a: Assessment, x: IndicatorNational, key: Comparator, ctx: TableContext): string {
  const side = nationalVerdict(a, x, x[key]);
  const shown = figure(x, x[key], ctx);
  return side ? `${shown}\nours ${side === "same" ? "the same" : side}` : shown;
}

/** The council's own published figure and its rank. */
function ownText(x: IndicatorNational, ctx: TableContext): string {
  return [figure(x, x.council, ctx), rankWords(x)].filter(Boolean).join("\n");
}

/**
 * All the figures in one cell, a line each, ours first. Only England's line says "ours", so England's
 * comparison alone sets the colour; the other lines say better or worse in words.
 */
function groupedLines(a: Assessment, x: IndicatorNational, ctx: TableContext): string[] {
  const england = `England ${comparatorText(a, x, "england", ctx).replace("\n", ": ")}`;
  if (!nationalContext(ctx.analysis)?.council) return [england];
  const plain = (key: Comparator) => comparatorText(a, x, key, ctx).replace("\nours ", ": ");
  return [
    `Ours ${[figure(x, x.council, ctx), rankWords(x)].filter(Boolean).join(": ")}`,
    england,
    `${x.regionName ?? "Region"} ${plain("region")}`,
    `Neighbours ${plain("neighbours")}`,
  ];
}

const SEPARATE_RULES = [
  { contains: "ours better", style: "benchGood" },
  { contains: "ours worse", style: "benchBad" },
];
const GROUPED_RULES = [
  { contains: "ours better", style: "nationalGood" },
  { contains: "ours worse", style: "nationalBad" },
];

function cellOf(
  text: (a: Assessment, x: IndicatorNational) => string | null,
  style: string,
): TableColumn["cell"] {
  return (a) => {
    const x = nationalOf(a);
    return { value: x ? text(a, x) : null, style } satisfies TableCell;
  };
}

/** One of the separate columns, shown where the layout is "columns" and some indicator has its figure. */
function separate(spec: {
  key: string;
  header: (ctx: TableContext) => string;
  needsCouncil: boolean;
  text: (a: Assessment, x: IndicatorNational, ctx: TableContext) => string;
  width?: TableColumn["width"];
}): TableColumn {
  return {
    key: spec.key,
    header: spec.header,
    shown: (ctx) =>
      layoutOf(ctx) === "columns" &&
      hasNationalFigures(ctx) &&
      (!spec.needsCouncil || Boolean(nationalContext(ctx.analysis)?.council)),
    width: spec.width ?? { min: 7, max: 12 },
    cell: (a, ctx) => cellOf((b, x) => spec.text(b, x, ctx), "bench")(a, ctx),
    rules: SEPARATE_RULES,
  };
}

export const NATIONAL_COLUMNS: readonly TableColumn[] = [
  separate({
    key: "nationalOwn",
    header: (ctx) => headed(nationalContext(ctx.analysis)?.council?.name ?? "Council", ctx),
    needsCouncil: true,
    text: (_, x, ctx) => ownText(x, ctx),
    width: { min: 8, max: 13 },
  }),
  separate({
    key: "nationalEngland",
    header: (ctx) => headed("England", ctx),
    needsCouncil: false,
    text: (a, x, ctx) => comparatorText(a, x, "england", ctx),
  }),
  separate({
    key: "nationalRegion",
    header: (ctx) => headed(nationalContext(ctx.analysis)?.regionName ?? "Region", ctx),
    needsCouncil: true,
    text: (a, x, ctx) => comparatorText(a, x, "region", ctx),
  }),
  separate({
    key: "nationalNeighbours",
    header: (ctx) => headed("Neighbours' median", ctx),
    needsCouncil: true,
    text: (a, x, ctx) => comparatorText(a, x, "neighbours", ctx),
  }),
  {
    key: "national",
    header: (ctx) => headed("National", ctx),
    shown: (ctx) => layoutOf(ctx) === "grouped" && hasNationalFigures(ctx),
    width: { min: 14, max: 28, flex: true },
    cell: (a, ctx) => cellOf((b, x) => groupedLines(b, x, ctx).join("\n"), "national")(a, ctx),
    // Each figure stays whole on its line: the column is as wide as the longest.
    keep: (a, ctx) => {
      const x = nationalOf(a);
      return x ? groupedLines(a, x, ctx) : [];
    },
    rules: GROUPED_RULES,
  },
];
