/**
 * Keys that commentary and reviews hang on: the reference, or the measure where there is none. A
 * reference used by several rows is flagged, and every key is made unique.
 */
import { Grid, cellRef } from "../grid";
import { flag } from "./quality";
import type { Assessment } from "./assess";

export function keyOf(ref: string | null, title: string): string {
  return ref ? ref.trim() : title.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Duplicate references confuse commentary, reviews and readers alike. */
function flagDuplicateRefs(grid: Grid, indicators: Assessment[], refCol: (a: Assessment) => number): void {
  const byRef = new Map<string, Assessment[]>();
  for (const a of indicators) {
    if (!a.ref) continue;
    const k = a.ref.toLowerCase();
    const list = byRef.get(k);
    if (list) list.push(a);
    else byRef.set(k, [a]);
  }
  for (const list of byRef.values()) {
    if (list.length < 2) continue;
    const rows = list.map((a) => a.row).join(", ");
    list.forEach((a, i) => {
      const at = cellRef(grid, a.row - 1 - (grid.originRow ?? 0), refCol(a));
      a.flags.push(
        flag(
          "duplicate-ref",
          `Reference ${a.ref} is used by ${list.length} rows (${rows}); commentary and reviews follow each row's position`,
          at,
        ),
      );
      if (i > 0) a.key = `${a.key}#${i + 1}`;
    });
  }
}

/** Flags duplicate references and makes every key unique, even where titles repeat without references. */
export function settleKeys(grid: Grid, indicators: Assessment[], refCol: (a: Assessment) => number): void {
  flagDuplicateRefs(grid, indicators, refCol);
  const seen = new Map<string, number>();
  for (const a of indicators) {
    const n = (seen.get(a.key) ?? 0) + 1;
    seen.set(a.key, n);
    if (n > 1 && !a.key.includes("#")) a.key = `${a.key}#${n}`;
  }
}
