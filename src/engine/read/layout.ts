/**
 * Where the scorecard is on the sheet: the header block (wherever it starts, however many rows, merged or
 * not), what each column is, and which rows are indicators, sections, repeated headers or the overflow
 * of a cell from the row above. Nothing here judges a value; it only finds them.
 */
import {
  Area,
  Cell,
  Grid,
  cellAt,
  cellRef,
  cellText,
  columnIndex,
  columnLetter,
  gridWidth,
  isBlank,
  isError,
} from "../grid";
import { ROLE_NAMES, decideColumn, profileCells } from "./column-evidence";
import { parsePeriodInContext, parsePeriodLabel, periodEnd } from "./period-grammar";
import { MONTH_NAMES, Period, parsePeriodCell, reportingPeriodIn, serialToYearMonth } from "./periods";
import { Role, groupHint, normaliseLabel, roleOfLabel } from "./roles";
import { isDateFormat } from "./values";

export interface ColumnInfo {
  col: number;
  letter: string;
  /** The column's label built from every header row above it, most general first. */
  label: string;
  /** The most specific header label of the column. */
  own: string;
  role: Role | null;
  period?: Period;
  /** True where the role came from the settings rather than detection. */
  pinned?: boolean;
  /** Why the column has its role, in a sentence a person can check. */
  evidence: string;
  /** 0 to 1: how sure the reading of this column is (1 where the settings pin it). */
  confidence: number;
}

export type RowKind =
  | "indicator"
  | "section"
  | "continuation"
  | "repeated-header"
  | "page-heading"
  | "note"
  | "total"
  | "comment";

export interface RowInfo {
  row: number;
  kind: RowKind;
  section: string | null;
  /** For indicators: the rows below that were joined into it. */
  continuations: number[];
  /** For sections, notes, totals and comments: their text. */
  text?: string;
  /** For indicators: the text of Comment/Commentary rows under them, in order. */
  comments?: string[];
}

export interface Layout {
  sheet: string;
  title?: string;
  reportingPeriod?: string;
  headerTop: number;
  headerBottom: number;
  columns: ColumnInfo[];
  /** The column of each single-column role. */
  roles: Partial<Record<Role, number>>;
  /** The time series, in time order. */
  series: { col: number; period: Period }[];
  benchmarks: number[];
  rows: RowInfo[];
}

export class LayoutError extends Error {
  constructor(
    message: string,
    readonly sheet: string,
  ) {
    super(message);
    this.name = "LayoutError";
  }
}

const HEADER_SCAN_ROWS = 60;

function emptySheet(sheet: string): string {
  return `Sheet '${sheet}' is empty: choose the sheet that holds the scorecard.`;
}

/** Reads merged cells once so that every cell of a merge answers with the merge's top-left label. */
class MergeMap {
  private readonly owner = new Map<number, Area>();
  constructor(
    merges: Area[],
    private readonly width: number,
  ) {
    for (const m of merges) {
      // Only header-sized merges matter for labels and sections; a huge merge would only cost memory.
      if ((m.bottom - m.top + 1) * (m.right - m.left + 1) > 4096) continue;
      for (let r = m.top; r <= m.bottom; r++)
        for (let c = m.left; c <= m.right; c++) this.owner.set(r * (width + 1) + c, m);
    }
  }
  areaOf(row: number, col: number): Area | undefined {
    return this.owner.get(row * (this.width + 1) + col);
  }
}

function isPlainNumber(cell: Cell): boolean {
  return typeof cell.value === "number" && !isDateFormat(cell.format);
}

function rowCells(grid: Grid, row: number, width: number): Cell[] {
  const out: Cell[] = [];
  for (let c = 0; c < width; c++) out.push(cellAt(grid, row, c));
  return out;
}

export interface LayoutOptions {
  columns?: Partial<Record<Role, string>>;
  /** 1-based sheet rows of the header block's first and last rows, where detection needs help. */
  headerRows?: { top: number; bottom: number };
  /** 1-based sheet row of the header's last row alone; the rows above it are still detected. */
  headerRow?: number;
}

// How many body rows are looked at to learn what a column holds: enough to see its kind, few enough
// that a scorecard of 10,000 rows costs no more to read.
const PROFILE_ROWS = 200;

/** Words that stamp when a file was made or exported; dates beside them are not the reporting period. */
const STAMP =
  /\b(?:updated|last updated|exported|extracted|downloaded|printed|generated|refreshed|produced|run on|run date|date run|created)\b/i;
