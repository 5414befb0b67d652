/**
 * How sure a column's reading is, by the kind of evidence behind it. Header words and cells that agree
 * are the surest; a period label or the arithmetic of counts is sure on its own; cells alone, or a
 * place in the table alone, are readings for the analyst to check.
 */
import { cutText } from "../text-cut";
import type { Role } from "./roles";
import { ROLE_NAMES } from "./roles";

export const SURE = {
  /** Header words and cells agree ("Actual" over percentages). */
  agreed: 0.95,
  /** A shape no word list is needed for: a period label, counts that divide to the value. */
  shape: 0.9,
  /** Header words alone, the cells saying nothing against them. */
  words: 0.85,
  /** The cells alone say it clearly (long distinct titles, RAG words). */
  content: 0.75,
  /** The cells say one thing and the header words another; the cells are believed. */
  conflict: 0.65,
  /** Only the column's place and kind say it (the first figure after the measure). */
  place: 0.6,
  /** Taken from several columns that could each be it. */
  ambiguous: 0.5,
} as const;

/** Settings pins are certain. */
export const PINNED = 1;

/** A reading of one column: its role, why, and how sure. */
export interface ColumnDecision {
  role: Role | null;
  evidence: string;
  confidence: number;
}

export function oneLine(s: string): string {
  const t = s.replace(/\s+/g, " ").trim();
  return cutText(t, 40, "…");
}

/** "its header says 'Actual'", or "it has no header". */
export function says(own: string): string {
  return own ? `its header says '${oneLine(own)}'` : "it has no header";
}

export function decided(
  letter: string,
  role: Role | null,
  why: string,
  confidence: number,
  periodLabel?: string,
): ColumnDecision {
  if (role === null) return { role, confidence: 0, evidence: `${letter} is not read: ${why}` };
  const name = role === "period" && periodLabel ? `the period ${periodLabel}` : ROLE_NAMES[role];
  return { role, confidence, evidence: `${letter} is ${name} because ${why}` };
}
