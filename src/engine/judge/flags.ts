/**
 * The data-quality flags of one indicator, each naming its cell: provisional figures and the council's
 * own data notes, missing and unreadable values, targets in words, assumed polarity, impossible values,
 * counts that do not give the value, small denominators, a snapshot whose current value is not its
 * latest month, missing periods and unusual jumps.
 */
import { cellText, isBlank } from "../grid";
import { Measurement, formatValue, groupedFixed, parseMeasurement } from "../read/values";
import type { Measurements } from "./measurements";
import type { PolarityVerdict } from "./polarity";
import { Flag, describeJump, flag, isConcern, roundingTolerance } from "./quality";
import type { RowCells } from "./row-cells";
import type { SeriesFacts } from "./series-facts";
import type { Targets } from "./targets";

export interface FlagInputs {
  rc: RowCells;
  m: Measurements;
  s: SeriesFacts;
  title: string;
  periodType: string | null;
  dataQuality?: string;
  provisional: boolean;
  targets: Targets;
  polarity: PolarityVerdict;
  smallDenominator: number;
}

function sourceFlags(i: FlagInputs, out: Flag[]): void {
  const { rc, m } = i;
  if (i.provisional)
    out.push(
      flag(
        "provisional",
        `The figure is provisional${m.current?.provisional ? ` ('${m.current.raw}')` : ""}`,
        m.valueCell,
      ),
    );
  if (i.dataQuality && isConcern(i.dataQuality))
    out.push(flag("data-quality-note", `Data quality: ${i.dataQuality}`, rc.at(rc.roles.dataQuality ?? 0)));
  if (!m.current || m.current.kind === "missing") {
    const why = m.current?.note ? `: ${m.current.note}` : m.current?.raw ? ` ('${m.current.raw}')` : "";
    out.push(flag("missing-value", `No current value${why}`, m.valueCell));
  }
}

function readableFlags(i: FlagInputs, out: Flag[]): void {
  const { rc, m } = i;
  const R = rc.roles;
  const check = (what: string, x: Measurement | undefined, col: number | undefined): void => {
    if (x?.kind === "invalid" && col !== undefined)
      out.push(
        flag(
          "invalid-value",
          `The ${what} '${x.raw}' cannot be read: ${x.note ?? "not a number"}`,
          rc.at(col),
        ),
      );
  };
  check("current value", m.currentM, R.current);
  check("last year's value", m.previousM, R.previous);
  check("baseline", m.baselineM, R.baseline);
  m.seriesM.forEach((x, k) => check(rc.series[k].period.label, x, rc.series[k].col));
  for (const [what, col] of [
    ["numerator", R.numerator],
    ["denominator", R.denominator],
  ] as const) {
    if (col === undefined) continue;
    const c = rc.cell(col);
    if (isBlank(c)) continue;
    const x = parseMeasurement(c);
    if (x.kind === "invalid" || (x.kind === "number" && x.unit !== "number"))
      out.push(flag("invalid-value", `The ${what} '${cellText(c)}' is not a count`, rc.at(col)));
  }
}

function settingFlags(i: FlagInputs, out: Flag[]): void {
  const { rc, targets } = i;
  const R = rc.roles;
  if (targets.notNumeric) {
    const col =
      targets.notNumeric.role === "min" ? R.min : targets.notNumeric.role === "upper" ? R.upper : R.target;
    out.push(
      flag(
        "target-not-numeric",
        `The target '${targets.notNumeric.text}' is not a number, so the indicator is not banded`,
        rc.at(col ?? 0),
      ),
    );
  }
  if (i.polarity.assumed)
    out.push(
      flag(
        "polarity-assumed",
        "No polarity given: higher is assumed to be better. Set it in the settings if not",
        rc.at(R.polarity ?? R.measure ?? 0),
      ),
    );
}

function rangeFlags(i: FlagInputs, out: Flag[]): void {
  const { m } = i;
  const v = m.value;
  if (v === null) return;
  if (m.unit === "percent" && (v < -1e-9 || v > 1 + 1e-9))
    out.push(
      flag(
        "value-out-of-range",
        `${formatValue(v, m.unit, m.decimals)} is not a possible percentage`,
        m.valueCell,
      ),
    );
  else if (
    m.unit === "number" &&
    v < 0 &&
    (m.numerator !== undefined || /^(number|no\.?|count)\b/i.test(i.title))
  )
    out.push(
      flag(
        "value-out-of-range",
        `A count cannot be negative (${formatValue(v, m.unit, m.decimals)})`,
        m.valueCell,
      ),
    );
}

