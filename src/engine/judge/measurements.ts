/**
 * The figures of one indicator row, read into one unit: the current value (the Current column, else the
 * latest period that has one), the series, last year's figure and the baseline, and the counts behind the
 * value. The unit is what a Unit column says, else what the cells show, else what the measure's wording
 * names ("Percentage of ...", "rate per 10,000"), else a plain number.
 */
import type { CellRef } from "../grid";
import { unitFromWording } from "../read/measure-wording";
import { Measurement, Unit, parseCount, parseMeasurement } from "../read/values";
import type { RowCells } from "./row-cells";

export interface Measurements {
  currentM?: Measurement;
  /** Measurements of the series, index for index with the table's series. */
  seriesM: Measurement[];
  previousM?: Measurement;
  baselineM?: Measurement;
  unit: Unit;
  per?: number;
  /** The current value's measurement: the Current column's, else the latest period's. */
  current?: Measurement;
  currentCol?: number;
  value: number | null;
  decimals: number;
  /** The cell that holds the current value (or the title where there is none). */
  valueCell: CellRef;
  numerator?: number;
  denominator?: number;
}

/** One unit per indicator: a plain 94.4 beside percentages is 94.4%, and a plain 0.944 is 94.4% too. */
function harmonise(ms: Measurement[]): { unit: Unit; per?: number } {
  let unit: Unit = "number";
  let per: number | undefined;
  for (const m of ms) {
    if (m.kind !== "number") continue;
    if (m.unit === "percent") unit = "percent";
    else if ((m.unit === "rate" || m.unit === "score") && unit === "number") {
      unit = m.unit;
      per = m.per;
    }
  }
  return { unit, per };
}

export function valueIn(m: Measurement, unit: Unit): number | null {
  if (m.kind !== "number" || m.value === null) return null;
  if (unit === "percent" && m.unit === "number" && Math.abs(m.value) > 1) return m.value / 100;
  return m.value;
}

/** A Unit column's words: "Percentage" makes a whole 45 read as 45%, "Rate per 10,000" a rate. */
export function unitOfWords(words: string): { unit: Unit; per?: number } | null {
  const s = words.toLowerCase();
  const rate = /\bper\s+([\d,]+)/.exec(s);
  if (rate) return { unit: "rate", per: Number(rate[1].replace(/,/g, "")) };
  if (/percent|%|proportion/.test(s)) return { unit: "percent" };
  if (/\b(number|count|no\.?|days|weeks|months|average|score|ratio|cost|£)\b|£/.test(s))
    return { unit: "number" };
  return null;
}

function unitOf(rc: RowCells, title: string, all: Measurement[]): { unit: Unit; per?: number } {
  const stated = rc.roles.unit !== undefined ? unitOfWords(rc.text(rc.roles.unit) ?? "") : null;
  if (stated) return stated;
  const shown = harmonise(all);
  if (shown.unit !== "number") return shown;
  const worded = unitFromWording(title);
  // "Percentage of ..." over figures above 100 (or below 0): the figures are counts, whatever the words.
  if (
    worded?.unit === "percent" &&
    all.some((m) => m.kind === "number" && m.value !== null && (m.value > 100 || m.value < 0))
  )
    return shown;
  return worded && worded.unit !== "score" ? worded : shown;
}

/** The current value: the Current column, else the latest period that has one. */
function currentOf(
  rc: RowCells,
  currentM: Measurement | undefined,
  seriesM: Measurement[],
): { current?: Measurement; col?: number } {
  if (currentM !== undefined) return { current: currentM, col: rc.roles.current };
  for (let i = seriesM.length - 1; i >= 0; i--)
    if (seriesM[i].kind !== "missing" || i === 0) return { current: seriesM[i], col: rc.series[i].col };
  return {};
}

/** Counts: columns first, then counts written into the value ("88.3% (53/60)"). */
function countsOf(
  rc: RowCells,
  current: Measurement | undefined,
): { numerator?: number; denominator?: number } {
  const R = rc.roles;
  let numerator = R.numerator !== undefined ? parseCount(rc.cell(R.numerator)) : undefined;
  let denominator = R.denominator !== undefined ? parseCount(rc.cell(R.denominator)) : undefined;
  if (numerator === undefined && denominator === undefined && current?.numerator !== undefined) {
    numerator = current.numerator;
    denominator = current.denominator;
  }
  return { numerator, denominator };
}

export function measure(rc: RowCells, title: string): Measurements {
  const R = rc.roles;
  const read = (col: number | undefined) => (col !== undefined ? parseMeasurement(rc.cell(col)) : undefined);
  const currentM = read(R.current);
  const seriesM = rc.series.map((s) => parseMeasurement(rc.cell(s.col)));
  const previousM = read(R.previous);
  const baselineM = read(R.baseline);
  const all = [currentM, previousM, baselineM, ...seriesM].filter((m): m is Measurement => m !== undefined);
  const { unit, per } = unitOf(rc, title, all);
  const { current, col } = currentOf(rc, currentM, seriesM);
  const value = current ? valueIn(current, unit) : null;
  const decimals =
    current?.kind === "number"
      ? current.decimals
      : (seriesM.find((m) => m.kind === "number")?.decimals ?? (unit === "percent" ? 1 : 0));
  const valueCell = rc.at(col ?? R.measure ?? 0);
  return {
    currentM,
    seriesM,
    previousM,
    baselineM,
    unit,
    per,
    current,
    currentCol: col,
    value,
    decimals,
    valueCell,
    ...countsOf(rc, current),
  };
}
