/**
 * Renders the committee sheet through LibreOffice: a copy of the workbook holding only that sheet is
 * converted to PDF, and each page to PNG, so that a person can look at what the committee will read.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { isCommitteeSheet } from "./committee-marker";
import { officeDocumentPart, readRels, readSheets, relsPathOf } from "./package-parts";
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
  if (!renderToolsPresent()) {
    throw new UserError(
      "Rendering needs LibreOffice and poppler: apt-get install -y --no-install-recommends libreoffice-calc poppler-utils fonts-crosextra-carlito",
    );
  }
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const committee = wb.worksheets.find(isCommitteeSheet);
  if (!committee)
    throw new UserError(`${file} has no committee sheet made by Scorecard; run scorecard build first.`);
  // ExcelJS drops manual page breaks on reading; they are the plan's, so they are carried across.
  for (const row of pageBreakRows(file, committee.name)) committee.getRow(row).addPageBreak();
  for (const ws of [...wb.worksheets]) if (ws.id !== committee.id) wb.removeWorksheet(ws.id);
  mkdirSync(outDir, { recursive: true });
  const stem = basename(file).replace(/\.xlsx$/i, "");
  const only = join(outDir, `${stem}-committee.xlsx`);
  await wb.xlsx.writeFile(only);
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

/** The rows after which a sheet's manual page breaks fall, read from the package itself. */
export function pageBreakRows(file: string, sheet: string): number[] {
  const zip = new ZipPackage(readFileSync(file));
  const workbookPart = officeDocumentPart(zip.text("_rels/.rels"));
  const rels = readRels(zip.text(relsPathOf(workbookPart)) ?? "", workbookPart.replace(/[^/]+$/, ""));
  const entry = readSheets(zip.text(workbookPart) ?? "", rels).find((e) => e.name === sheet);
  const breaks = /<rowBreaks\b[\s\S]*?<\/rowBreaks>/.exec((entry && zip.text(entry.part)) ?? "")?.[0] ?? "";
  return [...breaks.matchAll(/<brk\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1]));
}

export function pdfText(pdf: string, page = 1): string {
  return execFileSync("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"], {
    encoding: "utf8",
  });
}
