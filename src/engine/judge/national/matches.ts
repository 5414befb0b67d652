/**
 * Every indicator's match to a national measure, and how it came about: confirmed or declined by the
 * analyst (kept in the workbook's settings), applied automatically (unambiguous, same unit, no doubt),
 * suggested for the analyst to confirm, or none. The analyst's word always wins over a suggestion.
 */
import type { Unit } from "../../read/values";
import { measureById } from "./measures";
import { Suggestion, suggestMeasure } from "./match";

export type MatchHow = "confirmed" | "declined" | "applied" | "suggested" | "none";

export interface IndicatorMatch {
  key: string;
  title: string;
  row: number;
  /** The measure the comparison uses: a confirmed or applied one; null otherwise. */
  measure: string | null;
  how: MatchHow;
  suggestion: Suggestion;
}

/** What the matcher needs of an indicator (an Assessment has it all). */
export interface MatchableIndicator {
  key: string;
  title: string;
  row: number;
  unit: Unit;
  per?: number;
}

export function resolveMatch(
  i: MatchableIndicator,
  chosen: Record<string, string | null> | undefined,
): IndicatorMatch {
  const suggestion = suggestMeasure(i.title, i.unit, i.per);
  const base = { key: i.key, title: i.title, row: i.row, suggestion };
  if (chosen && Object.prototype.hasOwnProperty.call(chosen, i.key)) {
    const id = chosen[i.key];
    if (id === null) return { ...base, measure: null, how: "declined" };
    if (measureById(id)) return { ...base, measure: id, how: "confirmed" };
  }
  if (suggestion.applies) return { ...base, measure: suggestion.candidates[0], how: "applied" };
  return { ...base, measure: null, how: suggestion.candidates.length ? "suggested" : "none" };
}

export function resolveMatches(
  indicators: readonly MatchableIndicator[],
  chosen: Record<string, string | null> | undefined,
): IndicatorMatch[] {
  return indicators.map((i) => resolveMatch(i, chosen));
}

type WithMatches<S> = S & { national?: Record<string, string | null> };

/** The analyst's choice for one indicator: a measure, or null for "no national measure". */
export function chooseMatch<S extends object>(
  settings: WithMatches<S>,
  key: string,
  measure: string | null,
): WithMatches<S> {
  return { ...settings, national: { ...(settings.national ?? {}), [key]: measure } };
}

/** Forgets the analyst's choice, so the suggestion decides again. */
export function forgetMatch<S extends object>(settings: WithMatches<S>, key: string): WithMatches<S> {
  const rest = Object.entries(settings.national ?? {}).filter(([k]) => k !== key);
  return { ...settings, national: Object.fromEntries(rest) };
}
