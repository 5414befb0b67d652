/**
 * The first page: what is good and what is bad, readable in thirty seconds. RAG counts with their
 * symbols and words, the direction of travel and the data to check in a line each, then the areas for
 * focus and the indicators performing well as compact rows (reference, measure, value against target,
 * RAG, direction, a reason of one line), worst first. The full reasoning lives in the table.
 */
import { withoutNamedBase } from "./unit-base";
import type { Analysis, Assessment } from "../judge/assess";
import type { Band } from "../judge/banding";
import { CAVEAT_CODES, FlagCode } from "../judge/quality";
import { plural } from "../words";
import { directionReading } from "./direction";
import { textWidth } from "./measure-text";
import { Paper, prints, span, spans } from "./paper-context";
import { splitColumns } from "./list-layout";
import { quoteTitle } from "./quote";
import { CAVEAT_WORDS, caveatPhrases, targetPhrase } from "./plain-words";
import {
  headlineMovement,
  isYearToDate,
  measureName,
  periodAdjective,
  spcSentence,
  worstFirst,
} from "./narrative";
import { charsForText, textPoints } from "./page";
import { BAND_SYMBOL, BAND_WORDS, bandLabel } from "./styles";

export interface Summary {
  bands: Record<Band, number>;
  /** "unclear": a move that compares with a figure flagged as an unusual jump. */
  directions: Record<"improving" | "worsening" | "stable" | "unclear" | "other" | "unknown", number>;
  caveats: number;
  caveatCodes: Partial<Record<FlagCode, number>>;
}

export function summarise(analysis: Analysis): Summary {
  const bands: Record<Band, number> = { green: 0, amber: 0, red: 0, none: 0 };
  const directions = { improving: 0, worsening: 0, stable: 0, unclear: 0, other: 0, unknown: 0 };
  const caveatCodes: Partial<Record<FlagCode, number>> = {};
  let caveats = 0;
  for (const a of analysis.indicators) {
    bands[a.band]++;
    directions[directionReading(a).kind]++;
    const codes = new Set(a.flags.map((f) => f.code).filter((c) => CAVEAT_CODES.includes(c)));
    if (codes.size) caveats++;
    for (const c of codes) caveatCodes[c] = (caveatCodes[c] ?? 0) + 1;
  }
  return { bands, directions, caveats, caveatCodes };
}

const ORDER: Band[] = ["red", "amber", "green", "none"];
const RAG_STYLE: Record<Band, string> = {
  red: "ragRed",
  amber: "ragAmber",
  green: "ragGreen",
  none: "ragNone",
};
const COUNT_STYLE: Record<Band, string> = {
  red: "countRed",
  amber: "countAmber",
  green: "countGreen",
  none: "countNone",
};

/** The four RAG counts as coloured blocks across the page, each with its symbol and word. */
function ragCounts(p: Paper, summary: Summary): void {
  const s = p.sheet;
  const r = s.row();
  const total = p.printed.reduce((n, c) => n + s.columnWidths[c], 0);
  const label = (band: Band) =>
    `${BAND_SYMBOL[band]} ${summary.bands[band]} ${band === "none" ? "not banded" : BAND_WORDS[band]}`;
  const blocks = spans(
    p,
    p.printed,
    ORDER.map((band) => ({
      chars: total / ORDER.length,
      weight: 1,
      least: charsForText(textWidth(label(band), { size: 12, bold: true }) * 1.1),
    })),
  );
  ORDER.forEach((band, k) => {
    s.set(r, blocks[k].left, label(band), COUNT_STYLE[band]);
    s.merge(r, blocks[k].left, blocks[k].right, COUNT_STYLE[band]);
  });
  s.fit(r, 24);
}

function directionLine(summary: Summary): string {
  const d = summary.directions;
  const parts = [`${d.improving} improving`, `${d.worsening} worsening`, `${d.stable} with no clear change`];
  if (d.unclear) parts.push(`${d.unclear} unclear until a figure is checked`);
  if (d.other) parts.push(`${d.other} for information (up or down is neither better nor worse)`);
  if (d.unknown) parts.push(`${d.unknown} with nothing to compare with`);
  return `Direction of travel: ${parts.join(", ")}.`;
}

