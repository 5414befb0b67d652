/**
 * The workbook's shared strings, read as Excel shows them: the runs of rich text joined, phonetic
 * guides (rPh) left out, and OOXML's _xHHHH_ escapes for characters XML cannot hold turned back into
 * those characters.
 */
import type { ZipPackage } from "./zip-package";
import { detach, XmlScanner } from "./xml-scan";

export function decodeEscapes(s: string): string {
  return s.includes("_x")
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;
}

/** Collects the text of <t> elements, outside phonetic runs; shared by strings and inline cells. */
export class TextCollector {
  private parts: string[] = [];
  private inT = false;
  private phonetic = 0;

  open(name: string): void {
    if (name === "t" && !this.phonetic) this.inT = true;
    else if (name === "rPh") this.phonetic++;
  }

  close(name: string): void {
    if (name === "t") this.inT = false;
    else if (name === "rPh") this.phonetic--;
  }

  text(t: string): void {
    if (this.inT) this.parts.push(t);
  }

  take(): string {
    const s = detach(decodeEscapes(this.parts.join("")));
    this.parts = [];
    return s;
  }
}

export async function readSharedStrings(zip: ZipPackage, part: string | undefined): Promise<string[]> {
  const out: string[] = [];
  if (!part) return out;
  const collect = new TextCollector();
  const scanner = new XmlScanner({
    open: (name) => collect.open(name),
    close(name) {
      if (name === "si") out.push(collect.take());
      else collect.close(name);
    },
    text: (t) => collect.text(t),
  });
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of zip.chunks(part)) scanner.push(decoder.decode(chunk, { stream: true }));
  scanner.push(decoder.decode());
  scanner.end();
  return out;
}
