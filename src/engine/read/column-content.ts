/**
 * What a column's cells hold, whatever its header says: percentages, counts, RAG ratings, arrows,
 * polarity words, units, long text; and of its figures, whether they repeat or are round (as targets
 * are) or are whole numbers (as counts are); and of its text, whether it is distinct and long (as
 * measures' titles are) or short codes (as references are).
 */
import { Cell, isError } from "../grid";
import { SUPPRESSED, isDateFormat, isPercentFormat, parseMeasurement } from "./values";

export type CellClass =
  | "percent"
  | "number"
  | "date"
  | "rag"
  | "arrow"
  | "direction"
  | "polarity"
  | "unit"
  | "missing"
  | "long-text"
  | "text";

const CLASS_WORDS: Record<CellClass, string> = {
  percent: "percentages",
  number: "numbers",
  date: "dates",
  rag: "RAG ratings",
  arrow: "arrows",
  direction: "direction words",
  polarity: "polarity words",
  unit: "units",
  missing: "marked as not available",
  "long-text": "long text",
  text: "short text",
};

// RAG letters and words, and the status words councils use in their place.
const RAG =
  /^(?:r|a|g|b|ra|ag|a\/g|r\/a|red|amber|green|blue|red\/amber|amber\/green|red amber|amber green|on track|off track|at risk|achieved|not achieved|met|not met|exceeded|on target|off target|close to target|below target|above target|near target)$/i;
// Arrows, including the Wingdings letters that show as arrows in the council's font (é up, ê down,
// è right, ç left in Wingdings; ñ up and ò down in Wingdings 3's "ñòó" range as pasted into text).
const ARROW = /^[↑↓↔→←↗↘↕▲▼►◄▶◀⬆⬇⬌⇧⇩⇑⇓⇒➚➘➔➙➜éêèçñò]$/;
const DIRECTION =
  /^(?:up|down|same|level|static|stable|no change|unchanged|maintained|improv(?:e|ed|es|ing|ement)|worse(?:n|ns|ned|ning)?|better|declin(?:e|ed|es|ing)|deteriorat(?:e|ed|es|ing|ion)|increas(?:e|ed|es|ing)|decreas(?:e|ed|es|ing))$/i;
// A cell that is a direction statement ("Lower is better"), not a title that contains one.
const POLARITY =
  /^(?:higher|lower|high|low|rise|fall|bigger|smaller|increase|decrease|bell[\s-]*shaped|within range|range|maximise|minimise|maximize|minimize)\b.{0,40}$|^[a-z]+(?:\s+[a-z]+)?\s+(?:is|are)\s+(?:better|best|good)\b.{0,20}$/i;
const UNIT =
  /^(?:percentage|percent|%|number|no\.?|count|rate|ratio|days|weeks|months|score|average|£|cost|rate per [\d,]+(?: [a-z0-9 ]{0,30})?|per [\d,]+(?: [a-z0-9 ]{0,30})?)$/i;
