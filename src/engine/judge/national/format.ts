/** A national figure as a paper or the pane shows it, at the precision the Department publishes it. */
import { formatValue } from "../../read/values";
import type { NationalMeasure } from "./measures";

export function formatNational(value: number | null, m: Pick<NationalMeasure, "unit" | "decimals">): string {
  if (value === null) return "not published";
  return formatValue(value, m.unit, m.decimals, m.unit === "rate" ? 10000 : undefined);
}
