/**
 * Committee commentary generated from the assessments: one sentence per indicator with the value, the
 * target and the movement, split into "performing well" and "areas for focus". An indicator short of
 * target but improving says so; one that meets target but is slipping says that too.
 */
import type { Analysis, Assessment } from "../judge/assess";
import type { Movement } from "../judge/trend";
import { formatValue } from "../read/values";
import { quoteTitle } from "./quote";

export interface Narrative {
  performingWell: string[];
  areasForFocus: string[];
  forInformation: string[];
}

function f(a: Assessment, x: number): string {
  const shown = a.unit === "percent" ? x * 100 : x;
  const d = Number.isInteger(Math.round(shown * 1e6) / 1e6) ? 0 : Math.max(a.targets.decimals, 1);
  return formatValue(x, a.unit, d, a.per);
}

function targetClause(a: Assessment): string {
  const t = a.targets;
  const lower = a.polarity === "lower";
  if (t.kind === "min-upper" && t.min !== undefined && t.upper !== undefined) {
    const good = lower ? Math.min(t.min, t.upper) : Math.max(t.min, t.upper);
    const floor = lower ? Math.max(t.min, t.upper) : Math.min(t.min, t.upper);
    if (good === floor) {
      if (a.band === "green") return `meeting the target of ${f(a, good)}`;
      return `${lower ? "above" : "below"} the target of ${f(a, good)}`;
    }
    if (a.band === "green")
      return lower ? `within the upper target of ${f(a, good)}` : `meeting the upper target of ${f(a, good)}`;
    if (a.band === "amber") {
      return lower
        ? `above the upper target of ${f(a, good)} but within the minimum standard of ${f(a, floor)}`
        : `above the minimum of ${f(a, floor)} but short of the upper target of ${f(a, good)}`;
    }
    return lower
      ? `worse than the minimum standard of ${f(a, floor)}`
      : `below the minimum of ${f(a, floor)}`;
  }
  if (t.kind === "single" && t.target !== undefined) {
    if (a.polarity === "range") {
      return a.band === "green"
        ? `close to the target of ${f(a, t.target)}`
        : `away from the target of ${f(a, t.target)}`;
    }
    if (a.band === "green") return `${lower ? "within" : "meeting"} the target of ${f(a, t.target)}`;
    return `${lower ? "above" : "below"} the target of ${f(a, t.target)}`;
  }
  if (t.kind === "range" && t.low !== undefined && t.high !== undefined) {
    return `${a.band === "green" ? "within" : "outside"} the range of ${f(a, t.low)} to ${f(a, t.high)}`;
  }
  return "";
}

function movementClause(a: Assessment, m: Movement): string {
  if (m.direction === "unknown" || m.from === null) return "";
  const from = m.fromText ?? formatValue(m.from, a.unit, a.decimals, a.per);
  const label = m.fromLabel?.replace(/, the same period a year earlier$/, "");
  const when = m.fromLabel
    ? /a year earlier/.test(m.fromLabel)
      ? ` in ${label}, the same period last year`
      : /outturn|baseline/.test(m.fromLabel)
        ? ` (${m.fromLabel})`
        : ` in ${m.fromLabel}`
    : "";
  // Where the figures compared are not the value shown (a year-to-date value beside months), say so.
  const toText = m.toText ?? (m.to !== null ? formatValue(m.to, a.unit, a.decimals, a.per) : "");
  const differs = m.to !== null && a.value !== null && toText !== a.display && m.toLabel;
  const to = differs ? ` to ${toText} in ${m.toLabel}` : "";
  if (!m.change)
    return differs
      ? `with the period figures unchanged at ${toText} (${m.fromLabel} and ${m.toLabel})`
      : `unchanged from ${from}${when}`;
  const up = m.change > 0;
  const change = m.changeText ? ` ${m.changeText}` : "";
  const rel =
    a.unit === "number" && m.from !== 0
      ? ` (${Math.round((Math.abs(m.change) / Math.abs(m.from)) * 1000) / 10}%)`
      : "";
  return `${up ? "up" : "down"}${change}${rel} from ${from}${when}${to}${m.note ? `, ${m.note}` : ""}`;
}