const NUMERIC_TEXT = /^[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?\s*(%)?(?:\s.*)?$/;
const MISSING = /^(?:n\/?a|na|-+|–|—|\.\.?|\*|x|tbc|tba|no data|not available|nil)$/i;

export function classifyCell(cell: Cell): CellClass | null {
  const v = cell.value;
  if (v === null) return null;
  if (typeof v === "number") {
    if (isDateFormat(cell.format)) return "date";
    return isPercentFormat(cell.format) ? "percent" : "number";
  }
  if (typeof v === "boolean" || isError(v)) return "missing";
  const s = v.replace(/\s+/g, " ").trim();
  if (!s) return null;
  if (MISSING.test(s) || SUPPRESSED.test(s)) return "missing";
  if (ARROW.test(s)) return "arrow";
  if (RAG.test(s)) return "rag";
  if (DIRECTION.test(s)) return "direction";
  if (/^\d/.test(s) || /^[-+−.]\d/.test(s)) {
    const m = NUMERIC_TEXT.exec(s);
    if (m && /\d/.test(s)) return m[1] ? "percent" : "number";
  }
  if (UNIT.test(s)) return "unit";
  if (s.length <= 60 && POLARITY.test(s)) return "polarity";
  return s.length > 40 ? "long-text" : "text";
}

export interface ColumnProfile {
  filled: number;
  counts: Partial<Record<CellClass, number>>;
}

export function profileCells(cells: Cell[]): ColumnProfile {
  const counts: Partial<Record<CellClass, number>> = {};
  let filled = 0;
  for (const c of cells) {
    const k = classifyCell(c);
    if (k === null) continue;
    filled++;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return { filled, counts };
}

/** The most common kind of cell in the column, as "19 of 19 cells are percentages". */
export function describeContent(p: ColumnProfile): string {
  if (!p.filled) return "its cells are blank";
  let best: CellClass = "text";
  let most = -1;
  for (const [k, n] of Object.entries(p.counts) as [CellClass, number][]) {
    if (n > most) [best, most] = [k, n];
  }
  if (best === "missing" && most < p.filled) {
    // "2 of 19 cells are n/a" says little; the kind of the rest says more.
    let next: CellClass | null = null;
    let n2 = -1;
    for (const [k, n] of Object.entries(p.counts) as [CellClass, number][])
      if (k !== "missing" && n > n2) [next, n2] = [k, n];
    if (next) [best, most] = [next, n2];
  }
  return `${most} of ${p.filled} cells are ${CLASS_WORDS[best]}`;
}

export interface FigureStats {
  /** Cells read as numbers (in the cell's own unit: 94.4% is 0.944). */
  values: number[];
  integers: number;
  distinct: number;
  /** Share of the commonest figure: a target often repeats down its column. */
  commonest: number;
  /** Share of round figures: whole tens, whole percentages in fives. */
  round: number;
}

export interface TextStats {
  count: number;
  distinct: number;
  meanLength: number;
  /** Short codes: "NI 59", "1.1", "SCC/011b", "LAC". */
  codes: number;
  /** Whole words of several letters: titles and sentences. */
  wordy: number;
  /** Sentences (ending in a full stop, or two of them): comments rather than titles. */
  sentences: number;
  /** Cells looked at, filled or not. */
  rows: number;
}

const CODE = /^(?:[A-Za-z]{0,6}[\s./_-]?\d[\w./-]{0,10}|[A-Z][A-Z0-9./_-]{1,9})$/;

function isRound(v: number, percent: boolean): boolean {
  const x = percent ? v * 100 : v;
  if (Math.abs(x) < 1e-9) return false;
  return Math.abs(x - Math.round(x / 5) * 5) < 1e-9;
}

export function figureStats(cells: Cell[]): FigureStats {
  const values: number[] = [];
  let integers = 0;
  let round = 0;
  const seen = new Map<number, number>();
  for (const cell of cells) {
    if (cell.value === null || cell.value === "") continue;
    const m = parseMeasurement(cell);
    if (m.kind !== "number" || m.value === null) continue;
    values.push(m.value);
    if (Number.isInteger(m.value)) integers++;
    if (isRound(m.value, m.unit === "percent")) round++;
    seen.set(m.value, (seen.get(m.value) ?? 0) + 1);
  }
  let most = 0;
  for (const n of seen.values()) if (n > most) most = n;
  const n = values.length || 1;
  return { values, integers, distinct: seen.size, commonest: most / n, round: round / n };
}

export function textStats(cells: Cell[]): TextStats {
  const seen = new Set<string>();
  let count = 0;
  let length = 0;
  let codes = 0;
  let wordy = 0;
  let sentences = 0;
  for (const cell of cells) {
    if (typeof cell.value !== "string") {
      if (typeof cell.value === "number" && !isDateFormat(cell.format)) {
        // A reference written as a number: 1.1, 11.13.
        count++;
        codes++;
        length += String(cell.value).length;
        seen.add(String(cell.value));
      }
      continue;
    }
    const s = cell.value.replace(/\s+/g, " ").trim();
    if (!s) continue;
    count++;
    length += s.length;
    seen.add(s.toLowerCase());
    if (s.length <= 14 && CODE.test(s)) codes++;
    if (/[a-z]{3,}\s+[a-z]{2,}/i.test(s)) wordy++;
    if (/[a-z)][.!?]$/.test(s) || /[a-z][.!?]\s+[A-Z]/.test(s)) sentences++;
  }
  return {
    count,
    distinct: seen.size,
    meanLength: count ? length / count : 0,
    codes,
    wordy,
    sentences,
    rows: cells.length,
  };
}

export interface ColumnContent {
  profile: ColumnProfile;
  figures: FigureStats;
  text: TextStats;
  /** Cells looked at (filled or not). */
  rows: number;
}

/**
 * What a column holds. Its text is judged on the rows that hold figures (the indicators' rows), so that
 * section names and comment rows do not blur its titles or codes.
 */
export function columnContent(cells: Cell[], figureRows?: boolean[]): ColumnContent {
  const indicatorCells = figureRows ? cells.filter((_, i) => figureRows[i]) : cells;
  return {
    profile: profileCells(cells),
    figures: figureStats(cells),
    text: textStats(indicatorCells.length ? indicatorCells : cells),
    rows: cells.length,
  };
}

/** Share of the filled cells that hold one of the classes. */
export function share(p: ColumnProfile, ...classes: CellClass[]): number {
  if (!p.filled) return 0;
  let n = 0;
  for (const k of classes) n += p.counts[k] ?? 0;
  return n / p.filled;
}
