/**
 * The paper's words for what the judge found, as a member would read them aloud: targets in the order
 * they are read ("at least 95% (green); below 90% is red"), data-quality caveats without codes,
 * benchmarks by their proper names, the council's own last RAG in full words.
 */
import type { Analysis, Assessment } from "../judge/assess";
import { toleranceIn } from "../judge/banding";
import { unusualJumps } from "../judge/quality";
import { assuranceTarget } from "../judge/spc";
import type { Tolerance } from "../config";
import { formatValue, numberFormatter } from "../read/values";
import { quoteTitle } from "./quote";

/** A figure as a target is written: whole where it is whole, else to one or two decimals. */
export function targetFigure(a: Assessment, x: number): string {
  const shown = a.unit === "percent" ? x * 100 : x;
  const rounded = Math.round(shown * 1e6) / 1e6;
  const decimals = Number.isInteger(rounded)
    ? 0
    : Math.min(2, Math.max(a.targets.decimals, 1, decimalsOf(rounded)));
  return formatValue(x, a.unit, decimals, a.per);
}

function decimalsOf(x: number): number {
  const s = String(x);
  return s.includes(".") ? s.split(".")[1].length : 0;
}

/** The tolerance the band used: the indicator's own, or the paper's. */
export function toleranceOf(a: Assessment, analysis: Pick<Analysis, "settings">): Tolerance {
  const s = analysis.settings;
  return (s.indicators[a.key] ?? (a.ref ? s.indicators[a.ref] : undefined))?.tolerance ?? s.tolerance;
}

/** The green and red thresholds of a single target or a minimum/upper pair, read through polarity. */
export function thresholds(
  a: Assessment,
  analysis: Pick<Analysis, "settings">,
): { green: number; red: number } | null {
  // Green is the threshold assurance is judged against too (spc.ts), so the two never disagree.
  const green = assuranceTarget(a.targets, a.polarity)?.value;
  const t = a.targets;
  if (green === undefined) return null;
  if (t.kind === "min-upper" && t.min !== undefined && t.upper !== undefined)
    return { green, red: green === t.min ? t.upper : t.min };
  const tol = toleranceIn(toleranceOf(a, analysis), green, a.unit, t.decimals);
  return { green, red: a.polarity === "lower" ? green + tol : green - tol };
}

/**
 * The Target cell, in the order a member reads it: the green condition, then where red begins.
 * "at least 95% (green); below 90% is red", "at most 10% (green); above 15% is red".
 */
export function targetPhrase(a: Assessment, analysis: Pick<Analysis, "settings">): string {
  const t = a.targets;
  if (t.kind === "none" || (t.kind !== "range" && a.polarity === "none"))
    return t.notNumeric?.text ?? (a.targetText || "No target");
  const f = (x: number) => targetFigure(a, x);
  if (a.polarity === "range" || t.kind === "range") return rangePhrase(a, analysis);
  const th = thresholds(a, analysis);
  if (!th) return a.targetText || "No target";
  const lower = a.polarity === "lower";
  const strict = t.kind === "single" && t.strict === true;
  const green = strict
    ? `${lower ? "below" : "above"} ${f(th.green)}`
    : `${lower ? "at most" : "at least"} ${f(th.green)}`;
  if (th.red === th.green) return green;
  return `${green} (green);\n${lower ? "above" : "below"} ${f(th.red)} is red`;
}

/** Bell-shaped measures and ranges: the green span, then where red begins. */
function rangePhrase(a: Assessment, analysis: Pick<Analysis, "settings">): string {
  const t = a.targets;
  const f = (x: number) => targetFigure(a, x);
  const tolerance = toleranceOf(a, analysis);
  if (t.kind === "range" && t.low !== undefined && t.high !== undefined) {
    const tol = toleranceIn(tolerance, (t.low + t.high) / 2, a.unit, t.decimals);
    return `${f(t.low)} to ${f(t.high)} (green);\nbelow ${f(t.low - tol)} or above ${f(t.high + tol)} is red`;
  }
  if (t.kind === "single" && t.target !== undefined) {
    const tol = toleranceIn(tolerance, t.target, a.unit, t.decimals);
    return `${f(t.target - tol)} to ${f(t.target + tol)} (green);\nbelow ${f(t.target - 2 * tol)} or above ${f(t.target + 2 * tol)} is red`;
  }
  return a.targetText || "No target";
}

/** What the counts are of, from the measure's words: "with 983 children". */
export function countNoun(title: string): string {
  const s = title.toLowerCase();
  const nouns: [RegExp, string][] = [
    [/\bcare leavers?\b/, "care leavers"],
    [/\bcontacts?\b/, "contacts"],
    [/\breferrals?\b/, "referrals"],
    [/\bassessments?\b/, "assessments"],
    [/\b(reviews?|conferences?|icpcs?)\b/, "reviews"],
    [/\bvisits?\b/, "visits"],
    [/\bhomes?\b/, "homes"],
    [/\b(children|child|young people|cin|lac|cla|cic|cp)\b/, "children"],
    [/\bcases?\b/, "cases"],
    [/\bplans?\b/, "plans"],
  ];
  let best: { at: number; noun: string } | null = null;
  for (const [re, noun] of nouns) {
    const m = re.exec(s);
    if (m && (!best || m.index < best.at)) best = { at: m.index, noun };
  }
  return best?.noun ?? "cases";
}

