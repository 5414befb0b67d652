/**
 * Making Data Count's variation and assurance icons, as NHS-trained members know them from NHS
 * England's guidance and its reference implementation, NHSRplotthedots (inst/icons/*.svg,
 * R/geom_ptd_icon.R, R/ptd_spc_colours.R): a circle, grey for common cause, blue for improvement,
 * orange for concern, purple where neither direction is better; H or L inside for special cause on
 * the high or low side; P, F or ? for assurance. Every icon carries its word, so no meaning rests on
 * colour or shape. The pane draws the circles; the sheets, which hold only text, show the letter in
 * brackets with the word ("(H) Improvement"), and the charts use the same colours.
 */
import type { Polarity } from "../judge/polarity";
import type { Assurance, Variation } from "../judge/spc";

/** MDC's colours: the icon ring (NHSRplotthedots' SVGs), and a shade dark enough for text on white. */
export const MDC_COLOURS = {
  grey: { ring: "BFBFBF", text: "595959", chart: "A6A6A6" },
  blue: { ring: "0072C6", text: "0072C6", chart: "00B0F0" },
  orange: { ring: "FF6600", text: "B84C00", chart: "E46C0A" },
  purple: { ring: "8000C0", text: "8000C0", chart: "490092" },
} as const;
export type MdcColour = keyof typeof MDC_COLOURS;

export type IconKey =
  | "common-cause"
  | "improvement-high"
  | "improvement-low"
  | "concern-high"
  | "concern-low"
  | "neutral-high"
  | "neutral-low"
  | "pass"
  | "fail"
  | "hit-and-miss";

export interface MdcIcon {
  key: IconKey;
  kind: "variation" | "assurance";
  /** Inside the circle: H or L (the side of the average), P, F or ?; "~" for common cause's line. */
  letter: string;
  colour: MdcColour;
  /** The word that carries the meaning. */
  word: string;
  /** What the icon means, in a sentence, for keys and screen readers. */
  meaning: string;
  /** As a sheet's cell shows it: the letter in brackets, then the word. */
  label: string;
}

function icon(key: IconKey, letter: string, colour: MdcColour, word: string, meaning: string): MdcIcon {
  const kind = key === "pass" || key === "fail" || key === "hit-and-miss" ? "assurance" : "variation";
  return { key, kind, letter, colour, word, meaning, label: `(${letter}) ${word}` };
}

export const MDC_ICONS: Record<IconKey, MdcIcon> = {
  "common-cause": icon(
    "common-cause",
    "~",
    "grey",
    "Common cause",
    "common cause: only the usual ups and downs, no sign that anything has changed",
  ),
  "improvement-high": icon(
    "improvement-high",
    "H",
    "blue",
    "Improvement",
    "special cause improvement: higher values, a change for the better",
  ),
  "improvement-low": icon(
    "improvement-low",
    "L",
    "blue",
    "Improvement",
    "special cause improvement: lower values, a change for the better",
  ),
  "concern-high": icon(
    "concern-high",
    "H",
    "orange",
    "Concern",
    "special cause concern: higher values, a change for the worse",
  ),
  "concern-low": icon(
    "concern-low",
    "L",
    "orange",
    "Concern",
    "special cause concern: lower values, a change for the worse",
  ),
  "neutral-high": icon(
    "neutral-high",
    "H",
    "purple",
    "Unusually high",
    "special cause, higher values, where neither direction is better",
  ),
  "neutral-low": icon(
    "neutral-low",
    "L",
    "purple",
    "Unusually low",
    "special cause, lower values, where neither direction is better",
  ),
  pass: icon("pass", "P", "blue", "Pass", "the target will be met reliably"),
  fail: icon("fail", "F", "orange", "Fail", "the target will not be met without a change to the process"),
  "hit-and-miss": icon(
    "hit-and-miss",
    "?",
    "grey",
    "Hit and miss",
    "the target will be met in some periods and missed in others",
  ),
};

/** The variation icon: improvement is high where higher is better, low where lower is better. */
export function variationIcon(v: Variation, polarity: Polarity): MdcIcon {
  switch (v) {
    case "special-cause-improvement":
      return MDC_ICONS[polarity === "lower" ? "improvement-low" : "improvement-high"];
    case "special-cause-concern":
      return MDC_ICONS[polarity === "lower" ? "concern-high" : "concern-low"];
    case "special-cause-neutral-high":
      return MDC_ICONS["neutral-high"];
    case "special-cause-neutral-low":
      return MDC_ICONS["neutral-low"];
    default:
      return MDC_ICONS["common-cause"];
  }
}

/** The assurance icon, or null where there is no assurance (no target, no better direction). */
export function assuranceIcon(a: Assurance | null): MdcIcon | null {
  if (a === "pass") return MDC_ICONS.pass;
  if (a === "fail") return MDC_ICONS.fail;
  if (a === "inconsistent") return MDC_ICONS["hit-and-miss"];
  return null;
}
