/**
 * What each number means, in sentences a member can read aloud: where the figure stands against its
 * target, how it moved and against which period, what statistical process control says, and what to
 * check first. Every figure in a sentence is one the row shows (test/committee/numbers.test.ts), and
 * the periods are named, so a year-to-date value is never set beside a month without saying so.
 */
import type { Analysis, Assessment } from "../judge/assess";
import type { Movement } from "../judge/trend";
import { formatValue } from "../read/values";
import { variationIcon } from "./mdc-icons";
import { benchmarkSide } from "./benchmarks";
import { caveatPhrases, count, countNoun, targetFigure, thresholds } from "./plain-words";
import { quoteTitle } from "./quote";

export interface Narrative {
  performingWell: string[];
  areasForFocus: string[];
  forInformation: string[];
}

/** The measure without the polarity note the sheet added to its title. */
export function measureName(a: Assessment): string {
  return a.title.replace(/\s*\((lower|higher) is better\)\s*/i, " ").trim();
}

/** Whether the figure banded is a year-to-date (cumulative) one. */
export function isYearToDate(a: Assessment): boolean {
  return /\b(ytd|year[- ]to[- ]date|cumulative)\b/i.test(`${a.periodType ?? ""} ${a.title}`);
}

/** The movement the paper reads: the latest period's, else the longer one. */
export function headlineMovement(a: Assessment): Movement {
  return a.trend.shortTerm.direction !== "unknown" ? a.trend.shortTerm : a.trend.longTerm;
}

/** A gap between two figures in the value's words: "21.8 points", "2", "3.2 per 10,000". */
function gap(a: Assessment, from: number, to: number): string {
  const d = Math.abs(to - from) * (a.unit === "percent" ? 100 : 1);
  const decimals = Math.max(a.decimals, a.targets.decimals);
  const n = formatValue(d, "number", decimals);
  if (a.unit === "percent") return `${n} point${n === "1" ? "" : "s"}`;
  if (a.unit === "rate" && a.per) return `${n} per ${count(a.per)}`;
  return n;
}

/** Where the figure stands against its target, without the figure: "0.9 points below the 95% target". */
function standingPhrase(a: Assessment, analysis: Pick<Analysis, "settings">): string {
  const v = a.value;
  if (v === null) return "";
  const t = a.targets;
  const f = (x: number) => targetFigure(a, x);
  if (a.polarity === "range" && t.kind === "single" && t.target !== undefined) {
    return a.band === "green"
      ? `within the tolerance of the target of ${f(t.target)} (best near it)`
      : `${gap(a, v, t.target)} ${v < t.target ? "below" : "above"} the target of ${f(t.target)} (best near it)`;
  }
  if (t.kind === "range" && t.low !== undefined && t.high !== undefined)
    return `${a.band === "green" ? "inside" : "outside"} the range ${f(t.low)} to ${f(t.high)}`;
  const th = thresholds(a, analysis);
  if (!th || a.band === "none") return "";
  const lower = a.polarity === "lower";
  const minMax = t.kind === "min-upper" && th.green !== th.red;
  const target = `the target of ${f(th.green)}`;
  if (a.band === "green") return `${lower ? "within" : "meeting"} ${target}`;
  const short = `${gap(a, v, th.green)} ${lower ? "above" : "below"} ${target}`;
  const floor = `the ${lower ? "limit" : "minimum"} of ${f(th.red)}`;
  if (a.band === "amber")
    return minMax ? `${short}; ${lower ? "within" : "above"} ${floor}` : `${short}, within the tolerance`;
  return minMax ? `${short} and ${lower ? "above" : "below"} ${floor}` : short;
}

/** Where the figure stands against its target, as a sentence with the figure. */
export function standing(a: Assessment, analysis: Pick<Analysis, "settings">): string {
  if (a.value === null) return "There is no current figure.";
  const core = standingPhrase(a, analysis)
    .replace(/^meeting/, "meets")
    .replace(/^within/, "is within");
  if (!core) return "";
  const verb = /^(meets|is within)/.test(core) ? "" : "is ";
  return isYearToDate(a) ? `The year to date, ${a.display}, ${verb}${core}.` : `${a.display} ${verb}${core}.`;
}

/** The same, for the table's Why, where the figure is in the row already. */
function standingShort(a: Assessment, analysis: Pick<Analysis, "settings">): string {
  if (a.value === null) return "There is no current figure.";
  const core = standingPhrase(a, analysis);
  if (!core) return "";
  return isYearToDate(a)
    ? `Year to date ${a.display}: ${core}.`
    : `${core.charAt(0).toUpperCase()}${core.slice(1)}.`;
}