/** Notes and caveats above a header: never the scorecard's title. */
const NOTE =
  /^(?:please note|note|notes|nb|n\.b\.|source|caveat|key|data source|exported from|this report|this sheet|all figures|figures are|\*)\b/i;
/** The key cell of an Excel Table's totals row, or of a hand-made one. */
const TOTAL = /^(?:total|totals|grand total|sum|overall total|all)$/i;
/** A row that holds the comment on the indicator above it. */
const COMMENT =
  /^(?:comments?|commentary|narrative|analysis|notes?|sylwadau|explanation|update)\s*(?:[:\-–]\s*([\s\S]*))?$/i;

export function readLayout(grid: Grid, options: LayoutOptions = {}): Layout {
  const width = gridWidth(grid);
  const merges = new MergeMap(grid.merges, width);

  /** The label a header cell shows, merged areas included. */
  const labelAt = (r: number, c: number): string => {
    const a = merges.areaOf(r, c);
    const cell = a ? cellAt(grid, a.top, a.left) : cellAt(grid, r, c);
    if (typeof cell.value === "number" && isDateFormat(cell.format)) {
      return parsePeriodCell(cell)?.label ?? cellText(cell);
    }
    return cellText(cell);
  };
  const ownText = (r: number, c: number): string => {
    const a = merges.areaOf(r, c);
    if (a && (a.top !== r || a.left !== c)) return "";
    return labelAt(r, c);
  };

  const scoreRow = (r: number): { score: number; keyed: boolean } => {
    const roles = new Set<string>();
    let periods = 0;
    for (let c = 0; c < width; c++) {
      const t = labelAt(r, c);
      if (!t) continue;
      const role = roleOfLabel(t);
      if (role) roles.add(role);
      else if (parsePeriodCell(cellAt(grid, r, c)) || parsePeriodCell({ value: t })) periods++;
    }
    if (periods >= 2) roles.add("period");
    return { score: roles.size, keyed: roles.has("ref") || roles.has("measure") };
  };

  // 1. The anchor: the row that names the most roles, with a reference or measure among them.
  let anchor = -1;
  let best = 0;
  const scan = Math.min(grid.rows.length, HEADER_SCAN_ROWS);
  const pinnedRows = options.headerRows;
  const pinnedBottom = pinnedRows?.bottom ?? options.headerRow;
  const toGridRow = (sheetRow: number, what: string): number => {
    const r = sheetRow - 1 - (grid.originRow ?? 0);
    // An empty sheet has no used range to name ("rows 1-0"): what the analyst needs to hear is that it is empty.
    if (!grid.rows.length) throw new LayoutError(emptySheet(grid.sheet), grid.sheet);
    if (r < 0 || r >= grid.rows.length) {
      throw new LayoutError(
        `Sheet '${grid.sheet}': the header ${what} set in the settings (row ${sheetRow}) is outside the used range ` +
          `(rows ${(grid.originRow ?? 0) + 1}-${(grid.originRow ?? 0) + grid.rows.length}).`,
        grid.sheet,
      );
    }
    return r;
  };
  if (pinnedBottom !== undefined) {
    anchor = toGridRow(pinnedBottom, pinnedRows ? "block's last row" : "row");
  } else {
    for (let r = 0; r < scan; r++) {
      const { score, keyed } = scoreRow(r);
      if (keyed && score >= 2 && score > best) {
        best = score;
        anchor = r;
      }
    }
  }
  if (anchor < 0) {
    const seen: string[] = [];
    for (let r = 0; r < scan && seen.length < 3; r++) {
      const texts = rowCells(grid, r, width).map(cellText).filter(Boolean);
      if (texts.length)
        seen.push(
          `row ${cellRef(grid, r, 0).row}: ${texts
            .slice(0, 5)
            .map((t) => `'${t.slice(0, 30)}'`)
            .join(", ")}`,
        );
    }
    throw new LayoutError(
      seen.length
        ? `Sheet '${grid.sheet}': no header row found in rows 1-${scan}. A scorecard needs a row with a reference or measure ` +
            `label (Ref, Measure, Title, Indicator) beside value labels (Current, Actual, Result, Min, Target, or periods such as 'May 18'). ` +
            `Found ${seen.join("; ")}. Pin the header rows and columns if the labels are unusual.`
        : emptySheet(grid.sheet),
      grid.sheet,
    );
  }

  // 2. The block: group-header rows above the anchor, sub-header rows (months, Num/Denom) below it.
  // Rows pinned in the settings are taken as they are.
  let top = pinnedRows ? toGridRow(pinnedRows.top, "block's first row") : anchor;
  if (top > anchor) top = anchor;
  while (!pinnedRows && top - 1 >= 0) {
    const r = top - 1;
    let own = 0;
    let numbers = 0;
    // A single group header merged over some columns (not a title merged from column A) also counts.
    let groupMerge = false;
    for (let c = 0; c < width; c++) {
      const cell = cellAt(grid, r, c);
      if (ownText(r, c)) own++;
      if (isPlainNumber(cell)) numbers++;
      const a = merges.areaOf(r, c);
      if (a && a.right > a.left && a.top === r && a.left === c && c > 0 && cellText(cell)) groupMerge = true;
    }
    let stamped = false;
    for (let c = 0; c < width && !stamped; c++) {
      const t = cellText(cellAt(grid, r, c));
      stamped = t !== "" && (STAMP.test(t) || NOTE.test(t));
    }
    if (stamped || numbers > 0 || own === 0 || (own === 1 && !groupMerge)) break;
    top = r;
  }
  let bottom = anchor;
  while (pinnedBottom === undefined && bottom + 1 < grid.rows.length) {
    const r = bottom + 1;
    let own = 0;
    let labelled = 0;
    for (let c = 0; c < width; c++) {
      const t = ownText(r, c);
      if (!t) continue;
      own++;
      const cell = cellAt(grid, r, c);
      if (roleOfLabel(t) || groupHint(t) || parsePeriodCell(cell) || parsePeriodCell({ value: t }))
        labelled++;
    }
    if (own === 0 || labelled < Math.max(1, Math.ceil(own * 0.6))) break;
    bottom = r;
  }

  // 3. Labels: a blank group header takes the label to its left where columns below are labelled.
  const blockLabels: string[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: string[] = [];
    let carry = "";
    for (let c = 0; c < width; c++) {
      const t = labelAt(r, c);
      const labelledBelow = (): boolean => {
        for (let rr = r + 1; rr <= bottom; rr++) if (labelAt(rr, c)) return true;
        return false;
      };
      if (t) {
        carry = t;
        row.push(t);
      } else if (carry && r < bottom && labelledBelow()) {
        row.push(carry);
      } else {
        carry = r < bottom && labelledBelow() ? carry : "";
        row.push("");
      }
    }
    blockLabels.push(row);
  }

  // What each column's cells hold, from a sample of the body below the header.
  const sampleEnd = Math.min(grid.rows.length, bottom + 1 + PROFILE_ROWS);
  const columns: ColumnInfo[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const row of blockLabels) {
      const t = row[c];
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    const own = parts[parts.length - 1] ?? "";
    const parents = parts.slice(0, -1);
    let bottomCell: Cell = { value: own };
    for (let r = bottom; r >= top; r--) {
      if (labelAt(r, c)) {
        const a = merges.areaOf(r, c);
        bottomCell = a ? cellAt(grid, a.top, a.left) : cellAt(grid, r, c);
        break;
      }
    }
    let role: Role | null = own ? roleOfLabel(own) : null;
    let headerSource: string | undefined;
    const period = own
      ? (parsePeriodInContext(parsePeriodCell(bottomCell) ?? parsePeriodCell({ value: own }), parents) ??
        undefined)
      : undefined;
    const hints = parents.map(groupHint);
    const parentRoles = parents.map((p) => roleOfLabel(p));
    if (period && (role === null || role === "previous") && parentRoles.includes("benchmark")) {
      // "England" or "Statistical neighbours" over year columns: comparators, not our own series.
      role = "benchmark";
      headerSource = parents[parentRoles.indexOf("benchmark")];
    }
    if (role === null && period) {
      if (hints.includes("target")) role = "target";
      else if (hints.includes("previous")) role = "previous";
      else if (period.yearEnd) role = "previous";
      else role = "period";
    }
    // "Actual Performance" under a "2013/14" group: a dated figure, placed in time by its group.
    let when = period;
    if (!when && (role === "current" || role === "previous")) {
      for (let i = parents.length - 1; i >= 0 && !when; i--) {
        const y = parsePeriodLabel(parents[i]);
        if (y) when = y;
      }
    }
    if (role === null && own) {
      // A label such as "Performance from previous financial year" with no sub-label.
      const h = groupHint(own);
      if (h === "previous") role = "previous";
    }
    const body: Cell[] = [];
    for (let r = bottom + 1; r < sampleEnd; r++) body.push(cellAt(grid, r, c));
    const letter = columnLetter(c + (grid.originCol ?? 0));
    const decision = decideColumn(
      { letter, own, parents, headerRole: role, headerSource, periodLabel: period?.label },
      profileCells(body),
    );
    columns.push({
      col: c,
      letter,
      label: parts.join(" / "),
      own,
      role: decision.role,
      period: when,
      evidence: decision.evidence,
      confidence: decision.confidence,
    });
  }

  // 4. Pins from the settings win over detection.
  const pins = options.columns ?? {};
  for (const [role, letter] of Object.entries(pins) as [Role, string][]) {
    const c = columnIndex(letter) - (grid.originCol ?? 0);
    if (c < 0 || c >= width) {
      throw new LayoutError(
        `Sheet '${grid.sheet}': the settings pin ${role} to column ${letter}, which is outside the used range (${columnLetter(grid.originCol ?? 0)}-${columnLetter((grid.originCol ?? 0) + width - 1)}).`,
        grid.sheet,
      );
    }
    for (const col of columns)
      if (col.role === role && role !== "period" && role !== "benchmark") {
        col.role = null;
        col.evidence = `${col.letter} is not read: the settings pin ${ROLE_NAMES[role]} to column ${letter.toUpperCase()}`;
      }
    columns[c].role = role;
    columns[c].pinned = true;
    columns[c].confidence = 1;
    columns[c].evidence = `${columns[c].letter} is ${ROLE_NAMES[role]} because the settings pin it there`;
  }

  const roles: Partial<Record<Role, number>> = {};
  const series: { col: number; period: Period }[] = [];
  const benchmarks: number[] = [];
  const periodCols = columns.filter((c) => c.role === "period" && c.period);
  const counts = new Map<string, number>();
  const ends = new Map<string, number>();
  for (const c of periodCols) {
    const g = c.period?.granularity ?? "";
    counts.set(g, (counts.get(g) ?? 0) + 1);
    if (c.period) ends.set(g, Math.max(ends.get(g) ?? -Infinity, periodEnd(c.period)));
  }
  // The series is the grain with most columns (at least two); other dated columns are history or the
  // latest figure ("2013/14 | 2014/15 | Q2 2015/16": the quarter is the latest, the years its history).
  let grain = "";
  let most = 0;
  // Equal counts: the grain that runs later is the one the committee is reading now.
  for (const [g, n] of counts)
    if (n > most || (n === most && (ends.get(g) ?? 0) > (ends.get(grain) ?? 0))) [grain, most] = [g, n];
  const inSeries = (c: ColumnInfo): boolean =>
    c.role === "period" &&
    c.period !== undefined &&
    c.period.granularity === grain &&
    (most >= 2 || c.pinned === true);
  for (const c of columns) if (inSeries(c) && c.period) series.push({ col: c.col, period: c.period });
  series.sort((a, b) => a.period.ordinal - b.period.ordinal);
  const seriesEnd = series.length ? Math.max(...series.map((s) => periodEnd(s.period))) : -Infinity;
  const lone = columns.filter((c) => c.role === "period" && !inSeries(c) && c.period && !c.pinned);
  const currents = columns.filter((c) => c.role === "current");
  const latestFirst = (a: ColumnInfo, b: ColumnInfo): number =>
    (b.period ? periodEnd(b.period) : Infinity) - (a.period ? periodEnd(a.period) : Infinity);
  let current: ColumnInfo | undefined = currents.find((c) => c.pinned) ?? currents.find((c) => !c.period);
  if (!current) {
    const dated = [...currents, ...lone].sort(latestFirst);
    const top = dated[0];
    if (top?.period && periodEnd(top.period) > seriesEnd) current = top;
  }
  if (current && current.role === "period") {
    current.evidence = `${current.letter} is Current because its header says '${current.own}' (${current.period?.label}), the latest period on the sheet${series.length ? `, later than the series by ${grain}` : ""}`;
  }
  if (current) current.role = "current";
  // Earlier dated columns: the latest year before the current figure is last year's; the rest are not read.
  const hasPrevious = columns.some((c) => c.role === "previous");
  let previousTaken = hasPrevious;
  for (const c of [...currents, ...lone].sort(latestFirst)) {
    if (c === current) continue;
    const own = c.own.replace(/\s+/g, " ");
    if (!previousTaken && c.period?.granularity === "year") {
      previousTaken = true;
      c.role = "previous";
      c.evidence = `${c.letter} is Previous because its header says '${own}' (${c.period.label}), a year before the latest figure`;
    } else {
      c.role = null;
      c.evidence = `${c.letter} is not read: its header says '${own}', ${c.period ? `${c.period.label}, ` : ""}an earlier figure than ${current ? current.letter : "the series"}`;
    }
  }
  for (const c of columns) {
    if (c.role === "period") continue;
    if (c.role === "benchmark") {
      benchmarks.push(c.col);
      continue;
    }
    if (c.role === null) continue;
    if (roles[c.role] === undefined) roles[c.role] = c.col;
    else if (!c.pinned) {
      const first = columns[roles[c.role] ?? 0];
      c.evidence = `${c.letter} is not read: its header says '${c.own.replace(/\s+/g, " ")}', but ${first.letter} is already ${ROLE_NAMES[c.role]}`;
      c.role = null;
    }
  }

  const sheetRow = (r: number): number => cellRef(grid, r, 0).row;
  if (roles.ref === undefined && roles.measure === undefined) {
    throw new LayoutError(
      `Sheet '${grid.sheet}': the header in rows ${sheetRow(top)}-${sheetRow(bottom)} has no reference or measure column ` +
        `(looked for Ref, Reference, PI, ID, Measure, Title, Indicator, KPI). Found: ${describeColumns(columns)}.`,
      grid.sheet,
    );
  }
  if (roles.current === undefined && series.length === 0) {
    throw new LayoutError(
      `Sheet '${grid.sheet}': the header in rows ${sheetRow(top)}-${sheetRow(bottom)} has no column for the current value ` +
        `(looked for Current, Actual, Result, Outturn, Value, Performance, Latest, or period labels such as 'May 18' or '2017/18'). ` +
        `Found: ${describeColumns(columns)}. Pin the value column in the settings.`,
      grid.sheet,
    );
  }

  // 5. Title block above the header.
  let title: string | undefined;
  let reportingPeriod: string | undefined;
  const titleTexts = new Set<string>();
  for (let r = 0; r < top; r++) {
    // "Last updated 03/11/2023", "Exported from Mosaic on ...": when the file was made, not what it reports.
    let stamped = false;
    for (let c = 0; c < width && !stamped; c++) stamped = STAMP.test(cellText(cellAt(grid, r, c)));
    for (let c = 0; c < width; c++) {
      const cell = cellAt(grid, r, c);
      const t = cellText(cell);
      if (!t) continue;
      titleTexts.add(normaliseLabel(t));
      const note = stamped || NOTE.test(t);
      if (title === undefined && typeof cell.value === "string" && !reportingPeriodIn(t) && !note) title = t;
      if (reportingPeriod === undefined && !stamped) {
        if (typeof cell.value === "number" && isDateFormat(cell.format)) {
          const { year, month0 } = serialToYearMonth(cell.value);
          reportingPeriod = `${MONTH_NAMES[month0]} ${year}`;
        } else {
          reportingPeriod = reportingPeriodIn(t) ?? undefined;
        }
      }
    }
  }

  // 6. The body.
  const headerTexts: Set<string>[] = [];
  for (let c = 0; c < width; c++) {
    const set = new Set<string>();
    for (let r = top; r <= bottom; r++) {
      const t = normaliseLabel(ownText(r, c));
      if (t) set.add(t);
    }
    headerTexts.push(set);
  }
  let longestHeader = 0;
  for (const set of headerTexts) for (const t of set) longestHeader = Math.max(longestHeader, t.length);
  const keyCols = [roles.ref, roles.measure].filter((c): c is number => c !== undefined);
  const valueCols = [roles.current, ...series.map((s) => s.col)].filter((c): c is number => c !== undefined);
  const rowHasFigure = (r: number): boolean =>
    valueCols.some((c) => {
      const v = cellAt(grid, r, c).value;
      return typeof v === "number";
    });
  const rows: RowInfo[] = [];
  let section: string | null = null;
  let lastIndicator: RowInfo | null = null;
  for (let r = bottom + 1; r < grid.rows.length; r++) {
    const filled: number[] = [];
    for (let c = 0; c < width; c++) {
      const a = merges.areaOf(r, c);
      if (a && (a.top !== r || a.left !== c)) continue;
      if (!isBlank(cellAt(grid, r, c))) filled.push(c);
    }
    if (filled.length === 0) continue;
    let repeated = 0;
    for (const c of filled) {
      const cell = cellAt(grid, r, c);
      // A plain number is never a header label, and most cells are numbers: skip the normalising.
      const t = headerTexts[c].size && !isPlainNumber(cell) ? cellText(cell) : "";
      // Header labels are short: a long text (a measure's title) cannot be one.
      if (t && t.length <= longestHeader + 8 && headerTexts[c].has(normaliseLabel(t))) repeated++;
    }
    if (filled.length >= 2 && repeated >= Math.ceil(filled.length * 0.6)) {
      rows.push({ row: r, kind: "repeated-header", section, continuations: [] });
      continue;
    }
    // The reference or measure cell says when a row is a totals row or a comment on the row above,
    // wherever those columns sit.
    const keyText = (c: number): string => {
      const v = cellAt(grid, r, c).value;
      return typeof v === "string" ? v.trim() : "";
    };
    const totalCol = keyCols.find((c) => TOTAL.test(keyText(c)));
    if (totalCol !== undefined) {
      rows.push({ row: r, kind: "total", section, continuations: [], text: keyText(totalCol) });
      continue;
    }
    let comment: RegExpExecArray | null = null;
    let commentCol = -1;
    if (lastIndicator) {
      for (const c of keyCols) {
        const t = keyText(c);
        comment = t && t.length <= 2000 ? COMMENT.exec(t) : null;
        if (comment) {
          commentCol = c;
          break;
        }
      }
      // A row with figures is an indicator whatever its title says.
      if (comment && rowHasFigure(r)) comment = null;
    }
    if (comment && lastIndicator) {
      const words = [
        (comment[1] ?? "").trim(),
        ...filled.filter((c) => c !== commentCol).map((c) => cellText(cellAt(grid, r, c))),
      ]
        .filter(Boolean)
        .join(" ");
      if (words) (lastIndicator.comments ??= []).push(words);
      rows.push({ row: r, kind: "comment", section, continuations: [], text: words });
      continue;
    }
    if (filled.length === 1) {
      const c = filled[0];
      const cell = cellAt(grid, r, c);
      const t = cellText(cell);
      const a = merges.areaOf(r, c);
      const sectionLike =
        typeof cell.value === "string" &&
        !isError(cell.value) &&
        (c === 0 || keyCols.includes(c) || cell.bold === true || (a !== undefined && a.right > a.left));
      if (sectionLike && titleTexts.has(normaliseLabel(t))) {
        rows.push({ row: r, kind: "page-heading", section, continuations: [], text: t });
        continue;
      }
      if (sectionLike && !(keyCols.length === 2 && c === roles.measure && !cell.bold)) {
        section = t;
        rows.push({ row: r, kind: "section", section, continuations: [], text: t });
        lastIndicator = null;
        continue;
      }
    }
    const hasKey = keyCols.some((c) => !isBlank(cellAt(grid, r, c)));
    const hasValue = valueCols.some((c) => !isBlank(cellAt(grid, r, c)));
    if (!hasKey && !hasValue) {
      if (lastIndicator) {
        lastIndicator.continuations.push(r);
        rows.push({ row: r, kind: "continuation", section, continuations: [] });
      } else {
        rows.push({
          row: r,
          kind: "note",
          section,
          continuations: [],
          text: filled.map((c) => cellText(cellAt(grid, r, c))).join(" "),
        });
      }
      continue;
    }
    lastIndicator = { row: r, kind: "indicator", section, continuations: [] };
    rows.push(lastIndicator);
  }

  return {
    sheet: grid.sheet,
    title,
    reportingPeriod,
    headerTop: top,
    headerBottom: bottom,
    columns,
    roles,
    series,
    benchmarks,
    rows,
  };
}

function describeColumns(columns: ColumnInfo[]): string {
  const labelled = columns.filter((c) => c.own);
  if (!labelled.length) return "no labels";
  return labelled
    .slice(0, 12)
    .map((c) => `${c.letter} '${c.own.slice(0, 30)}'`)
    .join(", ");
}
