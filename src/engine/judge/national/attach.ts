/**
 * The national comparison as a step after analysis: each matched indicator gets the Department's
 * figures for its measure (England, region, statistical neighbours' median, the council's own figure and
 * rank), nothing else in the analysis changes, and the dataset is handed in, never imported.
 */
import type { Analysis, Assessment } from "../assess";
import { compareNational, NationalComparison } from "./compare";
import { findCouncil, unknownCouncilMessage } from "./council";
import type { NationalAuthority, NationalDataset } from "./dataset";
import type { MeasurePolarity, MeasureUnit } from "./measures";
import { IndicatorMatch, MatchHow, resolveMatches } from "./matches";
import type { NationalSettings } from "./settings";

export interface IndicatorNational {
  measure: string;
  name: string;
  unit: MeasureUnit;
  /** The decimals the Department publishes it with, for printing it as published. */
  decimals: number;
  polarity: MeasurePolarity;
  /** How the indicator came to be matched: the analyst confirmed it, or it was applied automatically. */
  how: Extract<MatchHow, "confirmed" | "applied">;
  year: number;
  period: string;
  council: number | null;
  england: number | null;
  region: number | null;
  regionName: string | null;
  neighbours: number | null;
  neighboursPublished: number;
  rank: number | null;
  of: number;
  source: string;
  licence: string;
  versus: NationalComparison["versus"];
  /**
   * How far the council's figure is from England's, as a fraction of England's, signed so that a
   * negative gap is worse (0.2 = 20% better); null without a better direction or either figure.
   */
  gap: number | null;
}

export type NationalAssessment = Assessment & { national: IndicatorNational | null };

export interface NationalContext {
  /** The council chosen; null where none is, or the name is not one of the Department's. */
  council: NationalAuthority | null;
  regionName: string | null;
  neighbours: NationalAuthority[];
  /** Where the neighbours come from: "Department for Education statistical neighbour model, 2025". */
  neighbourModel: string;
  matches: IndicatorMatch[];
  attribution: string;
  /** What the analyst should know: an unknown council name, with the near ones. */
  problems: string[];
}

export type NationalAnalysis = Omit<Analysis, "indicators"> & {
  indicators: NationalAssessment[];
  national: NationalContext;
};

function gapToEngland(c: NationalComparison): number | null {
  if (c.measure.polarity === "none" || c.council === null || !c.england) return null;
  const relative = (c.council - c.england) / c.england;
  return Number((c.measure.polarity === "higher" ? relative : -relative).toPrecision(12));
}

function indicatorNational(c: NationalComparison, how: IndicatorNational["how"]): IndicatorNational {
  const { measure, ...figures } = c;
  return {
    measure: measure.id,
    name: measure.name,
    unit: measure.unit,
    decimals: measure.decimals,
    polarity: measure.polarity,
    how,
    ...figures,
    gap: gapToEngland(c),
  };
}

/** The council the settings name, or null with the message for a name the Department does not use. */
function councilOf(
  ds: NationalDataset,
  name: string | undefined,
): { council: NationalAuthority | null; problems: string[] } {
  if (!name) return { council: null, problems: [] };
  const found = findCouncil(ds.authorities, name);
  if ("authority" in found) return { council: found.authority, problems: [] };
  return { council: null, problems: [unknownCouncilMessage(name, found.near)] };
}

export function attachNational(
  analysis: Analysis,
  ds: NationalDataset,
  settings: NationalSettings = analysis.settings,
): NationalAnalysis {
  const { council, problems } = councilOf(ds, settings.council);
  const matches = resolveMatches(analysis.indicators, settings.national);
  const indicators = analysis.indicators.map((a, k): NationalAssessment => {
    const match = matches[k];
    const c = match.measure ? compareNational(ds, match.measure, council?.code ?? null) : null;
    const how = match.how === "confirmed" ? "confirmed" : "applied";
    return { ...a, national: c ? indicatorNational(c, how) : null };
  });
  const byCode = (code: string) => ds.authorities.find((x) => x.code === code);
  return {
    ...analysis,
    indicators,
    national: {
      council,
      regionName: ds.regions.find((r) => r.code === council?.region)?.name ?? null,
      neighbours: (council?.neighbours ?? [])
        .map(byCode)
        .filter((x): x is NationalAuthority => x !== undefined),
      neighbourModel: ds.neighbourModel,
      matches,
      attribution: ds.attribution,
      problems,
    },
  };
}
