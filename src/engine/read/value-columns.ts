/**
 * The figure columns no header word settled, read from what they hold and where they stand: counts whose
 * quotient is the value are the numerator and denominator; a column of round or repeated figures beside
 * the value is its target; where no column is named current and no period runs, the first figure column
 * after the measure is the value. Each such reading is less sure than one the words bear out, and says so.
 */
import { Cell } from "../grid";
import { share } from "./column-content";
import { ColumnFacts } from "./column-facts";
import { ColumnInfo, SeriesColumn } from "./column-info";
import { SURE, decided, says } from "./evidence";
import { parseMeasurement, parseText } from "./values";

const TARGET_WORDS =
  /^(?:<|>|≤|≥|=<|>=|<=|less than|fewer than|more than|at least|at most|below|above|under|over|no more than|no less than|between|minimum|maximum|max|min)\b/i;

function isFigureColumn(f: ColumnFacts): boolean {
  return f.content.profile.filled > 0 && share(f.content.profile, "number", "percent", "missing") >= 0.6;
}

function open(c: ColumnInfo): boolean {
  return c.role === null && !c.pinned;
}

function numberIn(cell: Cell | undefined): number | null {
  if (!cell) return null;
  const m = parseMeasurement(cell);
  return m.kind === "number" ? m.value : null;
}

/** The column whose figures the others are weighed against: Current, else the latest period. */
export function valueColumn(columns: ColumnInfo[], series: SeriesColumn[]): number {
  const current = columns.find((c) => c.role === "current");
  if (current) return current.col;
  return series.length ? series[series.length - 1].col : -1;
}

const SCALES = [1, 100, 1000, 10000];

/** Rows where a / b gives the value (as a fraction, a percentage or a rate per 1,000 or 10,000). */
function quotientRows(num: Cell[], den: Cell[], value: Cell[]): { agree: number; compared: number } {
  let agree = 0;
  let compared = 0;
  for (let i = 0; i < value.length; i++) {
    const a = numberIn(num[i]);
    const b = numberIn(den[i]);
    const v = numberIn(value[i]);
    if (a === null || b === null || v === null || b <= 0 || !Number.isInteger(a) || !Number.isInteger(b))
      continue;
    compared++;
    const q = a / b;
    // Within the rounding of a displayed figure: a tenth of a percentage point, or 1% of the value.
    if (SCALES.some((k) => Math.abs(q * k - v) <= Math.max(Math.abs(v) * 0.01, 0.0006 * k))) agree++;
  }
  return { agree, compared };
}

// Open figure columns weighed against each other for counts: enough for any scorecard's width, few
// enough that the pairs stay cheap.
const MOST_COUNTED = 12;

/** The first pair of whole-number columns whose quotient gives the value column's figures. */
function countPair(
  whole: ColumnFacts[],
  value: ColumnFacts,
): { a: ColumnFacts; b: ColumnFacts; why: string } | null {
  for (const a of whole)
    for (const b of whole) {
      if (a === b || a === value || b === value) continue;
      const { agree, compared } = quotientRows(a.cells, b.cells, value.cells);
      if (compared === 0 || agree < Math.max(1, compared * 0.6)) continue;
      return {
        a,
        b,
        why: `${agree} of ${compared} rows give the value in ${value.letter} as ${a.letter} / ${b.letter}`,
      };
    }
  return null;
}

/**
 * Numerator and denominator found by their arithmetic: whole numbers whose quotient is the value. Where
 * no value column is known yet, the column the counts divide to is the value.
 */
function countColumns(facts: ColumnFacts[], columns: ColumnInfo[], valueCol: number, measure: number): void {
  if (columns.some((c) => c.role === "numerator" || c.role === "denominator")) return;
  const figures = facts
    .filter((f) => open(columns[f.col]) && f.col > measure && isFigureColumn(f))
    .slice(0, MOST_COUNTED);
  const whole = figures.filter(
    (f) => f.content.figures.integers >= Math.max(1, f.content.figures.values.length * 0.9),
  );
  const values = valueCol >= 0 ? [facts[valueCol]] : figures;
  for (const v of values) {
    const pair = countPair(whole, v);
    if (!pair) continue;
    const { a, b, why } = pair;
    Object.assign(columns[a.col], decided(a.letter, "numerator", `${why} (${says(a.own)})`, SURE.shape));
    Object.assign(columns[b.col], decided(b.letter, "denominator", `${why} (${says(b.own)})`, SURE.shape));
    if (valueCol < 0)
      Object.assign(columns[v.col], decided(v.letter, "current", `${why} (${says(v.own)})`, SURE.content));
    return;
  }
}

