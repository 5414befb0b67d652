/**
 * Assessments -> SheetPlan: every cell, style, merge, width and print setting of the committee sheet,
 * host-neutral, so that the sheet looks the same from the ribbon and from the command line. The plan
 * also carries the analyst's commentary across refreshes, keyed by indicator, and never drops it.
 */
import type { Analysis, Assessment } from "./assess";
import type { Band } from "./banding";
import type { ReviewMark } from "./config";
import { reportedPeriod } from "./as-at";
import { forCommittee } from "./committee-selection";
import { Area, Grid, cellAt, cellText, gridWidth } from "./grid";
import { buildNarrative } from "./narrative";
import { CAVEAT_CODES, FLAG_TITLES, FlagCode } from "./quality";
import type { Direction } from "./trend";
import { describeAmount, excelFormat } from "./values";

/** Written into row 1 of the key column; the hosts only ever overwrite a sheet that carries it. */
export const COMMITTEE_MARKER = "scorecard:committee";
export const PLAN_VERSION = 1;

/** Whether a cell's value is the add-in's marker. */
export function isCommitteeMarker(value: unknown): boolean {
  return typeof value === "string" && value.startsWith(COMMITTEE_MARKER);
}

/** Whether a sheet read into a grid is the add-in's own: the marker sits in its row 1. */
export function isCommitteeGrid(grid: Grid): boolean {
  return (grid.originRow ?? 0) === 0 && (grid.rows[0] ?? []).some((c) => isCommitteeMarker(c.value));
}

/**
 * The sheet to write: the wanted name if it is free or the add-in's own, else the first "Name (2)",
 * "Name (3)"... that is. A sheet the add-in did not make is never the answer.
 */
export function chooseCommitteeName(
  wanted: string,
  names: string[],
  isOurs: (name: string) => boolean,
): { name: string; ours: boolean; renamed: boolean } {
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : ` (${i})`;
    const name = wanted.slice(0, 31 - suffix.length) + suffix;
    if (!names.includes(name)) return { name, ours: false, renamed: i > 1 };
    if (isOurs(name)) return { name, ours: true, renamed: i > 1 };
  }
}
const KEY_HEADER = "key";
const RETIRED = "retired:";

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
    footerLeft: string;
    footerRight: string;
    printArea: Area;
  };
  /** Where commentary lives, for the hosts' read-back and for tests. */
  commentary: { column: number; keyColumn: number; headerRow: number };
}

export interface CommitteeResult {
  plan: SheetPlan;
  /** Indicators whose commentary was carried over from the previous sheet. */
  carried: number;
  /** Commentary entries kept in the retired block because their indicator has gone. */
  retired: number;
  summary: Summary;
}

export interface Summary {
  bands: Record<Band, number>;
  directions: Record<"improving" | "worsening" | "stable" | "other" | "unknown", number>;
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

// A colour-blind-safe palette (Okabe-Ito tints) whose greys also differ in print; black text on all.
export const PALETTE = {
  green: "7FD1B0",
  amber: "F0E442",
  red: "E69F00",
  redStrong: "D55E00",
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
const BAND_SYMBOL: Record<Band, string> = { green: "●", amber: "◆", red: "▲", none: "–" };

const COLUMNS = [
  { key: "ref", header: "Ref", width: 9 },
  { key: "measure", header: "Measure", width: 38 },
  { key: "last", header: "Last year", width: 10 },
  { key: "spark", header: "Trend", width: 11 },
  { key: "current", header: "Current", width: 11 },
  { key: "target", header: "Target", width: 18 },
  { key: "rag", header: "RAG", width: 11 },
  { key: "direction", header: "Direction", width: 14 },
  { key: "dq", header: "Data quality", width: 22 },
  { key: "why", header: "Why", width: 44 },
  { key: "commentary", header: "Commentary", width: 38 },
  { key: "key", header: KEY_HEADER, width: 12 },
] as const;
type ColumnKey = (typeof COLUMNS)[number]["key"];
const COL = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i])) as Record<ColumnKey, number>;
const VISIBLE = COLUMNS.length - 1;

