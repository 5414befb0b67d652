/**
 * Assessments -> SheetPlan: every cell, style, merge, width and print setting of the committee sheet,
 * host-neutral, so that the sheet looks the same from the ribbon and from the command line. The plan
 * also carries the analyst's commentary across refreshes, keyed by indicator, and never drops it.
 */
import type { Analysis, Assessment } from "../judge/assess";
import type { Band } from "../judge/banding";
import type { ReviewMark } from "../config";
import { reportedPeriod } from "../judge/as-at";
import { forCommittee } from "./committee-selection";
import { plural } from "../words";
import { cutText } from "../text-cut";
import { COLUMN_TAG, COMMITTEE_MARKER, RETIRED_PREFIX, carryCommentary, readCommentary } from "./commentary";
import type { Area, Grid } from "../grid";
import { fitExcelLimits } from "./excel-limits";
import { benchmarkSide, buildNarrative } from "./narrative";
import {
  SPC_COLUMNS,
  SPC_RULES,
  SPC_STYLES,
  spcArrow,
  spcCell,
  spcKeyLines,
  spcMatrix,
} from "./committee-spc";
import { CAVEAT_CODES, FLAG_TITLES, FlagCode } from "../judge/quality";
import type { Direction } from "../judge/trend";
import { describeAmount, excelFormat } from "../read/values";

export const PLAN_VERSION = 1;
export { COMMITTEE_MARKER, isCommitteeGrid, isCommitteeMarker, readCommentary } from "./commentary";
export type { ExistingCommentary } from "./commentary";
export { chooseCommitteeName } from "../sheet-name";
const KEY_HEADER = "key";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** RRGGBB */
  color?: string;
  /** RRGGBB */
  fill?: string;
  hAlign?: "left" | "center" | "right";
  vAlign?: "top" | "middle" | "bottom";
  wrap?: boolean;
  border?: boolean;
  numFmt?: string;
  indent?: number;
}

export type PlanValue = string | number | null;

export interface SheetPlan {
  name: string;
  /** Rows x columns from A1; strings are always text, never formulas. */
  values: PlanValue[][];
  styles: Record<string, CellStyle>;
  /** Cells grouped by style, so that a host formats once per style, not once per cell. */
  styleAreas: { style: string; areas: Area[] }[];
  merges: Area[];
  /** In characters, as Excel measures column width. */
  columnWidths: number[];
  hiddenColumns: number[];
  /** Rows kept out of sight: the metadata row that tells the read-back which column is which. */
  hiddenRows: number[];
  /** Excel number formats for number cells ("0.0%"), null elsewhere; same shape as values. */
  numberFormats: (string | null)[][];
  /**
   * Styles chosen by a cell's own words ("Red", "Improving"), laid over the base style. Office applies
   * them as conditional formats, one per rule, so formatting never costs a call per row.
   */
  conditional: { area: Area; rules: { contains: string; style: string }[] }[];
  /** Points; one per row: estimates for hosts that cannot autofit. */
  rowHeights: number[];
  /** Rows whose height the host may autofit instead (the table: no merged cells there). */
  autoHeight: { top: number; bottom: number } | null;
  freeze: { rows: number; cols: number };
  print: {
    orientation: "landscape";
    paper: "A4";
    fitToWidth: 1;
    /** 1-based sheet rows repeated at the top of every printed page. */
    repeatRows: { first: number; last: number };
    /** Text, printed as typed: hosts escape it with headerFooterText. */
    footerLeft: string;
    /** Excel's header/footer codes ("Page &P of &N"), passed as they are. */
    footerRight: string;
    /** The key to symbols and colours, printed at the top of every page (Excel allows 255 characters). */
    headerCenter: string;
    printArea: Area;
    /**
     * Percent. The columns are chosen to fit A4 landscape at this scale, so body text prints at its
     * own size; hosts print at it rather than fit to width, because Excel ignores manual page breaks
     * under "Fit to".
     */
    scale: number;
    /** Inches, as Excel's page setup takes them. */
    margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  };
  /**
   * 0-based rows that must begin a printed page earlier than the printer would: the table's start,
   * and headings kept with their first rows. Pages that fill up break by themselves.
   */
  pageBreaks: number[];
  /** Where commentary lives, for the hosts' read-back and for tests. */
  commentary: {
    column: number;
    keyColumn: number;
    /** Fingerprints of commentary copied from the source, so that unedited source text is replaced. */
    sourceColumn: number;
    headerRow: number;
    metaRow: number;
  };
}

export interface CommitteeResult {
  plan: SheetPlan;
  /** Indicators whose commentary was carried over from the previous sheet. */
  carried: number;
  /** Commentary entries kept in the retired block because their indicator has gone. */
  retired: number;
  /** Notes on indicators the analyst left out of this paper, kept (unprinted) until they return. */
  setAside: number;
  /** Cells cut to Excel's 32,767 characters (they end in "…"), as 0-based plan row and column. */
  truncated: { row: number; col: number }[];
  summary: Summary;
}

