/**
 * Renders the committee sheet (or the charts sheet) through LibreOffice: a copy of the workbook holding
 * only that sheet is converted to PDF, and each page to PNG, so that a person can look at what the
 * committee will read.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { chartsSheets, committeeSheets } from "./committee-target";
import { WorkbookPackage } from "./workbook-package";
import { officeDocumentPart, readRels, readSheets, relsPathOf } from "./package-parts";
import { Bookkeeping, removeSheetEntry } from "./worksheet-entries";
import { ZipPackage } from "./zip-package";
import { UserError } from "./workbook";

function has(cmd: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export function renderToolsPresent(): boolean {
  return has("soffice") && has("pdftoppm") && has("pdftotext");
}

export interface Rendered {
  pdf: string;
  pngs: string[];
}

export async function renderCommitteeSheet(file: string, outDir: string, dpi = 80): Promise<Rendered> {
  return renderOwnSheet(file, outDir, dpi, "committee");
}

/** The XmR charts sheet, drawn by LibreOffice from the chart parts as built. */
export async function renderChartsSheet(file: string, outDir: string, dpi = 80): Promise<Rendered> {
  return renderOwnSheet(file, outDir, dpi, "charts");
}

async function renderOwnSheet(
  file: string,
  outDir: string,
  dpi: number,
  which: "committee" | "charts",
): Promise<Rendered> {
  if (!renderToolsPresent()) {
    throw new UserError(
      "Rendering needs LibreOffice and poppler: apt-get install -y --no-install-recommends libreoffice-calc poppler-utils fonts-crosextra-carlito",
    );
  }
  const pkg = WorkbookPackage.open(file);
  const [committee] = await (which === "committee" ? committeeSheets(pkg) : chartsSheets(pkg));
  if (committee === undefined)
    throw new UserError(
      which === "committee"
        ? `${file} has no committee sheet made by Scorecard; run scorecard build first.`
        : `${file} has no charts sheet made by Scorecard (no area for focus has enough points for SPC).`,
    );
  mkdirSync(outDir, { recursive: true });
  const stem = basename(file).replace(/\.xlsx$/i, "");
  const only = join(outDir, `${stem}-${which}.xlsx`);
  // The package as built, with only the committee sheet listed so that only it prints. A copy
  // through ExcelJS would not be what the analyst opens: it drops manual page breaks and some widths.
  writeFileSync(only, onlySheet(readFileSync(file), committee));
  // A private profile keeps LibreOffice from clashing with another instance or an old lock.
  const profile = resolve(outDir, ".lo-profile");
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      outDir,
      only,
    ],
    {
      stdio: "ignore",
      timeout: 180000,
    },
  );
  const pdf = only.replace(/\.xlsx$/, ".pdf");
  if (!existsSync(pdf)) throw new UserError(`LibreOffice did not produce ${pdf}`);
  for (const f of readdirSync(outDir))
    if (f.startsWith(`${stem}-page`) && f.endsWith(".png")) rmSync(join(outDir, f));
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), pdf, join(outDir, `${stem}-page`)], {
    stdio: "ignore",
  });
  const pngs = readdirSync(outDir)
    .filter((f) => f.startsWith(`${stem}-page`) && f.endsWith(".png"))
    .sort()
    .map((f) => join(outDir, f));
  return { pdf, pngs };
}

/**
 * The package with the one sheet left in its workbook list; every part as it was. LibreOffice prints
 * hidden sheets too, so the others are taken out of the list, with the defined names that belong to
 * them; their parts stay in the zip, unreferenced.
 */
function onlySheet(bytes: Buffer, sheet: string): Buffer {
  const zip = new ZipPackage(bytes);
  const workbookPart = officeDocumentPart(zip.text("_rels/.rels"));
  const relsPath = relsPathOf(workbookPart);
  let books: Bookkeeping = {
    workbookXml: zip.text(workbookPart) ?? "",
    relsXml: zip.text(relsPath) ?? "",
  };
  // Last first, so that the indexes of the sheets still to go stay as read.
  const entries = readSheets(books.workbookXml, readRels(books.relsXml, workbookPart.replace(/[^/]+$/, "")));
  for (const e of [...entries].reverse())
    if (e.name !== sheet) books = removeSheetEntry(books, e.name, e.rId, e.index);
  // Workbook-wide names that point into the sheets taken out would print as errors.
  const quoted = `'${sheet.replace(/'/g, "''")}'!`;
  const edited = books.workbookXml
    .replace(/<sheet\b[^>]*?\/?>/g, (tag) => tag.replace(/\sstate="[^"]*"/, ""))
    .replace(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g, (whole, attrs: string, body: string) =>
      /localSheetId=/.test(attrs) ||
      !body.includes("!") ||
      body.includes(quoted) ||
      body.includes(`${sheet}!`)
        ? whole
        : "",
    )
    .replace(/<definedNames>\s*<\/definedNames>/, "");
  zip.write(workbookPart, edited);
  zip.write(relsPath, books.relsXml);
  return zip.toBuffer();
}

export function pdfText(pdf: string, page = 1): string {
  return execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], {
    encoding: "utf8",
  });
}
