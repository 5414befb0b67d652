/**
 * Worksheets' entries in a package. A new one gets the part under the first free number and the
 * workbook entry and relationship that name it (its content type comes with the write of the part,
 * see agree-parts.ts); both the committee and the charts
 * writers add sheets through here, so a locked workbook structure refuses either. A sheet taken out
 * leaves no name, tab index or relationship pointing at it.
 */
import {
  attr,
  addRelationship,
  addSheetEntry,
  freeRelId,
  readRels,
  readSheets,
  WORKSHEET_REL,
} from "./package-parts";
import { UserError } from "./workbook";
import type { ZipPackage } from "./zip-package";

/** The workbook's bookkeeping parts as text, edited in turn by the committee and charts writers. */
export interface Bookkeeping {
  workbookXml: string;
  relsXml: string;
}

/** The first k for which the pattern names no part in the package. */
export function firstFree(zip: ZipPackage, pattern: (k: number) => string): number {
  let k = 1;
  while (zip.has(pattern(k))) k++;
  return k;
}

/**
 * Adds a sheet named `name` at the end of the workbook. The caller writes the part (as WORKSHEET_TYPE)
 * before adding another, so that the next sheet gets the next free number.
 */
export function addWorksheet(
  zip: ZipPackage,
  base: string,
  books: Bookkeeping,
  name: string,
  /** The workbook file, for the message. */
  file: string,
): { books: Bookkeeping; part: string; index: number } {
  if (/<workbookProtection\b[^>]*\blockStructure="(1|true)"/.test(books.workbookXml))
    throw new UserError(
      `${file} has a protected workbook structure, so no sheet can be added; unprotect it in Excel (Review > Protect Workbook) and try again.`,
    );
  const entries = readSheets(books.workbookXml, readRels(books.relsXml, base));
  const k = firstFree(zip, (n) => `${base}worksheets/sheet${n}.xml`);
  const part = `${base}worksheets/sheet${k}.xml`;
  const rId = freeRelId(books.relsXml);
  const sheetId = entries.reduce((m, e) => (e.sheetId > m ? e.sheetId : m), 0) + 1;
  return {
    books: {
      workbookXml: addSheetEntry(books.workbookXml, name, sheetId, rId),
      relsXml: addRelationship(books.relsXml, rId, WORKSHEET_REL, `worksheets/sheet${k}.xml`),
    },
    part,
    index: entries.length,
  };
}

function removeRelationship(relsXml: string, id: string): string {
  return relsXml.replace(new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*/>`), "");
}

/** Takes a sheet out of the workbook: its entry, relationship, print names, and the tab indexes after it. */
export function removeSheetEntry(books: Bookkeeping, name: string, rId: string, index: number): Bookkeeping {
  let wb = books.workbookXml.replace(/<sheet\b[^>]*>/g, (tag) =>
    attr(tag, "name") === name && attr(tag, "r:id") === rId ? "" : tag,
  );
  wb = wb.replace(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g, (whole, attrs: string) => {
    const local = attr(attrs, "localSheetId");
    if (local === undefined) return whole;
    const n = Number(local);
    if (n === index) return "";
    return n > index ? whole.replace(`localSheetId="${local}"`, `localSheetId="${n - 1}"`) : whole;
  });
  wb = wb.replace(/<definedNames>\s*<\/definedNames>/, "");
  wb = wb.replace(/<workbookView\b[^>]*>/g, (tag) => {
    let t = tag;
    for (const a of ["activeTab", "firstSheet"]) {
      const v = attr(t, a);
      if (v !== undefined && Number(v) >= index && Number(v) > 0)
        t = t.replace(`${a}="${v}"`, `${a}="${Number(v) - 1}"`);
    }
    return t;
  });
  return { ...books, workbookXml: wb, relsXml: removeRelationship(books.relsXml, rId) };
}
