/**
 * The committee sheet's Making Data Count pieces: the variation and assurance cells beside RAG, the
 * variation × assurance counts that MDC boards open with, and their key. Each cell is MDC's letter
 * and the word ("(H) Improvement", "(F) Fail"), coloured as MDC colours the icon; the word carries the
 * meaning, in greyscale print and to a screen reader.
 */
import type { Assessment } from "../judge/assess";
import { MDC_ICONS, assuranceIcon, variationIcon } from "./mdc-icons";

const NO_SPC = "Too few points";
const NO_ASSURANCE = "No target";

/** The side of the average for special cause (▲ high, ▼ low), ○ for common cause. */
function side(a: Assessment): "▲" | "▼" | "○" {
  if (!a.spc || a.spc.variation === "common-cause") return "○";
  return variationIcon(a.spc.variation, a.polarity).letter === "H" ? "▲" : "▼";
}

/** The side of the average where special cause lies, or null for common cause. */
export function spcArrow(a: Assessment): "▲" | "▼" | null {
  const s = side(a);
  return s === "○" ? null : s;
}

/** The Variation cell: "(H) Improvement", "(L) Concern", "(~) Common cause", or too few points. */
export function variationLabel(a: Assessment): string {
  return a.spc ? variationIcon(a.spc.variation, a.polarity).label : NO_SPC;
}

/** The Assurance cell: "(P) Pass", "(F) Fail", "(?) Hit and miss", or none (no target, no polarity). */
export function assuranceLabel(a: Assessment): string {
  if (!a.spc) return "";
  return assuranceIcon(a.spc.assurance)?.label ?? NO_ASSURANCE;
}

/** For the pane: the same words. */
export const variationCell = variationLabel;
export function assuranceCell(a: Assessment): string {
  return assuranceLabel(a) || NO_ASSURANCE;
}

/** The committee cell: variation over assurance, each MDC's letter and its word. */
export function spcCell(a: Assessment): string {
  if (!a.spc) return NO_SPC;
  return `${variationLabel(a)}\n${assuranceLabel(a)}`;
}

/** Words that colour the SPC cell as MDC colours the variation icon; the assurance is in words. */
export const SPC_RULES = [
  { contains: MDC_ICONS["improvement-high"].word, style: "spcBlue" },
  { contains: MDC_ICONS["concern-high"].word, style: "spcOrange" },
  { contains: "Unusually", style: "spcPurple" },
];

const VARIATION_ROWS: { label: string; test: (a: Assessment) => boolean }[] = [
  { label: "(H/L) Improvement", test: (a) => a.spc?.variation === "special-cause-improvement" },
  { label: "(~) Common cause", test: (a) => a.spc?.variation === "common-cause" },
  { label: "(H/L) Concern", test: (a) => a.spc?.variation === "special-cause-concern" },
  {
    label: "(H/L) Unusually high or low",
    test: (a) =>
      a.spc?.variation === "special-cause-neutral-high" || a.spc?.variation === "special-cause-neutral-low",
  },
];
const ASSURANCE_COLUMNS: { label: string; test: (a: Assessment) => boolean }[] = [
  { label: MDC_ICONS.pass.label, test: (a) => a.spc?.assurance === "pass" },
  { label: MDC_ICONS["hit-and-miss"].label, test: (a) => a.spc?.assurance === "inconsistent" },
  { label: MDC_ICONS.fail.label, test: (a) => a.spc?.assurance === "fail" },
  { label: NO_ASSURANCE, test: (a) => a.spc !== null && a.spc.assurance === null },
];

export interface SpcMatrix {
  /** The header row then one row per variation: a label, then counts by assurance, then the total. */
  rows: (string | number)[][];
  /** Indicators with too few points for SPC. */
  without: number;
}

/** Variation × assurance counts, the summary MDC boards open with. */
export function spcMatrix(indicators: readonly Assessment[]): SpcMatrix {
  const rows: (string | number)[][] = [
    ["Making Data Count: variation \\ assurance", ...ASSURANCE_COLUMNS.map((c) => c.label), "Total"],
  ];
  VARIATION_ROWS.forEach((row, i) => {
    const mine = indicators.filter(row.test);
    // Special cause with no better direction is rare: its row shows only where it has indicators.
    if (i === VARIATION_ROWS.length - 1 && !mine.length) return;
    rows.push([row.label, ...ASSURANCE_COLUMNS.map((c) => mine.filter(c.test).length), mine.length]);
  });
  return { rows, without: indicators.filter((a) => a.spc === null).length };
}

/** The key to the SPC columns, one line each. */
export function spcKeyLines(minPoints: number): string[] {
  const i = MDC_ICONS;
  return [
    `Variation and assurance follow NHS England's Making Data Count (statistical process control), for indicators with at least ${minPoints} periods: the usual range is the average ± 2.66 × the average moving range.`,
    `Variation: ${i["improvement-high"].label} or (L): ${i["improvement-high"].meaning.replace(/higher values, /, "")}, H on the high side, L on the low; ${i["concern-high"].label} or (L): ${i["concern-high"].meaning.replace(/higher values, /, "")}; ${i["common-cause"].label}: ${i["common-cause"].meaning}.`,
    `Assurance: ${i.pass.label}: ${i.pass.meaning}; ${i["hit-and-miss"].label}: ${i["hit-and-miss"].meaning}; ${i.fail.label}: ${i.fail.meaning}. Blue is better, orange worse, grey neither.`,
  ];
}
