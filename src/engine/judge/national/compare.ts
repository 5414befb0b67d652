/**
 * One measure for one council against England, its region, its statistical neighbours' median and every
 * authority, in one year, each figure read through the measure's polarity. Figures come out in the
 * engine's units: percentages as fractions (24.5% is 0.245), rates per 10,000 as numbers.
 */
import { authorityIndex, measureYear, NationalDataset } from "./dataset";
import { measureById, NationalMeasure } from "./measures";
import { neighboursMedian } from "./median";
import { rankAmong } from "./rank";
import { verdict, Verdict } from "./verdict";

export interface NationalComparison {
  measure: NationalMeasure;
  year: number;
  /** "2024-25": every figure of the comparison is of this year. */
  period: string;
  source: string;
  licence: string;
  /** The council's own published figure; null where it was not published or no council is chosen. */
  council: number | null;
  england: number | null;
  region: number | null;
  regionName: string | null;
  neighbours: number | null;
  /** How many of the ten neighbours had a published figure (the median is of these). */
  neighboursPublished: number;
  rank: number | null;
  of: number;
  versus: { england: Verdict | null; region: Verdict | null; neighbours: Verdict | null };
}

/** The Department's units to the engine's: a published 24.5% is 0.245. */
function scaled(m: NationalMeasure, v: number | null): number | null {
  if (v === null || m.unit !== "percent") return v;
  return Number((v / 100).toPrecision(12));
}

/** The comparison for `councilCode` (a three-digit code), or England alone where none is given. */
export function compareNational(
  ds: NationalDataset,
  measureId: string,
  councilCode: string | null,
  year?: number,
): NationalComparison | null {
  const m = measureById(measureId);
  const y = m && measureYear(ds, measureId, year);
  if (!m || !y) return null;
  const i = councilCode === null ? -1 : authorityIndex(ds, councilCode);
  const la = i >= 0 ? ds.authorities[i] : undefined;
  const regionAt = la ? ds.regions.findIndex((r) => r.code === la.region) : -1;
  const mine = la ? (y.authorities[i] ?? null) : null;
  const theirs = (la?.neighbours ?? []).map((c) => {
    const k = authorityIndex(ds, c);
    return k >= 0 ? (y.authorities[k] ?? null) : null;
  });
  const region = regionAt >= 0 ? (y.regions[regionAt] ?? null) : null;
  const neighbours = la ? neighboursMedian(theirs, m.decimals) : null;
  const { rank, of } = rankAmong(mine, y.authorities, m.polarity);
  return {
    measure: m,
    year: y.year,
    period: y.period,
    source: y.source,
    licence: ds.licence,
    council: scaled(m, mine),
    england: scaled(m, y.england),
    region: scaled(m, region),
    regionName: regionAt >= 0 ? ds.regions[regionAt].name : null,
    neighbours: scaled(m, neighbours),
    neighboursPublished: theirs.filter((v) => v !== null).length,
    rank,
    of,
    versus: {
      england: verdict(mine, y.england, m.polarity),
      region: verdict(mine, region, m.polarity),
      neighbours: verdict(mine, neighbours, m.polarity),
    },
  };
}