function caveatLine(summary: Summary): string {
  if (!summary.caveats) return "No data-quality caveats.";
  const list = Object.entries(summary.caveatCodes).map(([code, n]) => `${CAVEAT_WORDS[code] ?? code} (${n})`);
  return `Data to check on ${plural(summary.caveats, "indicator")}: ${list.join(", ")}.`;
}

/** The counts, the direction of travel and the data to check. */
export function summaryCounts(p: Paper, summary: Summary): void {
  const { left, right } = span(p);
  p.sheet.row(6);
  ragCounts(p, summary);
  p.sheet.row(4);
  p.sheet.line(directionLine(summary), "summary", left, right);
  p.sheet.line(caveatLine(summary), "summary", left, right);
}

type Span = { left: number; right: number };
interface ListColumns {
  ref: Span | null;
  measure: Span;
  value: Span;
  target: Span;
  rag: Span;
  /** The direction word and the reason of one line. */
  reason: Span;
}

/** Where each part of a compact row sits: the split of the columns that keeps the list shortest. */
function listColumns(p: Paper, items: Assessment[]): ListColumns {
  const hasRef = prints(p, "ref");
  const cols = hasRef ? p.printed.slice(1) : p.printed;
  const rows = items.map((a) => ({
    measure: quoteTitle(measureName(a)),
    value: withoutNamedBase(a, a.display) || "No value",
    target: a.targets.kind === "none" ? "No target" : targetShort(a, p.analysis),
    rag: bandLabel(a.band),
    reason: (points: number) => oneLineReason(a, p, points, p.listSize),
  }));
  const starts = splitColumns(
    cols.map((c) => p.sheet.columnWidths[c]),
    rows,
    p.listSize,
  );
  const [measure, value, target, rag, reason] = starts.map((s, k) => ({
    left: cols[s],
    right: cols[(starts[k + 1] ?? cols.length) - 1],
  }));
  return {
    ref: hasRef ? { left: p.printed[0], right: p.printed[0] } : null,
    measure,
    value,
    target,
    rag,
    reason,
  };
}

/** The short form of a target: its green condition ("at least 95%"). */
function targetShort(a: Assessment, analysis: Analysis): string {
  return targetPhrase(a, analysis)
    .split("\n")[0]
    .replace(/ \(green\);$/, "");
}

/** The move in a few words, after the direction word: "down from 87.3% (Sep 18)". */
function movementShort(a: Assessment): string {
  const m = headlineMovement(a);
  if (m.direction === "unknown" || m.from === null || m.change === undefined) return "";
  const label = m.fromLabel?.replace(/, the same period a year earlier$/, ", a year earlier") ?? "";
  if (!m.change) return label ? `since ${label}` : "";
  const monthly =
    isYearToDate(a) && m.toText !== undefined && m.toText !== a.display
      ? `${periodAdjective(m.toLabel)} figure `
      : "";
  return `${monthly}${m.change > 0 ? "up" : "down"} from ${m.fromText ?? ""} (${label})`;
}

/**
 * The direction word, then what matters most that fits on one line: the data to check first, what
 * SPC says, and how the figure moved. The move reads after the word it explains.
 */
