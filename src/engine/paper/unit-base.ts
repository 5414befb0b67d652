/**
 * The base of a rate or a score ("per 10,000", "out of 15") beside each figure in the table, unless
 * the measure's own title already names it: "Children looked after per 10,000 children" reads 66, as
 * published papers print it, and the columns of figures keep the room the reason needs.
 */
import type { Assessment } from "../judge/assess";
import { numberFormatter } from "../read/values";

function namesBase(a: Assessment): boolean {
  if (!a.per || (a.unit !== "rate" && a.unit !== "score")) return false;
  const grouped = numberFormatter(0).format(a.per).replace(/[^\d]/g, "[,\\s]?");
  return new RegExp(`\\b(per|out of)\\s+(${grouped})(?!\\d)`, "i").test(a.title);
}

/** The base to print beside a figure of this indicator in the table, or undefined. */
export function tableBase(a: Assessment): number | undefined {
  return namesBase(a) ? undefined : a.per;
}

/** A figure's text without the base its title names ("67 per 10,000" -> "67"). */
export function withoutNamedBase(a: Assessment, display: string): string {
  if (!namesBase(a) || !a.per) return display;
  const grouped = numberFormatter(0).format(a.per);
  return display.replace(new RegExp(`\\s+(per|out of)\\s+(${grouped}|${a.per})$`, "i"), "");
}
