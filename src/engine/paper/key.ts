/**
 * How to read the paper: the key printed in every page's header, the rules that set the RAG and the
 * direction, and the key row above the table, in colour and in words.
 */
import type { Analysis, Assessment } from "../judge/assess";
import { describeAmount } from "../read/values";
import { spcKeyLines } from "./committee-spc";
import { Paper, span } from "./paper-context";
import { bandLabel } from "./styles";

/** The key printed at the top of every page (Excel allows 255 characters in a header section). */
export function printKey(withSpc: boolean): string {
  const key =
    "Key: ● Green on target · ◆ Amber close to target · ■ Red off target · – not banded · ▲ up ▼ down ► unchanged, with Improving / Worsening in words · ⚠ data to check";
  return withSpc
    ? `${key} · SPC: (H)/(L) high/low, (~) common cause; (P) pass, (F) fail, (?) hit and miss`
    : key;
}

function tolerance(analysis: Analysis): string {
  const t = analysis.settings.tolerance;
  return t.kind === "relative"
    ? `${Math.round(t.amount * 1000) / 10}% of the target`
    : describeAmount(t.amount, "percent", 1);
}

/** The rules that set each RAG and direction in this paper, and only those. */
export function rulesLine(analysis: Analysis): string {
  const s = analysis.settings;
  const has = (p: (a: Assessment) => boolean) => analysis.indicators.some(p);
  const tol = tolerance(analysis);
  const parts: string[] = [];
  if (has((a) => a.targets.kind === "min-upper"))
    parts.push(
      "minimum/upper targets: green at or past the upper target, amber between, red short of the minimum",
    );
  if (has((a) => a.targets.kind === "single" && a.polarity !== "range"))
    parts.push(`single targets: green when met, amber when missed by no more than ${tol}, otherwise red`);
  if (has((a) => a.targets.kind === "single" && a.polarity === "range"))
    parts.push(
      `measures best near their target (bell-shaped): green within ${tol} of it either side, amber within twice that, otherwise red`,
    );
  if (has((a) => a.targets.kind === "range"))
    parts.push(`ranges: green inside, amber outside by no more than ${tol} of the mid-point, otherwise red`);
  if (has((a) => (a.unit === "number" || a.unit === "score") && a.targets.kind === "single"))
    parts.push("counts: the tolerance is a whole number, at least 1");
  const trend =
    s.trend.sensitivity === "significance"
      ? `Direction compares the latest period with the one before, and a year-to-date figure with the same point a year earlier. Where the numbers of children or cases are known, a change that chance alone could give (at 95% confidence) is no clear change; otherwise changes under ${describeAmount(s.trend.materialityPoints, "percent", 1)} (or ${Math.round(s.trend.materialityRelative * 1000) / 10}% of the value) are. A move to or from a figure that jumps far more than usual is unclear until that figure is checked.`
      : "Direction compares the latest period with the one before; every change counts, except one to or from a figure that jumps far more than usual.";
  return `Rules: ${parts.length ? parts.join("; ") : "no targets"}. ${trend}`;
}

const DIRECTION_KEY =
  "Direction: ▲ up, ▼ down, ► unchanged, from the period named under it; Improving or Worsening says whether that is better, and No clear change that it may be chance. ⚠ marks data to check before reading the figure.";

/**
 * Below the table, "How to read this paper": the key in words, the rules that set each RAG and
 * direction, and the SPC key where it applies. The page header repeats the key on every page, and
 * the first page's RAG counts show the colours.
 */
export function notesPart(p: Paper): number {
  const s = p.sheet;
  const { left, right } = span(p);
  s.row(6);
  s.keepWithNext.add(s.line("How to read this paper", "heading", left, right));
  s.line(
    `RAG: ${bandLabel("green")} on target, ${bandLabel("amber")} close to target, ${bandLabel("red")} off target, ${bandLabel("none")}: not banded. ${DIRECTION_KEY}`,
    "rules",
    left,
    right,
  );
  s.line(rulesLine(p.analysis), "rules", left, right);
  if (p.table.spcShown)
    for (const l of spcKeyLines(p.analysis.settings.spc.minPoints)) s.line(l, "rules", left, right);
  return s.rowCount - 1;
}
