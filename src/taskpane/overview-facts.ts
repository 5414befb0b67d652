/**
 * What the Overview says about a reading, as plain values: the bands counted, the special causes
 * counted, the areas for focus, and one line each for the period and for how the sheet was read. Pure,
 * so the pane stays a thin face and this is tested alone.
 */
import { reportedPeriod } from "../engine/judge/as-at";
import type { Analysis } from "../engine/judge/assess";
import type { Band } from "../engine/judge/banding";
import type { CellRef } from "../engine/grid";
import { plural } from "../engine/words";
import { IndicatorLabel, indicatorLabel } from "./indicator-label";

export type BandCounts = Record<Band, number>;

export function bandCounts(a: Analysis): BandCounts {
  const out: BandCounts = { red: 0, amber: 0, green: 0, none: 0 };
  for (const i of a.indicators) out[i.band]++;
  return out;
}

export interface SpcCounts {
  /** Indicators with enough periods for SPC. */
  read: number;
  improvement: number;
  concern: number;
  /** Special cause in an indicator with no better direction. */
  neither: number;
  common: number;
  minPoints: number;
}

export function spcCounts(a: Analysis): SpcCounts {
  const out: SpcCounts = { read: 0, improvement: 0, concern: 0, neither: 0, common: 0, minPoints: 0 };
  out.minPoints = a.settings.spc.minPoints;
  for (const i of a.indicators) {
    const v = i.spc?.variation;
    if (!v) continue;
    out.read++;
    if (v === "special-cause-improvement") out.improvement++;
    else if (v === "special-cause-concern") out.concern++;
    else if (v === "common-cause") out.common++;
    else out.neither++;
  }
  return out;
}

export interface FocusItem {
  key: string;
  name: IndicatorLabel;
  band: Band;
  display: string;
  cell: CellRef;
}

/** Red, then amber, each in the scorecard's order: the committee paper's "Areas for focus". */
export function areasForFocus(a: Analysis): FocusItem[] {
  const focus = (band: Band) =>
    a.indicators
      .filter((i) => i.band === band)
      .map((i) => ({ key: i.key, name: indicatorLabel(i), band, display: i.display, cell: i.cell }));
  return [...focus("red"), ...focus("amber")];
}

/** "October 2018, from 'Scorecard'": the period reported and the sheet it came from, in one line. */
export function periodLine(a: Analysis): string {
  const latest = reportedPeriod(a);
  const period = a.reportingPeriod ?? (latest ? `Latest period ${latest}` : "No period stated");
  return `${period}, from '${a.sheet}'`;
}

/** A range of rows as a person writes it: "row 4", "rows 4–7"; never backwards. */
export function rowSpan(top: number, bottom: number): string {
  const [a, b] = top <= bottom ? [top, bottom] : [bottom, top];
  return a === b ? `row ${a}` : `rows ${a}–${b}`;
}

/** "19 indicators from 'Scorecard', header rows 4–7": the reading in one line. */
export function readingLine(a: Analysis): string {
  return `${plural(a.indicators.length, "indicator")} from '${a.sheet}', header ${rowSpan(a.header.top, a.header.bottom)}`;
}
