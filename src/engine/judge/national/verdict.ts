/**
 * How the council's figure stands against a comparator, read through a polarity. A file of its own:
 * the paper reads it without the measures' definitions, which stay in the pane's national chunk.
 */
import type { MeasurePolarity } from "./measures";

/** How the council's figure stands against a comparator; "higher"/"lower" where neither is better. */
export type Verdict = "better" | "worse" | "same" | "higher" | "lower";

export function verdict(own: number | null, other: number | null, polarity: MeasurePolarity): Verdict | null {
  if (own === null || other === null) return null;
  if (own === other) return "same";
  if (polarity === "none") return own > other ? "higher" : "lower";
  return (polarity === "higher") === own > other ? "better" : "worse";
}
