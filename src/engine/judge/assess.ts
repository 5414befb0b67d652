/**
 * Indicator -> assessment: band, direction of travel, flags, each with its reason. This is the one place
 * where layout, values, polarity, targets, banding, trend and quality meet.
 */
import { layoutAsAt } from "./as-at";
import { Band, bandIndicator, describeTargets } from "./banding";
import { Settings, validateSettings } from "../config";
import { Cell, CellRef, Grid, cellAt, cellRef, cellText, isBlank } from "../grid";
import { Layout, readLayout } from "../read/layout";
import { Reading, describeReading } from "../read/reading";
import { yearEarlier } from "../read/periods";
import { Polarity, PolarityVerdict, decidePolarity } from "./polarity";
import { Flag, flag, describeJump, isConcern, roundingTolerance, unusualJumps } from "./quality";
import type { Role } from "../read/roles";
import { Spc, assessSpc, assuranceTarget, spcDirection } from "./spc";
import { Targets, parseTargetCell, resolveTargets } from "./targets";
import { Movement, Trend, TrendContext, compare, slopeOver } from "./trend";
import {
  Measurement,
  Unit,
  formatValue,
  numberFormatter,
  parseCount,
  parseMeasurement,
} from "../read/values";

export interface Assessment {
  /** Stable key for commentary and reviews: the reference, or the measure where there is none. */
  key: string;
  ref: string | null;
  title: string;
  section: string | null;
  /** 1-based sheet row. */
  row: number;
  /** The cell that holds the current value (or the title where there is none). */
  cell: CellRef;
  unit: Unit;
  decimals: number;
  per?: number;
  value: number | null;
  display: string;
  periodType: string | null;
  numerator?: number;
  denominator?: number;
  previous?: { value: number; display: string; label: string };
  /** The value of each period of Analysis.periods, in the same order; null where there is none. */
  series: (number | null)[];
  polarity: Polarity;
  polaritySource: PolarityVerdict["source"];
  targets: Targets;
  targetText: string;
  band: Band;
  bandReason: string;
  trend: Trend;
  /** Making Data Count: null where the series has fewer points than settings.spc.minPoints. */
  spc: Spc | null;
  flags: Flag[];
  provisional: boolean;
  dataQuality?: string;
  owner?: string;
  frequency?: string;
  sourceCommentary?: string;
  benchmarks: { label: string; display: string; value: number | null }[];
  /** The council's own RAG and direction of travel from its last paper, as the sheet wrote them. */
  previousRag?: string;
  previousDirection?: string;
}

export interface Analysis {
  sheet: string;
  title?: string;
  /** The period the sheet says it reports, or the as-at period chosen in the settings. */
  reportingPeriod?: string;
  /** 1-based sheet rows of the header block. */
  header: { top: number; bottom: number };
  /** label: every header row above the column; own: its most specific label. */
  columns: {
    letter: string;
    label: string;
    own: string;
    role: Role | null;
    pinned: boolean;
    /** Why the column has its role: "F is Current because its header says 'Actual' and ...". */
    evidence: string;
    /** 0 to 1: how sure that reading is (1 where pinned). */
    confidence: number;
  }[];
  /** How sure the reading of the sheet is, the tables found and the first rows as read. */
  reading: Reading;
  periods: string[];
  /** Every period of the sheet's series, also those after an as-at period (settings.asAt). */
  allPeriods?: string[];
  sections: string[];
  indicators: Assessment[];
  /** Rows skipped as repeated headers or page headings, continuation rows joined, and settings problems. */
  notes: string[];
  settings: Settings;
}

