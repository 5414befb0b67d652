/**
 * The shape of the national dataset (built by scripts/build-national.ts into src/national/dfe-csc.ts).
 * The engine is handed a dataset and never imports one, so the figures load only where they are used.
 * Figures are as the Department publishes them: percentages as 24.5, rates per 10,000, and null where
 * the Department did not publish a figure (its codes c, k, low, u, x, z, :).
 */

export interface NationalArea {
  /** ONS code of a region ("E12000007"). */
  code: string;
  name: string;
}

export interface NationalAuthority {
  /** The Department's three-digit code ("211"). */
  code: string;
  /** ONS code ("E09000030"). */
  ons: string;
  /** As the Department writes it ("Tower Hamlets", "Bristol, City of"). */
  name: string;
  /** ONS code of its region: London boroughs belong to London, not Inner or Outer London. */
  region: string;
  /** Its ten statistical neighbours from the Department's 2025 model, nearest first, by code. */
  neighbours: string[];
}

/** One year of one measure: every figure in it shares this year, source and the dataset's licence. */
export interface MeasureYear {
  /** The Department's time_period: 2025 is the year ending 31 March 2025 (or the workforce at 30 September 2025). */
  year: number;
  /** How a paper labels it: "2024-25", or "Sep 2025" for the workforce census. */
  period: string;
  /** "Department for Education, Children in need 2024-25". */
  source: string;
  england: number | null;
  /** Aligned with NationalDataset.regions. */
  regions: (number | null)[];
  /** Aligned with NationalDataset.authorities. */
  authorities: (number | null)[];
}

export interface NationalDataset {
  licence: string;
  /** The attribution the Open Government Licence asks for, printed once wherever the figures appear. */
  attribution: string;
  /** Where the statistical neighbours come from. */
  neighbourModel: string;
  regions: NationalArea[];
  authorities: NationalAuthority[];
  /** Measure id -> its latest years, newest first. */
  figures: Record<string, MeasureYear[]>;
}

/** A figure with what it was published as: the year, the source and the licence travel with it. */
export interface NationalFigure {
  value: number | null;
  period: string;
  source: string;
  licence: string;
}

/** The year of a measure to compare: the given one, or the newest with a figure for England. */
export function measureYear(ds: NationalDataset, measure: string, year?: number): MeasureYear | undefined {
  const years = ds.figures[measure] ?? [];
  if (year !== undefined) return years.find((y) => y.year === year);
  return years.find((y) => y.england !== null) ?? years[0];
}

export function authorityIndex(ds: NationalDataset, code: string): number {
  return ds.authorities.findIndex((a) => a.code === code);
}

/** One authority's published figure for a measure and year, or undefined where the dataset has no such year. */
export function authorityFigure(
  ds: NationalDataset,
  measure: string,
  code: string,
  year?: number,
): NationalFigure | undefined {
  const y = measureYear(ds, measure, year);
  const i = authorityIndex(ds, code);
  if (!y || i < 0) return undefined;
  return { value: y.authorities[i] ?? null, period: y.period, source: y.source, licence: ds.licence };
}
