/**
 * How much work a build may take on, checked before the work is done, so that memory stays bounded
 * and a hostile or broken file gets a one-line refusal (exit 2) instead of an out-of-memory crash.
 * Excel's own limits are 1,048,576 rows and 16,384 columns a sheet; a scorecard needs far less: the
 * largest published council scorecards have a few hundred indicators and a few dozen columns. The
 * limits leave room for 100,000 indicators over 24 periods (npm run bench builds that within 2 GB)
 * and twice that many rows. README.md ("Limits") documents them.
 */
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
  rows: 200_000,
  columns: 1_024,
  cells: 5_000_000,
  /** Excel's own sheet size, for the committee sheet read back for its commentary. */
  excelRows: 1_048_576,
  excelColumns: 16_384,
} as const;

export function count(n: number): string {
  return n.toLocaleString("en-GB");
}

/** A size as a person reads it: "512 MB", "40 KB". */
export function megabytes(bytes: number): string {
  return bytes < MIB ? `${count(Math.ceil(bytes / 1024))} KB` : `${count(Math.ceil(bytes / MIB))} MB`;
}
