/**
 * Committee commentary generated from the assessments: one sentence per indicator with the value, the
 * target and the movement, split into "performing well" and "areas for focus". An indicator short of
 * target but improving says so; one that meets target but is slipping says that too.
 */
import type { Analysis, Assessment } from "./assess";
import type { Movement } from "./trend";
import { formatValue } from "./values";

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
  const from = formatValue(m.from, a.unit, a.decimals, a.per);
  const when = m.fromLabel
    ? /a year earlier|outturn|baseline/.test(m.fromLabel)
      ? ` (${m.fromLabel})`
      : ` in ${m.fromLabel}`
    : "";
  const up = (m.change ?? 0) > 0;
  // A year-to-date figure beside monthly movements: say which figures moved, unless they read the same.
  const toText = m.to !== null ? formatValue(m.to, a.unit, a.decimals, a.per) : "";
  const differs =
    m.to !== null && a.value !== null && Math.abs(m.to - a.value) > 1e-9 && m.toLabel && toText !== from;
  const to = differs ? ` to ${toText} in ${m.toLabel}` : "";
  if (m.direction === "stable") {
    const why = /no significant change/.test(m.reason) ? ", not a significant change" : "";
    return `broadly unchanged from ${from}${when}${to}${why}`;
  }
  return `${up ? "up" : "down"} from ${from}${when}${to}`;
}

export function sentenceFor(a: Assessment): string {
  const name = a.title.replace(/\s*\((lower|higher) is better\)\s*/i, " ").trim();
  const lead = `${a.ref ? `${a.ref} ` : ""}${name}: ${a.display || "no value"}`;
  const target = targetClause(a);
  const m = a.trend.shortTerm.direction !== "unknown" ? a.trend.shortTerm : a.trend.longTerm;
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
  let s = parts.join(", ");
  if (a.provisional) s += " (provisional)";
  return `${s}.`;
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