/** A column of round or repeated figures, or of "less than 20"-style words, beside the value. */
function targetLike(f: ColumnFacts, value: ColumnFacts | undefined): boolean {
  const texts = f.cells.filter((c) => typeof c.value === "string" && TARGET_WORDS.test(c.value.trim()));
  if (texts.length >= Math.max(1, f.content.profile.filled * 0.5)) return true;
  const s = f.content.figures;
  if (s.values.length < 2) return false;
  const valueRound = value?.content.figures.round ?? 0;
  return (
    (s.round >= 0.7 && s.round >= valueRound + 0.2) || (s.commonest >= 0.5 && s.distinct < s.values.length)
  );
}

/** How far a target may stray from its value, as a factor, before it is on another scale. */
const SCALE_FACTOR = 5;

/**
 * Whether a column's figures stand on the value's scale, as a target's do: a quartile of 1 to 4 beside
 * counts in the hundreds is a position, not a target. Where the values are percentages a target typed
 * as a whole number (90 for 90%) is on their scale too.
 */
function onValueScale(f: ColumnFacts, value: ColumnFacts | undefined): boolean {
  if (!value) return true;
  const percent = share(value.content.profile, "percent") >= 0.5;
  const offs: number[] = [];
  f.cells.forEach((cell, row) => {
    const t = numberIn(cell);
    const v = numberIn(value.cells[row]);
    if (t === null || v === null || t === 0 || v === 0) return;
    const off = Math.abs(Math.log10(Math.abs(t / v)));
    offs.push(percent ? Math.min(off, Math.abs(Math.log10(Math.abs(t / v) / 100))) : off);
  });
  if (offs.length < 2) return true;
  offs.sort((a, b) => a - b);
  return offs[Math.floor(offs.length / 2)] <= Math.log10(SCALE_FACTOR);
}

function targetColumn(facts: ColumnFacts[], columns: ColumnInfo[], valueCol: number, measure: number): void {
  if (columns.some((c) => ["target", "min", "upper"].includes(c.role ?? ""))) return;
  const value = valueCol >= 0 ? facts[valueCol] : undefined;
  const likely = facts.filter(
    (f) =>
      open(columns[f.col]) &&
      f.col > measure &&
      (isFigureColumn(f) ||
        parseText(String(f.cells.find((c) => typeof c.value === "string")?.value ?? "")).kind === "number") &&
      targetLike(f, value) &&
      onValueScale(f, value),
  );
  if (!likely.length) return;
  const f = likely[0];
  const why = `its figures are round or repeat, as targets do (${says(f.own)})`;
  Object.assign(
    columns[f.col],
    decided(
      f.letter,
      "target",
      likely.length > 1 ? `${why}; ${likely[1].letter} is alike` : why,
      likely.length > 1 ? SURE.ambiguous : SURE.place,
    ),
  );
}

/** With no column named current and no series, the first open figure column after the measure. */
function impliedCurrent(facts: ColumnFacts[], columns: ColumnInfo[], measure: number): void {
  if (columns.some((c) => c.role === "current")) return;
  const open_ = facts.filter((f) => open(columns[f.col]) && f.col > measure && isFigureColumn(f));
  if (!open_.length) return;
  const value = open_.find((f) => !targetLike(f, undefined)) ?? open_[0];
  // Round or repeated figures beside it are its target, not another candidate for the value.
  const others = open_.filter((f) => f !== value && !targetLike(f, value)).map((f) => f.letter);
  const why = `it is the first figure column after the measure${others.length ? `; ${others.join(", ")} could also be` : ""} (${says(value.own)})`;
  Object.assign(
    columns[value.col],
    decided(value.letter, "current", why, others.length ? SURE.ambiguous : SURE.place),
  );
}

/** Reads the figure columns the words left open. */
export function valueColumns(facts: ColumnFacts[], columns: ColumnInfo[], series: SeriesColumn[]): void {
  const measure =
    columns.find((c) => c.role === "measure")?.col ?? columns.find((c) => c.role === "ref")?.col ?? -1;
  countColumns(facts, columns, valueColumn(columns, series), measure);
  if (!series.length) impliedCurrent(facts, columns, measure);
  const valueCol = valueColumn(columns, series);
  targetColumn(facts, columns, valueCol, measure);
}
