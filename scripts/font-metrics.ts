/**
 * Reads the advance widths of the printed font out of its TrueType files and writes them into the
 * engine as a compact table (src/engine/paper/font-widths.ts), so that the committee paper measures
 * its text the way the page sets it: row heights and column widths from real metrics, not from a
 * count of characters. The paper prints in Calibri; LibreOffice sets it in Carlito, which is
 * metric-compatible (every advance width the same), so Carlito's widths are Calibri's.
 *
 * Glyphs Carlito lacks (the paper's symbols ● ◆ ■ ▲ ▼, block sparklines) are taken from the font
 * LibreOffice falls back to for them here (fc-match), DejaVu Sans, and are marked as such.
 *
 *   npx tsx scripts/font-metrics.ts [fontDir] [outFile]
 *   (default /usr/share/fonts/truetype, src/engine/paper/font-widths.ts)
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

interface Font {
  unitsPerEm: number;
  /** OS/2 winAscent + winDescent: the line Excel and LibreOffice lay a row's text on. */
  winAscent: number;
  winDescent: number;
  advance(codePoint: number): number | undefined;
}

/** The table directory of a TrueType file: tag -> offset. */
function tables(buf: Buffer): Map<string, number> {
  const n = buf.readUInt16BE(4);
  const out = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const at = 12 + 16 * i;
    out.set(buf.toString("latin1", at, at + 4), buf.readUInt32BE(at + 8));
  }
  return out;
}

