/** Opening workbooks from disk and choosing the scorecard sheet, with messages a person can act on. */
import { existsSync, readFileSync } from "node:fs";
import type { Grid } from "../../engine/grid";
import { isChartsMarker } from "../../engine/paper/chart-sheet";
import { isCommitteeMarker } from "../../engine/paper/commentary";
import { NoScorecardError, chooseScorecardSheet } from "../../engine/read/choose-sheet";
import { sameSheetName } from "../../engine/sheet-name";
import { LIMITS } from "./limits";
import { LimitError, type SheetLimits } from "./sheet-reader";
import type { SheetSource } from "./sheet-source";

import { UserError } from "./user-error";

export { UserError };

/** The sheet read as a scorecard is held to Scorecard's limits (limits.ts). */
export const SOURCE_LIMITS: SheetLimits = { rows: LIMITS.rows, columns: LIMITS.columns, cells: LIMITS.cells };

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

/** A sheet's name as the workbook spells it, found as Excel finds it: without regard to case. */
export function findSheetName(names: string[], name: string): string | undefined {
  if (names.includes(name)) return name;
  return names.find((n) => sameSheetName(n, name));
}

export interface ChosenSheet {
  grid: Grid;
  /** Why this sheet, when it was not named. */
  why?: string;
}

/** The named sheet, refused where it is one of the add-in's own. */
async function namedSheet(source: SheetSource, wanted: string): Promise<ChosenSheet> {
  const name = findSheetName(source.names, wanted);
  if (name === undefined)
    throw new UserError(
      `No sheet named '${wanted}'. The workbook has: ${source.names.map((s) => `'${s}'`).join(", ")}.`,
    );
  if (await source.hasMarker(name, isCommitteeMarker))
    throw new UserError(
      `Sheet '${name}' is the committee sheet Scorecard made, not a scorecard; name the source sheet with --sheet.`,
    );
  if (await source.hasMarker(name, isChartsMarker))
    throw new UserError(
      `Sheet '${name}' is the charts sheet Scorecard made, not a scorecard; name the source sheet with --sheet.`,
    );
  return { grid: await source.grid(name, { limits: SOURCE_LIMITS }) };
}

/**
 * The named sheet, or the one that reads most like a scorecard (the add-in's own sheets excluded). A
 * sheet past the limits cannot be the scorecard: it is passed over, and named if nothing else reads.
 */
export async function chooseSheet(source: SheetSource, name?: string): Promise<ChosenSheet> {
  if (name !== undefined) return namedSheet(source, name);
  // The engine chooses (read/choose-sheet.ts, as the Office host does); this host hands it each sheet's
  // cells, hidden or not, and says which sheets it could not read within the limits.
  const grids: Grid[] = [];
  const tooBig: string[] = [];
  for (const sheet of source.names) {
    if ((await source.hasMarker(sheet, isCommitteeMarker)) || (await source.hasMarker(sheet, isChartsMarker)))
      continue;
    try {
      grids.push(await source.grid(sheet, { limits: SOURCE_LIMITS }));
    } catch (e) {
      if (e instanceof LimitError) tooBig.push(e.message);
      else throw e;
    }
  }
  try {
    const chosen = chooseScorecardSheet(grids);
    return { grid: chosen.grid, why: chosen.why };
  } catch (e) {
    if (!(e instanceof NoScorecardError)) throw e;
    if (!source.names.length) throw new UserError("The workbook has no sheets.");
    const why = grids.length ? e.message : "No sheet reads as a scorecard.";
    throw new UserError([why, ...tooBig].join(" "));
  }
}
