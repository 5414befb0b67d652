/**
 * The flags list the analyst works through: every red, amber, worsening and data-quality flag, with
 * its reason and the cells it is about. Pure, so the pane stays a thin face and this is tested alone.
 */
import type { Analysis, Assessment } from "../engine/judge/assess";
import { CAVEAT_CODES, SheetPlan } from "../engine/paper/committee";
import type { ReviewMark } from "../engine/config";
import type { CellRef } from "../engine/grid";
import { columnLetter } from "../engine/grid";
import { FLAG_TITLES } from "../engine/judge/quality";
import { assuranceCell, spcArrow, variationCell } from "../engine/paper/committee-spc";
import { MdcIcon, assuranceIcon, variationIcon } from "../engine/paper/mdc-icons";
import type { Band } from "../engine/judge/banding";
import { IndicatorLabel, indicatorLabel } from "./indicator-label";
import { INDICATOR_REVIEW } from "./review-marks";

export type ReviewGroup = "red" | "amber" | "worsening" | "data-quality" | "checks";

export const GROUP_TITLES: Record<ReviewGroup, string> = {
  red: "Red",
  amber: "Amber",
  worsening: "Worsening",
  "data-quality": "Data quality",
  checks: "Analyst checks",
};

export interface ReviewItem {
  id: string;
  key: string;
  group: ReviewGroup;
  /** What a review mark is about: "band", "trend" or a flag code. */
  about: string;
  label: string;
  /** The indicator's name as a screen reader says it ("Reference 1.2: …"), for labels and messages. */
  indicator: string;
  /** The indicator's name to show, its reference set apart. */
  name: IndicatorLabel;
  band: Band;
  reason: string;
  value: number | null;
  source: CellRef;
  /** The indicator's row in the committee sheet, once one has been written. */
  committee?: { sheet: string; address: string };
  /** The mark that covers this flag: its own (made by an earlier version) or the indicator's. */
  review?: ReviewMark;
  /** Every mark of the indicator that still applies (its value unchanged). */
  marks: ReviewMark[];
  /** The indicator's SPC reading, where its series is long enough. */
  spc?: SpcSummary;
}

/** Variation and assurance as the committee sheet words them ("(H) Improvement", "(P) Pass"), with MDC's icons. */
export interface SpcSummary {
  variation: string;
  assurance: string;
  special: boolean;
  side: "above" | "below" | null;
  variationIcon: MdcIcon;
  assuranceIcon: MdcIcon | null;
}

function spcSummary(a: Assessment): SpcSummary | undefined {
  if (!a.spc) return undefined;
  const arrow = spcArrow(a);
  return {
    variation: variationCell(a),
    assurance: assuranceCell(a),
    special: a.spc.variation !== "common-cause",
    side: arrow === "▲" ? "above" : arrow === "▼" ? "below" : null,
    variationIcon: variationIcon(a.spc.variation, a.polarity),
    assuranceIcon: assuranceIcon(a.spc.assurance),
  };
}

/** The committee sheet's RAG cell for each indicator key, from the plan that was written. */
export function committeeCells(plan: SheetPlan | undefined): Map<string, { sheet: string; address: string }> {
  const out = new Map<string, { sheet: string; address: string }>();
  if (!plan) return out;
  const ragColumn = plan.values[plan.commentary.headerRow].indexOf("RAG");
  plan.values.forEach((row, r) => {
    const key = row[plan.commentary.keyColumn];
    if (typeof key === "string" && r > plan.commentary.headerRow && !key.startsWith("retired:")) {
      out.set(key, { sheet: plan.name, address: `${columnLetter(ragColumn)}${r + 1}` });
    }
  });
  return out;
}

/** The marks of an indicator that still apply (its value unchanged), and the one covering a flag. */
function marksOf(reviews: Record<string, ReviewMark[]>, a: Assessment) {
  const marks = (reviews[a.key] ?? []).filter((m) => m.value === a.value);
  const whole = marks.find((m) => m.about === INDICATOR_REVIEW);
  return { marks, mark: (about: string) => marks.find((m) => m.about === about) ?? whole };
}