/** "in Sep 18", "a year earlier (Q2 2020/21)", "(2017/18 outturn)", "at the baseline". */
function when(label: string | undefined): string {
  if (!label) return "";
  const year = /^(.*), the same period a year earlier$/.exec(label);
  if (year) return ` a year earlier (${year[1]})`;
  if (/outturn/.test(label)) return ` (${label})`;
  if (/baseline/.test(label)) return " at the baseline";
  return ` in ${label}`;
}

/** "monthly" for "Oct 18", "quarterly" for "Q2 2021/22", else "period". */
export function periodAdjective(label: string | undefined): string {
  if (!label) return "period";
  if (/^Q[1-4]\b|quarter/i.test(label)) return "quarterly";
  if (/\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i.test(label)) return "monthly";
  return "period";
}

/** How the figure moved, against which period, and whether the move is real. */
export function movement(a: Assessment, m: Movement = headlineMovement(a)): string {
  if (m.direction === "unknown" || m.from === null) {
    return isYearToDate(a)
      ? "As a year-to-date figure it compares only with the same point last year, which the sheet does not give."
      : "";
  }
  const from = m.fromText ?? formatValue(m.from, a.unit, a.decimals, a.per);
  const toText = m.toText ?? (m.to !== null ? formatValue(m.to, a.unit, a.decimals, a.per) : "");
  // The period figures moved, not the value shown: say which figures these are.
  const periodFigure = m.to !== null && a.value !== null && m.toLabel !== undefined && toText !== a.display;
  const subject = periodFigure ? `The ${periodAdjective(m.toLabel)} figure` : "";
  if (!m.change) {
    return periodFigure
      ? `${subject} was ${toText} in both ${m.fromLabel} and ${m.toLabel}.`
      : `Unchanged from ${from}${when(m.fromLabel)}.`;
  }
  const verb = periodFigure ? (m.change > 0 ? "rose" : "fell") : m.change > 0 ? "Up" : "Down";
  const to = periodFigure ? ` to ${toText} (${m.toLabel})` : "";
  const base = `${subject ? `${subject} ${verb}` : verb} from ${from}${when(m.fromLabel)}${to}`;
  return `${base}${judgement(a, m)}.`;
}

/** Whether a move is real: chance, materiality, a figure to check. */
function judgement(a: Assessment, m: Movement): string {
  if (m.unusual) return ", not read as a trend until the jump is checked";
  if (m.withinChance)
    return a.denominator !== undefined && /chance/.test(m.note ?? "")
      ? `: too small a change to be sure it is real, with ${count(a.denominator)} ${countNoun(a.title)}`
      : ": too small a change to call";
  if (a.denominator !== undefined && /more than chance/.test(m.reason))
    return `, more than chance (${count(a.denominator)} ${countNoun(a.title)})`;
  return "";
}

/** A value as the SPC reasons show it: percentages to at least one decimal. */
function spcFigure(a: Assessment, x: number): string {
  return formatValue(x, a.unit, a.unit === "percent" ? Math.max(a.decimals, 1) : a.decimals + 1, a.per);
}

/**
 * What statistical process control adds, in a sentence: where the latest point sits against the usual
 * range (the process limits), and whether the target can be relied on. The SPC column beside it
 * carries Making Data Count's words; this gives the figures behind them.
 */
export function spcSentence(a: Assessment, periods: readonly string[]): string {
  const s = a.spc;
  if (!s) return "";
  const f = (x: number) => spcFigure(a, x);
  const latest = periods[lastKnown(a)] ?? "the latest period";
  // A percentage's limits are shown within 0% to 100%: a process cannot run outside them.
  const clamp = (x: number) => (a.unit === "percent" ? Math.min(1, Math.max(0, x)) : x);
  const range = `usual range, ${f(clamp(s.lower))} to ${f(clamp(s.upper))}`;
  const high = variationIcon(s.variation, a.polarity).letter === "H";
  const y = a.series[lastKnown(a)];
  const reading: Record<string, string> = {
    "outside-limits": `${latest}${y !== null && y !== undefined ? ` (${f(y)})` : ""} is ${high ? "above" : "below"} the ${range}`,
    trend: `a run of ${high ? "rising" : "falling"} points to ${latest}; ${range}`,
    "two-in-three": `two of the last three points near the ${high ? "top" : "bottom"} of the ${range}`,
    shift: `a long run ${high ? "above" : "below"} the average (${f(s.mean)}); ${range}`,
  };
  const where = s.rule ? reading[s.rule] : `within the ${range}`;
  const t = s.target ? `the ${targetFigure(a, s.target.value)} ${s.target.name}` : "";
  const promise: Record<string, string> = {
    pass: `, so ${t} will be met reliably`,
    fail: `, so ${t} will not be met without a change`,
    inconsistent: `, so ${t} will be hit and miss`,
  };
  return `SPC: ${where}${s.assurance && t ? promise[s.assurance] : ""}.`;
}

