/**
 * How much work a build may take on, checked before the work is done, so that memory stays bounded
 * and a hostile or broken file gets a one-line refusal (exit 2) instead of an out-of-memory crash.
 * The scorecard sheet's own size is the engine's (grid-limits.ts), shared with the Office host.
 * README.md ("Limits") documents them.
 */
import { count, SCORECARD_LIMITS } from "../../engine/grid-limits";

export { count };

const MIB = 1024 * 1024;

export const LIMITS = {
  /** The workbook file on disk. */
  packageBytes: 256 * MIB,
  /** Any one part Scorecard reads (a sheet's XML, the shared strings), uncompressed. */
  partBytes: 512 * MIB,
  /** Uncompressed to compressed size, for parts over 1 MiB: deflate's ceiling is about 1,032 to 1,
   * and a real sheet's XML compresses 5 to 50 times; a zip bomb is far past this. */
  inflationRatio: 200,
  /** Parts smaller than this are not held to the ratio (tiny repetitive parts compress well). */
  ratioFloorBytes: MIB,
  /** The sheet read as a scorecard: rows (its last row number), columns (its last column) and
   * cells holding a value. */
  rows: SCORECARD_LIMITS.rows,
  columns: SCORECARD_LIMITS.columns,
  cells: SCORECARD_LIMITS.cells,
  /** Excel's own sheet size, for the committee sheet read back for its commentary. */
  excelRows: 1_048_576,
  excelColumns: 16_384,
} as const;

/** A size as a person reads it: "512 MB", "40 KB". */
export function megabytes(bytes: number): string {
  return bytes < MIB ? `${count(Math.ceil(bytes / 1024))} KB` : `${count(Math.ceil(bytes / MIB))} MB`;
}
