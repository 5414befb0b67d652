/**
 * The direction of travel as the table shows it: an arrow for the move, a word for whether it is
 * better, and the period it is measured from, so the arrow never stands alone and never disagrees with
 * the Why beside it. Statistical process control has its own columns; this is the latest move.
 */
import type { Assessment } from "../judge/assess";
import { headlineMovement } from "./narrative";

export type Tone = "good" | "bad" | "neutral";

/** What the direction reads as, for the summary's counts. */
export type DirectionKind = "improving" | "worsening" | "stable" | "unclear" | "other" | "unknown";

export interface DirectionReading {
  kind: DirectionKind;
  /** "▼ Worsening" */
  word: string;
  /** The word, then the period it is measured from: "▼ Worsening\nsince Sep 18". */
  text: string;
  tone: Tone;
}

/** "since Sep 18", "on a year earlier", "on 2017/18", "on the baseline". */
function against(label: string | undefined): string {
  if (!label) return "";
  if (/a year earlier/.test(label)) return "on a year earlier";
  const outturn = /^(.*) outturn$/.exec(label);
  if (outturn) return `on ${outturn[1]}`;
  if (/baseline/.test(label)) return "on the baseline";
  return `since ${label}`;
}

export function directionReading(a: Assessment): DirectionReading {
  const m = headlineMovement(a);
  const arrow = (m.change ?? 0) > 0 ? "▲" : (m.change ?? 0) < 0 ? "▼" : "►";
  const read = (kind: DirectionKind, word: string, tone: Tone): DirectionReading => {
    const when = against(m.fromLabel);
    return { kind, word, text: when ? `${word}\n${when}` : word, tone };
  };
  if (m.direction === "unknown")
    return { kind: "unknown", word: "– No comparison", text: "– No comparison", tone: "neutral" };
  if (m.unusual) return read("unclear", `${arrow} Unclear`, "neutral");
  switch (m.direction) {
    case "improving":
      return read("improving", `${arrow} Improving`, "good");
    case "worsening":
      return read("worsening", `${arrow} Worsening`, "bad");
    case "up":
      return read("other", "▲ Up", "neutral");
    case "down":
      return read("other", "▼ Down", "neutral");
    default:
      return read("stable", m.change ? `${arrow} No clear change` : "► Unchanged", "neutral");
  }
}

const SPARK = "▁▂▃▄▅▆▇█";
/** The periods a sparkline draws: the last six. */
export const SPARK_PERIODS = 6;

/** A text sparkline that survives printing and every spreadsheet program; "·" marks a missing period. */
export function sparkline(values: (number | null)[]): string {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return "";
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  return values
    .map((v) => {
      if (v === null) return "·";
      if (hi === lo) return SPARK[3];
      return SPARK[Math.round(((v - lo) / (hi - lo)) * (SPARK.length - 1))];
    })
    .join("");
}
