/**
 * The committee table's columns as data: each says what its header reads, whether it prints for this
 * paper, how wide it may be, and what each indicator's cell holds. The table, its widths, the summary
 * rows and the hidden read-back columns are all built from this one list, so a column is added by
 * adding a descriptor, nowhere else. A column that does not print for a paper is hidden, not removed:
 * the read-back columns then keep their places, and a host can read just those (COMMENTARY_COLUMNS).
 *
 * To add a benchmark column (issue 20: England, region, statistical-neighbour median, rank), put a
 * benchmarkColumn({...}) into TABLE_COLUMNS before "why": its key, its header with the year, and where
 * an indicator's figure comes from. Better or worse, the styles and the width follow by themselves.
 * The Department's figures join as NATIONAL_COLUMNS (national-columns.ts): one compact column.
 */
import type { Analysis, Assessment } from "../judge/assess";
import type { ReviewMark } from "../config";
import { excelFormat, formatValue } from "../read/values";
import type { CarriedCommentary } from "./commentary";
import type { PlanValue } from "./plan";
import { benchmarkCell } from "./benchmarks";
import { tableBase } from "./unit-base";
import { benchmarkName, lastPaper, targetPhrase } from "./plain-words";
import { whyText } from "./narrative";
import { SPC_RULES, spcCell } from "./committee-spc";
import { bandLabel, RAG_RULES, DIRECTION_RULES } from "./styles";
import { directionReading, sparkline, SPARK_PERIODS } from "./direction";
import { NATIONAL_COLUMNS } from "./national-columns";

/** What every column's cell function may read. */
export interface TableContext {
  analysis: Analysis;
  carry: CarriedCommentary;
  reviews?: Record<string, ReviewMark[]>;
  /** Some indicator has enough periods for statistical process control. */
  spcShown: boolean;
}

export interface TableCell {
  value: PlanValue;
  style: string;
  /** Excel number format of a number cell. */
  format?: string | null;
  /** How a number cell prints, for measuring it. */
  display?: string;
}

export interface TableColumn {
  /** The column's role, written into the hidden metadata row ("scorecard:col:<key>"). */
  key: string;
  header: (ctx: TableContext) => string;
  /** Whether it prints for this paper. Never-printed columns (the read-back's) set printed: false. */
  shown: (ctx: TableContext) => boolean;
  printed?: false;
  /**
   * Width in characters: a fitted column takes what its widest cell and header word need, within
   * min and max; a flexible one shares the page's rest with the others, by what shortens the table.
   */
  width: { min: number; max: number; flex?: boolean };
  cell: (a: Assessment, ctx: TableContext) => TableCell;
  /** Words of a cell that must not break across lines: the column is never narrower than they are. */
  keep?: (a: Assessment, ctx: TableContext) => string[];
  /** Words in a cell that choose its colour (the RAG word, Improving, Concern). */
  rules?: { contains: string; style: string }[];
}

const some = (ctx: TableContext, p: (a: Assessment) => boolean) => ctx.analysis.indicators.some(p);
const text = (s: string | null | undefined): string | null => (s ? s : null);

function number(a: Assessment, v: number | null | undefined, decimals: number): TableCell {
  return v === null || v === undefined
    ? { value: null, style: "value" }
    : {
        value: v,
        style: "value",
        format: excelFormat(a.unit, decimals, tableBase(a)),
        display: formatValue(v, a.unit, decimals, tableBase(a)),
      };
}

function decimalsOf(a: Assessment, display: string): number {
  const m = /\.(\d+)/.exec(display);
  return m ? m[1].length : a.unit === "percent" && !/%/.test(display) ? a.decimals : 0;
}

/** The previous column's header: its period ("2017/18"), or what it is where periods differ. */
function previousHeader(ctx: TableContext): string {
  const labels = new Set(ctx.analysis.indicators.map((a) => a.previous?.label).filter(Boolean));
  if (labels.size !== 1) return "Previous";
  const only = [...labels][0] ?? "";
  const outturn = /^(.*) outturn$/.exec(only);
  if (outturn) return `${outturn[1]} outturn`;
  return /a year earlier|^[A-Z]/.test(only) ? `A year earlier (${only})` : only;
}

/** A benchmark column over a figure the caller finds for each indicator. */
export function benchmarkColumn(spec: {
  key: string;
  header: (ctx: TableContext) => string;
  value: (a: Assessment, ctx: TableContext) => { value: number | null; display: string } | null;
}): TableColumn {
  return {
    key: spec.key,
    header: spec.header,
    shown: (ctx) => some(ctx, (a) => Boolean(spec.value(a, ctx)?.display)),
    width: { min: 7, max: 11 },
    cell: (a, ctx) => ({ value: benchmarkCell(a, spec.value(a, ctx)), style: "bench" }),
    rules: [
      { contains: "ours better", style: "benchGood" },
      { contains: "ours worse", style: "benchBad" },
    ],
  };
}

/** The i-th benchmark column of the scorecard itself, under its proper name. */
function sheetBenchmark(i: number): TableColumn {
  const label = (ctx: TableContext) =>
    ctx.analysis.indicators.find((a) => a.benchmarks[i])?.benchmarks[i].label ?? "";
  return benchmarkColumn({
    key: `benchmark${i + 1}`,
    header: (ctx) => benchmarkName(label(ctx)),
    value: (a) => a.benchmarks[i] ?? null,
  });
}

