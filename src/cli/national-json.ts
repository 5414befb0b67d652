/** The national comparison in `analyse --json` (docs/analyse-json.md): the contract's fields, in its units. */
import type { IndicatorNational, NationalContext } from "../engine/judge/national/attach";

export function nationalJson(n: IndicatorNational): object {
  return {
    measure: n.measure,
    name: n.name,
    unit: n.unit,
    polarity: n.polarity,
    how: n.how,
    period: n.period,
    council: n.council,
    england: n.england,
    region: n.region,
    regionName: n.regionName,
    neighbours: n.neighbours,
    neighboursPublished: n.neighboursPublished,
    rank: n.rank,
    of: n.of,
    versus: n.versus,
    gap: n.gap,
    source: n.source,
    licence: n.licence,
  };
}

export function nationalSummaryJson(n: NationalContext): object {
  return {
    council: n.council ? { name: n.council.name, code: n.council.code, ons: n.council.ons } : null,
    regionName: n.regionName,
    neighbours: n.neighbours.map((a) => a.name),
    attribution: n.attribution,
    matches: n.matches
      .filter((m) => m.how !== "none")
      .map((m) => ({
        key: m.key,
        how: m.how,
        measure: m.measure,
        candidates: m.suggestion.candidates,
        why: m.suggestion.why,
      })),
  };
}
