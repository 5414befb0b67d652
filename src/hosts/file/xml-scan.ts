/**
 * A streaming scanner for the XML of a workbook's parts: text arrives in pieces, and start tags, end
 * tags and text are handed on as they are found, so a sheet of any size is read in constant memory.
 * Element names lose their prefix ("x:c" is "c"), as the parts use one namespace each. A DTD is
 * refused (ECMA-376 Part 2, M1.18: it is how entity-expansion attacks work); comments and
 * processing instructions are skipped; CDATA is text.
 */
import { UserError } from "./user-error";

export interface XmlHandler {
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const MAX_TOKEN = 16 * 1024 * 1024;
const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z]+);/g, (whole, e: string) => {
    if (e[0] !== "#") return ENTITY[e] ?? whole;
    const code = e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The value of one attribute in a start tag's attribute text, unescaped. */
export function attrOf(attrs: string, name: string): string | undefined {
  const at = attrs.indexOf(`${name}=`);
  if (at < 0) return undefined;
  // The name must stand alone: "r=" is not the end of "ref=".
  if (at > 0 && !/\s/.test(attrs[at - 1])) {
    const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
    return m ? decodeEntities(m[2] ?? m[3] ?? "") : undefined;
  }
  const q = attrs[at + name.length + 1];
  if (q !== '"' && q !== "'") return undefined;
  const end = attrs.indexOf(q, at + name.length + 2);
  return end < 0 ? undefined : decodeEntities(attrs.slice(at + name.length + 2, end));
}

/**
 * A copy of text cut from a larger string. V8 keeps a cut-out piece as a view of the string it came
 * from, so one title kept from a 256 KB piece of XML would keep the whole piece alive; text that
 * outlives the scan (a cell's value) is copied out.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (" " + s).slice(1);
}

function localName(raw: string): string {
  const colon = raw.indexOf(":");
  return colon < 0 ? raw : raw.slice(colon + 1);
}

/** Where a start tag ends: its ">" outside any quoted attribute value; -1 if not yet arrived. */
function tagEnd(buf: string, from: number): number {
  let quote = "";
  for (let i = from; i < buf.length; i++) {
    const ch = buf[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i;
  }
  return -1;
}

export class XmlScanner {
  private buf = "";
  constructor(private readonly handler: XmlHandler) {}

  /** Hands on every complete token in the text so far; an incomplete one waits for the next piece. */
  push(piece: string): void {
    const buf = this.buf + piece;
    let pos = 0;
    for (;;) {
      const lt = buf.indexOf("<", pos);
      // Text is handed on whole, when its end is known: an entity may straddle two pieces.
      if (lt < 0) break;
      if (lt > pos) this.handler.text(decodeEntities(buf.slice(pos, lt)));
      pos = lt;
      const next = this.token(buf, lt);
      if (next < 0) break;
      pos = next;
    }
    this.buf = buf.slice(pos);
    // No cell holds more than 32,767 characters; text or a tag this long is not a workbook's.
    if (this.buf.length > MAX_TOKEN)
      throw new UserError("The workbook's XML holds a text or tag of more than 16 MB; the file is damaged.");
  }

  end(): void {
    if (this.buf.trim())
      throw new UserError("The workbook's XML ends in the middle of a tag; the file is damaged.");
  }

  /** Reads the token at `lt`; returns where the next one starts, or -1 when it is incomplete. */
  private token(buf: string, lt: number): number {
    const c1 = buf[lt + 1];
    if (c1 === undefined) return -1;
    if (c1 === "!") return this.bang(buf, lt);
    if (c1 === "?") {
      const end = buf.indexOf("?>", lt + 2);
      return end < 0 ? -1 : end + 2;
    }
    const end = tagEnd(buf, lt + 1);
    if (end < 0) return -1;
    if (c1 === "/") this.handler.close(localName(buf.slice(lt + 2, end).trim()));
    else {
      const selfClosing = buf[end - 1] === "/";
      const inner = buf.slice(lt + 1, selfClosing ? end - 1 : end);
      const space = inner.search(/[\s]/);
      const name = space < 0 ? inner : inner.slice(0, space);
      this.handler.open(localName(name), space < 0 ? "" : inner.slice(space), selfClosing);
      if (selfClosing) this.handler.close(localName(name));
    }
    return end + 1;
  }

  private bang(buf: string, lt: number): number {
    if (buf.startsWith("<!--", lt)) {
      const end = buf.indexOf("-->", lt + 4);
      return end < 0 ? -1 : end + 3;
    }
    if (buf.startsWith("<![CDATA[", lt)) {
      const end = buf.indexOf("]]>", lt + 9);
      if (end < 0) return -1;
      this.handler.text(buf.slice(lt + 9, end));
      return end + 3;
    }
    if (buf.length - lt < 9) return -1;
    throw new UserError("The workbook's XML declares a DTD, which a workbook may not; it is not read.");
  }
}
