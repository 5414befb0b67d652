/**
 * The analyst decides what goes to committee: indicators and whole sections can be left out of the
 * paper (settings.committee), while the pane and the review list still see every indicator.
 */
import type { Analysis } from "../judge/assess";
import { plural } from "../words";

export function forCommittee(analysis: Analysis): Analysis {
  const choice = analysis.settings.committee;
  if (!choice || (!choice.excludeIndicators.length && !choice.excludeSections.length)) return analysis;
  const keys = new Set(choice.excludeIndicators);
  const sections = new Set(choice.excludeSections.map((s) => s.toLowerCase()));
  const left = (section: string | null) => section !== null && sections.has(section.toLowerCase());
  const indicators = analysis.indicators.filter((a) => !keys.has(a.key) && !left(a.section));
  return {
    ...analysis,
    indicators,
    sections: analysis.sections.filter((s) => !sections.has(s.toLowerCase())),
    notes: [
      ...analysis.notes,
      `${plural(analysis.indicators.length - indicators.length, "indicator")} left out of the committee paper by the analyst.`,
    ],
  };
}