function lastKnown(a: Assessment): number {
  for (let i = a.series.length - 1; i >= 0; i--) if (a.series[i] !== null) return i;
  return -1;
}

/** The data-quality caveats, first, so that nobody reads a figure to check as a fact. */
export function caveatSentence(a: Assessment, periods: readonly string[]): string {
  const list = caveatPhrases(a, periods);
  if (!list.length) return "";
  const s = list.join("; ");
  return `⚠ ${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

/**
 * The "Why" of the table: what to check, how far from target (a green row needs no words for it), how
 * the figure moved, then what SPC adds. With SPC, a move the Direction column already calls no clear
 * change is left to it: the usual range says more.
 */
export function whyText(a: Assessment, analysis: Analysis): string {
  const m = headlineMovement(a);
  const quiet = a.spc !== null && (m.direction === "stable" || m.direction === "unknown");
  const said = [
    caveatSentence(a, analysis.periods),
    a.band === "green" && !isYearToDate(a) ? "" : standingShort(a, analysis),
    quiet ? "" : movement(a),
    cohortYear(a),
    spcSentence(a, analysis.periods),
  ]
    .filter(Boolean)
    .join(" ");
  // A row with nothing to compare says so, rather than leave its reason blank.
  if (said || a.band === "green") return said;
  return a.targets.kind === "none"
    ? "For information: no target, and no earlier figure on the sheet to compare with."
    : "No earlier figure on the sheet to compare with.";
}

/** Cohort counts are read for their size over the year as much as for the last period. */
function cohortYear(a: Assessment): string {
  const m = headlineMovement(a);
  const year = a.trend.longTerm;
  if (a.band !== "none" || year.fromLabel === m.fromLabel || year.direction === "unknown") return "";
  if (year.from === null || !year.change) return "";
  const from = year.fromText ?? formatValue(year.from, a.unit, a.decimals, a.per);
  return `${year.change > 0 ? "Up" : "Down"} from ${from}${when(year.fromLabel)}.`;
}

/** The whole reading of one indicator, named, for lists and the command line. */
export function sentenceFor(a: Assessment, analysis: Analysis): string {
  const ref = a.ref ? ` (ref ${quoteTitle(a.ref)})` : "";
  const bench = a.benchmarks
    .filter((b) => b.display)
    .map((b) => {
      const side = benchmarkSide(a, b.value);
      return `${quoteTitle(b.label)} ${quoteTitle(b.display)}${side ? ` (ours ${side})` : ""}`;
    });
  const parts = [
    standing(a, analysis) || `${quoteTitle(a.display) || "No value"}.`,
    movement(a),
    cohortYear(a),
    spcSentence(a, analysis.periods),
    bench.length ? `Compared with ${bench.join(", ")}.` : "",
    caveatSentence(a, analysis.periods),
  ];
  return `${quoteTitle(measureName(a))}${ref}: ${parts.filter(Boolean).join(" ")}`;
}

/** Worst first: red before amber, then the furthest from the green threshold. */
export function worstFirst(analysis: Analysis): (x: Assessment, y: Assessment) => number {
  const rank = { red: 0, amber: 1, green: 2, none: 3 } as const;
  const shortfall = (a: Assessment): number => {
    const th = thresholds(a, analysis);
    if (!th || a.value === null || th.green === 0) return 0;
    return Math.abs(a.value - th.green) / Math.abs(th.green);
  };
  return (x, y) => rank[x.band] - rank[y.band] || shortfall(y) - shortfall(x);
}

export function buildNarrative(analysis: Analysis): Narrative {
  const say = (a: Assessment) => sentenceFor(a, analysis);
  return {
    performingWell: analysis.indicators.filter((a) => a.band === "green").map(say),
    areasForFocus: analysis.indicators
      .filter((a) => a.band === "red" || a.band === "amber")
      .sort(worstFirst(analysis))
      .map(say),
    forInformation: analysis.indicators.filter((a) => a.band === "none").map(say),
  };
}
