/**
 * The summary's compact rows laid on the sheet's columns. The summary page is not the table's, so its
 * five parts (measure, value, target, RAG, direction with its reason) take whichever runs of the
 * sheet's columns make the list shortest, measured in the printed font: every split of the columns
 * into five runs is tried, and a run wider than its words gives its room away.
 */
import { countLines, textHeight } from "./measure-text";
import { textPoints } from "./page";

/** What a compact row says in each part; the reason is fitted to the room it gets. */
export interface ListRowTexts {
  measure: string;
  value: string;
  target: string;
  rag: string;
  reason: (points: number) => string;
}

const PARTS = 5;
/** Characters beyond which the value, target and RAG have nothing more to show. */
const WIDE = [Infinity, 16, 18, 11, Infinity];
/** Rows the split is judged on: all of a short list, an even sample of a long one. */
const SAMPLE = 120;

function sample<T>(list: T[]): T[] {
  if (list.length <= SAMPLE) return list;
  const step = list.length / SAMPLE;
  return Array.from({ length: SAMPLE }, (_, i) => list[Math.floor(i * step)]);
}

/**
 * The first column of each part, given the columns' widths in characters, left to right. Parts
 * follow the order measure, value, target, RAG, reason; each takes at least one column.
 */
export function splitColumns(widths: number[], rows: ListRowTexts[], size: number): number[] {
  const n = widths.length;
  if (n < PARTS) return Array.from({ length: PARTS }, (_, k) => Math.min(k, n - 1));
  const rs = sample(rows);
  const font = (part: number) => ({ size: part === 2 ? 9 : size, bold: part === 3 });
  const memo = new Map<string, number>();
  const lines = (part: number, row: number, chars: number): number => {
    const key = `${part},${row},${chars}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const r = rs[row];
    const points = textPoints(chars);
    const text = [r.measure, r.value, r.target, r.rag, r.reason(points)][part];
    const h = textHeight(countLines(text, points, font(part)), font(part).size);
    memo.set(key, h);
    return h;
  };
  const prefix = [0];
  for (const w of widths) prefix.push(prefix[prefix.length - 1] + w);
  let best = { cost: Infinity, cuts: [0, 1, 2, 3, 4] };
  const cuts = [0, 0, 0, 0, 0];
  const tryCuts = (k: number, from: number): void => {
    if (k === PARTS) return;
    for (let c = from; c <= n - (PARTS - k); c++) {
      cuts[k] = c;
      if (k < PARTS - 1) tryCuts(k + 1, c + 1);
      else {
        const cost = costOf(cuts, prefix, n, rs.length, lines);
        if (cost < best.cost) best = { cost, cuts: [...cuts] };
      }
    }
  };
  cuts[0] = 0;
  tryCuts(1, 1);
  return best.cuts;
}

/** The list's height under a split, plus a little for room the value, target and RAG do not use. */
function costOf(
  cuts: number[],
  prefix: number[],
  n: number,
  rows: number,
  lines: (part: number, row: number, chars: number) => number,
): number {
  const chars = cuts.map((c, k) => prefix[k + 1 < cuts.length ? cuts[k + 1] : n] - prefix[c]);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    let h = 0;
    for (let k = 0; k < PARTS; k++) h = Math.max(h, lines(k, r, chars[k]));
    total += h;
  }
  // Room the value, target and RAG do not use costs as much a line as it would give the reason.
  const spare = (k: number) => Math.max(0, chars[k] - WIDE[k]);
  return total + (spare(1) + spare(2) + spare(3)) * rows * 0.3;
}