function oneLineReason(a: Assessment, p: Paper, width: number, size = 10): string {
  const caveat = caveatPhrases(a, p.analysis.periods)[0];
  const spc =
    a.spc && a.spc.variation !== "common-cause" ? spcSentence(a, p.analysis.periods).split(". ")[0] : "";
  const detail = movementShort(a);
  const word = directionReading(a).word;
  const say = (parts: { caveat?: boolean; spc?: boolean; detail?: boolean }): string => {
    let s = word;
    if (parts.detail && detail) s += /^since /.test(detail) ? ` ${detail}` : `: ${detail}`;
    if (parts.caveat && caveat) s += `. ⚠ ${caveat.charAt(0).toUpperCase()}${caveat.slice(1)}`;
    if (parts.spc && spc) s += `. ${spc}`;
    return s;
  };
  // What to check comes first; a reason of two lines beats none, so it always goes in.
  const chosen: { caveat?: boolean; spc?: boolean; detail?: boolean } = caveat
    ? { caveat: true }
    : spc
      ? { spc: true }
      : { detail: true };
  for (const k of ["caveat", "spc", "detail"] as const) {
    const next = { ...chosen, [k]: true };
    if (textWidth(say(next), { size }) <= width) chosen[k] = true;
  }
  return say(chosen);
}

/** One compact row of a list. */
function listRow(p: Paper, a: Assessment, at: ListColumns): void {
  const s = p.sheet;
  const r = s.row();
  const small = p.listSize === 9 ? "9" : "";
  const put = (g: { left: number; right: number } | null, v: string | null, style: string) => {
    if (!g) return;
    const name = style === "target" ? style : `${style}${small}`;
    s.set(r, g.left, v, name);
    s.merge(r, g.left, g.right, name);
  };
  put(at.ref, a.ref, "ref");
  // The summary quotes a title; the table keeps it whole.
  put(at.measure, quoteTitle(measureName(a)), "cell");
  put(at.value, withoutNamedBase(a, a.display) || "No value", "valueText");
  put(at.target, a.targets.kind === "none" ? "No target" : targetShort(a, p.analysis), "target");
  put(at.rag, bandLabel(a.band), RAG_STYLE[a.band]);
  let chars = 0;
  for (let c = at.reason.left; c <= at.reason.right; c++) if (p.columns.shown[c]) chars += s.columnWidths[c];
  put(at.reason, oneLineReason(a, p, textPoints(chars), p.listSize), "why");
  s.fit(r, 0);
}

/** The list's column names, once, above the first list. */
function listHeader(p: Paper, at: ListColumns): void {
  const s = p.sheet;
  const h = s.row();
  const names: [keyof ListColumns, string][] = [
    ["ref", "Ref"],
    ["measure", "Measure"],
    ["value", "Value"],
    ["target", "Target"],
    ["rag", "RAG"],
    ["reason", "Direction, and why"],
  ];
  for (const [k, name] of names) {
    const g = at[k];
    if (!g) continue;
    s.set(h, g.left, name, "thList");
    s.merge(h, g.left, g.right, "thList");
  }
  s.fit(h, 0);
  s.keepWithNext.add(h);
}

/** A heading then its rows, kept on one page with its first row. */
function list(p: Paper, heading: string, items: Assessment[], at: ListColumns, header: boolean): void {
  if (!items.length) return;
  const s = p.sheet;
  const { left, right } = span(p);
  s.row(6);
  s.keepWithNext.add(s.line(heading, "heading", left, right));
  if (header) listHeader(p, at);
  for (const a of items) listRow(p, a, at);
}

/** The areas for focus (red, then amber, worst first) and the indicators performing well. */
export function summaryLists(p: Paper, summary: Summary): void {
  const worst = worstFirst(p.analysis);
  const focus = p.analysis.indicators.filter((a) => a.band === "red" || a.band === "amber").sort(worst);
  const well = p.analysis.indicators.filter((a) => a.band === "green").sort(worst);
  const b = summary.bands;
  const at = listColumns(p, [...focus, ...well]);
  list(p, `Areas for focus: ${b.red} red, ${b.amber} amber, worst first`, focus, at, true);
  list(p, `Performing well: ${plural(b.green, "indicator")} at green`, well, at, !focus.length);
  if (!focus.length) summaryNote(p, "No indicator is at red or amber this period.");
  if (!well.length) summaryNote(p, "No indicator is at green this period.");
}

function summaryNote(p: Paper, text: string): void {
  const { left, right } = span(p);
  p.sheet.line(text, "summary", left, right);
}
