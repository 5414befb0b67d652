/**
 * A workbook file as the command line reads it: its package opened within the limits (its size
 * checked before a byte is read), its sheets listed from the workbook part, and each sheet read
 * on demand, streamed, into a Grid (sheet-reader.ts). Nothing is read that the build does not need: a
 * look at the top of each sheet for the add-in's markers, the scorecard, and the commentary columns
 * of the old committee sheet. ExcelJS is not used here; it would hold every sheet of the workbook in
 * memory, several times the size of its cells.
 */
import { statSync } from "node:fs";
import type { Grid } from "../../engine/grid";
import { SCAN_COLUMNS, SCAN_ROWS } from "../../engine/paper/commentary";
import { readCellLooks } from "./cell-styles";
import { LIMITS, megabytes } from "./limits";
import { officeDocumentPart, readRels, readSheets, relsPathOf, type SheetEntry } from "./package-parts";
import { readSharedStrings } from "./shared-strings";
import { readSheetGrid, type BookContext, type SheetReadOptions } from "./sheet-reader";
import { UserError } from "./user-error";
import { readPackageBytes } from "./workbook";
import { ZipPackage } from "./zip-package";

const WORKSHEET = /\/worksheet$/;

export class WorkbookPackage {
  private constructor(
    readonly path: string,
    readonly zip: ZipPackage,
    readonly workbookPart: string,
    /** The workbook's worksheets, in order (chart sheets are not read). */
    readonly sheets: SheetEntry[],
    /** Every sheet of the workbook, chart sheets too. */
    readonly allSheets: SheetEntry[],
    private readonly book: BookContext,
  ) {}

  static open(path: string): WorkbookPackage {
    let size = 0;
    try {
      size = statSync(path).size;
    } catch {
      // readPackageBytes says what is wrong with a path that cannot be read.
    }
    if (size > LIMITS.packageBytes)
      throw new UserError(
        `${path} is ${megabytes(size)}; Scorecard reads workbooks of at most ${megabytes(LIMITS.packageBytes)} (see Limits in the README).`,
      );
    const bytes = readPackageBytes(path);
    let zip: ZipPackage;
    try {
      zip = new ZipPackage(bytes);
    } catch (e) {
      throw new UserError(`${path} is not a readable workbook (${(e as Error).message.split("\n")[0]})`);
    }
    const workbookPart = officeDocumentPart(zip.text("_rels/.rels"));
    const workbookXml = zip.text(workbookPart);
    if (workbookXml === undefined)
      throw new UserError(`${path} is not a complete workbook package (its workbook part is missing).`);
    const base = workbookPart.replace(/[^/]+$/, "");
    const rels = readRels(zip.text(relsPathOf(workbookPart)) ?? "", base);
    const all = readSheets(workbookXml, rels);
    const sheets = all.filter((s) => WORKSHEET.test(rels.get(s.rId)?.type ?? ""));
    const part = (kind: string) => [...rels.values()].find((r) => r.type.endsWith(`/${kind}`))?.target;
    let strings: Promise<string[]> | undefined;
    const book: BookContext = {
      zip,
      looks: readCellLooks(zip.text(part("styles") ?? "")),
      strings: () => (strings ??= readSharedStrings(zip, part("sharedStrings"))),
      date1904: /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbookXml),
    };
    return new WorkbookPackage(path, zip, workbookPart, sheets, all, book);
  }

  get names(): string[] {
    return this.sheets.map((s) => s.name);
  }

  get taken(): string[] {
    return this.allSheets.map((s) => s.name);
  }

  /** A sheet read into a grid, within the limits given. */
  grid(name: string, opts: SheetReadOptions = {}): Promise<Grid> {
    const entry = this.sheets.find((s) => s.name === name);
    if (!entry?.part || !this.zip.has(entry.part))
      throw new UserError(`${this.path}: sheet '${name}' has no worksheet part; the file is damaged.`);
    // The engine's sheet choice reads visible sheets before hidden ones.
    const hidden = entry.hidden === true;
    return readSheetGrid(this.book, name, entry.part, opts).then((grid) =>
      hidden ? { ...grid, hidden } : grid,
    );
  }

  /** Whether a cell near the top of the sheet (where the add-in's markers sit) passes the test. */
  async hasMarker(name: string, isMarker: (value: unknown) => boolean): Promise<boolean> {
    const top = await this.grid(name, { firstRows: SCAN_ROWS, keep: (_r, c) => c < SCAN_COLUMNS });
    return top.rows.some((row) => row.some((c) => isMarker(c.value)));
  }
}
