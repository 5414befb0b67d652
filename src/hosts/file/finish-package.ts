/**
 * Every package a build writes ends here: the bookkeeping is made to agree with the final part list
 * (agree-parts.ts), then the package is checked by the OPC and workbook rules Excel applies
 * (package-check.ts). A problem the input did not have is this build's own mistake, and a package
 * Excel would have to repair is never written: the build fails instead and the workbook on disk stays
 * as it was.
 */
import { agreeWithParts } from "./agree-parts";
import { packageProblems } from "./package-check";
import type { ZipPackage } from "./zip-package";

export function finishPackage(zip: ZipPackage, inputProblems: string[]): Buffer {
  agreeWithParts(zip);
  const known = new Set(inputProblems);
  const fresh = packageProblems(zip).filter((p) => !known.has(p));
  if (fresh.length)
    throw new Error(
      `the package built would need repair by Excel, so it was not written (${fresh.join("; ")})`,
    );
  // Unchanged entries are copied as their stored, compressed bytes.
  return zip.toBuffer();
}