function countFlags(i: FlagInputs, out: Flag[]): void {
  const { rc, m } = i;
  const { numerator: n, denominator: d } = m;
  if (n === undefined || d === undefined) return;
  const R = rc.roles;
  const numAt = rc.at(R.numerator ?? m.currentCol ?? 0);
  const denAt = rc.at(R.denominator ?? m.currentCol ?? 0);
  const fmt = (x: number) => groupedFixed(x, 0);
  if (n < 0 || d < 0)
    return void out.push(flag("value-out-of-range", `Counts cannot be negative (${n}/${d})`, numAt));
  if (d === 0) {
    if (n !== 0)
      out.push(flag("value-out-of-range", `The denominator is 0 but the numerator is ${n}`, denAt));
    return;
  }
  if (m.unit === "percent" && n > d)
    out.push(flag("value-out-of-range", `The numerator ${fmt(n)} is above the denominator ${fmt(d)}`, numAt));
  if (m.value !== null) {
    const tol = roundingTolerance(m.unit, m.decimals);
    const expected = m.unit === "rate" && m.per ? (n / d) * m.per : n / d;
    const plainCount = m.unit === "number" && Math.abs(m.value - n) <= tol;
    if (!plainCount && Math.abs(expected - m.value) > tol)
      out.push(
        flag(
          "numerator-denominator-mismatch",
          `${fmt(n)}/${fmt(d)} gives ${formatValue(expected, m.unit, Math.max(m.decimals, 1), m.per)}, not the ${formatValue(m.value, m.unit, m.decimals, m.per)} reported`,
          m.valueCell,
        ),
      );
  }
  if (d > 0 && d < i.smallDenominator)
    out.push(
      flag(
        "small-denominator",
        `Based on ${d} cases: small numbers swing widely, so read changes with care`,
        denAt,
      ),
    );
}

function seriesFlags(i: FlagInputs, out: Flag[]): void {
  const { rc, m, s } = i;
  const series = s.series;
  if (
    /snapshot/i.test(i.periodType ?? "") &&
    rc.roles.current !== undefined &&
    m.value !== null &&
    series.length
  ) {
    const last = series[series.length - 1];
    const lastM = m.seriesM[m.seriesM.length - 1];
    const tol = Math.max(roundingTolerance(m.unit, m.decimals), roundingTolerance(m.unit, lastM.decimals));
    if (last !== null && Math.abs(last - m.value) > tol)
      out.push(
        flag(
          "current-differs-from-latest-period",
          `The current value ${formatValue(m.value, m.unit, m.decimals, m.per)} differs from ${s.labelOf(series.length - 1)} (${formatValue(last, m.unit, lastM.decimals, m.per)}) for a snapshot measure`,
          m.valueCell,
        ),
      );
  }
  if (s.known.length) {
    // A withheld figure ("[c]", "x") says so, so the reader knows it was not published, not lost.
    const gaps = rc.series
      .map((g, k) => ({ col: g.col, label: g.period.label, m: m.seriesM[k], k }))
      .filter((g) => g.m.kind === "missing" && g.k >= s.known[0]);
    if (gaps.length)
      out.push(
        flag(
          "missing-period",
          `No value for ${gaps.map((g) => (g.m.note ? `${g.label} (${g.m.note})` : g.label)).join(", ")}`,
          rc.at(gaps[0].col),
        ),
      );
  }
  for (const j of s.jumps) {
    const from = s.known[j - 1];
    const to = s.known[j];
    const jump = {
      from: s.knownValues[j - 1],
      to: s.knownValues[j],
      previousLabel: s.labelOf(from),
      label: s.labelOf(to),
    };
    out.push(flag("unusual-jump", describeJump(jump, m.unit, m.decimals, m.per), rc.at(rc.series[to].col)));
  }
}

/** Every flag of the indicator, in the order the paper lists them. */
export function flagsOf(i: FlagInputs): Flag[] {
  const out: Flag[] = [];
  sourceFlags(i, out);
  readableFlags(i, out);
  settingFlags(i, out);
  rangeFlags(i, out);
  countFlags(i, out);
  seriesFlags(i, out);
  return out;
}