const SPARK = "▁▂▃▄▅▆▇█";

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
  const arrow = (headline.change ?? 0) > 0 ? "▲" : (headline.change ?? 0) < 0 ? "▼" : "►";
  switch (d) {
    case "improving":
      return { text: `${arrow} Improving`, tone: "good" };
    case "worsening":
      return { text: `${arrow} Worsening`, tone: "bad" };
    case "stable":
      return { text: "► Stable", tone: "neutral" };
    case "up":
      return { text: "▲ Up", tone: "neutral" };
    case "down":
      return { text: "▼ Down", tone: "neutral" };
    default:
      return { text: "– No earlier value", tone: "neutral" };
  }
}

export function summarise(analysis: Analysis): Summary {
  const bands: Record<Band, number> = { green: 0, amber: 0, red: 0, none: 0 };
  const directions = { improving: 0, worsening: 0, stable: 0, other: 0, unknown: 0 };
  const caveatCodes: Partial<Record<FlagCode, number>> = {};
  let caveats = 0;
  for (const a of analysis.indicators) {
    bands[a.band]++;
    const d = a.trend.direction;
    if (d === "improving" || d === "worsening" || d === "stable" || d === "unknown") directions[d]++;
    else directions.other++;
    const codes = new Set(a.flags.map((f) => f.code).filter((c) => CAVEAT_CODES.includes(c)));
    if (codes.size) caveats++;
    for (const c of codes) caveatCodes[c] = (caveatCodes[c] ?? 0) + 1;
  }
  return { bands, directions, caveats, caveatCodes };
}

export interface ExistingCommentary {
  /** Commentary by indicator key, live and retired alike. */
  byKey: Map<string, { text: string; ref: string; title: string }>;
}

/** Reads the analyst's commentary out of a committee sheet the add-in wrote before. */
export function readCommentary(grid: Grid | undefined): ExistingCommentary {
  const byKey = new Map<string, { text: string; ref: string; title: string }>();
  if (!grid) return { byKey };
  const width = gridWidth(grid);
  // Find the table header by its hidden "key" cell, wherever columns may have moved.
  let headerRow = -1;
  let keyCol = -1;
  let commentaryCol = -1;
  for (let r = 0; r < grid.rows.length && headerRow < 0; r++) {
    for (let c = 0; c < width; c++) {
      if (cellText(cellAt(grid, r, c)) === KEY_HEADER) {
        for (let cc = 0; cc < width; cc++)
          if (cellText(cellAt(grid, r, cc)).toLowerCase() === "commentary") commentaryCol = cc;
        if (commentaryCol >= 0) {
          headerRow = r;
          keyCol = c;
          break;
        }
      }
    }
  }
  if (headerRow < 0) return { byKey };
  for (let r = headerRow + 1; r < grid.rows.length; r++) {
    const rawKey = cellText(cellAt(grid, r, keyCol));
    if (!rawKey || rawKey === KEY_HEADER) continue;
    const key = rawKey.startsWith(RETIRED) ? rawKey.slice(RETIRED.length) : rawKey;
    const text = cellText(cellAt(grid, r, commentaryCol));
    if (!text) continue;
    byKey.set(key, {
      text,
      ref: cellText(cellAt(grid, r, COL.ref)),
      title: cellText(cellAt(grid, r, COL.measure)),
    });
  }
  return { byKey };
}

