/**
 * The committee sheet's Making Data Count pieces: the variation and assurance cells beside RAG, the
 * variation × assurance matrix that MDC boards put at the top, and the key. Each cell is a word and a
 * symbol, so it reads in greyscale print and to a screen reader; colour only repeats what the word says.
 */
import type { Assessment } from "../judge/assess";
import type { Assurance, Variation } from "../judge/spc";

/**
 * One column, variation over assurance: two columns would take the reason's room on A4 landscape at
 * 100%, and the pair is read together ("▲ Improvement, ✓ Pass"), as MDC's icon pairs are.
 */
export const SPC_COLUMNS = [{ key: "spc", header: "Variation, assurance (SPC)", width: 12 }] as const;

/** Symbols: the side of the mean for special cause (▲ high, ▼ low), ○ for common cause. */
const VARIATION_WORDS: Record<Variation, string> = {
  "common-cause": "Common cause",
  "special-cause-improvement": "Improvement",
  "special-cause-concern": "Concern",
  "special-cause-neutral-high": "High",
  "special-cause-neutral-low": "Low",
};
const ASSURANCE_CELLS: Record<Assurance, string> = {
  pass: "✓ Pass",
  fail: "✗ Fail",
  inconsistent: "≈ Hit and miss",
};
const NO_SPC = "– Too few points";
const NO_ASSURANCE = "– None";

function side(a: Assessment): "▲" | "▼" | "○" {
  const v = a.spc?.variation;
  if (!v || v === "common-cause") return "○";
  if (v === "special-cause-neutral-high") return "▲";
  if (v === "special-cause-neutral-low") return "▼";
  // Improvement is high where higher is better, low where lower is better; concern the other way.
  const high = (v === "special-cause-improvement") === (a.polarity === "higher");
  return high ? "▲" : "▼";
}

/** The arrow for the direction column where SPC decides the direction: the side of the average. */
export function spcArrow(a: Assessment): "▲" | "▼" | null {
  const s = side(a);
  return s === "○" ? null : s;
}

/** The Variation cell: "▲ Improvement", "▼ Concern", "○ Common cause", or too few points for SPC. */
export function variationCell(a: Assessment): string {
  if (!a.spc) return NO_SPC;
  return `${side(a)} ${VARIATION_WORDS[a.spc.variation]}`;
}

/** The Assurance cell: "✓ Pass", "✗ Fail", "≈ Hit and miss", or none (no SPC, no target, no polarity). */
export function assuranceCell(a: Assessment): string {
  return a.spc?.assurance ? ASSURANCE_CELLS[a.spc.assurance] : NO_ASSURANCE;
}

/** The committee cell: variation, then assurance on its own line; only the first where SPC does not apply. */
export function spcCell(a: Assessment): string {
  return a.spc ? `${variationCell(a)}\n${assuranceCell(a)}` : NO_SPC;
}

/**
 * Good and bad as the direction column colours them (the committee palette's good and bad), centred
 * like the other cells of these columns. Kept here so committee.ts only spreads them in.
 */
export const SPC_STYLES = {
  spcGood: {
    bold: true,
    color: "00603F",
    border: true,
    hAlign: "center",
    vAlign: "top",
    size: 10,
    wrap: true,
  },
  spcBad: {
    bold: true,
    color: "A13A00",
    border: true,
    hAlign: "center",
    vAlign: "top",
    size: 10,
    wrap: true,
  },
} as const;

/**
 * Words that pick a style for the SPC cell, as the RAG cells have. Variation alone colours it: a cell
 * reading "Concern" and "Pass" cannot be both colours, and the words carry the assurance anyway.
 */
export const SPC_RULES = [
  { contains: VARIATION_WORDS["special-cause-improvement"], style: "spcGood" },
  { contains: VARIATION_WORDS["special-cause-concern"], style: "spcBad" },
];

const MATRIX_ROWS: { label: string; test: (a: Assessment) => boolean }[] = [
  { label: "Special cause improvement", test: (a) => a.spc?.variation === "special-cause-improvement" },
  { label: "Common cause", test: (a) => a.spc?.variation === "common-cause" },
  { label: "Special cause concern", test: (a) => a.spc?.variation === "special-cause-concern" },
  {
    label: "Special cause, no better direction",
    test: (a) =>
      a.spc?.variation === "special-cause-neutral-high" || a.spc?.variation === "special-cause-neutral-low",
  },
];
const MATRIX_COLUMNS: { label: string; test: (a: Assessment) => boolean }[] = [
  { label: ASSURANCE_CELLS.pass, test: (a) => a.spc?.assurance === "pass" },
  { label: ASSURANCE_CELLS.inconsistent, test: (a) => a.spc?.assurance === "inconsistent" },
  { label: ASSURANCE_CELLS.fail, test: (a) => a.spc?.assurance === "fail" },
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
    ["Variation \\ assurance", ...MATRIX_COLUMNS.map((c) => c.label), "Total"],
  ];
  for (const row of MATRIX_ROWS) {
    const mine = indicators.filter(row.test);
    rows.push([row.label, ...MATRIX_COLUMNS.map((c) => mine.filter(c.test).length), mine.length]);
  }
  return { rows, without: indicators.filter((a) => a.spc === null).length };
}

/** The key to the SPC column, for the committee sheet's notes. */
export function spcKeyLines(minPoints: number): string[] {
  return [
    `Variation and assurance follow NHS England's Making Data Count (statistical process control) where an indicator has at least ${minPoints} periods: limits are the average ± 2.66 × the average moving range.`,
    "Variation: ▲ Improvement / ▼ Improvement (special cause in the better direction), ▲ Concern / ▼ Concern (in the worse direction), ▲ High / ▼ Low (special cause, no better direction), ○ Common cause (only the usual ups and downs). ▲ means above the average, ▼ below.",
    "Special cause: a point outside the limits, 7 points in a row rising or falling, 2 of 3 points close to a limit, or 7 points in a row on one side of the average.",
    `Assurance: ✓ Pass (the target is met consistently), ≈ Hit and miss (met some periods, missed in others), ✗ Fail (the target will not be met without a change), – None (no target or no better direction). ${NO_SPC}: fewer than ${minPoints} periods.`,
  ];
}