export interface Summary {
  bands: Record<Band, number>;
  /** "unclear": a move that compares with a figure flagged as an unusual jump. */
  directions: Record<"improving" | "worsening" | "stable" | "unclear" | "other" | "unknown", number>;
  caveats: number;
  caveatCodes: Partial<Record<FlagCode, number>>;
}

export { CAVEAT_CODES };

export interface CommitteeInput {
  analysis: Analysis;
  name: string;
  generatedAt: Date;
  /** The committee sheet as it is now, to carry commentary across. */
  existing?: Grid;
  reviews?: Record<string, ReviewMark[]>;
}

/**
 * Red that reads as red, amber as amber, green as green; the three sit at clearly different
 * lightness (dark red, mid green, light amber), so they stay apart in greyscale and for protan,
 * deutan and tritan vision (test/committee/colours.test.ts simulates each). Red carries white text.
 */
export const PALETTE = {
  green: "5DAA5D",
  amber: "FFC000",
  red: "B42318",
  redText: "FFFFFF",
  redStrong: "8B1A10",
  none: "E7E6E6",
  good: "00603F",
  bad: "A13A00",
  neutral: "4D4D4D",
  header: "1F3864",
  section: "D9E1F2",
  input: "FFF8E1",
} as const;

export const BAND_WORDS: Record<Band, string> = {
  green: "Green",
  amber: "Amber",
  red: "Red",
  none: "No target",
};
/** Shapes, never arrows: arrows belong to the direction of travel. */
export const BAND_SYMBOL: Record<Band, string> = { green: "●", amber: "◆", red: "■", none: "–" };

/** The key printed at the top of every page (Excel allows 255 characters in a header section). */
export function printKey(withSpc: boolean): string {
  const key =
    "Key: ● Green (green fill) on target · ◆ Amber (yellow fill) close to target · ■ Red (red fill) off target · – not banded · ▲ up ▼ down ► unchanged; Improving / Worsening in words";
  return withSpc ? `${key} · SPC: ○ usual variation, ▲▼ special cause; ✓ ✗ ≈ assurance` : key;
}

// Widths in characters, chosen so that the visible columns fit A4 landscape at 100%: body text then
// prints at its own 10 pt. The trend sparkline sits under the direction; data quality leads the "Why".
const COLUMNS = [
  { key: "ref", header: "Ref", width: 7 },
  { key: "measure", header: "Measure", width: 30 },
  { key: "last", header: "Last year", width: 9 },
  { key: "current", header: "Current", width: 9 },
  { key: "target", header: "Target", width: 13 },
  { key: "rag", header: "RAG", width: 10 },
  ...SPC_COLUMNS,
  { key: "direction", header: "Direction", width: 12 },
  { key: "why", header: "Why (and data quality)", width: 32 },
  { key: "commentary", header: "Commentary", width: 22 },
  { key: "key", header: KEY_HEADER, width: 12 },
  { key: "source", header: "source", width: 10 },
] as const;
/** A4 landscape, in points, less the margins below. */
const MARGINS = { left: 0.3, right: 0.3, top: 0.55, bottom: 0.5, header: 0.2, footer: 0.2 };
const PAGE_WIDTH_PT = 11.69 * 72 - (MARGINS.left + MARGINS.right) * 72;
const PAGE_HEIGHT_PT = 8.27 * 72 - (MARGINS.top + MARGINS.bottom) * 72;
/** Excel's column width unit is the maximum digit width of Calibri 11 (7 px), plus 5 px of padding. */
export function columnPoints(chars: number): number {
  return (Math.trunc(chars * 7 + 5) * 72) / 96;
}
/**
 * Width budget in characters for the visible columns at 100%: the page less each column's 5 px of
 * padding, in 7 px characters, with 3% to spare. LibreOffice lays columns out about 3% wider than
 * Excel's formula (measured from its PDF), and a last column that spills prints on a page of its own.
 */
function widthBudget(columns: number): number {
  return Math.floor((((PAGE_WIDTH_PT * 96) / 72) * 0.97 - 5 * columns) / 7);
}
const EXCEL_MAX_ROW = 409;
type ColumnKey = (typeof COLUMNS)[number]["key"];
const COL = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i])) as Record<ColumnKey, number>;
/** Where a freshly written sheet keeps what the commentary read-back needs, so a host can read just those. */
export const COMMENTARY_COLUMNS = {
  ref: COL.ref,
  measure: COL.measure,
  commentary: COL.commentary,
  key: COL.key,
  source: COL.source,
} as const;
/** The key and source columns at the end are hidden. */
const VISIBLE = COLUMNS.length - 2;

const SPARK = "▁▂▃▄▅▆▇█";
const SPARK_PERIODS = 6;