function rulesLine(analysis: Analysis): string {
  const s = analysis.settings;
  const models = new Set(analysis.indicators.map((a) => a.targets.kind));
  const parts: string[] = [];
  if (models.has("min-upper"))
    parts.push(
      "minimum/upper targets: green at or past the upper target, amber between, red short of the minimum",
    );
  if (models.has("single")) {
    const tol =
      s.tolerance.kind === "relative"
        ? `${Math.round(s.tolerance.amount * 1000) / 10}% of the target`
        : describeAmount(s.tolerance.amount, "percent", 1);
    parts.push(`single targets: green when met, amber when missed by no more than ${tol}, otherwise red`);
  }
  if (models.has("range")) parts.push("ranges: green inside, amber just outside");
  const trend =
    s.trend.sensitivity === "significance"
      ? `Direction compares the latest period with the one before; where counts are known a change must be significant at 95%, otherwise changes under ${describeAmount(s.trend.materialityPoints, "percent", 1)} (or ${Math.round(s.trend.materialityRelative * 1000) / 10}% of the value) count as stable.`
      : "Direction compares the latest period with the one before; every change counts.";
  return `Rules: ${parts.length ? parts.join("; ") : "no targets"}. ${trend}`;
}

/** Text that Excel must show as written; the hosts never let it become a formula. */
function text(s: string | undefined | null): string | null {
  return s === undefined || s === null || s === "" ? null : s;
}

function estimateLines(s: string, widthChars: number): number {
  if (!s) return 1;
  const perLine = Math.max(4, Math.floor(widthChars * 1.15));
  let lines = 0;
  for (const para of s.split("\n")) lines += Math.max(1, Math.ceil(para.length / perLine));
  return lines;
}

