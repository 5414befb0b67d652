/**
 * What each row under a table's header is: an indicator, a section name, a repeated header at a page
 * break, a page heading, the overflow of a cell from the row above, a comment on the indicator above, a
 * totals row, or a note. Where a table has no column of titles (one small block per indicator), the text
 * above each block's figures is the indicator's title.
 */
import { Cell, Grid, cellAt, cellText, isBlank } from "../grid";
import { isTextType, typeOfCell } from "./cell-types";
import { SheetLabels } from "./merge-map";
import { normaliseLabel } from "./roles";
import { isDateFormat } from "./values";
import type { TableLayout } from "./table-layout";

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
  /** The table the row belongs to (an index into Layout.tables). */
  table: number;
  /** For indicators of a table without a column of titles: the title above its block, and its cell. */
  title?: { text: string; row: number; col: number };
  /** For a section row: true where it is the title of the block below, not a section of the paper. */
  blockTitle?: boolean;
}

/** Several words ending in a full stop: a sentence. */
const SENTENCE = /^(?=(?:\S+\s+){5})[\s\S]*[a-z0-9)%][.!]$/i;
/** The key cell of an Excel Table's totals row, or of a hand-made one. */
const TOTAL = /^(?:total|totals|grand total|sum|overall total|all)$/i;
/** A row that holds the comment on the indicator above it. */
const COMMENT =
  /^(?:comments?|commentary|narrative|analysis|notes?|sylwadau|explanation|update)\s*(?:[:\-–]\s*([\s\S]*))?$/i;

function isPlainNumber(cell: Cell): boolean {
  return typeof cell.value === "number" && !isDateFormat(cell.format);
}

interface Context {
  grid: Grid;
  labels: SheetLabels;
  table: TableLayout;
  index: number;
  keyCols: number[];
  valueCols: number[];
  headerTexts: Set<string>[];
  /** Columns headed by a number (a year): a repeat of the header holds the same number. */
  numericHeader: boolean[];
  longestHeader: number;
  titleTexts: Set<string>;
}

function headerTextsOf(
  labels: SheetLabels,
  t: TableLayout,
  width: number,
): { sets: Set<string>[]; longest: number } {
  const sets: Set<string>[] = [];
  let longest = 0;
  for (let c = 0; c < width; c++) {
    const set = new Set<string>();
    for (let r = t.headerTop; r <= t.headerBottom; r++) {
      const text = normaliseLabel(labels.ownText(r, c));
      if (text) set.add(text);
      longest = Math.max(longest, text.length);
    }
    sets.push(set);
  }
  return { sets, longest };
}

function filledCells(ctx: Context, r: number): number[] {
  const filled: number[] = [];
  const row = ctx.grid.rows[r] ?? [];
  for (let c = 0; c < row.length; c++) {
    const a = ctx.labels.merges.areaOf(r, c);
    if (a && (a.top !== r || a.left !== c)) continue;
    if (row[c] && !isBlank(row[c])) filled.push(c);
  }
  return filled;
}

function isRepeatedHeader(ctx: Context, r: number, filled: number[]): boolean {
  let repeated = 0;
  for (const c of filled) {
    const cell = cellAt(ctx.grid, r, c);
    const set = ctx.headerTexts[c];
    // A plain number is a header label only under a header of years; most cells are numbers, so the
    // normalising is skipped for them.
    const label = !isPlainNumber(cell) || ctx.numericHeader[c];
    const t = set && set.size && label ? ctx.labels.labelAt(r, c) : "";
    // Header labels are short: a long text (a measure's title) cannot be one.
    if (t && t.length <= ctx.longestHeader + 8 && set.has(normaliseLabel(t))) repeated++;
  }
  return filled.length >= 2 && repeated >= Math.ceil(filled.length * 0.6);
}

function keyText(ctx: Context, r: number, c: number): string {
  const v = cellAt(ctx.grid, r, c).value;
  return typeof v === "string" ? v.trim() : "";
}

function commentIn(ctx: Context, r: number): { match: RegExpExecArray; col: number } | null {
  for (const c of ctx.keyCols) {
    const t = keyText(ctx, r, c);
    const match = t && t.length <= 2000 ? COMMENT.exec(t) : null;
    if (match) return { match, col: c };
  }
  return null;
}

function rowHasFigure(ctx: Context, r: number): boolean {
  return ctx.valueCols.some((c) => typeof cellAt(ctx.grid, r, c).value === "number");
}

/** A lone text in a key column, in bold or merged across: a section name, a page heading, a block's title. */
function keyedText(ctx: Context, r: number, c: number): boolean {
  const cell = cellAt(ctx.grid, r, c);
  if (typeof cell.value !== "string") return false;
  if (!ctx.keyCols.length) return true;
  const a = ctx.labels.merges.areaOf(r, c);
  return c === 0 || ctx.keyCols.includes(c) || cell.bold === true || (a !== undefined && a.right > a.left);
}

/** A lone plain title in the measure column beside a reference column is an indicator without figures. */
function untitledIndicator(ctx: Context, r: number, c: number): boolean {
  return ctx.keyCols.length === 2 && c === ctx.table.roles.measure && !cellAt(ctx.grid, r, c).bold;
}

export interface BodyState {
  section: string | null;
  lastIndicator: RowInfo | null;
  /** The title waiting for the next block's figures, in a table without a column of titles. */
  pendingTitle: { text: string; row: number; col: number } | null;
  /** The row stands two blank rows apart from the table with no latest figure: a note, not an indicator. */
  apart?: boolean;
  /** A blank row stands just above the row. */
  afterGap?: boolean;
}