/** The measurement a role's cell holds, with the overflow of continuation rows joined to its text. */
function joinedCell(grid: Grid, row: number, continuations: number[], col: number | undefined): Cell {
  if (col === undefined) return { value: null };
  const cell = cellAt(grid, row, col);
  const extra = continuations.map((r) => cellText(cellAt(grid, r, col))).filter(Boolean);
  if (!extra.length) return cell;
  const text = [cellText(cell), ...extra].filter(Boolean).join(" ");
  return { value: text, text, format: cell.format, bold: cell.bold };
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

function valueIn(m: Measurement, unit: Unit): number | null {
  if (m.kind !== "number" || m.value === null) return null;
  if (unit === "percent" && m.unit === "number" && Math.abs(m.value) > 1) return m.value / 100;
  return m.value;
}

export function analyse(grid: Grid, settingsInput: Settings | unknown = undefined): Analysis {
  const { settings, problems } = isSettings(settingsInput)
    ? { settings: settingsInput, problems: [] }
    : validateSettings(settingsInput);
  const asAt = layoutAsAt(
    readLayout(grid, { columns: settings.columns, headerRows: settings.headerRows }),
    settings.asAt,
  );
  const layout = asAt.layout;
  const R = layout.roles;
  const notes: string[] = asAt.note ? [...problems, asAt.note] : [...problems];
  const indicators: Assessment[] = [];
  const sections: string[] = [];
  const at = (row: number, col: number) => cellRef(grid, row, col);

  for (const info of layout.rows) {
    if (info.kind === "section" && info.text) sections.push(info.text);
    if (info.kind === "repeated-header")
      notes.push(`Row ${at(info.row, 0).row}: a repeated header row, skipped.`);
    if (info.kind === "page-heading")
      notes.push(`Row ${at(info.row, 0).row}: a repeated page heading, skipped.`);
    if (info.kind === "note" && info.text)
      notes.push(`Row ${at(info.row, 0).row}: '${info.text.slice(0, 60)}' is not an indicator, skipped.`);
    if (info.kind === "total")
      notes.push(
        `Row ${at(info.row, 0).row}: a totals row ('${info.text ?? ""}'), not an indicator, skipped.`,
      );
    if (info.kind === "comment")
      notes.push(`Row ${at(info.row, 0).row}: a comment on the indicator above, kept as its commentary.`);
    if (info.kind !== "indicator") continue;
    indicators.push(
      assessRow(grid, layout, info.row, info.continuations, info.section, settings, info.comments),
    );
  }

  // Duplicate references confuse commentary, reviews and readers alike.
  const byRef = new Map<string, Assessment[]>();
  for (const a of indicators) {
    if (!a.ref) continue;
    const k = a.ref.toLowerCase();
    const list = byRef.get(k);
    if (list) list.push(a);
    else byRef.set(k, [a]);
  }
  for (const list of byRef.values()) {
    if (list.length < 2) continue;
    const rows = list.map((a) => a.row).join(", ");
    list.forEach((a, i) => {
      a.flags.push(
        flag(
          "duplicate-ref",
          `Reference ${a.ref} is used by ${list.length} rows (${rows}); commentary and reviews follow each row's position`,
          cellRef(grid, a.row - 1 - (grid.originRow ?? 0), R.ref ?? 0),
        ),
      );
      if (i > 0) a.key = `${a.key}#${i + 1}`;
    });
  }
  // Keys must be unique even where titles repeat without references.
  const seen = new Map<string, number>();
  for (const a of indicators) {
    const n = (seen.get(a.key) ?? 0) + 1;
    seen.set(a.key, n);
    if (n > 1 && !a.key.includes("#")) a.key = `${a.key}#${n}`;
  }

  return {
    sheet: grid.sheet,
    title: layout.title,
    reportingPeriod: settings.asAt && !asAt.note ? asAt.period : layout.reportingPeriod,
    allPeriods: asAt.periods,
    header: { top: at(layout.headerTop, 0).row, bottom: at(layout.headerBottom, 0).row },
    columns: layout.columns.map((c) => ({
      letter: c.letter,
      label: c.label,
      own: c.own,
      role: c.role,
      pinned: c.pinned === true,
      evidence: c.evidence,
      confidence: c.confidence,
    })),
    reading: describeReading(grid, layout),
    periods: layout.series.map((s) => s.period.label),
    sections,
    indicators,
    notes,
    settings,
  };
}

function isSettings(v: unknown): v is Settings {
  return (
    typeof v === "object" &&
    v !== null &&
    (v as Settings).version === 1 &&
    "trend" in v &&
    "tolerance" in v &&
    "indicators" in v
  );
}

export function keyOf(ref: string | null, title: string): string {
  return ref ? ref.trim() : title.toLowerCase().replace(/\s+/g, " ").trim();
}

function assessRow(
  grid: Grid,
  layout: Layout,
  row: number,
  continuations: number[],
  section: string | null,
  settings: Settings,
  comments: string[] = [],
): Assessment {
  const R = layout.roles;
  const cell = (col: number | undefined): Cell => joinedCell(grid, row, continuations, col);
  const text = (col: number | undefined): string | undefined =>
    col === undefined ? undefined : cellText(cell(col)) || undefined;
  const at = (col: number) => cellRef(grid, row, col);
  const flags: Flag[] = [];

  const ref = text(R.ref) ?? null;
  const title = text(R.measure) ?? ref ?? `Row ${at(0).row}`;
  const key = keyOf(ref, title);
  const override = settings.indicators[key] ?? (ref ? settings.indicators[ref] : undefined) ?? {};

  // Values, in one unit.
  const currentCell = cell(R.current);
  const currentM = R.current !== undefined ? parseMeasurement(currentCell) : undefined;
  // Measurements of the series, index for index with layout.series.
  const seriesM = layout.series.map((s) => parseMeasurement(cell(s.col)));
  const previousM = R.previous !== undefined ? parseMeasurement(cell(R.previous)) : undefined;
  const baselineM = R.baseline !== undefined ? parseMeasurement(cell(R.baseline)) : undefined;
  const minT = R.min !== undefined ? parseTargetCell(cell(R.min)) : null;
  const upperT = R.upper !== undefined ? parseTargetCell(cell(R.upper)) : null;
  const targetT = R.target !== undefined ? parseTargetCell(cell(R.target)) : null;

  const all: Measurement[] = [];
  for (const m of [currentM, previousM, baselineM]) if (m) all.push(m);
  for (const m of seriesM) all.push(m);
  const stated = R.unit !== undefined ? unitOfWords(text(R.unit) ?? "") : null;
  const { unit, per } = stated ?? harmonise(all);

  // Current value: the current column, else the latest period that has one.
  let current: Measurement | undefined = currentM;
  let currentCol = R.current;
  if (current === undefined) {
    for (let i = seriesM.length - 1; i >= 0; i--) {
      if (seriesM[i].kind !== "missing" || i === 0) {
        current = seriesM[i];
        currentCol = layout.series[i].col;
        break;
      }
    }
  }
  const value = current ? valueIn(current, unit) : null;
  const decimals =
    current?.kind === "number"
      ? current.decimals
      : (seriesM.find((m) => m.kind === "number")?.decimals ?? (unit === "percent" ? 1 : 0));
  const valueCell = at(currentCol ?? R.measure ?? 0);

  // Counts: columns first, then counts written into the value ("88.3% (53/60)").
  const numCell = R.numerator !== undefined ? cell(R.numerator) : undefined;
  const denCell = R.denominator !== undefined ? cell(R.denominator) : undefined;
  let numerator = numCell ? parseCount(numCell) : undefined;
  let denominator = denCell ? parseCount(denCell) : undefined;
  if (numerator === undefined && denominator === undefined && current?.numerator !== undefined) {
    numerator = current.numerator;
    denominator = current.denominator;
  }

  // Polarity and targets.
  const periodType = text(R.periodType) ?? null;
  const targetsModel = override.targetsModel ?? settings.targetsModel;
  const targets = resolveTargets({
    min: minT,
    upper: upperT,
    target: targetT,
    model: targetsModel,
    valueUnit: unit,
  });
  const hasTarget = targets.kind !== "none";
  const targetWords = targetT?.words ?? targetT?.text ?? minT?.text;
  const polarity = decidePolarity({
    override: override.polarity,
    column: text(R.polarity),
    title,
    min: targets.kind === "min-upper" ? targets.min : undefined,
    upper: targets.kind === "min-upper" ? targets.upper : undefined,
    targetText: targetWords,
    hasTarget,
  });
  const tolerance = override.tolerance ?? settings.tolerance;
  const banded = bandIndicator({
    value,
    unit,
    decimals,
    per,
    polarity: polarity.polarity,
    targets,
    tolerance,
  });

  // Series and trend.
  const series = seriesM.map((m) => valueIn(m, unit));
  const labelOf = (i: number): string => layout.series[i].period.label;
  const centre =
    targets.kind === "range" && targets.low !== undefined && targets.high !== undefined
      ? (targets.low + targets.high) / 2
      : targets.kind === "single"
        ? targets.target
        : undefined;
  const ctx: TrendContext = {
    unit,
    decimals,
    per,
    polarity: polarity.polarity,
    centre,
    denominator,
    settings: settings.trend,
  };
  // The periods that have a value, as plain arrays: they serve the trend, the slope and the jump
  // check alike, and a scorecard of 10,000 indicators makes a quarter of a million of them.
  const known: number[] = [];
  const knownValues: number[] = [];
  const knownPositions: number[] = [];
  series.forEach((v, i) => {
    if (v === null) return;
    known.push(i);
    knownValues.push(v);
    knownPositions.push(layout.series[i].period.ordinal);
  });
  const k = known.length;
  const latest = k ? known[k - 1] : undefined;
  const beforeLatest = k > 1 ? known[k - 2] : undefined;
  // Each figure is compared at the precision the source wrote it: months typed "94%" stay 94%.
  const decimalsAt = (i: number): number => {
    const m = seriesM[i];
    return m.kind === "number" ? m.decimals : decimals;
  };
  const jumps = unusualJumps(knownValues, unit);
  const yearAgo =
    latest !== undefined ? knownPositions.indexOf(yearEarlier(layout.series[latest].period)) : -1;
  // A year-to-date figure grows through the year, so only the same point a year earlier compares.
  const cumulative = /\b(ytd|year[- ]to[- ]date|cumulative)\b/i.test(`${periodType ?? ""} ${title}`);
  const currentIsLatest =
    latest !== undefined &&
    (R.current === undefined ||
      (value !== null && Math.abs(knownValues[k - 1] - value) <= roundingTolerance(unit, decimals)));
  // The current value's counts say nothing of the period figures when the two disagree.
  const seriesCtx: TrendContext = currentIsLatest ? ctx : { ...ctx, denominator: undefined };
  const yearAgoLabel = (i: number): string => `${labelOf(known[i])}, the same period a year earlier`;
  let shortTerm: Movement;
  if (cumulative && currentIsLatest && latest !== undefined) {
    shortTerm =
      yearAgo >= 0
        ? compare(
            knownValues[yearAgo],
            knownValues[k - 1],
            yearAgoLabel(yearAgo),
            seriesCtx,
            undefined,
            undefined,
            {
              fromDecimals: decimalsAt(known[yearAgo]),
              toDecimals: decimalsAt(latest),
            },
          )
        : {
            direction: "unknown",
            from: null,
            to: value,
            reason:
              "A year-to-date figure grows through the year, so it is compared only with the same point last year, which the sheet does not give.",
          };
  } else if (latest !== undefined && beforeLatest !== undefined) {
    shortTerm = compare(
      knownValues[k - 2],
      knownValues[k - 1],
      yearAgo === k - 2 ? yearAgoLabel(k - 2) : labelOf(beforeLatest),
      seriesCtx,
      undefined,
      labelOf(latest),
      {
        fromDecimals: decimalsAt(beforeLatest),
        toDecimals: decimalsAt(latest),
        fromUnusual: jumps.includes(k - 2),
        toUnusual: jumps.includes(k - 1),
      },
    );
  } else shortTerm = compare(null, value, undefined, ctx);

  const previousValue = previousM ? valueIn(previousM, unit) : null;
  const previousLabel = R.previous !== undefined ? previousLabelOf(layout, R.previous) : "last year";
  let longTerm = compare(null, value, undefined, ctx);
  if (latest !== undefined && yearAgo >= 0) {
    longTerm = compare(
      knownValues[yearAgo],
      knownValues[k - 1],
      yearAgoLabel(yearAgo),
      seriesCtx,
      undefined,
      labelOf(latest),
      {
        fromDecimals: decimalsAt(known[yearAgo]),
        toDecimals: decimalsAt(latest),
      },
    );
  } else if (previousValue !== null && value !== null && !(cumulative && currentIsLatest)) {
    longTerm = compare(
      previousValue,
      value,
      previousLabel,
      ctx,
      { n1: previousM?.denominator, n2: denominator },
      undefined,
      { fromDecimals: previousM?.kind === "number" ? previousM.decimals : decimals },
    );
  } else if (
    baselineM &&
    value !== null &&
    valueIn(baselineM, unit) !== null &&
    !(cumulative && currentIsLatest)
  ) {
    longTerm = compare(
      valueIn(baselineM, unit),
      value,
      "the baseline",
      ctx,
      { n1: baselineM.denominator, n2: denominator },
      undefined,
      { fromDecimals: baselineM.kind === "number" ? baselineM.decimals : decimals },
    );
  }
  const slope = k
    ? slopeOver(knownValues, knownPositions, labelOf(known[0]), labelOf(known[k - 1]), ctx)
    : undefined;
  const headline = shortTerm.direction !== "unknown" || cumulative ? shortTerm : longTerm;
  // Where the banded figure is not the one the direction reads, say which is which and why.
  let bridge = "";
  if (
    latest !== undefined &&
    value !== null &&
    headline.to !== null &&
    headline.toLabel &&
    Math.abs(headline.to - value) >
      Math.max(roundingTolerance(unit, decimals), roundingTolerance(unit, decimalsAt(latest)))
  ) {
    const cur = formatValue(value, unit, decimals, per);
    bridge = cumulative
      ? ` The current ${cur} is the year to date and is what is banded; the direction reads the ${layout.series[latest].period.granularity === "quarter" ? "quarterly" : "monthly"} figures.`
      : ` The current ${cur} is banded, but it differs from ${headline.toLabel} (${formatValue(headline.to, unit, decimalsAt(latest), per)}), so the direction reads the period figures: check which is right.`;
  }
  const spc = assessSpc({
    series,
    labelOf,
    polarity: polarity.polarity,
    target: assuranceTarget(targets, polarity.polarity),
    pointWord: latest !== undefined ? POINT_WORDS[layout.series[latest].period.granularity] : undefined,
    format: (x) => formatValue(x, unit, unit === "percent" ? Math.max(decimals, 1) : decimals + 1, per),
    settings: settings.spc,
  });
  // Where SPC applies the headline follows it, so the arrow moves on signal, not on noise.
  const trend: Trend = spc
    ? { direction: spcDirection(spc.variation), reason: `${spc.reason}${bridge}`, shortTerm, longTerm, slope }
    : { direction: headline.direction, reason: `${headline.reason}${bridge}`, shortTerm, longTerm, slope };

  // Flags.
  const dq = text(R.dataQuality);
  const provisional = current?.provisional === true || /provisional/i.test(dq ?? "");
  if (provisional)
    flags.push(
      flag(
        "provisional",
        `The figure is provisional${current?.provisional ? ` ('${current.raw}')` : ""}`,
        valueCell,
      ),
    );
  if (dq && isConcern(dq))
    flags.push(flag("data-quality-note", `Data quality: ${dq}`, at(R.dataQuality ?? 0)));
  if (!current || current.kind === "missing") {
    flags.push(
      flag(
        "missing-value",
        current?.note
          ? `No current value: ${current.note}`
          : `No current value${current?.raw ? ` ('${current.raw}')` : ""}`,
        valueCell,
      ),
    );
  }
  const checkReadable = (what: string, m: Measurement | undefined, col: number | undefined): void => {
    if (m?.kind === "invalid" && col !== undefined)
      flags.push(
        flag("invalid-value", `The ${what} '${m.raw}' cannot be read: ${m.note ?? "not a number"}`, at(col)),
      );
  };
  checkReadable("current value", currentM, R.current);
  checkReadable("last year's value", previousM, R.previous);
  checkReadable("baseline", baselineM, R.baseline);
  seriesM.forEach((m, i) => checkReadable(layout.series[i].period.label, m, layout.series[i].col));
  for (const [what, c] of [
    ["numerator", numCell],
    ["denominator", denCell],
  ] as const) {
    const col = what === "numerator" ? R.numerator : R.denominator;
    if (c && col !== undefined && !isBlank(c)) {
      const m = parseMeasurement(c);
      if (m.kind === "invalid" || (m.kind === "number" && m.unit !== "number")) {
        flags.push(flag("invalid-value", `The ${what} '${cellText(c)}' is not a count`, at(col)));
      }
    }
  }
  if (targets.notNumeric) {
    const col =
      targets.notNumeric.role === "min" ? R.min : targets.notNumeric.role === "upper" ? R.upper : R.target;
    flags.push(
      flag(
        "target-not-numeric",
        `The target '${targets.notNumeric.text}' is not a number, so the indicator is not banded`,
        at(col ?? 0),
      ),
    );
  }
  if (polarity.assumed) {
    flags.push(
      flag(
        "polarity-assumed",
        "No polarity given: higher is assumed to be better. Set it in the settings if not",
        at(R.polarity ?? R.measure ?? 0),
      ),
    );
  }
  const tol = roundingTolerance(unit, decimals);
  if (value !== null) {
    if (unit === "percent" && (value < -1e-9 || value > 1 + 1e-9)) {
      flags.push(
        flag(
          "value-out-of-range",
          `${formatValue(value, unit, decimals)} is not a possible percentage`,
          valueCell,
        ),
      );
    } else if (
      unit === "number" &&
      value < 0 &&
      (numerator !== undefined || /^(number|no\.?|count)\b/i.test(title))
    ) {
      flags.push(
        flag(
          "value-out-of-range",
          `A count cannot be negative (${formatValue(value, unit, decimals)})`,
          valueCell,
        ),
      );
    }
  }
  if (numerator !== undefined && denominator !== undefined) {
    const numAt = at(R.numerator ?? currentCol ?? 0);
    if (numerator < 0 || denominator < 0) {
      flags.push(
        flag("value-out-of-range", `Counts cannot be negative (${numerator}/${denominator})`, numAt),
      );
    } else if (denominator === 0) {
      if (numerator !== 0)
        flags.push(
          flag(
            "value-out-of-range",
            `The denominator is 0 but the numerator is ${numerator}`,
            at(R.denominator ?? currentCol ?? 0),
          ),
        );
    } else {
      if (unit === "percent" && numerator > denominator) {
        flags.push(
          flag(
            "value-out-of-range",
            `The numerator ${numberFormatter(0).format(numerator)} is above the denominator ${numberFormatter(0).format(denominator)}`,
            numAt,
          ),
        );
      }
      if (value !== null) {
        const ratio = numerator / denominator;
        const expected = unit === "rate" && per ? ratio * per : ratio;
        const plainCount = unit === "number" && Math.abs(value - numerator) <= tol;
        if (!plainCount && Math.abs(expected - value) > tol) {
          flags.push(
            flag(
              "numerator-denominator-mismatch",
              `${numberFormatter(0).format(numerator)}/${numberFormatter(0).format(denominator)} gives ${formatValue(expected, unit, Math.max(decimals, 1), per)}, not the ${formatValue(value, unit, decimals, per)} reported`,
              valueCell,
            ),
          );
        }
      }
      if (denominator > 0 && denominator < settings.smallDenominator) {
        flags.push(
          flag(
            "small-denominator",
            `Based on ${denominator} cases: small numbers swing widely, so read changes with care`,
            at(R.denominator ?? currentCol ?? 0),
          ),
        );
      }
    }
  }
  if (/snapshot/i.test(periodType ?? "") && R.current !== undefined && value !== null && series.length) {
    const last = series[series.length - 1];
    const lastM = seriesM[seriesM.length - 1];
    if (last !== null) {
      const lastTol = Math.max(tol, roundingTolerance(unit, lastM.decimals));
      if (Math.abs(last - value) > lastTol) {
        flags.push(
          flag(
            "current-differs-from-latest-period",
            `The current value ${formatValue(value, unit, decimals, per)} differs from ${labelOf(series.length - 1)} (${formatValue(last, unit, lastM.decimals, per)}) for a snapshot measure`,
            valueCell,
          ),
        );
      }
    }
  }
  if (k > 0) {
    const gaps = layout.series.filter((_, i) => seriesM[i].kind === "missing" && i >= known[0]);
    if (gaps.length) {
      const labels = gaps.map((g) => g.period.label).join(", ");
      flags.push(flag("missing-period", `No value for ${labels}`, at(gaps[0].col)));
    }
  }
  for (const j of jumps) {
    const from = known[j - 1];
    const to = known[j];
    const jump = {
      from: knownValues[j - 1],
      to: knownValues[j],
      previousLabel: labelOf(from),
      label: labelOf(to),
    };
    flags.push(flag("unusual-jump", describeJump(jump, unit, decimals, per), at(layout.series[to].col)));
  }

  const benchmarks = layout.benchmarks.map((col) => {
    const m = parseMeasurement(cell(col));
    const v = valueIn(m, unit);
    return {
      label: layout.columns[col].label,
      value: v,
      display: v === null ? cellText(cell(col)) : formatValue(v, unit, m.decimals, per),
    };
  });

  return {
    key,
    ref,
    title,
    section,
    row: at(0).row,
    cell: valueCell,
    unit,
    decimals,
    per,
    value,
    display: value === null ? (current?.raw ?? "") : formatValue(value, unit, decimals, per),
    periodType,
    numerator,
    denominator,
    previous:
      previousValue !== null && previousM
        ? {
            value: previousValue,
            display: formatValue(previousValue, unit, previousM.decimals, per),
            label: previousLabel,
          }
        : // With no last-year column, the same period a year earlier is last year's figure.
          yearAgo >= 0 && currentIsLatest
          ? {
              value: knownValues[yearAgo],
              display: formatValue(knownValues[yearAgo], unit, decimalsAt(known[yearAgo]), per),
              label: labelOf(known[yearAgo]),
            }
          : undefined,
    series,
    polarity: polarity.polarity,
    polaritySource: polarity.source,
    targets,
    targetText: describeTargets(targets, unit, per),
    band: banded.band,
    bandReason: banded.reason,
    trend,
    spc,
    flags,
    provisional,
    dataQuality: dq,
    owner: text(R.owner),
    frequency: text(R.frequency),
    sourceCommentary: [text(R.commentary), ...comments].filter(Boolean).join("\n") || undefined,
    benchmarks,
    previousRag: text(R.previousRag),
    previousDirection: text(R.previousDirection),
  };
}

const POINT_WORDS = { month: "months", quarter: "quarters", year: "years" } as const;

/** A Unit column's words: "Percentage" makes a whole 45 read as 45%, "Rate per 10,000" a rate. */
function unitOfWords(words: string): { unit: Unit; per?: number } | null {
  const s = words.toLowerCase();
  const rate = /\bper\s+([\d,]+)/.exec(s);
  if (rate) return { unit: "rate", per: Number(rate[1].replace(/,/g, "")) };
  if (/percent|%|proportion/.test(s)) return { unit: "percent" };
  if (/\b(number|count|no\.?|days|weeks|months|average|score|ratio|cost|£)\b|£/.test(s))
    return { unit: "number" };
  return null;
}

function previousLabelOf(layout: Layout, col: number): string {
  const c = layout.columns[col];
  const year = /(\d{2,4}\s*[/-]\s*\d{2,4})/.exec(c.label);
  return year ? `${year[1].replace(/\s+/g, "")} outturn` : "last year";
}
