/**
 * The check every zip entry passes before it is inflated. A zip bomb declares a modest size and holds
 * an enormous one, or declares an enormous one outright; either way it is refused here, by the sizes
 * the package itself states and by the ratio of its parts, before any memory is spent on it. The
 * inflater then stops at the declared size (see zip-package.ts), so a lying header costs nothing.
 */
import { LIMITS, megabytes } from "./limits";
import { UserError } from "./user-error";

export function checkDeclared(name: string, size: number, compressed: number, method: number): void {
  if (method !== 0 && method !== 8)
    throw new UserError(
      `The workbook's part ${name} uses zip method ${method}, which Excel does not write; save the workbook again in Excel.`,
    );
  if (size > LIMITS.partBytes)
    throw new UserError(
      `The workbook's part ${name} is ${megabytes(size)} uncompressed; Scorecard reads parts of at most ${megabytes(LIMITS.partBytes)}.`,
    );
  if (method === 0 && size !== compressed)
    throw new UserError(
      `The workbook's part ${name} is damaged (its stored size does not match); save the workbook again in Excel.`,
    );
  if (size > LIMITS.ratioFloorBytes && size / Math.max(1, compressed) > LIMITS.inflationRatio)
    throw new UserError(
      `The workbook's part ${name} would inflate ${Math.round(size / Math.max(1, compressed))} times (${megabytes(size)} from ${megabytes(compressed)}), more than any real sheet does; it looks like a zip bomb and is not read.`,
    );
}

/** The error for an entry whose data inflates past the size it declared. */
export function overran(name: string, size: number): UserError {
  return new UserError(
    `The workbook's part ${name} holds more than the ${megabytes(size)} it declares; it looks like a zip bomb and is not read.`,
  );
}
