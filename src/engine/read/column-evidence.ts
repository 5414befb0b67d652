/**
 * A column's role decided from evidence, not from a word list alone: what its header says (every header
 * row above it), what its cells hold (percentages, counts, RAG ratings, arrows, polarity words, units,
 * long text), and where it sits. Each decision keeps a sentence a person can check, such as "F is
 * Current because its header says 'Actual' and 19 of 19 cells are percentages".
 */
import { Cell, isError } from "../grid";
import { isDateFormat, isPercentFormat } from "./values";
import { Role } from "./roles";

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

export const ROLE_NAMES: Record<Role, string> = {
  ref: "Reference",
  measure: "Measure",
  numerator: "Numerator",
  denominator: "Denominator",
  current: "Current",
  periodType: "Period type",
  period: "a period",
  previous: "Previous",
  baseline: "Baseline",
  min: "Minimum",
  upper: "Upper",
  target: "Target",
  polarity: "Polarity",
  dataQuality: "Data quality",
  owner: "Owner",
  frequency: "Frequency",
  commentary: "Commentary",
  benchmark: "a benchmark",
  unit: "Unit",
  previousRag: "the previous RAG",
  previousDirection: "the previous direction of travel",
};

// RAG letters and words, and the status words councils use in their place.
const RAG =
  /^(?:r|a|g|b|ra|ag|a\/g|r\/a|red|amber|green|blue|red\/amber|amber\/green|red amber|amber green|on track|off track|at risk|achieved|not achieved|met|not met|exceeded|on target|off target|close to target|below target|above target|near target)$/i;
// Arrows, including the Wingdings letters that show as arrows in the council's font (é up, ê down,
// è right, ç left in Wingdings; ñ up and ò down in Wingdings 3's "ñòó" range as pasted into text).
const ARROW = /^[↑↓↔→←↗↘↕▲▼►◄▶◀⬆⬇⬌⇧⇩⇑⇓⇒➚➘➔➙➜éêèçñò]$/;
const DIRECTION =
  /^(?:up|down|same|level|static|stable|no change|unchanged|maintained|improv(?:ed|ing)|worse(?:ned|ning)?|better|declin(?:ed|ing)|deteriorat(?:ed|ing)|increas(?:ed|ing)|decreas(?:ed|ing))$/i;
const POLARITY =
  /^(?:higher|lower|high|low|rise|fall|bigger|smaller|increase|decrease|bell[\s-]*shaped|within range|range|maximise|minimise|maximize|minimize)\b.{0,40}$|\b(?:is|are)\s+(?:better|best|good)\b/i;
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
  if (MISSING.test(s)) return "missing";
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

function share(p: ColumnProfile, ...classes: CellClass[]): number {
  if (!p.filled) return 0;
  let n = 0;
  for (const k of classes) n += p.counts[k] ?? 0;
  return n / p.filled;
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

// Roles whose cells are figures: a column of RAG letters or arrows under such a header is the council's
// own rating from last time, whatever the header says.
const FIGURE_ROLES = new Set<Role | null>([
  null,
  "current",
  "previous",
  "period",
  "baseline",
  "min",
  "upper",
  "target",
  "numerator",
  "denominator",
  "benchmark",
]);

export interface ColumnDecision {
  role: Role | null;
  evidence: string;
  /** 0 to 1: how sure the reading is; header words and content that agree are surer than either alone. */
  confidence: number;
}

export interface ColumnHeader {
  letter: string;
  own: string;
  /** Every header label above the column, most general first, without the own label. */
  parents: string[];
  /** The role the header words name, before the cells are looked at. */
  headerRole: Role | null;
  /** Where the header words were found, when not in the own label. */
  headerSource?: string;
  periodLabel?: string;
}

/** The role a column plays, from its header words and its cells, with the sentence that says why. */
export function decideColumn(h: ColumnHeader, p: ColumnProfile): ColumnDecision {
  const content = describeContent(p);
  const says = h.own ? `its header says '${oneLine(h.own)}'` : "it has no header";
  const because = (role: Role | null, why: string): ColumnDecision => ({
    role,
    confidence: confidenceOf(role, h.headerRole, p),
    evidence:
      role === null
        ? `${h.letter} is not read: ${why}`
        : `${h.letter} is ${role === "period" && h.periodLabel ? `the period ${h.periodLabel}` : ROLE_NAMES[role]} because ${why}`,
  });
  const enough = p.filled >= 2;
  const role = h.headerRole;

  if (enough && FIGURE_ROLES.has(role) && share(p, "rag") >= 0.6 && share(p, "number", "percent") < 0.2)
    return because("previousRag", `${says} and ${content}`);
  if (
    enough &&
    (FIGURE_ROLES.has(role) || role === "previousRag") &&
    share(p, "arrow", "direction") >= 0.6 &&
    share(p, "number", "percent") < 0.2
  )
    return because("previousDirection", `${says} and ${content}`);
  if (role === null && enough && share(p, "polarity") >= 0.6 && share(p, "number", "percent") < 0.2)
    return because(
      "polarity",
      `${h.own ? `its header '${oneLine(h.own)}' names no role` : "it has no header"}, and ${content}`,
    );
  if ((role === null || role === "periodType") && enough && share(p, "unit") >= 0.6)
    return because("unit", `${says} and ${content}`);
  if (
    role !== null &&
    FIGURE_ROLES.has(role) &&
    role !== "benchmark" &&
    enough &&
    share(p, "long-text") >= 0.5 &&
    share(p, "number", "percent") < 0.2
  )
    return because("commentary", `${says} but ${content}, which are comments rather than figures`);
  if (role === "ref" && enough && share(p, "long-text") >= 0.5)
    return because("measure", `${says} but ${content}, as measure titles are, not references`);
  if (role === null && enough && share(p, "long-text") >= 0.5 && share(p, "number", "percent") < 0.2)
    return because(
      "commentary",
      `${h.own ? `its header '${oneLine(h.own)}' names no role` : "it has no header"}, and ${content}, which read as comments`,
    );
  if (role !== null) {
    const where = h.headerSource ? ` (from '${oneLine(h.headerSource)}' above it)` : "";
    return because(role, `${says}${where}${p.filled ? ` and ${content}` : ""}`);
  }
  if (!h.own) return because(null, `it has no header and ${content}`);
  return because(null, `its header '${oneLine(h.own)}' names no role and ${content}`);
}

/**
 * A role named by the header and borne out by the cells is the surest reading; a role the cells alone
 * suggest, or one the header names over cells that do not bear it out, is one for the analyst to check.
 */
function confidenceOf(role: Role | null, headerRole: Role | null, p: ColumnProfile): number {
  if (role === null) return 0;
  const named = role === headerRole;
  if (named && p.filled >= 2) return 0.9;
  if (named) return 0.75;
  return 0.6;
}

function oneLine(s: string): string {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}