export function buildReviewItems(
  analysis: Analysis,
  reviews: Record<string, ReviewMark[]>,
  plan?: SheetPlan,
): ReviewItem[] {
  const cells = committeeCells(plan);
  const items: ReviewItem[] = [];
  for (const a of analysis.indicators) {
    const { marks, mark } = marksOf(reviews, a);
    const name = indicatorLabel(a);
    const base = {
      key: a.key,
      indicator: name.spoken,
      name,
      band: a.band,
      marks,
      value: a.value,
      committee: cells.get(a.key),
      spc: spcSummary(a),
    };
    if (a.band === "red" || a.band === "amber") {
      items.push({
        ...base,
        id: `${a.key}|band`,
        group: a.band,
        about: "band",
        label: `${a.band === "red" ? "Red" : "Amber"}: ${a.display}`,
        reason: a.bandReason,
        source: a.cell,
        review: mark("band"),
      });
    }
    if (a.trend.direction === "worsening") {
      items.push({
        ...base,
        id: `${a.key}|trend`,
        group: "worsening",
        about: "trend",
        label: "Worsening",
        reason: a.trend.reason,
        source: a.cell,
        review: mark("trend"),
      });
    }
    for (const f of a.flags) {
      const group: ReviewGroup = CAVEAT_CODES.includes(f.code) ? "data-quality" : "checks";
      items.push({
        ...base,
        id: `${a.key}|${f.code}|${f.cell?.address ?? ""}`,
        group,
        about: f.code,
        label: FLAG_TITLES[f.code],
        reason: f.message,
        source: f.cell ?? a.cell,
        review: mark(f.code),
      });
    }
  }
  return items;
}

export type ReviewFilter = "all" | "open" | "special-cause" | ReviewGroup;

function matches(i: ReviewItem, filter: ReviewFilter, q: string): boolean {
  const kind =
    filter === "all" ||
    (filter === "open"
      ? !i.review
      : filter === "special-cause"
        ? i.spc?.special === true
        : i.group === filter);
  return (
    kind && (!q || `${i.name.ref ?? ""} ${i.name.title} ${i.label} ${i.reason}`.toLowerCase().includes(q))
  );
}

export function filterItems(items: ReviewItem[], filter: ReviewFilter, text = ""): ReviewItem[] {
  const q = text.trim().toLowerCase();
  return items.filter((i) => matches(i, filter, q));
}

/** Cards with a flag that matches, each shown whole: a card is reviewed as a whole. */
export function filterCards(cards: IndicatorCard[], filter: ReviewFilter, text = ""): IndicatorCard[] {
  const q = text.trim().toLowerCase();
  return cards.filter((c) => c.items.some((i) => matches(i, filter, q)));
}

export function countByGroup(items: ReviewItem[]): Record<ReviewGroup, number> {
  const out: Record<ReviewGroup, number> = { red: 0, amber: 0, worsening: 0, "data-quality": 0, checks: 0 };
  for (const i of items) out[i.group]++;
  return out;
}

export interface IndicatorCard {
  key: string;
  /** As a screen reader says it; `name` is what is shown. */
  indicator: string;
  name: IndicatorLabel;
  band: Band;
  value: number | null;
  /** The most serious group among its flags, which orders the cards and colours the card's edge. */
  worst: ReviewGroup;
  groups: ReviewGroup[];
  items: ReviewItem[];
  /** Every flag is covered by a mark that still applies. */
  reviewed: boolean;
  /** The marks that still apply: the indicator's own, or older per-flag ones. */
  marks: ReviewMark[];
  spc?: SpcSummary;
  committee?: { sheet: string; address: string };
}

const SEVERITY: ReviewGroup[] = ["red", "amber", "worsening", "data-quality", "checks"];
const bySeverity = (a: ReviewGroup, b: ReviewGroup) => SEVERITY.indexOf(a) - SEVERITY.indexOf(b);

function newCard(i: ReviewItem): IndicatorCard {
  const { key, indicator, name, band, value, marks, spc, committee } = i;
  return {
    key,
    indicator,
    name,
    band,
    value,
    marks,
    spc,
    committee,
    worst: i.group,
    groups: [],
    items: [],
    reviewed: true,
  };
}

/** One card per indicator with all its flags, the most serious first; the scorecard's order within a kind. */
export function groupByIndicator(items: ReviewItem[]): IndicatorCard[] {
  const cards = new Map<string, IndicatorCard>();
  for (const i of items) {
    const c = cards.get(i.key) ?? newCard(i);
    cards.set(i.key, c);
    c.items.push(i);
    c.reviewed &&= i.review !== undefined;
    if (!c.groups.includes(i.group)) c.groups.push(i.group);
    if (bySeverity(i.group, c.worst) < 0) c.worst = i.group;
  }
  const list = [...cards.values()];
  for (const c of list) {
    c.groups.sort(bySeverity);
    c.items.sort((a, b) => bySeverity(a.group, b.group));
  }
  return list
    .map((c, n) => ({ c, n }))
    .sort((a, b) => bySeverity(a.c.worst, b.c.worst) || a.n - b.n)
    .map(({ c }) => c);
}
