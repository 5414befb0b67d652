/**
 * A request's size as Excel receives it, not as the add-in's own values look. Office.js posts each
 * context.sync as a rich-API request whose body is JSON carried as a string inside the message's JSON,
 * so every quote and backslash in it is escaped once more; every call adds an action and usually an
 * object path and an "instantiate" action; and a write of more than 1,500 cells is cut by the library
 * into row chunks, each a getRow/getBoundingRect pair of object paths and its own action
 * (setRangePropertiesInBulk in excel-web-16.00.js). Measured against the real library in
 * test/office-js (the tests there hold every request under 4 MB).
 */

/**
 * Characters a value takes in the posted message: its JSON escaped once more, with a margin of a tenth
 * for what travels with it (action ids, property names, object path references).
 */
export function wireBytes(v: unknown): number {
  return Math.ceil((JSON.stringify(JSON.stringify(v)).length - 2) * CELLS_MARGIN);
}
const CELLS_MARGIN = 1.1;

/** Cells per chunk of a large write (Office.js), and what each chunk adds beside its cells. */
export const CHUNK_CELLS = 1500;
export const CHUNK_BYTES = 1600;

/**
 * One queued call as posted: its action, its share of object paths and instantiate actions. Measured
 * against the real library at 3,000 indicators: about 190 characters per formatting call and 125 per
 * chart call, each a little under these.
 */
export const CALL_BYTES = 220;
export const CHART_CALL_BYTES = 150;

/** What the chunking adds per row of a `columns`-wide write of values and number formats. */
export function chunkBytesPerRow(columns: number): number {
  const rowsPerChunk = Math.max(1, Math.round(CHUNK_CELLS / Math.max(1, columns)));
  return (2 * CHUNK_BYTES) / rowsPerChunk;
}
