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
} from "./grid";
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
}

export type RowKind = "indicator" | "section" | "continuation" | "repeated-header" | "page-heading" | "note";

export interface RowInfo {
  row: number;
  kind: RowKind;
  section: string | null;
  /** For indicators: the rows below that were joined into it. */
  continuations: number[];
  /** For sections and notes: their text. */
  text?: string;
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
  /** 1-based sheet row of the header's last row, where detection needs help. */
  headerRow?: number;
}

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
  if (options.headerRow !== undefined) {
    anchor = options.headerRow - 1 - (grid.originRow ?? 0);
    if (anchor < 0 || anchor >= grid.rows.length) {
      throw new LayoutError(
        `Sheet '${grid.sheet}': the header row set in the settings (row ${options.headerRow}) is outside the used range.`,
        grid.sheet,
      );
    }
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
        : `Sheet '${grid.sheet}' is empty: choose the sheet that holds the scorecard.`,
      grid.sheet,
    );
  }

  // 2. The block: group-header rows above the anchor, sub-header rows (months, Num/Denom) below it.
  let top = anchor;
  while (top - 1 >= 0) {
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
    if (numbers > 0 || own === 0 || (own === 1 && !groupMerge)) break;
    top = r;
  }
  let bottom = anchor;
  while (bottom + 1 < grid.rows.length) {
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
    const period = own
      ? (parsePeriodCell(bottomCell) ?? parsePeriodCell({ value: own }) ?? undefined)
      : undefined;
    const hints = parents.map(groupHint);
    if (role === null && period) {
      if (hints.includes("target")) role = "target";
      else if (hints.includes("previous")) role = "previous";
      else role = "period";
    }
    if (role === null && own) {
      // A label such as "Performance from previous financial year" with no sub-label.
      const h = groupHint(own);
      if (h === "previous") role = "previous";
    }
    columns.push({
      col: c,
      letter: columnLetter(c + (grid.originCol ?? 0)),
      label: parts.join(" / "),
      own,
      role,
      period,
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
      if (col.role === role && role !== "period" && role !== "benchmark") col.role = null;
    columns[c].role = role;
    columns[c].pinned = true;
  }

  const roles: Partial<Record<Role, number>> = {};
  const series: { col: number; period: Period }[] = [];
  const benchmarks: number[] = [];
  const periodCols = columns.filter((c) => c.role === "period" && c.period);
  const counts = new Map<string, number>();
  for (const c of periodCols)
    counts.set(c.period?.granularity ?? "", (counts.get(c.period?.granularity ?? "") ?? 0) + 1);
  let grain = "";
  let most = 0;
  for (const [g, n] of counts) if (n > most) [grain, most] = [g, n];
  for (const c of columns) {
    if (c.role === "period") {
      if (c.period && c.period.granularity === grain && (most >= 2 || c.pinned)) {
        series.push({ col: c.col, period: c.period });
        continue;
      }
      // A lone year beside a monthly series is last year's outturn.
      c.role = c.period?.granularity === "year" && roles.previous === undefined ? "previous" : null;
    }
    if (c.role === "benchmark") {
      benchmarks.push(c.col);
      continue;
    }
    if (c.role === null) continue;
    if (roles[c.role] === undefined) roles[c.role] = c.col;
    else if (!c.pinned) c.role = null;
  }
  series.sort((a, b) => a.period.ordinal - b.period.ordinal);

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
    for (let c = 0; c < width; c++) {
      const cell = cellAt(grid, r, c);
      const t = cellText(cell);
      if (!t) continue;
      titleTexts.add(normaliseLabel(t));
      if (title === undefined && typeof cell.value === "string" && !reportingPeriodIn(t)) title = t;
      if (reportingPeriod === undefined) {
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
