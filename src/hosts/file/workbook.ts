/** Opening workbooks from disk and choosing the scorecard sheet, with messages a person can act on. */
import ExcelJS from "exceljs";
import { existsSync, readFileSync } from "node:fs";
import type { Grid } from "../../engine/grid";
import { NoScorecardError, chooseScorecardSheet } from "../../engine/read/choose-sheet";
import { worksheetToGrid } from "./read-grid";
import { isChartsSheet, isCommitteeSheet } from "./committee-marker";

export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Reads the file and says plainly what it is when it is not an Office Open XML package. */
export function readPackageBytes(path: string): Buffer {
  if (!existsSync(path)) throw new UserError(`No such file: ${path}`);
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === "EISDIR" ? `${path} is a folder, not a workbook` : `Cannot read ${path} (${code ?? "error"})`,
    );
  }
  if (CFB_MAGIC.every((b, i) => buf[i] === b)) {
    // Encrypted OOXML is a compound file holding EncryptionInfo and EncryptedPackage streams, named in
    // UTF-16 in the directory.
    const encrypted = buf.includes(Buffer.from("EncryptionInfo", "utf16le"));
    throw new UserError(
      encrypted
        ? `${path} is password-protected; open it in Excel, remove the password (File > Info > Protect Workbook), save, and try again.`
        : `${path} is a legacy .xls workbook; open it in Excel and save as .xlsx, then try again.`,
    );
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== 0x04034b50)
    throw new UserError(`${path} is not an .xlsx or .xlsm workbook (it is not a zip package).`);
  return buf;
}

export async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const buf = readPackageBytes(path);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new UserError(`${path} is not a readable .xlsx workbook (${(e as Error).message.split("\n")[0]})`);
  }
  return wb;
}

/** A sheet by name as Excel finds it: names differ only in more than case. */
export function findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  const exact = wb.getWorksheet(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return wb.worksheets.find((w) => w.name.toLowerCase() === lower);
}

export interface ChosenSheet {
  grid: Grid;
  /** Why this sheet, when it was not named. */
  why?: string;
}

/** The named sheet, or the one that reads most like a scorecard (the add-in's own sheets excluded). */
export function chooseSheet(wb: ExcelJS.Workbook, name?: string): ChosenSheet {
  const sheets = wb.worksheets;
  if (name !== undefined) {
    const ws = findSheet(wb, name);
    if (!ws)
      throw new UserError(
        `No sheet named '${name}'. The workbook has: ${sheets.map((s) => `'${s.name}'`).join(", ")}.`,
      );
    if (isCommitteeSheet(ws))
      throw new UserError(
        `Sheet '${ws.name}' is the committee sheet Scorecard made, not a scorecard; name the source sheet with --sheet.`,
      );
    if (isChartsSheet(ws))
      throw new UserError(
        `Sheet '${ws.name}' is the charts sheet Scorecard made, not a scorecard; name the source sheet with --sheet.`,
      );
    return { grid: worksheetToGrid(ws) };
  }
  // The engine chooses; this host only hands it each sheet's cells and whether the sheet is hidden.
  const grids = sheets
    .filter((ws) => !isCommitteeSheet(ws) && !isChartsSheet(ws))
    .map((ws) => ({ ...worksheetToGrid(ws), hidden: ws.state === "hidden" || ws.state === "veryHidden" }));
  try {
    const chosen = chooseScorecardSheet(grids);
    return { grid: chosen.grid, why: chosen.why };
  } catch (e) {
    if (e instanceof NoScorecardError) throw new UserError(e.message);
    throw e;
  }
}
