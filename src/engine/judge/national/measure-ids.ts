/**
 * The ids of the Department's measures, kept in the workbook's settings: never renamed. Apart from
 * measures.ts so that checking a saved setting costs the pane's first load a list of words, not the
 * catalogue.
 */
export const MEASURE_IDS = [
  "referrals",
  "re-referrals",
  "children-in-need",
  "child-protection",
  "repeat-child-protection",
  "child-protection-two-years",
  "looked-after",
  "three-placements",
  "long-term-stability",
  "care-leavers-eet-17-18",
  "care-leavers-eet-19-21",
  "care-leavers-neet-17-18",
  "care-leavers-neet-19-21",
  "care-leavers-accommodation-17-18",
  "care-leavers-accommodation-19-21",
  "health-assessments",
  "dental-checks",
  "social-worker-turnover",
  "agency-workers",
  "vacancies",
  "caseloads",
] as const;

export type MeasureId = (typeof MEASURE_IDS)[number];

export function isMeasureId(id: string): id is MeasureId {
  return (MEASURE_IDS as readonly string[]).includes(id);
}
