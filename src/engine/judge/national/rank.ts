/**
 * An authority's rank among every authority with a published figure that year: 1 is the best where the
 * measure has a better direction, otherwise 1 is the highest. Ties share the best rank they span
 * (competition ranking, R's rank(ties.method = "min")), and suppressed figures are not ranked, so `of`
 * counts only the authorities ranked.
 */
import type { MeasurePolarity } from "./measures";

export interface Rank {
  rank: number | null;
  of: number;
}

export function rankAmong(
  own: number | null,
  all: readonly (number | null)[],
  polarity: MeasurePolarity,
): Rank {
  const ranked = all.filter((v): v is number => v !== null && Number.isFinite(v));
  if (own === null) return { rank: null, of: ranked.length };
  const ahead = ranked.filter((v) => (polarity === "lower" ? v < own : v > own)).length;
  return { rank: ahead + 1, of: ranked.length };
}
