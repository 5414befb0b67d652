/**
 * Which way is good. Polarity decides the band and the direction of travel, so it is taken from the
 * strongest evidence available and the reason says where it came from.
 */
import type { PolarityName } from "../config";
import { polarityFromWording } from "../read/measure-wording";
import type { Targets } from "./targets";

export type Polarity = PolarityName;

export interface PolarityVerdict {
  polarity: Polarity;
  source:
    | "settings"
    | "polarity column"
    | "title"
    | "targets"
    | "target text"
    | "rating"
    | "direction words"
    | "assumed"
    | "no target";
  /** True where the add-in guessed: a target with no evidence of direction. */
  assumed: boolean;
}

export function polarityFromWords(text: string): Polarity | null {
  const s = text.toLowerCase().replace(/\s+/g, " ").trim();
  if (!s) return null;
  // "Good performance is ↑": an arrow in a polarity column is the better direction.
  if (/^[↑▲⬆⇧⇑é]$/.test(s)) return "higher";
  if (/^[↓▼⬇⇩⇓ê]$/.test(s)) return "lower";
  if (/^[↔⬌]$/.test(s)) return "range";
  if (/\bbell\b|\brange\b|\bwithin\b|\boptimal\b|\bin between\b|\bbanded\b/.test(s)) return "range";
  if (
    /information only|for information|\bcontext(ual)?\b|\bneutral\b|^n\/?a$|^none$|^no polarity$|\bmonitor(ing)? only\b|not applicable/.test(
      s,
    )
  )
    return "none";
  if (/\b(lower|low|fall|falling|smaller|less|fewer|decrease|reduce|reduction|down|minimi[sz]e)\b/.test(s))
    return "lower";
  if (/\b(higher|high|rise|rising|bigger|more|greater|increase|up|maximi[sz]e)\b/.test(s)) return "higher";
  return null;
}

/** "(lower is better)", "... will reduce" and their kin in a measure's title. */
export function polarityFromTitle(title: string): Polarity | null {
  return polarityFromWording(title);
}

/** "Fewer than 85", "Less than 22%", "at least 90%", "Measure for information". */
export function polarityFromTargetText(text: string): Polarity | null {
  const s = text.toLowerCase();
  if (/measure for information|for information|information only/.test(s)) return "none";
  if (/\d\s*(%\s*)?(to|-|–)\s*\d/.test(s) && /\bbetween\b|\bto\b|–|-/.test(s) && !/^[<>]/.test(s))
    return "range";
  if (/\b(fewer|less|lower|below|under|no more|not more|maximum|max|at most)\b|^<|≤/.test(s)) return "lower";
  if (
    /\b(at least|more than|greater|above|over|minimum|min|no less|not less|or more|or higher)\b|^>|≥/.test(s)
  )
    return "higher";
  return null;
}

const GOOD_MOVE = /^(?:improv|better)/i;
const BAD_MOVE = /^(?:wors|deteriorat|declin)/i;

/**
 * The council's own word for the last move ("Improve", "Worsen") read against the figures' move: an
 * improvement as the figure fell means lower is better.
 */
export function polarityFromMove(word: string, from: number | null, to: number | null): Polarity | null {
  if (from === null || to === null || from === to) return null;
  const good = GOOD_MOVE.test(word.trim());
  const bad = BAD_MOVE.test(word.trim());
  if (good === bad) return null;
  return to > from === good ? "higher" : "lower";
}

const GOOD_RATING = /^(?:g|green|on track|on target|achieved|met|exceeded|blue|b)$/i;
const BAD_RATING = /^(?:r|red|off track|off target|not achieved|not met)$/i;

/**
 * The council's own rating of this figure against its target: a figure above its target rated red means
 * lower is better; rated green, higher is better. Amber says nothing of the direction.
 */
export function polarityFromRating(
  rating: string,
  value: number | null,
  target: number | undefined,
): Polarity | null {
  if (value === null || target === undefined || value === target) return null;
  const word = rating.trim();
  const good = GOOD_RATING.test(word);
  if (!good && !BAD_RATING.test(word)) return null;
  return value > target === good ? "higher" : "lower";
}

export interface PolarityEvidence {
  override?: Polarity;
  column?: string;
  title: string;
  min?: number;
  upper?: number;
  targetText?: string;
  hasTarget: boolean;
  /** The council's direction word for the last move, and that move. */
  move?: { word?: string; from: number | null; to: number | null };
  /** The council's own rating of the value against its target. */
  rating?: { word?: string; value: number | null; target?: number };
}

export function decidePolarity(e: PolarityEvidence): PolarityVerdict {
  if (e.override) return { polarity: e.override, source: "settings", assumed: false };
  const fromColumn = e.column ? polarityFromWords(e.column) : null;
  if (fromColumn) return { polarity: fromColumn, source: "polarity column", assumed: false };
  const fromTitle = polarityFromTitle(e.title);
  if (fromTitle) return { polarity: fromTitle, source: "title", assumed: false };
  if (e.min !== undefined && e.upper !== undefined && e.min !== e.upper) {
    return { polarity: e.min > e.upper ? "lower" : "higher", source: "targets", assumed: false };
  }
  const fromTarget = e.targetText ? polarityFromTargetText(e.targetText) : null;
  if (fromTarget) return { polarity: fromTarget, source: "target text", assumed: false };
  const r = e.rating;
  const fromRating = r?.word ? polarityFromRating(r.word, r.value, r.target) : null;
  if (fromRating) return { polarity: fromRating, source: "rating", assumed: false };
  const fromMove = e.move?.word ? polarityFromMove(e.move.word, e.move.from, e.move.to) : null;
  if (fromMove) return { polarity: fromMove, source: "direction words", assumed: false };
  if (e.hasTarget) return { polarity: "higher", source: "assumed", assumed: true };
  return { polarity: "none", source: "no target", assumed: false };
}

export function polarityPhrase(p: Polarity): string {
  switch (p) {
    case "higher":
      return "higher is better";
    case "lower":
      return "lower is better";
    case "range":
      return "best within a range";
    default:
      return "no better direction";
  }
}

/** The pipeline's polarity step: the settings, the polarity column, the title, the targets, in that order. */
export function polarityOf(
  override: Polarity | undefined,
  column: string | undefined,
  title: string,
  targets: Targets,
  targetWords: string | undefined,
  move?: PolarityEvidence["move"],
  rating?: PolarityEvidence["rating"],
): PolarityVerdict {
  return decidePolarity({
    move,
    rating,
    override,
    column,
    title,
    min: targets.kind === "min-upper" ? targets.min : undefined,
    upper: targets.kind === "min-upper" ? targets.upper : undefined,
    targetText: targetWords,
    hasTarget: targets.kind !== "none",
  });
}
