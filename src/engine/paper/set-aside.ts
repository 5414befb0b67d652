/**
 * Commentary with no row in this paper, kept below the printed area and never dropped: notes on
 * indicators the analyst left out of this paper, then notes whose indicator has gone from the
 * scorecard. Both return to their row when it returns.
 */
import { RETIRED_PREFIX } from "./commentary";
import { Paper, col } from "./paper-context";

interface Kept {
  key: string;
  ref: string;
  title: string;
  text: string;
}

function kept(p: Paper, heading: string, list: Kept[]): void {
  if (!list.length) return;
  const s = p.sheet;
  s.row(8);
  s.keepWithNext.add(s.line(heading, "heading", col("ref"), col("measure")));
  for (const c of list) {
    const r = s.row();
    s.set(r, col("ref"), c.ref || null, "ref");
    s.set(r, col("measure"), c.title || c.key, "cell");
    s.set(r, col("commentary"), c.text, "commentary");
    s.set(r, col("key"), `${RETIRED_PREFIX}${c.key}`, "key");
    s.fit(r);
  }
}

/** Writes both blocks; returns how many notes each kept. */
export function setAsidePart(p: Paper): { setAside: number; retired: number } {
  const carry = p.table.carry;
  const inPaper = new Set(p.analysis.indicators.map((a) => a.key));
  const setAside = p.input.analysis.indicators
    .filter((a) => !inPaper.has(a.key) && carry.text.get(a.key) && !carry.sourceWritten.has(a.key))
    .map((a) => ({ key: a.key, ref: a.ref ?? "", title: a.title, text: carry.text.get(a.key) ?? "" }));
  kept(p, "Commentary on indicators left out of this paper (not printed)", setAside);
  kept(p, "Retired commentary: indicators no longer on the scorecard (not printed)", carry.retired);
  return { setAside: setAside.length, retired: carry.retired.length };
}
