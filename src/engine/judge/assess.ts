/**
 * Sheet -> analysis, and each indicator row -> assessment, as a short pipeline of named steps:
 * measurements, targets, polarity, band, direction, SPC, flags and benchmarks, each in a file of its own.
 */
import { layoutAsAt } from "./as-at";
import { Band, bandOf, describeTargets } from "./banding";
import { benchmarksOf } from "./benchmarks";
import { Settings, validateSettings } from "../config";
import { CellRef, Grid, cellRef } from "../grid";
import { Direction, directionOf } from "./direction";
import { flagsOf } from "./flags";
import { keyOf, settleKeys } from "./keys";
import { Layout, RowInfo, readLayout } from "../read/layout";
import { Measurements, measure } from "./measurements";
import { Reading, describeReading } from "../read/reading";
import { Polarity, PolarityVerdict, polarityOf } from "./polarity";
import { Flag } from "./quality";
import type { Role } from "../read/roles";
import { RowCells, rowCells } from "./row-cells";
import { SeriesFacts, seriesFacts, yearAgoFigure } from "./series-facts";
import { sheetPeriods } from "../read/sheet-periods";
import { cutText } from "../text-cut";
import { Spc } from "./spc";
import { spcOf, trendOf } from "./spc-reading";
import { TargetReading, Targets, readTargets } from "./targets";
import { Trend, TrendContext } from "./trend";
import { Unit, formatValue } from "../read/values";
import { previousLabelOf } from "./direction";
import { valueIn } from "./measurements";

export { keyOf } from "./keys";

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

/** What the notes say of a row that is not an indicator. */
function rowNote(info: RowInfo, row: number): string | null {
  switch (info.kind) {
    case "repeated-header":
      return `Row ${row}: a repeated header row, skipped.`;
    case "page-heading":
      return `Row ${row}: a repeated page heading, skipped.`;
    case "note":
      return info.text ? `Row ${row}: '${cutText(info.text, 60)}' is not an indicator, skipped.` : null;
    case "total":
      return `Row ${row}: a totals row ('${info.text ?? ""}'), not an indicator, skipped.`;
    case "comment":
      return `Row ${row}: a comment on the indicator above, kept as its commentary.`;
    default:
      return null;
  }
}

/** Each indicator's series laid out over the sheet's periods, where several tables have their own. */
function alignSeries(layout: Layout, indicators: Assessment[], rows: RowInfo[], periods: string[]): void {
  if (layout.tables.length === 1) return;
  const at = new Map(periods.map((p, i) => [p, i]));
  indicators.forEach((a, n) => {
    const table = layout.tables[rows[n].table];
    const out: (number | null)[] = periods.map(() => null);
    table.series.forEach((s, i) => {
      const k = at.get(s.period.label);
      if (k !== undefined) out[k] = a.series[i] ?? null;
    });
    a.series = out;
  });
}

