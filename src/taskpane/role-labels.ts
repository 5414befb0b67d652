/** The column roles as the pane names them, and how sure a reading is, in words. */
import type { Role } from "../engine/read/roles";

export const ROLE_LABELS: Record<Role, string> = {
  ref: "Reference",
  measure: "Measure",
  numerator: "Numerator",
  denominator: "Denominator",
  current: "Current value",
  periodType: "Period type",
  period: "Period (series)",
  previous: "Last year",
  baseline: "Baseline",
  min: "Minimum target",
  upper: "Upper target",
  target: "Target",
  polarity: "Polarity",
  dataQuality: "Data quality",
  owner: "Owner",
  frequency: "Frequency",
  commentary: "Commentary",
  benchmark: "Benchmark",
  unit: "Unit",
  previousRag: "Previous RAG",
  previousDirection: "Previous direction",
};

/** Confidence in words, so that doubt is never carried by colour alone. */
export function sureness(confidence: number, pinned = false): string {
  if (pinned) return "set by you";
  if (confidence >= 0.8) return "sure";
  return confidence >= 0.5 ? "fairly sure" : "unsure";
}
