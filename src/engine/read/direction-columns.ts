/**
 * A column of arrows or "Up"/"Down" words can say two things: which way the figure went last time (the
 * direction of travel) or which way is good (the polarity). A person tells them apart by the figures
 * beside them: a direction of travel follows each row's last move, a polarity does not care about it.
 * So a column the cells alone called a direction of travel is weighed against the rows' moves, and where
 * its words disagree with most of them it is read as the polarity instead.
 */
import { Cell } from "../grid";
import { ColumnFacts } from "./column-facts";
import { ColumnInfo, SeriesColumn } from "./column-info";
import { SURE, decided, says } from "./evidence";
import { parseMeasurement } from "./values";

const UP = /^(?:[↑▲⬆⇧⇑↗➚é]|up|higher|high|rise|increase)$/i;
const DOWN = /^(?:[↓▼⬇⇩⇓↘➘ê]|down|lower|low|fall|decrease)$/i;

/** Up (1), down (-1) or neither (0), for a cell that names a way with one arrow or word. */
export function wayOf(cell: Cell | undefined): -1 | 0 | 1 {
  const v = cell?.value;
  if (typeof v !== "string") return 0;
  const s = v.replace(/\s+/g, " ").trim();
  if (UP.test(s)) return 1;
  if (DOWN.test(s)) return -1;
  return 0;
}

/** Fewest rows with both a way and a move before the moves are let to decide. */
const FEWEST_MOVES = 3;

function numberIn(cell: Cell | undefined): number | null {
  if (!cell) return null;
  const m = parseMeasurement(cell);
  return m.kind === "number" ? m.value : null;
}

/** Each row's last move: the latest two figures of the series, else the current figure against the previous. */
function moveOf(facts: ColumnFacts[], pairs: [number, number][], row: number): number {
  for (const [from, to] of pairs) {
    const a = numberIn(facts[from].cells[row]);
    const b = numberIn(facts[to].cells[row]);
    if (a !== null && b !== null) return Math.sign(b - a);
  }
  return 0;
}

/** The pairs of columns whose figures make a row's last move, latest first. */
function movePairs(columns: ColumnInfo[], series: SeriesColumn[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = series.length - 1; i > 0; i--) pairs.push([series[i - 1].col, series[i].col]);
  const current = columns.find((c) => c.role === "current")?.col;
  const previous = columns.find((c) => c.role === "previous")?.col;
  if (current !== undefined && previous !== undefined) pairs.unshift([previous, current]);
  return pairs;
}

/** How many rows' ways agree with their figures' last move, of those that have both. */
function agreement(f: ColumnFacts, facts: ColumnFacts[], pairs: [number, number][]) {
  let agree = 0;
  let moves = 0;
  f.cells.forEach((cell, row) => {
    const way = wayOf(cell);
    const move = way === 0 ? 0 : moveOf(facts, pairs, row);
    if (move === 0) return;
    moves++;
    if (move === way) agree++;
  });
  return { agree, moves };
}

/**
 * Reads as the polarity a column of ways the cells alone called a direction of travel, where its ways
 * disagree with most rows' last moves; a header that names the direction of travel keeps it.
 */
export function directionColumns(facts: ColumnFacts[], columns: ColumnInfo[], series: SeriesColumn[]): void {
  const pairs = movePairs(columns, series);
  if (!pairs.length || columns.some((c) => c.role === "polarity")) return;
  for (const c of columns) {
    const f = facts[c.col];
    if (c.role !== "previousDirection" || c.pinned || f.headerRole === "previousDirection") continue;
    const { agree, moves } = agreement(f, facts, pairs);
    if (moves < FEWEST_MOVES || agree * 2 > moves) continue;
    Object.assign(
      c,
      decided(
        c.letter,
        "polarity",
        `${says(f.own)} and its arrows or words disagree with the figures' last move in ${moves - agree} of ${moves} rows, so they say which way is good, not which way the figure went`,
        SURE.content,
      ),
    );
    return;
  }
}
