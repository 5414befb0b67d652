/**
 * The committee paper's look: RAG colours that stay apart in greyscale and for colour-blind readers
 * (test/committee/colours.test.ts), Making Data Count's colours for SPC, and every cell style by name.
 * Each colour repeats a word or symbol in the cell; none carries meaning alone.
 */
import type { Band } from "../judge/banding";
import type { CellStyle } from "./plan";
import { MDC_COLOURS } from "./mdc-icons";

/**
 * Red that reads as red, amber as amber, green as green; the three sit at clearly different
 * lightness (dark red, mid green, light amber), so they stay apart in greyscale and for protan,
 * deutan and tritan vision. Red carries white text.
 */
export const PALETTE = {
  green: "5DAA5D",
  amber: "FFC000",
  red: "B42318",
  redText: "FFFFFF",
  redStrong: "8B1A10",
  none: "E7E6E6",
  good: "00603F",
  bad: "A13A00",
  neutral: "4D4D4D",
  header: "1F3864",
  section: "D9E1F2",
  input: "FFF8E1",
  rule: "BFBFBF",
} as const;

export const BAND_WORDS: Record<Band, string> = {
  green: "Green",
  amber: "Amber",
  red: "Red",
  none: "No target",
};
/** Shapes, never arrows: arrows belong to the direction of travel. */
export const BAND_SYMBOL: Record<Band, string> = { green: "●", amber: "◆", red: "■", none: "–" };

/** The band's words with its symbol, as the RAG cell shows it. */
export function bandLabel(b: Band): string {
  return `${BAND_SYMBOL[b]} ${BAND_WORDS[b]}`;
}

const top = { vAlign: "top", border: true, size: 10 } as const;
const fills: Record<Band, CellStyle> = {
  green: { fill: PALETTE.green, bold: true },
  amber: { fill: PALETTE.amber, bold: true },
  red: { fill: PALETTE.red, color: PALETTE.redText, bold: true },
  none: { fill: PALETTE.none, color: PALETTE.neutral },
};
const mdc = (c: keyof typeof MDC_COLOURS): CellStyle => ({
  ...top,
  wrap: true,
  bold: true,
  color: MDC_COLOURS[c].text,
});

export const STYLES: Record<string, CellStyle> = {
  title: { bold: true, size: 16, color: PALETTE.header, wrap: true, vAlign: "top" },
  subtitle: { size: 10, color: PALETTE.neutral, wrap: true, vAlign: "top" },
  rules: { italic: true, size: 9, color: PALETTE.neutral, wrap: true, vAlign: "top" },
  heading: { bold: true, size: 12, color: PALETTE.header, vAlign: "bottom" },
  summary: { size: 10, wrap: true, vAlign: "top" },
  th: {
    bold: true,
    color: "FFFFFF",
    fill: PALETTE.header,
    wrap: true,
    vAlign: "middle",
    hAlign: "center",
    border: true,
    size: 10,
  },
  thList: {
    bold: true,
    size: 9,
    color: PALETTE.header,
    fill: PALETTE.section,
    wrap: true,
    vAlign: "middle",
    border: true,
  },
  section: { bold: true, fill: PALETTE.section, border: true, size: 10, vAlign: "middle" },
  cell: { ...top, wrap: true },
  ref: { ...top, wrap: true, bold: true },
  value: { ...top, hAlign: "right" },
  valueText: { ...top, wrap: true, hAlign: "right" },
  target: { ...top, wrap: true, size: 9 },
  text: { ...top, wrap: true, hAlign: "center" },
  spark: { ...top, hAlign: "center" },
  rag: { ...top, bold: true, hAlign: "center", wrap: true },
  ragGreen: { ...top, hAlign: "center", wrap: true, ...fills.green },
  ragAmber: { ...top, hAlign: "center", wrap: true, ...fills.amber },
  ragRed: { ...top, hAlign: "center", wrap: true, ...fills.red },
  ragNone: { ...top, hAlign: "center", wrap: true, ...fills.none },
  dir: { ...top, wrap: true, color: PALETTE.neutral },
  dirGood: { ...top, wrap: true, bold: true, color: PALETTE.good },
  dirBad: { ...top, wrap: true, bold: true, color: PALETTE.bad },
  spc: { ...top, wrap: true, bold: true, color: MDC_COLOURS.grey.text },
  spcBlue: mdc("blue"),
  spcOrange: mdc("orange"),
  spcGrey: mdc("grey"),
  spcPurple: mdc("purple"),
  bench: { ...top, wrap: true, hAlign: "right" },
  benchGood: { ...top, wrap: true, hAlign: "right", color: PALETTE.good },
  benchBad: { ...top, wrap: true, hAlign: "right", color: PALETTE.bad },
  // The national figures in one compact cell, a line each: read left to right, like the reason.
  national: { ...top, wrap: true, size: 9 },
  nationalGood: { ...top, wrap: true, size: 9, color: PALETTE.good },
  nationalBad: { ...top, wrap: true, size: 9, color: PALETTE.bad },
  why: { ...top, wrap: true },
  commentary: { ...top, wrap: true, fill: PALETTE.input },
  countGreen: { size: 12, hAlign: "center", vAlign: "middle", border: true, ...fills.green },
  countAmber: { size: 12, hAlign: "center", vAlign: "middle", border: true, ...fills.amber },
  countRed: { size: 12, hAlign: "center", vAlign: "middle", border: true, ...fills.red },
  countNone: { size: 12, hAlign: "center", vAlign: "middle", border: true, ...fills.none, bold: true },
  matrixHead: {
    bold: true,
    size: 9,
    color: PALETTE.header,
    fill: PALETTE.section,
    wrap: true,
    border: true,
    hAlign: "center",
    vAlign: "middle",
  },
  matrixLabel: { size: 10, bold: true, wrap: true, border: true, vAlign: "middle" },
  matrixCount: { size: 10, border: true, hAlign: "center", vAlign: "middle" },
  keyLabel: { bold: true, size: 10, vAlign: "middle", border: true },
  keyGreen: { size: 10, vAlign: "middle", hAlign: "center", border: true, wrap: true, fill: PALETTE.green },
  keyAmber: { size: 10, vAlign: "middle", hAlign: "center", border: true, wrap: true, fill: PALETTE.amber },
  keyRed: {
    size: 10,
    vAlign: "middle",
    hAlign: "center",
    border: true,
    wrap: true,
    fill: PALETTE.red,
    color: PALETTE.redText,
  },
  keyNone: { size: 10, vAlign: "middle", hAlign: "center", border: true, wrap: true, fill: PALETTE.none },
  keyText: { size: 10, vAlign: "middle", border: true, wrap: true, color: PALETTE.neutral },
  key: { size: 8, color: "808080" },
  marker: { size: 8, color: "808080" },
};

/** The summary's compact rows at 9 pt, for a first page that would otherwise run over. */
for (const name of ["ref", "cell", "valueText", "why", "ragRed", "ragAmber", "ragGreen", "ragNone"])
  STYLES[`${name}9`] = { ...STYLES[name], size: 9 };

export const RAG_RULES = [
  { contains: BAND_WORDS.red, style: "ragRed" },
  { contains: BAND_WORDS.amber, style: "ragAmber" },
  { contains: BAND_WORDS.green, style: "ragGreen" },
  { contains: BAND_WORDS.none, style: "ragNone" },
];

export const DIRECTION_RULES = [
  { contains: "Improving", style: "dirGood" },
  { contains: "Worsening", style: "dirBad" },
];
