/** The paper's title block: what it is, which period, from which sheet, and when it was made. */
import { reportedPeriod } from "../judge/as-at";
import { plural } from "../words";
import { COMMITTEE_MARKER } from "./commentary";
import { Paper, col, span } from "./paper-context";

export const PLAN_VERSION = 1;

export function paperTitle(p: Paper): string {
  return p.analysis.title ?? p.analysis.sheet;
}

export function formatStamp(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${d.getDate()} ${months[d.getMonth()]} ${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The title and the line under it; the add-in's marker sits in the hidden key column. */
export function titlePart(p: Paper): void {
  const { left, right } = span(p);
  const s = p.sheet;
  const r0 = s.line(`${paperTitle(p)}: committee report`, "title", left, right);
  s.set(r0, col("key"), `${COMMITTEE_MARKER} v${PLAN_VERSION}`, "marker");
  const period = reportedPeriod(p.analysis);
  const parts = [
    period ? `Reporting period: ${period}.` : "",
    `Source: sheet '${p.analysis.sheet}'.`,
    `Generated ${formatStamp(p.input.generatedAt)} by Scorecard.`,
    `${plural(p.analysis.indicators.length, "indicator")}.`,
  ];
  s.line(parts.filter(Boolean).join(" "), "subtitle", left, right);
}