/** A text sparkline that survives printing and every spreadsheet program; "·" marks a missing period. */
export function sparkline(values: (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return "";
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  return values
    .map((v) => {
      if (v === null) return "·";
      if (hi === lo) return SPARK[3];
      return SPARK[Math.round(((v - lo) / (hi - lo)) * (SPARK.length - 1))];
    })
    .join("");
}

export function directionText(a: Assessment): { text: string; tone: "good" | "bad" | "neutral" } {
  const d: Direction = a.trend.direction;
  const headline = a.trend.shortTerm.direction !== "unknown" ? a.trend.shortTerm : a.trend.longTerm;
  const arrow = spcArrow(a) ?? ((headline.change ?? 0) > 0 ? "▲" : (headline.change ?? 0) < 0 ? "▼" : "►");
  // SPC reads an unusual jump as signal or noise itself; without SPC, a move to or from one is unclear.
  if (!a.spc && headline.unusual) return { text: `${arrow} Unclear: unusual jump`, tone: "neutral" };
  if (d === "stable" && headline.change) return { text: `${arrow} No clear change`, tone: "neutral" };
  switch (d) {
    case "improving":
      return { text: `${arrow} Improving`, tone: "good" };
    case "worsening":
      return { text: `${arrow} Worsening`, tone: "bad" };
    case "stable":
      return { text: "► Unchanged", tone: "neutral" };
    case "up":
      return { text: "▲ Up", tone: "neutral" };
    case "down":
      return { text: "▼ Down", tone: "neutral" };
    default:
      return { text: "– No comparison", tone: "neutral" };
  }
}

export function summarise(analysis: Analysis): Summary {
  const bands: Record<Band, number> = { green: 0, amber: 0, red: 0, none: 0 };
  const directions = { improving: 0, worsening: 0, stable: 0, unclear: 0, other: 0, unknown: 0 };
  const caveatCodes: Partial<Record<FlagCode, number>> = {};
  let caveats = 0;
  for (const a of analysis.indicators) {
    bands[a.band]++;
    const d = a.trend.direction;
    const headline = a.trend.shortTerm.direction !== "unknown" ? a.trend.shortTerm : a.trend.longTerm;
    if (!a.spc && headline.unusual) directions.unclear++;
    else if (d === "improving" || d === "worsening" || d === "stable" || d === "unknown") directions[d]++;
    else directions.other++;
    const codes = new Set(a.flags.map((f) => f.code).filter((c) => CAVEAT_CODES.includes(c)));
    if (codes.size) caveats++;
    for (const c of codes) caveatCodes[c] = (caveatCodes[c] ?? 0) + 1;
  }
  return { bands, directions, caveats, caveatCodes };
}

function rulesLine(analysis: Analysis): string {
  const s = analysis.settings;
  const has = (p: (a: Assessment) => boolean) => analysis.indicators.some(p);
  const parts: string[] = [];
  const tol =
    s.tolerance.kind === "relative"
      ? `${Math.round(s.tolerance.amount * 1000) / 10}% of the target`
      : describeAmount(s.tolerance.amount, "percent", 1);
  if (has((a) => a.targets.kind === "min-upper"))
    parts.push(
      "minimum/upper targets: green at or past the upper target, amber between, red short of the minimum",
    );
  if (has((a) => a.targets.kind === "single" && a.polarity !== "range"))
    parts.push(`single targets: green when met, amber when missed by no more than ${tol}, otherwise red`);
  if (has((a) => a.targets.kind === "single" && a.polarity === "range"))
    parts.push(
      `measures best near their target (bell-shaped): green within ${tol} of it either side, amber within twice that, otherwise red`,
    );
  if (has((a) => a.targets.kind === "range"))
    parts.push(`ranges: green inside, amber outside by no more than ${tol} of the mid-point, otherwise red`);
  if (has((a) => a.unit === "number" && a.targets.kind === "single"))
    parts.push("counts: the tolerance is rounded to a whole number, at least 1");
  const trend =
    s.trend.sensitivity === "significance"
      ? `Direction compares the latest period with the one before, and a year-to-date figure with the same point a year earlier. Where case numbers are known, a change within what chance alone gives (at 95%) is no clear change; otherwise changes under ${describeAmount(s.trend.materialityPoints, "percent", 1)} (or ${Math.round(s.trend.materialityRelative * 1000) / 10}% of the value) are. A change to or from a figure flagged as an unusual jump is not read as a trend.`
      : "Direction compares the latest period with the one before; every change counts, except one to or from a figure flagged as an unusual jump.";
  return `Rules: ${parts.length ? parts.join("; ") : "no targets"}. ${trend}`;
}

/** Text that Excel must show as written; the hosts never let it become a formula. */
function text(s: string | undefined | null): string | null {
  return s === undefined || s === null || s === "" ? null : s;
}

/**
 * Lines a text takes in a column, by wrapping its words as Excel does. A column of w characters holds
 * about 1.35 w characters of 10 pt Calibri text (the unit is a digit at 11 pt; text is narrower).
 */
export function estimateLines(s: string, widthChars: number, size = 10): number {
  if (!s) return 1;
  const perLine = Math.max(4, Math.floor((widthChars * 1.35 * 10) / size));
  let lines = 0;
  for (const para of s.split("\n")) {
    let line = 0;
    let count = 1;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let w = word.length;
      if (line && line + 1 + w > perLine) {
        count++;
        line = 0;
      }
      while (w > perLine) {
        count++;
        w -= perLine;
      }
      line = line ? line + 1 + w : w;
    }
    lines += count;
  }
  return lines;
}

