/**
 * Appends the committee sheet's styles to a workbook's styles.xml without renumbering anything that is
 * there: every existing font, fill, border, number format and cell format keeps its index, so every
 * other sheet looks exactly as it did. New entries go at the end of each list and the counts follow.
 */
import type { CellStyle } from "../../engine/paper/committee";
import { xmlText } from "./sheet-xml";

const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

/** Excel's built-in number formats that need no <numFmt> entry. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
};

const BORDER_COLOUR = "FFBFBFBF";

export class StyleBook {
  private xml: string;
  private readonly added = { fonts: [] as string[], fills: [] as string[], borders: [] as string[] };
  private readonly addedFormats: { id: number; code: string }[] = [];
  private readonly addedXfs: string[] = [];
  private readonly base: { fonts: number; fills: number; borders: number; xfs: number };
  private readonly formatIds = new Map<string, number>();
  private nextFormatId: number;
  private readonly xfByKey = new Map<string, number>();
  private readonly partByXml = new Map<string, number>();
  private readonly xfByXml = new Map<string, number>();

  constructor(stylesXml: string | undefined) {
    this.xml = stylesXml ?? EMPTY_STYLES;
    this.base = {
      fonts: countOf(this.xml, "fonts", "font"),
      fills: countOf(this.xml, "fills", "fill"),
      borders: countOf(this.xml, "borders", "border"),
      xfs: countOf(this.xml, "cellXfs", "xf"),
    };
    // Entries already present (from an earlier build, or the same look the analyst used) are reused,
    // so a workbook rebuilt every month does not grow a new set of styles each time.
    for (const list of ["fonts", "fills", "borders"] as const)
      itemsOf(this.xml, list, list.slice(0, -1)).forEach((x, i) => {
        if (!this.partByXml.has(`${list}|${x}`)) this.partByXml.set(`${list}|${x}`, i);
      });
    itemsOf(this.xml, "cellXfs", "xf").forEach((x, i) => {
      if (!this.xfByXml.has(x)) this.xfByXml.set(x, i);
    });
    let max = 163;
    for (const m of this.xml.matchAll(/<numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"/g)) {
      const id = Number(m[1]);
      this.formatIds.set(unescapeAttr(m[2]), id);
      if (id > max) max = id;
    }
    for (const m of this.xml.matchAll(/<numFmt\b[^>]*?formatCode="([^"]*)"[^>]*?numFmtId="(\d+)"/g)) {
      const id = Number(m[2]);
      this.formatIds.set(unescapeAttr(m[1]), id);
      if (id > max) max = id;
    }
    this.nextFormatId = max + 1;
  }

  /** The cellXfs index for a style; the same key always gives the same index. */
  xf(key: string, s: CellStyle): number {
    const known = this.xfByKey.get(key);
    if (known !== undefined) return known;
    const fontId = this.part("fonts", fontXml(s), this.base.fonts);
    const fillId = s.fill ? this.part("fills", fillXml(s.fill), this.base.fills) : 0;
    const borderId = s.border ? this.part("borders", BORDER_XML, this.base.borders) : 0;
    const numFmtId = s.numFmt ? this.format(s.numFmt) : 0;
    const align = alignmentXml(s);
    const xf =
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyFont="1"` +
      `${fillId ? ' applyFill="1"' : ""}${borderId ? ' applyBorder="1"' : ""}${numFmtId ? ' applyNumberFormat="1"' : ""}` +
      (align ? ` applyAlignment="1">${align}</xf>` : "/>");
    const reuse = this.xfByXml.get(xf);
    if (reuse !== undefined) {
      this.xfByKey.set(key, reuse);
      return reuse;
    }
    const id = this.base.xfs + this.addedXfs.length;
    this.addedXfs.push(xf);
    this.xfByXml.set(xf, id);
    this.xfByKey.set(key, id);
    return id;
  }

  /** styles.xml with the new entries appended; unchanged text when nothing was added. */
  toXml(): string {
    let xml = this.xml;
    if (this.addedFormats.length) {
      const entries = this.addedFormats
        .map((f) => `<numFmt numFmtId="${f.id}" formatCode="${xmlText(f.code)}"/>`)
        .join("");
      if (/<numFmts\b/.test(xml)) xml = appendTo(xml, "numFmts", entries, this.addedFormats.length);
      else
        xml = xml.replace(
          /(<styleSheet\b[^>]*>)/,
          `$1<numFmts count="${this.addedFormats.length}">${entries}</numFmts>`,
        );
    }
    xml = appendTo(xml, "fonts", this.added.fonts.join(""), this.added.fonts.length);
    xml = appendTo(xml, "fills", this.added.fills.join(""), this.added.fills.length);
    xml = appendTo(xml, "borders", this.added.borders.join(""), this.added.borders.length);
    xml = appendTo(xml, "cellXfs", this.addedXfs.join(""), this.addedXfs.length);
    return xml;
  }

  get changed(): boolean {
    return this.addedXfs.length > 0 || this.addedFormats.length > 0;
  }

  private part(list: "fonts" | "fills" | "borders", xml: string, base: number): number {
    const k = `${list}|${xml}`;
    const known = this.partByXml.get(k);
    if (known !== undefined) return known;
    const id = base + this.added[list].length;
    this.added[list].push(xml);
    this.partByXml.set(k, id);
    return id;
  }

  private format(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const known = this.formatIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.formatIds.set(code, id);
    this.addedFormats.push({ id, code });
    return id;
  }
}

/** The entries of a list as written (self-closing or with children), in order. */
function itemsOf(xml: string, list: string, item: string): string[] {
  const open = new RegExp(`<${list}\\b[^>]*?(/?)>`).exec(xml);
  if (!open || open[1] === "/") return [];
  const end = xml.indexOf(`</${list}>`, open.index);
  const body = xml.slice(open.index + open[0].length, end < 0 ? undefined : end);
  const re = new RegExp(`<${item}\\b[^>]*?/>|<${item}\\b[^>]*?>[\\s\\S]*?</${item}>`, "g");
  return body.match(re) ?? [];
}

function unescapeAttr(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** How many entries a list holds: its count attribute, or its children counted where that is missing. */
function countOf(xml: string, list: string, item: string): number {
  const open = new RegExp(`<${list}\\b([^>]*?)(/?)>`).exec(xml);
  if (!open) return 0;
  if (open[2] === "/") return 0;
  const count = /\bcount="(\d+)"/.exec(open[1]);
  const end = xml.indexOf(`</${list}>`, open.index);
  const body = xml.slice(open.index + open[0].length, end < 0 ? undefined : end);
  const children = (body.match(new RegExp(`<${item}\\b`, "g")) ?? []).length;
  // The children are the truth; a wrong count attribute is corrected, never trusted.
  return count && Number(count[1]) === children ? Number(count[1]) : children;
}

function appendTo(xml: string, list: string, entries: string, added: number): string {
  if (!added) return xml;
  const open = new RegExp(`<${list}\\b([^>]*?)(/?)>`).exec(xml);
  if (!open) {
    // A list the file lacks goes where the schema puts it, before cellStyleXfs/cellXfs' successors.
    const before = { fonts: "<fills", fills: "<borders", borders: "<cellStyleXfs", cellXfs: "<cellStyles" }[
      list as "fonts" | "fills" | "borders" | "cellXfs"
    ];
    const at = before ? xml.indexOf(before) : -1;
    const block = `<${list} count="${added}">${entries}</${list}>`;
    return at >= 0
      ? xml.slice(0, at) + block + xml.slice(at)
      : xml.replace("</styleSheet>", `${block}</styleSheet>`);
  }
  const total =
    countOf(xml, list, list === "cellXfs" ? "xf" : list === "numFmts" ? "numFmt" : list.slice(0, -1)) + added;
  const attrs = open[1].replace(/\s*\bcount="\d+"/, "");
  const head = `<${list} count="${total}"${attrs}>`;
  if (open[2] === "/")
    return xml.slice(0, open.index) + head + entries + `</${list}>` + xml.slice(open.index + open[0].length);
  const end = xml.indexOf(`</${list}>`, open.index);
  return (
    xml.slice(0, open.index) + head + xml.slice(open.index + open[0].length, end) + entries + xml.slice(end)
  );
}

const BORDER_SIDE = `style="thin"><color rgb="${BORDER_COLOUR}"/>`;
const BORDER_XML = `<border><left ${BORDER_SIDE}</left><right ${BORDER_SIDE}</right><top ${BORDER_SIDE}</top><bottom ${BORDER_SIDE}</bottom><diagonal/></border>`;

function fontXml(s: CellStyle): string {
  return (
    "<font>" +
    (s.bold ? "<b/>" : "") +
    (s.italic ? "<i/>" : "") +
    `<sz val="${s.size ?? 11}"/>` +
    (s.color ? `<color rgb="FF${s.color.toUpperCase()}"/>` : "") +
    '<name val="Calibri"/><family val="2"/></font>'
  );
}

function fillXml(hex: string): string {
  return `<fill><patternFill patternType="solid"><fgColor rgb="FF${hex.toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`;
}

function alignmentXml(s: CellStyle): string {
  const a: string[] = [];
  if (s.hAlign) a.push(`horizontal="${s.hAlign}"`);
  if (s.vAlign) a.push(`vertical="${s.vAlign === "middle" ? "center" : s.vAlign}"`);
  if (s.wrap) a.push('wrapText="1"');
  if (s.indent) a.push(`indent="${s.indent}"`);
  return a.length ? `<alignment ${a.join(" ")}/>` : "";
}
