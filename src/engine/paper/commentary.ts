/**
 * The analyst's commentary on the committee sheet, read back and carried to the next refresh. Both hosts
 * hand in the committee sheet as a grid (Office reads only the columns named here; ExcelJS reads it all),
 * and this one module decides which text belongs to which indicator.
 *
 * The sheet describes itself, so that nothing the analyst may change misleads the read-back:
 * - a marker cell ("scorecard:committee v1") near the top says the add-in made the sheet, wherever it
 *   sits after rows or columns are inserted and whatever the sheet is now called;
 * - a hidden metadata row tags every column with its role ("scorecard:col:commentary"), so a retitled
 *   header or an inserted column does not lose the Commentary column;
 * - rows are matched by the visible reference and measure in the same row, so sorting the visible table
 *   keeps each note with its indicator; the hidden key is only a check, used to tell duplicates apart;
 * - a hidden "source" column holds a fingerprint of commentary that was copied from the source sheet, so
 *   source text the analyst never edited is replaced by the source's new text, and edited text is kept.
 * Commentary that matches no indicator, or could match more than one, is kept as retired, never dropped
 * and never attached to another indicator.
 */
import type { Assessment } from "../judge/assess";
import { Grid, cellAt, cellText, gridWidth } from "../grid";

/** Written near the top of the key column; the hosts only ever overwrite a sheet that carries it. */
export const COMMITTEE_MARKER = "scorecard:committee";
/** Each cell of the hidden metadata row: this prefix and the column's role. */
export const COLUMN_TAG = "scorecard:col:";
/** Hidden key of a retired row: this prefix and the indicator's old key. */
export const RETIRED_PREFIX = "retired:";
/** The header the hidden key column had before the metadata row existed (sheets of plan version 1). */
const LEGACY_KEY_HEADER = "key";

/**
 * How far from A1 the marker and the metadata row are looked for: room for the analyst to insert rows
 * above the title and columns before the table. Hosts read this window of every candidate sheet.
 */
export const SCAN_ROWS = 40;
export const SCAN_COLUMNS = 30;

/** The columns the read-back needs; a host reads only these (and the scan window) of the old sheet. */
export type CommentaryRole = "ref" | "measure" | "commentary" | "key" | "source";
const ROLES: CommentaryRole[] = ["ref", "measure", "commentary", "key", "source"];

/** Whether a cell's value is the add-in's marker. */
export function isCommitteeMarker(value: unknown): boolean {
  return typeof value === "string" && value.startsWith(COMMITTEE_MARKER);
}

function sheetRow(grid: Grid, r: number): number {
  return r + (grid.originRow ?? 0);
}

function sheetCol(grid: Grid, c: number): number {
  return c + (grid.originCol ?? 0);
}

/** Grid rows that lie inside the scan window of the sheet. */
function scanRows(grid: Grid): number {
  return Math.min(grid.rows.length, Math.max(0, SCAN_ROWS - (grid.originRow ?? 0)));
}

/**
 * Whether a sheet read into a grid is the add-in's own: the marker sits in the first SCAN_ROWS rows, in
 * any column. A source scorecard never carries it, so the old committee sheet is never read as one.
 */
export function isCommitteeGrid(grid: Grid): boolean {
  const rows = scanRows(grid);
  for (let r = 0; r < rows; r++)
    if ((grid.rows[r] ?? []).some((c) => isCommitteeMarker(c.value))) return true;
  return false;
}

/** Where the read-back finds things, in 0-based sheet coordinates. */
export interface CommentaryLayout {
  /** The metadata row, or null on a sheet written before it existed. */
  metaRow: number | null;
  /** The visible table header. Rows below it are read. */
  headerRow: number;
  columns: Record<"ref" | "measure" | "commentary" | "key", number> & { source?: number };
}

