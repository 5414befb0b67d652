/**
 * Reads a rendered committee paper back from its PDF (pdftotext -bbox), the way a person looks at the
 * pages: which page holds the summary, how many indicators each table page carries (one RAG word per
 * indicator row, in the RAG column under the table header), how much of each page is blank, and
 * whether any text sits between a page's table header and its first indicator, which is what a row
 * split across pages would leave.
 */
import { execFileSync } from "node:child_process";

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  pageWidth: number;
  pageHeight: number;
}

export function pdfWords(pdf: string): Word[] {
  const xml = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 1 << 26 });
  const out: Word[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  for (const line of xml.split("\n")) {
    const p = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (p) {
      page++;
      pageWidth = Number(p[1]);
      pageHeight = Number(p[2]);
      continue;
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (w)
      out.push({
        page,
        text: w[5]
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, "&")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">"),
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        pageWidth,
        pageHeight,
      });
  }
  return out;
}

/** The printable area between the page's header and footer margins, in points (plan margins). */
export const CONTENT_TOP = 0.55 * 72;
export const CONTENT_BOTTOM = (8.27 - 0.5) * 72;

export interface PageReading {
  page: number;
  words: Word[];
  /** Body words: not the running header (the key) or the footer. */
  body: Word[];
  /** The table header on this page: the y below which indicator rows start, or null. */
  headerBottom: number | null;
  /** Indicator rows: the RAG words in the RAG column under the header. */
  indicators: Word[];
  /** The share of the printable height below the last body word. */
  blank: number;
  /** Body words between the table header and the first indicator that are not section headings. */
  strays: string[];
}

const RAG_WORDS = new Set(["Green", "Amber", "Red", "No"]);

/** Reads every page; `sections` are the scorecard's section headings, which may open a page. */
export function readPages(words: Word[], sections: string[] = []): PageReading[] {
  const pages = [...new Set(words.map((w) => w.page))].sort((a, b) => a - b);
  const sectionWords = new Set(sections.flatMap((s) => s.split(/\s+/)));
  return pages.map((page) => {
    const all = words.filter((w) => w.page === page);
    const body = all.filter((w) => w.yMin > CONTENT_TOP - 4 && w.yMax < CONTENT_BOTTOM + 2);
    const header = tableHeader(body);
    // The notes under the table ("How to read this paper") name the RAG words too.
    const notes = body.find(
      (w, k) => w.text === "How" && body[k + 1]?.text === "to" && body[k + 2]?.text === "read",
    );
    const end = notes ? notes.yMin : Infinity;
    const indicators = header
      ? body.filter(
          (w) =>
            RAG_WORDS.has(w.text) &&
            w.yMin > header.bottom &&
            w.yMax < end &&
            w.xMin >= header.rag &&
            w.xMax <= header.next,
        )
      : [];
    const lastY = body.reduce((m, w) => Math.max(m, w.yMax), CONTENT_TOP);
    const firstRow = indicators.reduce((m, w) => Math.min(m, w.yMin), Infinity);
    const strays =
      header && indicators.length
        ? body
            .filter((w) => w.yMin > header.bottom + 1 && w.yMax < firstRow - 1 && !sectionWords.has(w.text))
            .map((w) => w.text)
        : [];
    return {
      page,
      words: all,
      body,
      headerBottom: header?.bottom ?? null,
      indicators,
      blank: (CONTENT_BOTTOM - lastY) / (CONTENT_BOTTOM - CONTENT_TOP),
      strays,
    };
  });
}

/** The table's header row on a page: its bottom, and the edges of its RAG column. */
function tableHeader(body: Word[]): { bottom: number; rag: number; next: number } | null {
  const why = body.find(
    (w) => w.text === "Why" && body.some((v) => v.text === "(and" && Math.abs(v.yMin - w.yMin) < 2),
  );
  if (!why) return null;
  const centre = (w: Word) => (w.yMin + w.yMax) / 2;
  const rag = body.find((w) => w.text === "RAG" && Math.abs(centre(w) - centre(why)) < 2);
  const direction = body.find((w) => w.text === "Direction" && Math.abs(centre(w) - centre(why)) < 2);
  if (!rag || !direction) return null;
  // The header's cells are centred on one line and wrap above and below it alike: its top mirrors its
  // bottom, while the rows under it start at their tops.
  const above = body.filter((w) => w.yMin >= rag.yMin - 22 && w.yMax <= rag.yMax);
  const top = above.reduce((m, w) => Math.min(m, w.yMin), rag.yMin);
  const before = body
    .filter((w) => Math.abs(centre(w) - centre(rag)) < 2 && w.xMax < rag.xMin)
    .reduce((m, w) => Math.max(m, w.xMax), rag.xMin - 40);
  return {
    bottom: 2 * centre(rag) - top,
    rag: (before + rag.xMin) / 2,
    next: (rag.xMax + direction.xMin) / 2,
  };
}
