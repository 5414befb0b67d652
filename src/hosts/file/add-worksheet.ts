/**
 * A new worksheet's place in a package: the part under the first free number, and the workbook entry,
 * relationship and content type that name it. Both the committee and the charts writers add sheets
 * through here, so a locked workbook structure refuses either.
 */
import {
  addOverride,
  addRelationship,
  addSheetEntry,
  freeRelId,
  readRels,
  readSheets,
  WORKSHEET_REL,
  WORKSHEET_TYPE,
} from "./package-parts";
import { UserError } from "./workbook";
import type { ZipPackage } from "./zip-package";

/** The workbook's bookkeeping parts as text, edited in turn by the committee and charts writers. */
export interface Bookkeeping {
  workbookXml: string;
  relsXml: string;
  typesXml: string;
}

/** The first k for which the pattern names no part in the package. */
export function firstFree(zip: ZipPackage, pattern: (k: number) => string): number {
  let k = 1;
  while (zip.has(pattern(k))) k++;
  return k;
}

/**
 * Adds a sheet named `name` at the end of the workbook. The caller writes the part before adding
 * another, so that the next sheet gets the next free number.
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
      typesXml: addOverride(books.typesXml, `/${part}`, WORKSHEET_TYPE),
    },
    part,
    index: entries.length,
  };
}