/** Finds the metadata row (or, on older sheets, the header by its hidden "key" cell) in a grid. */
export function locateCommentary(grid: Grid): CommentaryLayout | null {
  const width = gridWidth(grid);
  for (let r = 0; r < scanRows(grid); r++) {
    const found: Partial<Record<CommentaryRole, number>> = {};
    for (let c = 0; c < width; c++) {
      const v = cellAt(grid, r, c).value;
      if (typeof v === "string" && v.startsWith(COLUMN_TAG)) {
        const role = v.slice(COLUMN_TAG.length) as CommentaryRole;
        if (ROLES.includes(role) && found[role] === undefined) found[role] = sheetCol(grid, c);
      }
    }
    const { ref, measure, commentary, key, source } = found;
    if (ref !== undefined && measure !== undefined && commentary !== undefined && key !== undefined) {
      // The header is the row under the metadata row whose hidden key cell says "key" (rows such as
      // a printed key may sit between); failing that, the first row with anything in the tagged columns.
      const keyCol = key - (grid.originCol ?? 0);
      let header = r + 1;
      while (header < grid.rows.length && cellText(cellAt(grid, header, keyCol)) !== LEGACY_KEY_HEADER)
        header++;
      if (header >= grid.rows.length) {
        header = r + 1;
        const tagged = [ref, measure, commentary, key].map((c) => c - (grid.originCol ?? 0));
        while (header < grid.rows.length && tagged.every((c) => cellText(cellAt(grid, header, c)) === ""))
          header++;
      }
      return {
        metaRow: sheetRow(grid, r),
        headerRow: sheetRow(grid, header),
        columns: { ref, measure, commentary, key, ...(source !== undefined ? { source } : {}) },
      };
    }
  }
  // Plan version 1: no metadata row; the header row holds "key" and "Commentary", Ref and Measure in A and B.
  for (let r = 0; r < grid.rows.length; r++) {
    for (let c = 0; c < width; c++) {
      if (cellText(cellAt(grid, r, c)) !== LEGACY_KEY_HEADER) continue;
      for (let cc = 0; cc < width; cc++) {
        if (cellText(cellAt(grid, r, cc)).toLowerCase() === "commentary") {
          return {
            metaRow: null,
            headerRow: sheetRow(grid, r),
            columns: {
              ref: sheetCol(grid, 0),
              measure: sheetCol(grid, 1),
              commentary: sheetCol(grid, cc),
              key: sheetCol(grid, c),
            },
          };
        }
      }
    }
  }
  return null;
}

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, " ").trim();

/** A 32-bit FNV-1a fingerprint of text as Excel gives it back (trimmed, line ends normalised). */
export function fingerprint(text: string): string {
  const s = text.replace(/\r\n?/g, "\n").trim();
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `s${h.toString(16).padStart(8, "0")}`;
}

/** One piece of commentary found on the old sheet, with what identifies its row. */
export interface OldCommentary {
  ref: string;
  measure: string;
  text: string;
  /** The hidden key in the same row (without the retired prefix); a check, not the match. */
  hiddenKey: string;
  /** 0-based sheet row, for messages and tests. */
  row: number;
}

export interface ExistingCommentary {
  entries: OldCommentary[];
  /** Hidden key -> fingerprint of the source commentary written in that row. The two hidden columns
   * sort together or not at all, so this pairing survives a sort of the visible columns. */
  sourceWritten: Map<string, string>;
  /** How many rows of the old table showed each reference (lower-cased): a retitled measure may
   * follow its reference only where the reference was unique. */
  refRows: Map<string, number>;
  /** The same for each measure: a renumbered indicator may follow its measure only where it was unique. */
  measureRows: Map<string, number>;
}

/** Reads the analyst's commentary out of a committee sheet the add-in wrote before. Linear in its rows. */
export function readCommentary(grid: Grid | undefined): ExistingCommentary {
  const out: ExistingCommentary = {
    entries: [],
    sourceWritten: new Map(),
    refRows: new Map(),
    measureRows: new Map(),
  };
  if (!grid) return out;
  const layout = locateCommentary(grid);
  if (!layout) return out;
  const oRow = grid.originRow ?? 0;
  const oCol = grid.originCol ?? 0;
  const at = (r: number, col: number) => cellText(cellAt(grid, r, col - oCol));
  const { ref, measure, commentary, key, source } = layout.columns;
  for (let r = layout.headerRow - oRow + 1; r < grid.rows.length; r++) {
    if (r < 0) continue;
    const rawKey = at(r, key);
    // A header row, wherever the analyst copied it, is not commentary.
    if (rawKey === LEGACY_KEY_HEADER) continue;
    const hiddenKey = rawKey.startsWith(RETIRED_PREFIX) ? rawKey.slice(RETIRED_PREFIX.length) : rawKey;
    if (source !== undefined && hiddenKey) {
      const written = at(r, source);
      if (written) out.sourceWritten.set(hiddenKey, written);
    }
    const shown = at(r, ref);
    if (shown && (hiddenKey || at(r, measure))) {
      const k = norm(shown);
      out.refRows.set(k, (out.refRows.get(k) ?? 0) + 1);
    }
    const named = at(r, measure);
    if (named && (hiddenKey || shown)) {
      const k = norm(named);
      out.measureRows.set(k, (out.measureRows.get(k) ?? 0) + 1);
    }
    const text = at(r, commentary);
    if (!text) continue;
    out.entries.push({ ref: at(r, ref), measure: at(r, measure), text, hiddenKey, row: r + oRow });
  }
  return out;
}