export const TABLE_COLUMNS: readonly TableColumn[] = [
  {
    key: "ref",
    header: () => "Ref",
    shown: (ctx) => some(ctx, (a) => a.ref !== null),
    width: { min: 4, max: 11 },
    cell: (a) => ({ value: text(a.ref), style: "ref" }),
  },
  {
    key: "measure",
    header: () => "Measure",
    shown: () => true,
    width: { min: 18, max: 44, flex: true },
    cell: (a) => ({ value: a.title, style: "cell" }),
  },
  {
    key: "previous",
    header: previousHeader,
    shown: (ctx) => some(ctx, (a) => a.previous !== undefined),
    width: { min: 7, max: 14 },
    cell: (a) => number(a, a.previous?.value, a.previous ? decimalsOf(a, a.previous.display) : 0),
  },
  {
    key: "current",
    header: () => "Current",
    shown: () => true,
    width: { min: 7, max: 14 },
    cell: (a) =>
      a.value !== null ? number(a, a.value, a.decimals) : { value: a.display || "No value", style: "value" },
  },
  {
    key: "target",
    header: () => "Target",
    shown: (ctx) => some(ctx, (a) => a.targets.kind !== "none"),
    width: { min: 11, max: 17, flex: true },
    cell: (a, ctx) => ({ value: targetPhrase(a, ctx.analysis), style: "target" }),
    keep: (a, ctx) => [targetPhrase(a, ctx.analysis).split(" (green)")[0]],
  },
  {
    key: "rag",
    header: () => "RAG",
    shown: () => true,
    width: { min: 8, max: 11, flex: true },
    cell: (a) => ({ value: bandLabel(a.band), style: "rag" }),
    keep: (a) => [bandLabel(a.band === "none" ? "amber" : a.band)],
    rules: RAG_RULES,
  },
  {
    key: "lastPaper",
    header: () => "Last paper",
    shown: (ctx) => some(ctx, (a) => lastPaper(a) !== null),
    width: { min: 7, max: 11 },
    cell: (a) => ({ value: lastPaper(a), style: "text" }),
  },
  {
    key: "direction",
    header: () => "Direction",
    shown: () => true,
    width: { min: 10, max: 14, flex: true },
    cell: (a) => ({ value: directionReading(a).text, style: "dir" }),
    keep: (a) => [directionReading(a).word],
    rules: DIRECTION_RULES,
  },
  {
    key: "trend",
    header: () => "Trend",
    shown: (ctx) =>
      !ctx.spcShown && some(ctx, (a) => a.series.slice(-SPARK_PERIODS).filter((v) => v !== null).length > 2),
    width: { min: 6, max: 9 },
    cell: (a) => ({ value: text(sparkline(a.series.slice(-SPARK_PERIODS))), style: "spark" }),
  },
  {
    key: "spc",
    header: () => "Variation, assurance",
    shown: (ctx) => ctx.spcShown,
    width: { min: 11, max: 16, flex: true },
    cell: (a) => ({ value: spcCell(a), style: "spc" }),
    keep: (a) => spcCell(a).split("\n"),
    rules: SPC_RULES,
  },
  sheetBenchmark(0),
  sheetBenchmark(1),
  sheetBenchmark(2),
  ...NATIONAL_COLUMNS,
  {
    key: "why",
    header: () => "Why (and data quality)",
    shown: () => true,
    width: { min: 24, max: 90, flex: true },
    cell: (a, ctx) => ({ value: whyCell(a, ctx), style: "why" }),
  },
  {
    key: "commentary",
    header: () => "Commentary",
    shown: () => true,
    width: { min: 10, max: 40, flex: true },
    cell: (a, ctx) => ({ value: text(ctx.carry.text.get(a.key)), style: "commentary" }),
  },
  {
    key: "key",
    header: () => "key",
    shown: () => false,
    printed: false,
    width: { min: 12, max: 12 },
    cell: (a) => ({ value: a.key, style: "key" }),
  },
  {
    key: "source",
    header: () => "source",
    shown: () => false,
    printed: false,
    width: { min: 10, max: 10 },
    cell: (a, ctx) => ({ value: ctx.carry.sourceWritten.get(a.key) ?? null, style: "key" }),
  },
];

/** The Why cell: the reading, then the analyst's reviews of flags that still apply. */
function whyCell(a: Assessment, ctx: TableContext): string {
  const reviews = (ctx.reviews?.[a.key] ?? []).filter((m) => m.value === a.value);
  const reviewed = reviews.map((m) => `✓ Reviewed: ${m.note}`).join(" ");
  return [whyText(a, ctx.analysis), reviewed].filter(Boolean).join(" ");
}

export type ColumnKey = string;

/** A column's index in the sheet, by its key. */
export function columnIndex(key: ColumnKey): number {
  const i = TABLE_COLUMNS.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return i;
}

/** Where a freshly written sheet keeps what the commentary read-back needs, so a host can read just those. */
export const COMMENTARY_COLUMNS = {
  ref: columnIndex("ref"),
  measure: columnIndex("measure"),
  commentary: columnIndex("commentary"),
  key: columnIndex("key"),
  source: columnIndex("source"),
} as const;
