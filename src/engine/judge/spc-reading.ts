/**
 * The SPC step: Making Data Count's reading of the series (common or special cause, assurance against
 * the target), and the headline direction, which follows SPC where it applies so that the arrow moves on
 * signal, not on noise. The charts' rules themselves live in spc.ts.
 */
import type { Settings } from "../config";
import { formatValue } from "../read/values";
import type { Direction } from "./direction";
import type { Measurements } from "./measurements";
import type { Polarity } from "./polarity";
import type { RowCells } from "./row-cells";
import type { SeriesFacts } from "./series-facts";
import { Spc, assessSpc, assuranceTarget, spcDirection } from "./spc";
import type { Targets } from "./targets";
import type { Trend } from "./trend";

const POINT_WORDS = { month: "months", quarter: "quarters", year: "years" } as const;

export function spcOf(
  rc: RowCells,
  m: Measurements,
  s: SeriesFacts,
  polarity: Polarity,
  targets: Targets,
  settings: Settings["spc"],
): Spc | null {
  return assessSpc({
    series: s.series,
    labelOf: s.labelOf,
    polarity,
    target: assuranceTarget(targets, polarity),
    pointWord: s.latest !== undefined ? POINT_WORDS[rc.series[s.latest].period.granularity] : undefined,
    format: (x) =>
      formatValue(x, m.unit, m.unit === "percent" ? Math.max(m.decimals, 1) : m.decimals + 1, m.per),
    settings,
  });
}

/** The trend the paper shows: SPC's reading where it applies, else the headline movement. */
export function trendOf(d: Direction, spc: Spc | null): Trend {
  const { shortTerm, longTerm, slope } = d;
  if (spc)
    return {
      direction: spcDirection(spc.variation),
      reason: `${spc.reason}${d.bridge}`,
      shortTerm,
      longTerm,
      slope,
    };
  return {
    direction: d.headline.direction,
    reason: `${d.headline.reason}${d.bridge}`,
    shortTerm,
    longTerm,
    slope,
  };
}
