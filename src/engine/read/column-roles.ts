/**
 * Every column's role, as a pipeline of readings: header words weighed against cells, then the columns
 * that name the indicators, then the analyst's pins, then time, then the figure columns the words left
 * open. No step needs a known word to go on: an unknown header lowers the confidence, never stops the read.
 */
import { ColumnFacts } from "./column-facts";
import { ColumnInfo, SeriesColumn } from "./column-info";
import { directionColumns } from "./direction-columns";
import { PINNED } from "./evidence";
import { labelColumns } from "./label-columns";
import { ROLE_NAMES, Role } from "./roles";
import { seriesColumns } from "./series-columns";
import { valueColumns } from "./value-columns";
import { wordRole } from "./word-roles";

export interface TableColumns {
  columns: ColumnInfo[];
  /** The column of each single-column role. */
  roles: Partial<Record<Role, number>>;
  /** The time series, in time order. */
  series: SeriesColumn[];
  benchmarks: number[];
}

/** Pins from the settings win over detection: the pinned column takes the role, any other loses it. */
function applyPins(
  columns: ColumnInfo[],
  pins: Partial<Record<Role, number>>,
  letters: Partial<Record<Role, string>>,
): void {
  for (const [role, c] of Object.entries(pins) as [Role, number][]) {
    const letter = (letters[role] ?? "").toUpperCase();
    for (const col of columns)
      if (col.role === role && role !== "period" && role !== "benchmark") {
        col.role = null;
        col.confidence = 0;
        col.evidence = `${col.letter} is not read: the settings pin ${ROLE_NAMES[role]} to column ${letter}`;
      }
    Object.assign(columns[c], {
      role,
      pinned: true,
      confidence: PINNED,
      evidence: `${columns[c].letter} is ${ROLE_NAMES[role]} because the settings pin it there`,
    });
  }
}

/** One column per single-column role: the first keeps it, later ones are not read. */
function uniqueRoles(columns: ColumnInfo[]): { roles: Partial<Record<Role, number>>; benchmarks: number[] } {
  const roles: Partial<Record<Role, number>> = {};
  const benchmarks: number[] = [];
  for (const c of columns) {
    if (c.role === "period" || c.role === null) continue;
    if (c.role === "benchmark") {
      benchmarks.push(c.col);
      continue;
    }
    const first = roles[c.role];
    if (first === undefined) roles[c.role] = c.col;
    else if (!c.pinned) {
      c.evidence = `${c.letter} is not read: its header says '${c.own.replace(/\s+/g, " ")}', but ${columns[first].letter} is already ${ROLE_NAMES[c.role]}`;
      c.role = null;
      c.confidence = 0;
    }
  }
  return { roles, benchmarks };
}

/** Reads the role of every column of one table. */
export function readColumns(
  facts: ColumnFacts[],
  pins: Partial<Record<Role, number>> = {},
  pinLetters: Partial<Record<Role, string>> = {},
): TableColumns {
  const columns: ColumnInfo[] = facts.map((f) => ({
    col: f.col,
    letter: f.letter,
    label: f.label,
    own: f.own,
    period: f.when,
    ...wordRole(f),
  }));
  labelColumns(facts, columns);
  applyPins(columns, pins, pinLetters);
  const series = seriesColumns(columns, (col) => facts[col].content.figures.round);
  valueColumns(facts, columns, series);
  directionColumns(facts, columns, series);
  const { roles, benchmarks } = uniqueRoles(columns);
  return { columns, roles, series, benchmarks };
}