export function analyse(grid: Grid, settingsInput: Settings | unknown = undefined): Analysis {
  const { settings, problems } = isSettings(settingsInput)
    ? { settings: settingsInput, problems: [] }
    : validateSettings(settingsInput);
  const read = readLayout(grid, { columns: settings.columns, headerRows: settings.headerRows });
  const asAt = layoutAsAt(read, settings.asAt);
  const layout = asAt.layout;
  const notes: string[] = [...problems, ...(asAt.note ? [asAt.note] : []), ...layout.setAside];
  const indicators: Assessment[] = [];
  const indicatorRows: RowInfo[] = [];
  const sections: string[] = [];
  for (const info of layout.rows) {
    if (info.kind === "section" && info.text && !info.blockTitle) sections.push(info.text);
    const note = rowNote(info, cellRef(grid, info.row, 0).row);
    if (note) notes.push(note);
    if (info.kind !== "indicator") continue;
    // A table's own title is the section of its indicators where the sheet holds several tables.
    if (info.section && !sections.includes(info.section)) sections.push(info.section);
    indicators.push(assessRow(grid, layout, info, settings));
    indicatorRows.push(info);
  }
  settleKeys(
    grid,
    indicators,
    (a) => layout.tables[indicatorRows[indicators.indexOf(a)].table].roles.ref ?? 0,
  );
  const periods = sheetPeriods(layout.tables).map((p) => p.label);
  alignSeries(layout, indicators, indicatorRows, periods);
  const at = (row: number) => cellRef(grid, row, 0).row;
  return {
    sheet: grid.sheet,
    title: layout.title,
    reportingPeriod: settings.asAt && !asAt.note ? asAt.period : layout.reportingPeriod,
    allPeriods: asAt.periods,
    header: { top: at(layout.headerTop), bottom: at(layout.headerBottom) },
    columns: layout.columns.map((c) => ({
      letter: c.letter,
      label: c.label,
      own: c.own,
      role: c.role,
      pinned: c.pinned === true,
      evidence: c.evidence,
      confidence: c.confidence,
    })),
    reading: describeReading(grid, read),
    periods,
    sections,
    indicators,
    notes,
    settings,
  };
}

interface Identity {
  ref: string | null;
  title: string;
  key: string;
  override: Settings["indicators"][string];
}

/** The identity step: reference, title and key, and the analyst's settings for this indicator. */
function identify(rc: RowCells, info: RowInfo, settings: Settings): Identity {
  const R = rc.roles;
  const ref = rc.text(R.ref) ?? null;
  const title = rc.text(R.measure) ?? info.title?.text ?? ref ?? `Row ${rc.at(0).row}`;
  const key = keyOf(ref, title);
  const override = settings.indicators[key] ?? (ref ? settings.indicators[ref] : undefined) ?? {};
  return { ref, title, key, override };
}

function trendContext(
  m: Measurements,
  polarity: Polarity,
  targets: Targets,
  settings: Settings,
): TrendContext {
  const centre =
    targets.kind === "range" && targets.low !== undefined && targets.high !== undefined
      ? (targets.low + targets.high) / 2
      : targets.kind === "single"
        ? targets.target
        : undefined;
  return {
    unit: m.unit,
    decimals: m.decimals,
    per: m.per,
    polarity,
    centre,
    denominator: m.denominator,
    settings: settings.trend,
  };
}

/** Last year's figure: the Previous column, else the same period a year earlier in the series. */
function previousOf(
  rc: RowCells,
  m: Measurements,
  s: ReturnType<typeof seriesFacts>,
): Assessment["previous"] {
  const value = m.previousM ? valueIn(m.previousM, m.unit) : null;
  if (value !== null && m.previousM)
    return {
      value,
      display: formatValue(value, m.unit, m.previousM.decimals, m.per),
      label: previousLabelOf(rc),
    };
  return yearAgoFigure(m, s);
}

/**
 * The figure a council's own rating was given against, read before polarity is known: the single
 * target, or the Upper column. Not spc.ts's assuranceTarget, which needs the polarity this step finds.
 */
function ratedAgainst(t: Targets): number | undefined {
  return t.kind === "single" ? t.target : t.kind === "min-upper" ? t.upper : undefined;
}

/** The council's own word for the last move, with the move it describes: the last two periods, else last year. */
function lastMove(rc: RowCells, m: Measurements, s: SeriesFacts) {
  const word = rc.text(rc.roles.previousDirection);
  if (!word) return undefined;
  const k = s.knownValues.length;
  if (k >= 2) return { word, from: s.knownValues[k - 2], to: s.knownValues[k - 1] };
  const previous = m.previousM ? valueIn(m.previousM, m.unit) : null;
  return { word, from: previous, to: m.value };
}