/** The caveats that bear on how far the figure can be trusted, in a committee's words. */
function caveatClause(a: Assessment): string {
  const out: string[] = [];
  const has = (code: string) => a.flags.some((f) => f.code === code);
  if (a.provisional) out.push("the figure is provisional");
  if (has("data-quality-note") && a.dataQuality)
    out.push(`the data-quality note reads "${quoteTitle(a.dataQuality)}"`);
  if (has("small-denominator") && a.denominator !== undefined)
    out.push(`it rests on ${a.denominator} cases, so small changes swing it`);
  if (has("current-differs-from-latest-period"))
    out.push("the current figure differs from the latest period's, which needs checking");
  if (has("numerator-denominator-mismatch")) out.push("its counts do not give the percentage reported");
  if (has("missing-period")) out.push("a period is missing from the series");
  if (has("unusual-jump") && !(a.trend.shortTerm.unusual ?? false))
    out.push("the series has an unusual jump to check");
  return out.length ? ` Note: ${out.join("; ")}.` : "";
}

/** Benchmarks beside the value, each read through polarity. */
function benchmarkClause(a: Assessment): string {
  if (!a.benchmarks.length) return "";
  const parts = a.benchmarks
    .filter((b) => b.display)
    .map((b) => {
      const side = benchmarkSide(a, b.value);
      return `${quoteTitle(b.label)} ${quoteTitle(b.display)}${side ? ` (${side})` : ""}`;
    });
  return parts.length ? `; compared with ${parts.join(", ")}` : "";
}

/** "better" or "worse" than a benchmark, through polarity; "" where neither applies. */
export function benchmarkSide(a: Assessment, bench: number | null): string {
  if (bench === null || a.value === null || a.value === bench) return "";
  if (a.polarity === "higher") return a.value > bench ? "better" : "worse";
  if (a.polarity === "lower") return a.value < bench ? "better" : "worse";
  return a.value > bench ? "higher" : "lower";
}

export function sentenceFor(a: Assessment): string {
  const name = a.title.replace(/\s*\((lower|higher) is better\)\s*/i, " ").trim();
  const lead = `${a.ref ? `${quoteTitle(a.ref)} ` : ""}${quoteTitle(name)}: ${quoteTitle(a.display) || "no value"}`;
  const target = targetClause(a);
  const m = a.trend.direction === a.trend.shortTerm.direction ? a.trend.shortTerm : a.trend.longTerm;
  const move = movementClause(a, m);
  const against =
    (a.band === "red" || a.band === "amber") && m.direction === "improving"
      ? "although "
      : a.band === "green" && m.direction === "worsening"
        ? "although "
        : "";
  const parts = [lead];
  if (target) parts.push(target);
  if (move) parts.push(`${against}${move}`);
  // Cohort counts are read for their size over the year as much as for the last month.
  const year = a.trend.longTerm;
  if (
    a.band === "none" &&
    year.fromLabel !== m.fromLabel &&
    year.direction !== "unknown" &&
    year.from !== null
  ) {
    const longer = movementClause(a, year);
    if (longer) parts.push(`and ${longer}`);
  }
  let s = parts.join(", ") + benchmarkClause(a);
  if (!move && m.direction === "unknown" && /year-to-date/.test(m.reason))
    s += "; as a year-to-date figure it is compared only with the same point last year, which is not given";
  return `${s}.${caveatClause(a)}`;
}

export function buildNarrative(analysis: Analysis): Narrative {
  const rank = { red: 0, amber: 1, green: 2, none: 3 } as const;
  const focus = analysis.indicators
    .filter((a) => a.band === "red" || a.band === "amber")
    .sort((x, y) => rank[x.band] - rank[y.band]);
  return {
    performingWell: analysis.indicators.filter((a) => a.band === "green").map(sentenceFor),
    areasForFocus: focus.map(sentenceFor),
    forInformation: analysis.indicators.filter((a) => a.band === "none").map(sentenceFor),
  };
}
