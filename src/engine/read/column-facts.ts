/**
 * What is known of a column before its role is chosen: what its header words name (one piece of
 * evidence), the period its header gives (the grammar of time, not a word list), and what its cells
 * hold. The role is decided from all of them in column-roles.ts.
 */
import { Cell } from "../grid";
import { ColumnContent, columnContent } from "./column-content";
import { ColumnHeader } from "./header-labels";
import { parsePeriodInContext, parsePeriodLabel, placeInYear } from "./period-grammar";
import { Period, parsePeriodCell } from "./periods";
import { Role, groupHint, roleOfLabel } from "./roles";

export interface ColumnFacts {
  col: number;
  letter: string;
  /** Every header label above the column, most general first, joined with " / ". */
  label: string;
  own: string;
  parents: string[];
  /** The role the header words name, or null where they name none. */
  headerRole: Role | null;
  /** Where the header words were found, when not in the own label. */
  headerSource?: string;
  /** The column's header read as a period, placed in time by the header rows above it. */
  period?: Period;
  /** A dated figure that is not a period label: "Actual Performance" under a "2013/14" group. */
  when?: Period;
  content: ColumnContent;
  /** The body cells looked at, for the relations between columns (Num / Denom = value). */
  cells: Cell[];
}

/** Roles whose words beside a period still make it a figure of the series ("Actual 2017/18"). */
const SERIES_WORDS = new Set<Role>(["current", "previous", "period"]);

function periodOf(h: ColumnHeader): Period | undefined {
  if (!h.own) return undefined;
  const own = parsePeriodCell(h.ownCell) ?? parsePeriodCell({ value: h.own });
  return parsePeriodInContext(own, h.parents) ?? undefined;
}

/** The role the words over a column name, with the period its header gives. */
function wordsOver(h: ColumnHeader, period: Period | undefined): { role: Role | null; source?: string } {
  let role = h.own ? roleOfLabel(h.own) : null;
  const parentRoles = h.parents.map((p) => roleOfLabel(p));
  const hints = h.parents.map(groupHint);
  if (period && (role === null || role === "previous") && parentRoles.includes("benchmark")) {
    // "England" or "Statistical neighbours" over year columns: comparators, not our own series.
    return { role: "benchmark", source: h.parents[parentRoles.indexOf("benchmark")] };
  }
  // "2016/17 outturn", "Actual 2017/18": a dated figure; whether it is history or the series is
  // decided with the other dated columns.
  if (period && role === "previous" && period.yearEnd) role = null;
  // "2017/18 Q1 Target": the words beside the period name what the column holds for that period.
  const named = period?.qualifier ? roleOfLabel(period.qualifier) : null;
  if (role === null && period && named && !SERIES_WORDS.has(named)) return { role: named };
  if (role === null && period) {
    if (hints.includes("target")) return { role: "target", source: h.parents[hints.indexOf("target")] };
    if (hints.includes("previous")) return { role: "previous", source: h.parents[hints.indexOf("previous")] };
    return { role: "period" };
  }
  // A label such as "Performance from previous financial year" with no sub-label.
  if (role === null && h.own && groupHint(h.own) === "previous") return { role: "previous" };
  return { role };
}

export function columnFacts(
  h: ColumnHeader,
  letter: string,
  cells: Cell[],
  figureRows?: boolean[],
): ColumnFacts {
  const period = periodOf(h);
  const { role, source } = wordsOver(h, period);
  let when = period;
  if (!when && (role === "current" || role === "previous")) {
    for (let i = h.parents.length - 1; i >= 0 && !when; i--)
      when = parsePeriodLabel(h.parents[i]) ?? undefined;
  }
  return {
    col: h.col,
    letter,
    label: h.parts.join(" / "),
    own: h.own,
    parents: h.parents,
    headerRole: role,
    headerSource: source,
    period,
    when,
    content: columnContent(cells, figureRows),
    cells,
  };
}

// Columns whose year is the year being reported: a target's year, the current figure's.
const THIS_YEAR_ROLES = new Set<Role | null>(["target", "min", "upper", "current", "period"]);

/**
 * Months or quarters headed without a year ("Oct | Nov | Dec", "YTD Q3") and with no year above them take
 * the year the rest of the header reports ("2015/16 Target"); a baseline's or last year's year is not it.
 */
export function placeYearless(facts: ColumnFacts[]): void {
  if (!facts.some((f) => f.period?.yearless)) return;
  let year: Period | undefined;
  for (const f of facts) {
    if (!THIS_YEAR_ROLES.has(f.headerRole)) continue;
    for (const label of [f.own, ...f.parents]) {
      const y = parsePeriodLabel(label);
      if (y && y.granularity === "year" && !y.calendar && (!year || y.ordinal > year.ordinal)) year = y;
    }
  }
  if (!year) return;
  for (const f of facts) {
    if (!f.period?.yearless) continue;
    const placed = placeInYear(f.period, year);
    if (f.when === f.period) f.when = placed;
    f.period = placed;
  }
}
