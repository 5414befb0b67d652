/**
 * The print test's rules, as one function over the words of a rendered paper (pdf-layout.ts), so that
 * the rules can be shown failing on a broken layout (print-check.test.ts) as well as passing on every
 * sample (print.test.ts). Each rule reports what it found in words a person can act on ("page 3: 5
 * indicators"), and the figures behind them are kept for the report: pages, indicators per table page,
 * the blank share of each page and the smallest type.
 */
import { PageReading, Word, readPages } from "./pdf-layout";

/** What the analysis says the paper must show. */
export interface PaperExpected {
  counts: { red: number; amber: number; green: number; none: number };
  /** A word or two that finds each area for focus on page 1 (its reference, or its title's start). */
  focus: string[];
  indicators: number;
  /** The scorecard's section headings, which may open a table page. */
  sections: string[];
}

export interface PrintFigures {
  pages: number;
  /** Indicators on each table page, in page order. */
  perTablePage: number[];
  /** The share of each page's printable height left blank below its last line, in page order. */
  blank: number[];
  /** The smallest type on the paper, in points. */
  smallestPt: number;
}

export interface PrintCheck {
  problems: string[];
  figures: PrintFigures;
}

export const MIN_PT = 9;
export const MIN_PER_PAGE = 8;
export const MAX_BLANK = 0.5;
const A4 = { width: 842, height: 595 };
const TITLE_PT = 16;
const HEADER_WORDS = ["Measure", "RAG", "Direction", "Why", "(and", "Commentary"];

const text = (p: PageReading) => p.words.map((w) => w.text).join(" ");

export function checkPrint(words: Word[], expected: PaperExpected): PrintCheck {
  const pages = readPages(words, expected.sections);
  const size = typeSizes(words);
  const problems = [
    ...pageSize(words),
    ...size.problems,
    ...summaryPage(pages, expected),
    ...tablePages(pages, expected),
    ...everyPage(pages),
  ];
  const table = pages.filter((p) => p.headerBottom !== null);
  return {
    problems,
    figures: {
      pages: pages.length,
      perTablePage: table.map((p) => p.indicators.length),
      blank: pages.map((p) => Math.round(p.blank * 100) / 100),
      smallestPt: size.smallest,
    },
  };
}

function pageSize(words: Word[]): string[] {
  if (words.length < 50) return [`only ${words.length} words printed`];
  const off = words.filter(
    (w) => Math.round(w.pageWidth) !== A4.width || Math.round(w.pageHeight) !== A4.height,
  );
  return [
    ...new Set(off.map((w) => `page ${w.page} is not A4 landscape (${w.pageWidth} x ${w.pageHeight})`)),
  ];
}

/**
 * Type size from word height, calibrated on the title (set at 16 pt), so that the check does not
 * depend on one font's metrics.
 */
function typeSizes(words: Word[]): { problems: string[]; smallest: number } {
  const title = words.find((w) => w.page === 1 && /committee/i.test(w.text));
  if (!title) return { problems: ["no title on page 1"], smallest: 0 };
  const perPoint = (title.yMax - title.yMin) / TITLE_PT;
  const sizes = words.map((w) => ({ w, pt: (w.yMax - w.yMin) / perPoint }));
  const smallest = sizes.reduce((m, s) => Math.min(m, s.pt), Infinity);
  const small = sizes.filter((s) => s.pt < MIN_PT - 0.05);
  return {
    problems: small.map((s) => `page ${s.w.page}: "${s.w.text}" prints at ${s.pt.toFixed(1)} pt`),
    smallest: Math.round(smallest * 10) / 10,
  };
}