/** Points per line of wrapped text at a font size, as Excel and LibreOffice lay out Calibri/Carlito. */
function lineHeight(size: number): number {
  return Math.ceil(size * 1.25 * 4) / 4;
}

const BASE_STYLES: Record<string, CellStyle> = {
  title: { bold: true, size: 16, color: PALETTE.header, wrap: true, vAlign: "top" },
  subheading: { bold: true, size: 11, color: PALETTE.header },
  subtitle: { size: 10, color: PALETTE.neutral, wrap: true, vAlign: "top" },
  rules: { italic: true, size: 9, color: PALETTE.neutral, wrap: true, vAlign: "top" },
  heading: { bold: true, size: 12, color: PALETTE.header },
  summary: { size: 11, wrap: true, vAlign: "top" },
  sentence: { size: 10, vAlign: "top" },
  th: {
    bold: true,
    color: "FFFFFF",
    fill: PALETTE.header,
    wrap: true,
    vAlign: "middle",
    hAlign: "center",
    border: true,
  },
  section: { bold: true, fill: PALETTE.section, border: true },
  cell: { wrap: true, vAlign: "top", border: true, size: 10 },
  ref: { vAlign: "top", border: true, size: 10, bold: true },
  spark: { vAlign: "top", border: true, size: 10, hAlign: "center" },
  text: { wrap: true, vAlign: "top", border: true, size: 10, hAlign: "center" },
  ragGreen: { bold: true, fill: PALETTE.green, border: true, hAlign: "center", vAlign: "top", size: 10 },
  ragAmber: { bold: true, fill: PALETTE.amber, border: true, hAlign: "center", vAlign: "top", size: 10 },
  ragRed: {
    bold: true,
    fill: PALETTE.red,
    color: PALETTE.redText,
    border: true,
    hAlign: "center",
    vAlign: "top",
    size: 10,
  },
  ragNone: {
    fill: PALETTE.none,
    border: true,
    hAlign: "center",
    vAlign: "top",
    size: 10,
    color: PALETTE.neutral,
  },
  rag: { bold: true, border: true, hAlign: "center", vAlign: "top", size: 10 },
  dir: { color: PALETTE.neutral, border: true, vAlign: "top", size: 10, wrap: true },
  dirGood: { bold: true, color: PALETTE.good, border: true, vAlign: "top", size: 10, wrap: true },
  dirBad: { bold: true, color: PALETTE.bad, border: true, vAlign: "top", size: 10, wrap: true },
  value: { vAlign: "top", border: true, size: 10, hAlign: "right" },
  why: { wrap: true, vAlign: "top", border: true, size: 10 },
  keyLabel: { bold: true, size: 10, vAlign: "middle", border: true },
  keyGreen: { fill: PALETTE.green, size: 10, vAlign: "middle", hAlign: "center", border: true, wrap: true },
  keyAmber: { fill: PALETTE.amber, size: 10, vAlign: "middle", hAlign: "center", border: true, wrap: true },
  keyRed: {
    fill: PALETTE.red,
    color: PALETTE.redText,
    size: 10,
    vAlign: "middle",
    hAlign: "center",
    border: true,
    wrap: true,
  },
  keyNone: { fill: PALETTE.none, size: 10, vAlign: "middle", hAlign: "center", border: true, wrap: true },
  keyText: { size: 10, vAlign: "middle", border: true, wrap: true, color: PALETTE.neutral },
  commentary: { wrap: true, vAlign: "top", border: true, size: 10, fill: PALETTE.input },
  key: { size: 8, color: "808080" },
  marker: { size: 8, color: "808080" },
};

const RAG_RULES = [
  { contains: BAND_WORDS.red, style: "ragRed" },
  { contains: BAND_WORDS.amber, style: "ragAmber" },
  { contains: BAND_WORDS.green, style: "ragGreen" },
  { contains: BAND_WORDS.none, style: "ragNone" },
];
const DIRECTION_RULES = [
  { contains: "Improving", style: "dirGood" },
  { contains: "Worsening", style: "dirBad" },
];

/** Narrative lines are cut at word boundaries so that no host needs merged, wrapped cells for them. */
export const NARRATIVE_LINE = 150;

