/**
 * A request's size as Excel receives it, not as the add-in's own values look. Office.js posts each
 * context.sync as a rich-API request whose body is JSON carried as a string inside the message's JSON,
 * so every quote and backslash in it is escaped once more; every call adds an action and usually an
 * object path and an "instantiate" action; and a write of more than 1,500 cells is cut by the library
 * into row chunks, each a getRow/getBoundingRect pair of object paths and its own action
 * (setRangePropertiesInBulk in excel-web-16.00.js). Measured against the real library in
 * test/office-js (the tests there hold every request under 4 MB).
 */

/** Characters a value takes in the posted message. */
export function wireBytes(v: unknown): number {
  return JSON.stringify(JSON.stringify(v)).length - 2;
}

/** Cells per chunk of a large write (Office.js), and what each chunk adds beside its cells. */
export const CHUNK_CELLS = 1500;
export const CHUNK_BYTES = 1600;

/**
 * One queued call as posted: its action, its share of object paths and instantiate actions. The real
 * library averages under 150 characters per action, about two actions per call.
 */
export const CALL_BYTES = 300;

/** What the chunking adds per row of a `columns`-wide write of values and number formats. */
export function chunkBytesPerRow(columns: number): number {
  const rowsPerChunk = Math.max(1, Math.round(CHUNK_CELLS / Math.max(1, columns)));
  return (2 * CHUNK_BYTES) / rowsPerChunk;
}