const BASE_STYLES: Record<string, CellStyle> = {
  title: { bold: true, size: 16, color: PALETTE.header, wrap: true, vAlign: "top" },
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
  ragRed: { bold: true, fill: PALETTE.red, border: true, hAlign: "center", vAlign: "top", size: 10 },
  ragNone: {
    fill: PALETTE.none,
    border: true,
    hAlign: "center",
    vAlign: "top",
    size: 10,
    color: PALETTE.neutral,
  },
  rag: { bold: true, border: true, hAlign: "center", vAlign: "top", size: 10 },
  dir: { color: PALETTE.neutral, border: true, vAlign: "top", size: 10 },
  dirGood: { bold: true, color: PALETTE.good, border: true, vAlign: "top", size: 10 },
  dirBad: { bold: true, color: PALETTE.bad, border: true, vAlign: "top", size: 10 },
  value: { vAlign: "top", border: true, size: 10, hAlign: "right" },
  dq: { wrap: true, vAlign: "top", border: true, size: 9, color: PALETTE.bad },
  why: { wrap: true, vAlign: "top", border: true, size: 9 },
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
export const NARRATIVE_LINE = 190;

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

export function buildCommitteePlan(input: CommitteeInput): CommitteeResult {
  const analysis = forCommittee(input.analysis);
  const width = COLUMNS.length;
  const values: PlanValue[][] = [];
  const formats: (string | null)[][] = [];
  const styleOf: (string | null)[][] = [];
  const heights: number[] = [];
  const merges: Area[] = [];
  const styles: Record<string, CellStyle> = { ...BASE_STYLES };
  // References such as "LSP-HW2b(i) a" need a wider column than "1.1".
  const longestRef = Math.max(0, ...analysis.indicators.map((i) => (i.ref ?? "").length));
  // Rates and scores carry their unit ("89.1 per 10,000"), which needs room or Excel shows ###.
  const longest = (texts: string[]) => Math.max(0, ...texts.map((t) => t.length));
  const fit = (base: number, chars: number, cap: number) =>
    Math.min(cap, Math.max(base, Math.ceil(chars * 1.1) + 2));
  const widths = COLUMNS.map((c, i) => {
    if (i === COL.ref) return fit(c.width, longestRef, 18);
    if (i === COL.current) return fit(c.width, longest(analysis.indicators.map((a) => a.display)), 18);
    if (i === COL.last)
      return fit(c.width, longest(analysis.indicators.map((a) => a.previous?.display ?? "")), 18);
    return c.width;
  });

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
  const wide = (v: string, style: string, lineHeight = 15): number => {
    const r = newRow();
    set(r, 0, v, style);
    for (let c = 1; c < VISIBLE; c++) styleOf[r][c] = style;
    merges.push({ top: r, left: 0, bottom: r, right: VISIBLE - 1 });
    const total = widths.slice(0, VISIBLE).reduce((s, w) => s + w, 0);
    // Larger type fits fewer characters on a line.
    heights[r] = Math.max(
      lineHeight,
      estimateLines(v, (total * 11) / (styles[style].size ?? 11)) * lineHeight,
    );
    return r;
  };

  const summary = summarise(analysis);
  const narrative = buildNarrative(analysis);
  const existing = readCommentary(input.existing);

  // Title block.
  const title = analysis.title ?? analysis.sheet;
  const r0 = wide(`${title}: committee report`, "title", 22);
  set(r0, COL.key, `${COMMITTEE_MARKER} v${PLAN_VERSION}`, "marker");
  const stamp = formatStamp(input.generatedAt);
  wide(
    `${reportedPeriod(analysis) ? `Reporting period: ${reportedPeriod(analysis)}. ` : ""}Source: sheet '${analysis.sheet}'. Generated ${stamp} by Scorecard. ${analysis.indicators.length} indicators.`,
    "subtitle",
  );
  wide(rulesLine(analysis), "rules", 12);
  newRow(8);

  // Summary: words and numbers, readable in greyscale.
  wide("Summary", "heading", 18);
  const b = summary.bands;
  wide(
    `RAG: ${b.green} Green, ${b.amber} Amber, ${b.red} Red, ${b.none} not banded (no target or for information).`,
    "summary",
  );
  const d = summary.directions;
  wide(
    `Direction of travel: ${d.improving} improving, ${d.worsening} worsening, ${d.stable} stable${d.other ? `, ${d.other} moving with no better direction` : ""}${d.unknown ? `, ${d.unknown} with no earlier value` : ""}.`,
    "summary",
  );
  const caveatList = Object.entries(summary.caveatCodes)
    .map(([code, n]) => `${FLAG_TITLES[code as FlagCode].toLowerCase()} ${n}`)
    .join(", ");
  wide(
    summary.caveats
      ? `Data-quality caveats on ${summary.caveats} indicator${summary.caveats === 1 ? "" : "s"}: ${caveatList}.`
      : "No data-quality caveats.",
    "summary",
  );
  newRow(8);

  // The table.
  const headerRow = newRow(30);
  COLUMNS.forEach((c, i) => set(headerRow, i, c.header, i === COL.key ? "key" : "th"));
  let section: string | null = null;
  let carried = 0;
  const number = (r: number, c: number, v: number, a: Assessment, decimals: number): void => {
    set(r, c, v, "value");
    formats[r][c] = excelFormat(a.unit, decimals, a.per);
  };
  for (const a of analysis.indicators) {
    if (a.section !== section && a.section) {
      section = a.section;
      const r = newRow(18);
      set(r, 0, a.section, "section");
      for (let c = 1; c < VISIBLE; c++) styleOf[r][c] = "section";
      merges.push({ top: r, left: 0, bottom: r, right: VISIBLE - 1 });
    }
    const r = newRow();
    const dir = directionText(a);
    const caveats = a.flags.filter((f) => CAVEAT_CODES.includes(f.code));
    const reviews = (input.reviews?.[a.key] ?? []).filter((m) => m.value === a.value);
    const dqParts = [...new Set(caveats.map((f) => FLAG_TITLES[f.code]))];
    if (a.dataQuality && caveats.some((f) => f.code === "data-quality-note"))
      dqParts.push(`"${a.dataQuality}"`);
    for (const m of reviews) dqParts.push(`✓ Reviewed: ${m.note}`);
    const prior = existing.byKey.get(a.key);
    if (prior) carried++;
    const commentary = prior?.text ?? a.sourceCommentary ?? null;
    set(r, COL.ref, text(a.ref), "ref");
    set(r, COL.measure, a.title, "cell");
    if (a.previous) number(r, COL.last, a.previous.value, a, decimalsFor(a, a.previous.display));
    else set(r, COL.last, null, "value");
    set(r, COL.spark, text(sparkline(a.series)), "spark");
    if (a.value !== null) number(r, COL.current, a.value, a, a.decimals);
    else set(r, COL.current, text(a.display) ?? "No value", "value");
    set(r, COL.target, text(a.targetText) ?? "No target", "text");
    set(r, COL.rag, `${BAND_SYMBOL[a.band]} ${BAND_WORDS[a.band]}`, "rag");
    set(r, COL.direction, dir.text, "dir");
    set(r, COL.dq, dqParts.length ? `⚠ ${dqParts.join("; ")}` : null, "dq");
    const why = `${a.bandReason} ${a.trend.reason}`;
    set(r, COL.why, why, "why");
    set(r, COL.commentary, text(commentary), "commentary");
    set(r, COL.key, a.key, "key");
    heights[r] =
      Math.max(
        estimateLines(a.title, COLUMNS[COL.measure].width),
        estimateLines(why, COLUMNS[COL.why].width * 1.1) * 0.9,
        estimateLines(values[r][COL.dq] as string, COLUMNS[COL.dq].width * 1.1) * 0.9,
        estimateLines(commentary ?? "", COLUMNS[COL.commentary].width),
      ) *
        13 +
      4;
  }
  const tableEnd = values.length - 1;

  // Narrative, after the table so that the first page carries the figures.
  const line = (v: string, style: string, height = 14): void => {
    const r = newRow(height);
    set(r, 0, v, style);
  };
  const sentences = (heading: string, list: string[], none: string): void => {
    newRow(8);
    line(heading, "heading", 18);
    if (!list.length) line(none, "sentence");
    for (const sentence of list)
      wrapLine(`• ${sentence}`).forEach((l, i) => line(i ? `   ${l}` : l, "sentence"));
  };
  sentences("Performing well", narrative.performingWell, "No indicator is at green this period.");
  sentences("Areas for focus", narrative.areasForFocus, "No indicator is at red or amber this period.");

  // Commentary whose indicator has gone is kept, never dropped.
  const retired = [...existing.byKey.entries()].filter(
    ([k]) => !analysis.indicators.some((a) => a.key === k),
  );
  if (retired.length) {
    newRow(8);
    wide("Retired commentary (indicators no longer on the scorecard)", "heading", 18);
    for (const [key, c] of retired) {
      const r = newRow();
      set(r, COL.ref, text(c.ref), "ref");
      set(r, COL.measure, text(c.title) ?? key, "cell");
      for (let col = COL.last; col < COL.commentary; col++) styleOf[r][col] = "cell";
      set(r, COL.commentary, c.text, "commentary");
      set(r, COL.key, `${RETIRED}${key}`, "key");
      heights[r] =
        Math.max(
          estimateLines(c.title, COLUMNS[COL.measure].width),
          estimateLines(c.text, COLUMNS[COL.commentary].width),
        ) *
          13 +
        4;
    }
  }

  const plan: SheetPlan = {
    name: input.name,
    values,
    styles,
    styleAreas: groupStyles(styleOf),
    merges,
    columnWidths: widths,
    hiddenColumns: [COL.key],
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
          ]
        : [],
    rowHeights: heights,
    autoHeight: tableEnd > headerRow ? { top: headerRow + 1, bottom: tableEnd } : null,
    freeze: { rows: headerRow + 1, cols: 2 },
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: 1,
      repeatRows: { first: headerRow + 1, last: headerRow + 1 },
      footerLeft: `${title.length > 60 ? `${title.slice(0, 59)}…` : title}: generated ${stamp}`,
      footerRight: "Page &P of &N",
      printArea: { top: 0, left: 0, bottom: values.length - 1, right: VISIBLE - 1 },
    },
    commentary: { column: COL.commentary, keyColumn: COL.key, headerRow },
  };
  return { plan, carried, retired: retired.length, summary };
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