/** A count as members read it: "2,733". */
export function count(n: number): string {
  return numberFormatter(0).format(Math.round(n));
}

/** The periods a series has no figure for, after its first. */
export function missingPeriods(a: Assessment, periods: readonly string[]): string[] {
  const first = a.series.findIndex((v) => v !== null);
  if (first < 0) return [];
  const out: string[] = [];
  a.series.forEach((v, i) => {
    if (v === null && i > first && periods[i]) out.push(periods[i]);
  });
  return out;
}

/** The periods where the series jumps far more than it usually moves. */
export function jumpPeriods(a: Assessment, periods: readonly string[]): string[] {
  const known: { v: number; i: number }[] = [];
  a.series.forEach((v, i) => {
    if (v !== null) known.push({ v, i });
  });
  return unusualJumps(
    known.map((k) => k.v),
    a.unit,
  ).map((j) => periods[known[j].i] ?? "");
}

const and = (xs: string[]) =>
  xs.length < 2 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;

/** The data-quality caveats a member should hear before trusting the figure, in plain words. */
export function caveatPhrases(a: Assessment, periods: readonly string[]): string[] {
  const has = (code: string) => a.flags.some((f) => f.code === code);
  const out: string[] = [];
  if (has("missing-value")) out.push("no current figure");
  if (has("invalid-value")) out.push("a figure in the row cannot be read");
  if (has("value-out-of-range")) out.push("a figure is impossible (such as over 100%)");
  if (has("numerator-denominator-mismatch") && a.numerator !== undefined && a.denominator !== undefined)
    out.push(
      `the counts (${count(a.numerator)} of ${count(a.denominator)}) do not give ${quoteTitle(a.display)}`,
    );
  if (has("current-differs-from-latest-period")) {
    const last = periods[a.series.length - 1];
    out.push(`the current figure differs from ${last ? `${last}'s` : "the latest period's"}`);
  }
  if (a.provisional) out.push("provisional figure");
  if (has("data-quality-note") && a.dataQuality) out.push(`the sheet notes "${quoteTitle(a.dataQuality)}"`);
  if (has("small-denominator") && a.denominator !== undefined)
    out.push(`rests on only ${count(a.denominator)} ${countNoun(a.title)}`);
  const missing = missingPeriods(a, periods);
  if (has("missing-period") && missing.length) out.push(`no figure for ${and(missing)}`);
  const jumps = jumpPeriods(a, periods);
  if (has("unusual-jump") && jumps.length)
    out.push(`${and(jumps)} ${jumps.length > 1 ? "jump" : "jumps"} far more than usual`);
  return out;
}

/** Caveat kinds as the summary counts them. */
export const CAVEAT_WORDS: Partial<Record<string, string>> = {
  provisional: "provisional",
  "data-quality-note": "a data-quality note",
  "numerator-denominator-mismatch": "counts that do not give the figure",
  "current-differs-from-latest-period": "a current figure unlike the latest period's",
  "missing-period": "a missing period",
  "missing-value": "no current figure",
  "invalid-value": "a figure that cannot be read",
  "value-out-of-range": "an impossible figure",
  "small-denominator": "small numbers",
  "unusual-jump": "an unusual jump",
};

/** A benchmark column's label in proper words: "STAT NEIGH AVE" is "Statistical neighbours". */
export function benchmarkName(label: string): string {
  const s = label.replace(/\s+/g, " ").trim();
  const year = /(\d{4}\s*[/-]\s*\d{2,4})/.exec(s)?.[1].replace(/\s+/g, "");
  const median = /\bmedian\b/i.test(s) ? " (median)" : "";
  const place: [RegExp, string][] = [
    [/\b(stat(istical)?\.?\s*neigh\w*|sn)\b/i, "Statistical neighbours"],
    [/\bengland|\beng\b/i, "England"],
    [/\ball[- ]wales|\bwales\b/i, "Wales"],
    [/\bscotland\b/i, "Scotland"],
    [/\bnat(ional)?\b/i, "National"],
    [/\bregion(al)?\b|\b(north|south|east|west)\b/i, "Region"],
    [/\bcore cities\b/i, "Core cities"],
  ];
  const named = place.find(([re]) => re.test(s))?.[1];
  if (named) return `${named}${median}${year ? ` ${year}` : ""}`;
  const plain = s.replace(/\(where applicable\)/i, "").trim();
  return plain === plain.toUpperCase() && plain.length > 3 ? cap(plain.toLowerCase()) : plain;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const RAG_LETTERS: Record<string, string> = {
  r: "Red",
  a: "Amber",
  g: "Green",
  ra: "Red/Amber",
  ag: "Amber/Green",
};

/** The arrows councils type in Wingdings (é ê è ç) or Wingdings 3 (ñ ò), as the sheet shows them. */
const WINGDINGS: Record<string, string> = { é: "↑", ê: "↓", è: "→", ç: "←", ñ: "↑", ò: "↓" };

/** The council's own RAG and arrow from its last paper, in words: "Amber ↑". */
export function lastPaper(a: Assessment): string | null {
  const rag = a.previousRag?.trim();
  const typed = a.previousDirection?.trim();
  const arrow = typed ? (WINGDINGS[typed] ?? typed) : undefined;
  if (!rag && !arrow) return null;
  const word = rag ? (RAG_LETTERS[rag.toLowerCase().replace(/[^a-z]/g, "")] ?? cap(rag)) : "";
  return [word, arrow].filter(Boolean).join(" ");
}