function summaryPage(pages: PageReading[], expected: PaperExpected): string[] {
  const first = pages[0];
  if (!first) return ["nothing printed"];
  const words = text(first);
  const c = expected.counts;
  const counts = [`■ ${c.red} Red`, `◆ ${c.amber} Amber`, `● ${c.green} Green`, `– ${c.none} not banded`];
  const problems = counts.filter((k) => !words.includes(k)).map((k) => `page 1 lacks the count "${k}"`);
  if (expected.focus.length && !/Areas for focus/.test(words))
    problems.push('page 1 lacks "Areas for focus"');
  for (const mark of expected.focus)
    if (!words.includes(mark)) problems.push(`page 1 lacks the area for focus "${mark}"`);
  if (first.headerBottom !== null) problems.push("the table starts on page 1, under the summary");
  return problems;
}

function tablePages(pages: PageReading[], expected: PaperExpected): string[] {
  const table = pages.filter((p) => p.headerBottom !== null);
  if (!table.length) return ["no page carries the table"];
  const problems: string[] = [];
  const printed = table.reduce((n, p) => n + p.indicators.length, 0);
  if (printed !== expected.indicators)
    problems.push(`${printed} indicator rows printed for ${expected.indicators} indicators`);
  for (const p of table.slice(0, -1))
    if (p.indicators.length < MIN_PER_PAGE)
      problems.push(`page ${p.page}: ${p.indicators.length} indicators (at least ${MIN_PER_PAGE})`);
  for (const p of pages.slice(1, -1))
    if (p.blank > MAX_BLANK) problems.push(`page ${p.page}: ${Math.round(p.blank * 100)}% blank`);
  // Text between a page's header and its first row is what a row split across pages leaves.
  for (const p of table)
    if (p.strays.length)
      problems.push(`page ${p.page}: split row above its first indicator: ${p.strays.join(" ")}`);
  return problems;
}

function everyPage(pages: PageReading[]): string[] {
  const problems: string[] = [];
  for (const p of pages) {
    const words = text(p);
    if (!/^Key: ● Green/.test(words)) problems.push(`page ${p.page}: no key at its top`);
    if (p.headerBottom === null) continue;
    const header = new Set(p.body.filter((w) => w.yMax <= (p.headerBottom ?? 0)).map((w) => w.text));
    const missing = HEADER_WORDS.filter((h) => !header.has(h));
    if (missing.length) problems.push(`page ${p.page}: the table's header lacks ${missing.join(", ")}`);
    if (/Areas for focus|Performing well/.test(words))
      problems.push(`page ${p.page}: the summary's lists sit under the table`);
  }
  return problems;
}

const NUMBER = /(?<![\w.])\d[\d,]*(?:\.\d+)?/g;
const numbersIn = (s: string) => [...s.matchAll(NUMBER)].map((m) => m[0].replace(/,/g, ""));

/** A number cell as Excel shows it under its format ("0.0%", "#,##0 \" per 10,000\""). */
export function shownNumber(value: number, numFmt?: string): string {
  if (!numFmt || numFmt === "General") return String(value);
  const code = numFmt.replace(/"[^"]*"/g, "");
  const decimals = /\.(0+)/.exec(code)?.[1].length ?? 0;
  const shown = (code.includes("%") ? value * 100 : value).toFixed(decimals);
  const literal = (/"([^"]*)"/.exec(numFmt) ?? ["", ""])[1];
  return `${shown}${code.includes("%") ? "%" : ""}${literal}`;
}

/**
 * Numbers printed that no cell, header or footer of the plan holds: what a renderer leaves when it cuts
 * a cell's text or shows a number it cannot fit as "###". Page numbers are the footer's own.
 */
export function unplannedNumbers(words: Word[], planned: string[]): string[] {
  const known = new Set(planned.flatMap(numbersIn));
  const pages = new Set(words.map((w) => w.page));
  for (let n = 1; n <= pages.size; n++) known.add(String(n));
  const out: string[] = [];
  for (const w of words) {
    if (/^#{2,}$/.test(w.text))
      out.push(`page ${w.page}: a number too wide for its cell prints as ${w.text}`);
    for (const n of numbersIn(w.text))
      if (!known.has(n)) out.push(`page ${w.page}: ${n} (in "${w.text}") is in no cell of the plan`);
  }
  return out;
}