/** The polarity step: the settings, the polarity column, the title, the targets, the council's own words. */
function polarityStep(
  rc: RowCells,
  id: Identity,
  m: Measurements,
  t: TargetReading,
  s: SeriesFacts,
): PolarityVerdict {
  const R = rc.roles;
  const rating = { word: rc.text(R.previousRag), value: m.value, target: ratedAgainst(t.targets) };
  const move = lastMove(rc, m, s);
  return polarityOf(id.override.polarity, rc.text(R.polarity), id.title, t.targets, t.words, move, rating);
}

/** What each step of the pipeline found for one row. */
interface Steps {
  id: Identity;
  m: Measurements;
  periodType: string | null;
  t: TargetReading;
  s: SeriesFacts;
  polarity: PolarityVerdict;
  banded: { band: Band; reason: string };
  direction: Direction;
  spc: Spc | null;
  dataQuality?: string;
  provisional: boolean;
  flags: Flag[];
}

function toAssessment(rc: RowCells, info: RowInfo, x: Steps): Assessment {
  const { id, m, t, s } = x;
  const R = rc.roles;
  return {
    key: id.key,
    ref: id.ref,
    title: id.title,
    section: info.section,
    row: rc.at(0).row,
    cell: m.valueCell,
    unit: m.unit,
    decimals: m.decimals,
    per: m.per,
    value: m.value,
    display: m.value === null ? (m.current?.raw ?? "") : formatValue(m.value, m.unit, m.decimals, m.per),
    periodType: x.periodType,
    numerator: m.numerator,
    denominator: m.denominator,
    previous: previousOf(rc, m, s),
    series: s.series,
    polarity: x.polarity.polarity,
    polaritySource: x.polarity.source,
    targets: t.targets,
    targetText: describeTargets(t.targets, m.unit, m.per),
    band: x.banded.band,
    bandReason: x.banded.reason,
    trend: trendOf(x.direction, x.spc),
    spc: x.spc,
    flags: x.flags,
    provisional: x.provisional,
    dataQuality: x.dataQuality,
    owner: rc.text(R.owner),
    frequency: rc.text(R.frequency),
    sourceCommentary:
      [rc.text(R.commentary), ...(info.comments ?? [])].filter(Boolean).join("\n") || undefined,
    benchmarks: benchmarksOf(rc, m),
    previousRag: rc.text(R.previousRag),
    previousDirection: rc.text(R.previousDirection),
  };
}

/** One indicator row through the pipeline: each step a named function in its own file. */
function assessRow(grid: Grid, layout: Layout, info: RowInfo, settings: Settings): Assessment {
  const rc = rowCells(grid, layout, layout.tables[info.table], info.row, info.continuations);
  const id = identify(rc, info, settings);
  const m = measure(rc, id.title);
  const periodType = rc.text(rc.roles.periodType) ?? null;
  const t = readTargets(rc.cell, rc.roles, m.unit, id.override.targetsModel ?? settings.targetsModel);
  const s = seriesFacts(rc, m, periodType, id.title);
  const polarity = polarityStep(rc, id, m, t, s);
  const banded = bandOf(m, polarity.polarity, t.targets, id.override.tolerance ?? settings.tolerance);
  const direction = directionOf(rc, m, s, trendContext(m, polarity.polarity, t.targets, settings));
  const spc = spcOf(rc, m, s, polarity.polarity, t.targets, settings.spc);
  const dataQuality = rc.text(rc.roles.dataQuality);
  const provisional = m.current?.provisional === true || /provisional/i.test(dataQuality ?? "");
  const flags = flagsOf({
    rc,
    m,
    s,
    title: id.title,
    periodType,
    dataQuality,
    provisional,
    targets: t.targets,
    polarity,
    smallDenominator: settings.smallDenominator,
  });
  const steps = {
    id,
    m,
    periodType,
    t,
    s,
    polarity,
    banded,
    direction,
    spc,
    dataQuality,
    provisional,
    flags,
  };
  return toAssessment(rc, info, steps);
}