function classifyRow(ctx: Context, r: number, filled: number[], state: BodyState): RowInfo {
  const base = { row: r, section: state.section, continuations: [] as number[], table: ctx.index };
  if (isRepeatedHeader(ctx, r, filled)) return { ...base, kind: "repeated-header" };
  const totalCol = ctx.keyCols.find((c) => TOTAL.test(keyText(ctx, r, c)));
  if (totalCol !== undefined) return { ...base, kind: "total", text: keyText(ctx, r, totalCol) };
  const comment = state.lastIndicator && !rowHasFigure(ctx, r) ? commentIn(ctx, r) : null;
  if (comment && state.lastIndicator) {
    const words = [
      (comment.match[1] ?? "").trim(),
      ...filled.filter((c) => c !== comment.col).map((c) => cellText(cellAt(ctx.grid, r, c))),
    ]
      .filter(Boolean)
      .join(" ");
    if (words) (state.lastIndicator.comments ??= []).push(words);
    return { ...base, kind: "comment", text: words };
  }
  if (filled.length === 1 && keyedText(ctx, r, filled[0])) {
    const single = singleText(ctx, r, filled[0], state, base);
    if (single) return single;
  }
  return valueRow(ctx, r, filled, state, base);
}

function singleText(
  ctx: Context,
  r: number,
  c: number,
  state: BodyState,
  base: Omit<RowInfo, "kind">,
): RowInfo | null {
  const t = cellText(cellAt(ctx.grid, r, c));
  if (ctx.titleTexts.has(normaliseLabel(t))) return { ...base, kind: "page-heading", text: t };
  // A title without figures among the indicators is one of them; after a blank row it is a heading or note.
  if (untitledIndicator(ctx, r, c) && !state.afterGap) return null;
  state.lastIndicator = null;
  if (!ctx.keyCols.length) {
    state.pendingTitle = { text: t, row: r, col: c };
    return { ...base, kind: "section", text: t, blockTitle: true };
  }
  // A sentence under the figures ("608 reports requested; 536 within time.") is a note, not a section.
  if (SENTENCE.test(t)) return { ...base, kind: "note", text: t };
  state.section = t;
  return { ...base, kind: "section", section: t, text: t };
}

function valueRow(
  ctx: Context,
  r: number,
  filled: number[],
  state: BodyState,
  base: Omit<RowInfo, "kind">,
): RowInfo {
  const hasKey = ctx.keyCols.some((c) => !isBlank(cellAt(ctx.grid, r, c)));
  // Words in a value column ("Note: targets are set annually") are no value.
  const hasValue = ctx.valueCols.some(
    (c) => !isTextType(typeOfCell(cellAt(ctx.grid, r, c))) && !isBlank(cellAt(ctx.grid, r, c)),
  );
  if (!hasKey && !hasValue) {
    if (state.lastIndicator) {
      state.lastIndicator.continuations.push(r);
      return { ...base, kind: "continuation" };
    }
    return { ...base, kind: "note", text: filled.map((c) => cellText(cellAt(ctx.grid, r, c))).join(" ") };
  }
  // Set apart from the table by two blank rows, with nothing in its latest figure's column: a note
  // under the table (a population a rate is worked from), not an indicator.
  if (state.apart)
    return { ...base, kind: "note", text: filled.map((c) => cellText(cellAt(ctx.grid, r, c))).join(" ") };
  const info: RowInfo = { ...base, kind: "indicator" };
  if (!ctx.keyCols.length && state.pendingTitle) {
    info.title = state.pendingTitle;
    state.pendingTitle = null;
  }
  state.lastIndicator = info;
  return info;
}

/** The column of the table's latest figure: Current, else the latest period. */
function latestColumn(t: TableLayout): number | undefined {
  return t.roles.current ?? t.series[t.series.length - 1]?.col;
}

/** The rows of one table's body, classified. */
export function bodyRows(
  grid: Grid,
  labels: SheetLabels,
  table: TableLayout,
  index: number,
  titleTexts: Set<string>,
  state: BodyState,
): RowInfo[] {
  const R = table.roles;
  const { sets, longest } = headerTextsOf(labels, table, labels.width);
  const ctx: Context = {
    grid,
    labels,
    table,
    index,
    keyCols: [R.ref, R.measure].filter((c): c is number => c !== undefined),
    valueCols: [R.current, ...table.series.map((s) => s.col)].filter((c): c is number => c !== undefined),
    headerTexts: sets,
    numericHeader: [...sets].map((set) => [...set].some((t) => /^\d+$/.test(t))),
    longestHeader: longest,
    titleTexts,
  };
  const rows: RowInfo[] = [];
  const latest = latestColumn(table);
  let blanks = 0;
  let apart = false;
  for (let r = table.bodyTop; r <= table.bodyBottom && r < grid.rows.length; r++) {
    const filled = filledCells(ctx, r);
    if (!filled.length) {
      if (++blanks >= 2) apart = true;
      continue;
    }
    state.afterGap = blanks > 0;
    blanks = 0;
    state.apart = apart && latest !== undefined && isBlank(cellAt(grid, r, latest));
    const info = classifyRow(ctx, r, filled, state);
    if (info.kind === "indicator") apart = false;
    rows.push(info);
  }
  return rows;
}