/** cmap: the best Unicode subtable (format 12 or 4), as code point -> glyph index. */
function cmap(buf: Buffer, at: number): (cp: number) => number {
  const count = buf.readUInt16BE(at + 2);
  let best: { format: number; offset: number } | null = null;
  for (let i = 0; i < count; i++) {
    const rec = at + 4 + 8 * i;
    const platform = buf.readUInt16BE(rec);
    const encoding = buf.readUInt16BE(rec + 2);
    const offset = at + buf.readUInt32BE(rec + 4);
    const format = buf.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    if (!best || format > best.format) best = { format, offset };
  }
  if (!best) throw new Error("no Unicode cmap subtable");
  const o = best.offset;
  if (best.format === 12) {
    const groups = buf.readUInt32BE(o + 12);
    return (cp) => {
      for (let g = 0; g < groups; g++) {
        const r = o + 16 + 12 * g;
        const start = buf.readUInt32BE(r);
        const end = buf.readUInt32BE(r + 4);
        if (cp >= start && cp <= end) return buf.readUInt32BE(r + 8) + cp - start;
      }
      return 0;
    };
  }
  const segX2 = buf.readUInt16BE(o + 6);
  const ends = o + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let s = 0; s < segX2; s += 2) {
      if (cp > buf.readUInt16BE(ends + s)) continue;
      const start = buf.readUInt16BE(starts + s);
      if (cp < start) return 0;
      const delta = buf.readInt16BE(deltas + s);
      const range = buf.readUInt16BE(ranges + s);
      if (range === 0) return (cp + delta) & 0xffff;
      const g = buf.readUInt16BE(ranges + s + range + 2 * (cp - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
}

export function readFont(path: string): Font {
  const buf = readFileSync(path);
  const t = tables(buf);
  const need = (tag: string): number => {
    const at = t.get(tag);
    if (at === undefined) throw new Error(`${path}: no ${tag} table`);
    return at;
  };
  const unitsPerEm = buf.readUInt16BE(need("head") + 18);
  const metrics = buf.readUInt16BE(need("hhea") + 34);
  const os2 = need("OS/2");
  const hmtx = need("hmtx");
  const glyphOf = cmap(buf, need("cmap"));
  return {
    unitsPerEm,
    winAscent: buf.readUInt16BE(os2 + 74),
    winDescent: buf.readUInt16BE(os2 + 76),
    advance(cp) {
      const g = glyphOf(cp);
      if (g === 0) return undefined;
      return buf.readUInt16BE(hmtx + 4 * Math.min(g, metrics - 1));
    },
  };
}

/** Latin-1 in full, then the punctuation and symbols the paper and council titles use. */
const BASE_FIRST = 32;
const BASE_LAST = 255;
const EXTRAS = "‐‑–—―‘’‚“”„•…‰′″‹›€™←↑→↓↔≈≠≤≥±×÷−∙√∞" + "●◆■▲▼►◄○◯◇□△▽▶◀⚠✓✗✔✘★☆▁▂▃▄▅▆▇█ⒽⓁⓅⒻ⓪①②③④⑤⑥⑦⑧⑨";

function fallbackFamily(cp: number): string {
  try {
    const hex = cp.toString(16);
    return execFileSync("fc-match", ["-f", "%{family}", `Carlito:charset=${hex}`], {
      encoding: "utf8",
    }).split(",")[0];
  } catch {
    return "DejaVu Sans";
  }
}

interface Face {
  /** Advance widths in font units of code points BASE_FIRST..BASE_LAST (0 where the font has none). */
  base: number[];
  /** Further characters: their advance widths. */
  extra: Record<string, number>;
}

function face(primary: Font, fallback: Font, borrowed: Set<string>): Face {
  const scale = primary.unitsPerEm / fallback.unitsPerEm;
  const width = (cp: number): number | undefined => {
    const own = primary.advance(cp);
    if (own !== undefined) return own;
    const other = fallback.advance(cp);
    if (other === undefined) return undefined;
    borrowed.add(String.fromCodePoint(cp));
    return Math.round(other * scale);
  };
  const base: number[] = [];
  for (let cp = BASE_FIRST; cp <= BASE_LAST; cp++) base.push(width(cp) ?? 0);
  const extra: Record<string, number> = {};
  for (const ch of EXTRAS) {
    const w = width(ch.codePointAt(0) ?? 0);
    if (w !== undefined) extra[ch] = w;
  }
  return { base, extra };
}

/** "U+25B2 U+25BC ...", wrapped: the list names characters, some of them invisible, without them. */
function codePoints(chars: string[]): string {
  const all = chars.map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`);
  const lines: string[] = [];
  for (let i = 0; i < all.length; i += 12) lines.push(all.slice(i, i + 12).join(" "));
  return lines.join("\n// ");
}

function main(): void {
  const dir = process.argv[2] ?? "/usr/share/fonts/truetype";
  const carlito = (style: string) => readFont(join(dir, "crosextra", `Carlito-${style}.ttf`));
  const dejavu = (style: string) => readFont(join(dir, "dejavu", `DejaVuSans${style}.ttf`));
  const borrowed = new Set<string>();
  const regular = carlito("Regular");
  const faces = {
    regular: face(regular, dejavu(""), borrowed),
    bold: face(carlito("Bold"), dejavu("-Bold"), borrowed),
    italic: face(carlito("Italic"), dejavu("-Oblique"), borrowed),
  };
  const families = new Set([...borrowed].map((c) => fallbackFamily(c.codePointAt(0) ?? 0)));
  const out = process.argv[3] ?? join(__dirname, "..", "src", "engine", "paper", "font-widths.ts");
  const row = (xs: number[]) => xs.join(",");
  const extra = (e: Record<string, number>) =>
    Object.entries(e)
      .map(([k, v]) => `${JSON.stringify(k)}:${v}`)
      .join(",");
  const body = Object.entries(faces)
    .map(([name, f]) => `  ${name}: {\n    base: [${row(f.base)}],\n    extra: {${extra(f.extra)}},\n  },`)
    .join("\n");
  writeFileSync(
    out,
    `// Generated by scripts/font-metrics.ts from Carlito (metric-compatible with Calibri); do not edit.
// Characters Carlito lacks are from ${[...families].join(", ")}, LibreOffice's fallback here:
// ${codePoints([...borrowed])}
// prettier-ignore
export const FONT_WIDTHS = {
  unitsPerEm: ${regular.unitsPerEm},
  /** OS/2 winAscent and winDescent of the regular face, in font units. */
  winAscent: ${regular.winAscent},
  winDescent: ${regular.winDescent},
  /** Code point of base[0]. */
  first: ${BASE_FIRST},
${body}
} as const;
`,
  );
  console.log(`wrote ${out} (${borrowed.size} characters from ${[...families].join(", ")})`);
}

if (require.main === module) main();
