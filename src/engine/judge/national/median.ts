/**
 * The statistical neighbours' median as the Department's Children's Social Care Outcomes and Enablers
 * dashboard computes it (R/stats_neighbours.R, sn_aggregations): R's median(x, na.rm = TRUE) over the
 * ten neighbours' published figures of the year, so a suppressed or missing figure is left out rather
 * than counted as zero, and an even count takes the mean of the middle two; then rounded half away from
 * zero to the measure's published decimals (read_data.R, true_round). No published figure: null.
 */

/** R's true_round from the dashboard: half away from zero, with its nudge past binary representation error. */
export function roundHalfUp(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  const nudged = Math.trunc(Math.abs(value) * scale + 0.5 + Math.sqrt(Number.EPSILON));
  return (Math.sign(value) * nudged) / scale;
}

export function median(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

export function neighboursMedian(values: readonly (number | null)[], decimals: number): number | null {
  const m = median(values);
  return m === null ? null : roundHalfUp(m, decimals);
}