/** Commentary whose indicator has gone (or cannot be told apart), kept in the retired block. */
export interface RetiredCommentary {
  key: string;
  ref: string;
  title: string;
  text: string;
}

export interface CarriedCommentary {
  /** What to write in each indicator's Commentary cell, by indicator key. */
  text: Map<string, string>;
  /** Fingerprints for the hidden source column: set where the text is the source's, untouched. */
  sourceWritten: Map<string, string>;
  /** Indicators whose analyst commentary came across from the old sheet. */
  carried: number;
  retired: RetiredCommentary[];
}

const pair = (ref: string, measure: string): string => `${norm(ref)}\u0000${norm(measure)}`;

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * The indicator each old note belongs to, if any, in time linear in indicators plus notes. A note goes
 * to the one indicator with the same reference and measure; where several share both, the hidden key
 * chooses; where the measure was retitled, a reference that is unique on both sheets still matches.
 * Where the reference was renumbered (3.2 became 3.2a: no indicator has the old one), a measure unique
 * on both sheets matches, unless a note matched by its reference already claims that indicator.
 */
function matchNotes(existing: ExistingCommentary, indicators: Assessment[]): (Assessment | undefined)[] {
  const byPair = new Map<string, Assessment[]>();
  const byRef = new Map<string, Assessment[]>();
  const byMeasure = new Map<string, Assessment[]>();
  for (const a of indicators) {
    push(byPair, pair(a.ref ?? "", a.title), a);
    if (a.ref) push(byRef, norm(a.ref), a);
    push(byMeasure, norm(a.title), a);
  }
  const matched = existing.entries.map((e): Assessment | undefined => {
    const same = byPair.get(pair(e.ref, e.measure)) ?? [];
    if (same.length === 1) return same[0];
    if (same.length > 1) return same.find((a) => a.key === e.hiddenKey);
    if (!e.ref) return undefined;
    const refOnly = byRef.get(norm(e.ref)) ?? [];
    return refOnly.length === 1 && (existing.refRows.get(norm(e.ref)) ?? 1) === 1 ? refOnly[0] : undefined;
  });
  const claimed = new Set(matched.map((a) => a?.key));
  existing.entries.forEach((e, i) => {
    if (matched[i] || !e.ref || !e.measure || byRef.has(norm(e.ref))) return;
    const measureOnly = byMeasure.get(norm(e.measure)) ?? [];
    const unique = measureOnly.length === 1 && (existing.measureRows.get(norm(e.measure)) ?? 1) === 1;
    if (unique && !claimed.has(measureOnly[0].key)) matched[i] = measureOnly[0];
  });
  return matched;
}

/**
 * Decides where each old note goes (see matchNotes). A note that matches nothing, and a second note
 * for an indicator already served, is retired.
 */
export function carryCommentary(existing: ExistingCommentary, indicators: Assessment[]): CarriedCommentary {
  const targets = matchNotes(existing, indicators);

  const text = new Map<string, string>();
  const sourceWritten = new Map<string, string>();
  const retired: RetiredCommentary[] = [];
  const retiredKeys = new Set<string>();
  let carried = 0;
  const retire = (e: OldCommentary): void => {
    let key = e.hiddenKey || e.ref || norm(e.measure) || `row ${e.row + 1}`;
    for (let i = 2; retiredKeys.has(key); i++) key = `${e.hiddenKey || e.ref || norm(e.measure)}~${i}`;
    retiredKeys.add(key);
    retired.push({ key, ref: e.ref, title: e.measure, text: e.text });
  };

  existing.entries.forEach((e, i) => {
    const target = targets[i];
    if (!target || text.has(target.key)) {
      retire(e);
      return;
    }
    // The fingerprint is filed under the indicator's key on the old sheet: its old reference, if renumbered.
    const renumbered = e.ref !== "" && norm(e.ref) !== norm(target.ref ?? "");
    const written = existing.sourceWritten.get(renumbered ? e.ref.trim() : target.key);
    if (written !== undefined && written === fingerprint(e.text)) {
      // The source's own words, never edited here: the source's new words replace them.
      if (target.sourceCommentary) {
        text.set(target.key, target.sourceCommentary);
        sourceWritten.set(target.key, fingerprint(target.sourceCommentary));
      } else text.set(target.key, "");
      return;
    }
    text.set(target.key, e.text);
    carried++;
  });
  for (const a of indicators) {
    if (text.has(a.key) || !a.sourceCommentary) continue;
    text.set(a.key, a.sourceCommentary);
    sourceWritten.set(a.key, fingerprint(a.sourceCommentary));
  }
  for (const [k, v] of text) if (v === "") text.delete(k);
  return { text, sourceWritten, carried, retired };
}