export function wrapLine(s: string, width = NARRATIVE_LINE): string[] {
  const words = s.split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

/** The band's words with its symbol, as the RAG cell shows it. */
export function bandLabel(b: Band): string {
  return `${BAND_SYMBOL[b]} ${BAND_WORDS[b]}`;
}

/**
 * Where printed pages must begin earlier than the printer would begin them: the table starts a page of
 * its own (so the narrative is never printed under the repeated table header), and a heading that
 * would end a page goes over with the row it heads. Pages that simply fill up break by themselves;
 * the simulation follows them (the repeated rows take their room on every page of the table) only to
 * know where the next page starts.
 */
export function paginate(
  heights: number[],
  opts: { pageHeight: number; repeat: { first: number; last: number }; keepWithNext: Set<number> },
): number[] {
  const forced: number[] = [];
  const repeatHeight = heights.slice(opts.repeat.first, opts.repeat.last + 1).reduce((a, h) => a + h, 0);
  let used = 0;
  let pageStart = 0;
  for (let r = 0; r < heights.length; r++) {
    if (r === opts.repeat.first && r > 0) {
      forced.push(r);
      pageStart = r;
      used = 0;
    }
    const own = heights[r];
    let group = own;
    for (let k = r; opts.keepWithNext.has(k) && k + 1 < heights.length; k++) group += heights[k + 1];
    if (r > pageStart && used + own > opts.pageHeight) {
      pageStart = r;
      used = r > opts.repeat.last ? repeatHeight : 0;
    } else if (r > pageStart && used + group > opts.pageHeight && !opts.keepWithNext.has(r - 1)) {
      forced.push(r);
      pageStart = r;
      used = r > opts.repeat.last ? repeatHeight : 0;
    }
    used += own;
  }
  return forced;
}

export function buildCommitteePlan(input: CommitteeInput): CommitteeResult {
  const analysis = forCommittee(input.analysis);
  const width = COLUMNS.length;
  const values: PlanValue[][] = [];
  const formats: (string | null)[][] = [];
  const styleOf: (string | null)[][] = [];
  const heights: number[] = [];
  const merges: Area[] = [];
  const keepWithNext = new Set<number>();
  const styles: Record<string, CellStyle> = { ...BASE_STYLES, ...SPC_STYLES };
  // References such as "LSP-HW2b(i) a" need a wider column than "1.1"; rates carry their unit
  // ("89.1 per 10,000") and need room or Excel shows ###. What they take, the measure and the
  // reason give back, so that the page still fits A4 landscape at 100%.
  // A loop, not Math.max(...array): spreading 150,000 arguments overflows the stack.
  const longestRef = analysis.indicators.reduce((m, i) => Math.max(m, (i.ref ?? "").length), 0);
  const longest = (texts: string[]) => texts.reduce((m, t) => Math.max(m, t.length), 0);
  const fit = (base: number, chars: number, cap: number) =>
    Math.min(cap, Math.max(base, Math.ceil(chars * 0.85) + 1));
  const widths: number[] = COLUMNS.map((c, i) => {
    if (i === COL.ref) return fit(c.width, longestRef, 14);
    if (i === COL.current) return fit(c.width, longest(analysis.indicators.map((a) => a.display)), 16);
    if (i === COL.last)
      return fit(c.width, longest(analysis.indicators.map((a) => a.previous?.display ?? "")), 16);
    return c.width;
  });
  // The SPC column prints only where some indicator has enough periods: a column of "too few points"
  // would take the reason's room to say what the line above the table says once.
  const spcShown = analysis.indicators.some((a) => a.spc !== null);
  const hiddenColumns = spcShown ? [COL.key, COL.source] : [COL.spc, COL.key, COL.source];
  const printed = (i: number) => i < VISIBLE && !hiddenColumns.includes(i);
  const sumPrinted = (f: (w: number) => number) => widths.reduce((a, w, i) => (printed(i) ? a + f(w) : a), 0);
  // The reason is what members read most: the measure and the commentary give way first.
  let over = sumPrinted((w) => w) - widthBudget(COLUMNS.filter((_, i) => printed(i)).length);
  for (const [col, least] of [
    [COL.measure, 22],
    [COL.commentary, 18],
    [COL.why, 24],
  ] as const) {
    const give = Math.max(0, Math.min(over, widths[col] - least));
    widths[col] -= give;
    over -= give;
  }
  const visibleWidth = sumPrinted((w) => w);
  const visiblePoints = sumPrinted(columnPoints);
  const scale = Math.min(100, Math.floor((PAGE_WIDTH_PT / visiblePoints) * 100));
  const narrativeChars = Math.floor(visibleWidth * 1.3);

  const newRow = (height = 15): number => {
    values.push(new Array<PlanValue>(width).fill(null));
    formats.push(new Array<string | null>(width).fill(null));
    styleOf.push(new Array<string | null>(width).fill(null));
    heights.push(height);
    return values.length - 1;
  };
  const set = (r: number, c: number, v: PlanValue, style: string | null): void => {
    values[r][c] = v;
    styleOf[r][c] = style;
  };
  const mergeAcross = (r: number, left: number, right: number, style: string): void => {
    for (let c = left; c <= right; c++) styleOf[r][c] = style;
    if (right > left) merges.push({ top: r, left, bottom: r, right });
  };
  const wide = (v: string, style: string): number => {
    const r = newRow();
    set(r, 0, v, style);
    mergeAcross(r, 0, VISIBLE - 1, style);
    const size = styles[style].size ?? 11;
    // Bold type is about a fifth wider: a long council title at 16 pt bold wraps sooner than plain text.
    const setWidth = styles[style].bold ? size * 1.2 : size;
    heights[r] = Math.min(EXCEL_MAX_ROW, estimateLines(v, visibleWidth, setWidth) * lineHeight(size) + 2);
    return r;
  };
  const cellHeight = (texts: { text: string; col: number }[]): number =>
    Math.min(
      EXCEL_MAX_ROW,
      Math.max(...texts.map((t) => estimateLines(t.text, widths[t.col] - 1))) * lineHeight(10) + 3,
    );

  // Making Data Count: the variation × assurance matrix, then its key.
  const spcBlock = (): void => {
    const { rows, without } = spcMatrix(analysis.indicators);
    if (without === analysis.indicators.length) {
      wide(
        spcKeyLines(analysis.settings.spc.minPoints)[0].replace(
          /:.*$/,
          ": no indicator has enough periods yet.",
        ),
        "summary",
      );
      return;
    }
    newRow(6);
    rows.forEach((cells, i) => {
      const r = newRow(i ? 15 : 28);
      set(r, 0, cells[0], i ? "cell" : "th");
      styleOf[r][1] = i ? "cell" : "th";
      merges.push({ top: r, left: 0, bottom: r, right: 1 });
      cells.slice(1).forEach((v, k) => set(r, 2 + k, v, i ? "value" : "th"));
    });
    if (without)
      wide(`${without} indicator${without === 1 ? " has" : "s have"} too few periods for SPC.`, "rules");
    for (const l of spcKeyLines(analysis.settings.spc.minPoints)) wide(l, "rules");
  };

  const summary = summarise(analysis);
  const narrative = buildNarrative(analysis);
  // Matched against every indicator, left out or not: a note on an indicator the analyst has left out
  // of this paper is set aside below, not mistaken for one whose indicator has gone.
  const carry = carryCommentary(readCommentary(input.existing), input.analysis.indicators);

  // Title block.
  const title = analysis.title ?? analysis.sheet;
  const r0 = wide(`${title}: committee report`, "title");
  set(r0, COL.key, `${COMMITTEE_MARKER} v${PLAN_VERSION}`, "marker");
  const stamp = formatStamp(input.generatedAt);
  wide(
    `${reportedPeriod(analysis) ? `Reporting period: ${reportedPeriod(analysis)}. ` : ""}Source: sheet '${analysis.sheet}'. Generated ${stamp} by Scorecard. ${analysis.indicators.length} indicators.`,
    "subtitle",
  );
  wide(rulesLine(analysis), "rules");
  newRow(6);

  // Summary: words and numbers, readable in greyscale.
  keepWithNext.add(wide("Summary", "heading"));
  const b = summary.bands;
  wide(
    `RAG: ${b.green} Green, ${b.amber} Amber, ${b.red} Red, ${b.none} not banded (no target or for information).`,
    "summary",
  );
  const d = summary.directions;
  const dirParts = [
    `${d.improving} improving`,
    `${d.worsening} worsening`,
    `${d.stable} with no clear change`,
  ];
  if (d.unclear) dirParts.push(`${d.unclear} unclear because of an unusual jump`);
  if (d.other) dirParts.push(`${d.other} for information, where up or down is neither better nor worse`);
  if (d.unknown) dirParts.push(`${d.unknown} with nothing to compare with`);
  wide(`Direction of travel: ${dirParts.join(", ")}.`, "summary");
  const caveatList = Object.entries(summary.caveatCodes)
    .map(([code, n]) => `${FLAG_TITLES[code as FlagCode].toLowerCase()} ${n}`)
    .join(", ");
  wide(
    summary.caveats
      ? `Data-quality caveats on ${plural(summary.caveats, "indicator")}: ${caveatList}.`
      : "No data-quality caveats.",
    "summary",
  );

  // The hidden metadata row names each column's role for the read-back (see commentary.ts); the blank
  // row under it keeps it out of the table's current region, so a sort never takes it in.
  const metaRow = newRow(12);
  COLUMNS.forEach((c, i) => set(metaRow, i, `${COLUMN_TAG}${c.key}`, "key"));

  spcBlock();

  // Narrative, before the table: the table's header repeats on every page it spans, and the
  // narrative must never sit under it.
  const line = (v: string, style: string, height = lineHeight(10) + 1): number => {
    const r = newRow(height);
    set(r, 0, v, style);
    return r;
  };
  const sentences = (heading: string, list: string[], none: string | null): void => {
    if (!list.length && none === null) return;
    newRow(6);
    keepWithNext.add(line(heading, "subheading", 17));
    if (!list.length && none) line(none, "sentence");
    for (const sentence of list) {
      const ls = wrapLine(`• ${sentence}`, narrativeChars);
      ls.forEach((l, i) => {
        const r = line(i ? `   ${l}` : l, "sentence");
        // A sentence is not split across pages.
        if (i < ls.length - 1) keepWithNext.add(r);
      });
    }
  };
  sentences("Performing well", narrative.performingWell, "No indicator is at green this period.");
  sentences("Areas for focus", narrative.areasForFocus, "No indicator is at red or amber this period.");
  sentences("For information", narrative.forInformation, null);
  newRow(8);

  // The key, in colour and words, repeated with the table header on every page.
  const DIRECTION_KEY =
    "Direction: ▲ up, ▼ down, ► unchanged; whether that is better is in words (Improving, Worsening). ⚠ marks a data-quality caveat.";
  // As tall as its longest cell wraps: the direction key narrows as the measure and reason give way.
  const keyLines = Math.max(
    2,
    estimateLines(DIRECTION_KEY, widths[COL.why] + widths[COL.commentary] - 1),
    spcShown ? estimateLines("SPC: ○ noise, ▲▼ signal", widths[COL.spc] - 1) : 0,
  );
  const keyRow = newRow(lineHeight(10) * keyLines + 3);
  set(keyRow, COL.ref, "Key", "keyLabel");
  mergeAcross(keyRow, COL.ref, COL.ref, "keyLabel");
  set(keyRow, COL.measure, `${bandLabel("green")}: on target`, "keyGreen");
  set(keyRow, COL.last, `${bandLabel("amber")}: close to target`, "keyAmber");
  mergeAcross(keyRow, COL.last, COL.current, "keyAmber");
  set(keyRow, COL.target, `${bandLabel("red")}: off target`, "keyRed");
  mergeAcross(keyRow, COL.target, COL.rag, "keyRed");
  set(keyRow, COL.spc, "SPC: ○ noise, ▲▼ signal", "keyText");
  set(keyRow, COL.direction, `${bandLabel("none")}`, "keyNone");
  set(keyRow, COL.why, DIRECTION_KEY, "keyText");
  mergeAcross(keyRow, COL.why, COL.commentary, "keyText");

  // The table.
  const headerLines = COLUMNS.reduce(
    (m, c, i) => (printed(i) ? Math.max(m, estimateLines(c.header, widths[i] - 1)) : m),
    2,
  );
  const headerRow = newRow(lineHeight(10) * headerLines + 4);
  COLUMNS.forEach((c, i) => set(headerRow, i, c.header, i >= VISIBLE ? "key" : "th"));
  let section: string | null = null;
  const number = (r: number, c: number, v: number, a: Assessment, decimals: number): void => {
    set(r, c, v, "value");
    formats[r][c] = excelFormat(a.unit, decimals, a.per);
  };
  for (const a of analysis.indicators) {
    if (a.section !== section && a.section) {
      section = a.section;
      const r = newRow(lineHeight(10) + 4);
      set(r, 0, a.section, "section");
      mergeAcross(r, 0, VISIBLE - 1, "section");
      keepWithNext.add(r);
    }
    const r = newRow();
    const dir = directionText(a);
    const caveats = a.flags.filter((f) => CAVEAT_CODES.includes(f.code));
    const reviews = (input.reviews?.[a.key] ?? []).filter((m) => m.value === a.value);
    const dqParts = [...new Set(caveats.map((f) => FLAG_TITLES[f.code]))];
    if (a.dataQuality && caveats.some((f) => f.code === "data-quality-note"))
      dqParts.push(`"${a.dataQuality}"`);
    for (const m of reviews) dqParts.push(`✓ Reviewed: ${m.note}`);
    const commentary = carry.text.get(a.key) ?? null;
    set(r, COL.ref, text(a.ref), "ref");
    set(r, COL.measure, a.title, "cell");
    if (a.previous) number(r, COL.last, a.previous.value, a, decimalsFor(a, a.previous.display));
    else set(r, COL.last, null, "value");
    if (a.value !== null) number(r, COL.current, a.value, a, a.decimals);
    else set(r, COL.current, text(a.display) ?? "No value", "value");
    const benchmarks = a.benchmarks
      .filter((x) => x.display)
      .map((x) => {
        const side = benchmarkSide(a, x.value);
        return `${x.label} ${x.display}${side ? ` (ours ${side})` : ""}`;
      });
    const targetText = [text(a.targetText) ?? "No target", ...benchmarks].join("\n");
    set(r, COL.target, targetText, "text");
    set(r, COL.rag, bandLabel(a.band), "rag");
    const spc = spcCell(a);
    set(r, COL.spc, spc, "text");
    // The last six periods: as many block glyphs as the direction column holds on one line.
    const spark = sparkline(a.series.slice(-SPARK_PERIODS));
    const dirCell = spark ? `${dir.text}\n${spark}` : dir.text;
    set(r, COL.direction, dirCell, "dir");
    const why = [dqParts.length ? `⚠ ${dqParts.join("; ")}.` : "", a.bandReason, a.trend.reason]
      .filter(Boolean)
      .join(" ");
    set(r, COL.why, why, "why");
    set(r, COL.commentary, text(commentary), "commentary");
    set(r, COL.key, a.key, "key");
    set(r, COL.source, carry.sourceWritten.get(a.key) ?? null, "key");
    heights[r] = cellHeight([
      { text: a.title, col: COL.measure },
      { text: targetText, col: COL.target },
      { text: spc, col: COL.spc },
      { text: dirCell, col: COL.direction },
      { text: why, col: COL.why },
      { text: commentary ?? "", col: COL.commentary },
    ]);
  }
  const tableEnd = values.length - 1;

  // Commentary whose indicator has gone is kept, never dropped.
  // Commentary with no row in this paper is kept below the printed area, never dropped: notes on
  // indicators left out of this paper, then notes whose indicator has gone. Both come back to their
  // row when it returns.
  const printedEnd = values.length - 1;
  const inPaper = new Set(analysis.indicators.map((a) => a.key));
  const setAside = input.analysis.indicators
    .filter((a) => !inPaper.has(a.key) && carry.text.get(a.key) && !carry.sourceWritten.has(a.key))
    .map((a) => ({ key: a.key, ref: a.ref ?? "", title: a.title, text: carry.text.get(a.key) ?? "" }));
  const kept = (heading: string, list: { key: string; ref: string; title: string; text: string }[]) => {
    if (!list.length) return;
    newRow(8);
    keepWithNext.add(wide(heading, "heading"));
    for (const { key, ...c } of list) {
      const r = newRow();
      set(r, COL.ref, text(c.ref), "ref");
      set(r, COL.measure, text(c.title) ?? key, "cell");
      for (let col = COL.last; col < COL.commentary; col++) styleOf[r][col] = "cell";
      set(r, COL.commentary, c.text, "commentary");
      set(r, COL.key, `${RETIRED_PREFIX}${key}`, "key");
      heights[r] = cellHeight([
        { text: c.title, col: COL.measure },
        { text: c.text, col: COL.commentary },
      ]);
    }
  };
  kept("Commentary on indicators left out of this paper (not printed)", setAside);
  const retired = carry.retired;
  kept("Retired commentary: indicators no longer on the scorecard (not printed)", retired);

  const repeatRows = { first: keyRow + 1, last: headerRow + 1 };
  const pageBreaks = paginate(heights, {
    pageHeight: (PAGE_HEIGHT_PT * 100) / scale - 4,
    repeat: { first: keyRow, last: headerRow },
    keepWithNext,
  });

  const plan: SheetPlan = {
    name: input.name,
    values,
    styles,
    styleAreas: groupStyles(styleOf),
    merges,
    columnWidths: widths,
    hiddenColumns,
    hiddenRows: [metaRow],
    numberFormats: formats,
    conditional:
      tableEnd > headerRow
        ? [
            {
              area: { top: headerRow + 1, left: COL.rag, bottom: tableEnd, right: COL.rag },
              rules: RAG_RULES,
            },
            {
              area: { top: headerRow + 1, left: COL.direction, bottom: tableEnd, right: COL.direction },
              rules: DIRECTION_RULES,
            },
            {
              area: { top: headerRow + 1, left: COL.spc, bottom: tableEnd, right: COL.spc },
              rules: SPC_RULES,
            },
          ]
        : [],
    rowHeights: heights,
    autoHeight: tableEnd > headerRow ? { top: headerRow + 1, bottom: tableEnd } : null,
    // Nothing frozen: the narrative above the table is taller than a screen.
    freeze: { rows: 0, cols: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      repeatRows,
      footerLeft: `${cutText(title, 60, "…")}: generated ${stamp}`,
      footerRight: "Page &P of &N",
      headerCenter: printKey(spcShown),
      printArea: { top: 0, left: 0, bottom: printedEnd, right: VISIBLE - 1 },
      scale,
      margins: MARGINS,
    },
    pageBreaks,
    commentary: {
      column: COL.commentary,
      keyColumn: COL.key,
      sourceColumn: COL.source,
      headerRow,
      metaRow,
    },
  };
  const limited = fitExcelLimits(plan);
  return {
    plan: limited.plan,
    carried: carry.carried,
    retired: retired.length,
    setAside: setAside.length,
    summary,
    truncated: limited.truncated,
  };
}

function decimalsFor(a: Assessment, display: string): number {
  const m = /\.(\d+)/.exec(display);
  return m ? m[1].length : a.unit === "percent" && !/%/.test(display) ? a.decimals : 0;
}

function formatStamp(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Groups cells by style into rectangles: runs along each row, then identical runs stacked down
 * consecutive rows. Formatting calls then grow with the number of styles and blocks, not cells.
 */
export function groupStyles(styleOf: (string | null)[][]): { style: string; areas: Area[] }[] {
  const open = new Map<string, Area>();
  const done = new Map<string, Area[]>();
  const push = (style: string, a: Area) => done.set(style, [...(done.get(style) ?? []), a]);
  for (let r = 0; r < styleOf.length; r++) {
    const runs: { style: string; left: number; right: number }[] = [];
    const row = styleOf[r];
    for (let c = 0; c < row.length; c++) {
      const s = row[c];
      if (s === null) continue;
      const last = runs[runs.length - 1];
      if (last && last.style === s && last.right === c - 1) last.right = c;
      else runs.push({ style: s, left: c, right: c });
    }
    const seen = new Set<string>();
    for (const run of runs) {
      const k = `${run.style}|${run.left}|${run.right}`;
      seen.add(k);
      const o = open.get(k);
      if (o && o.bottom === r - 1) o.bottom = r;
      else {
        if (o) push(run.style, o);
        open.set(k, { top: r, left: run.left, bottom: r, right: run.right });
      }
    }
    for (const [k, a] of open) {
      if (!seen.has(k) && a.bottom < r) {
        push(k.split("|")[0], a);
        open.delete(k);
      }
    }
  }
  for (const [k, a] of open) push(k.split("|")[0], a);
  return [...done.entries()].map(([style, areas]) => ({ style, areas }));
}
