/**
 * Cutting user text to a limit. Excel counts its limits (31 characters a sheet name, 32,767 a cell,
 * 255 a header) in UTF-16 code units, as JavaScript's length does, so the limit is measured that way;
 * but a cut never falls between the two halves of a surrogate pair. Half an emoji is not a character:
 * written to a package it becomes U+FFFD (or invalid XML), and Excel shows a box.
 */

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * The longest start of `s` that, with `ending` after it, fits in `max` code units and ends on a whole
 * code point; `s` itself when it already fits. The ending ("…") says the text was cut.
 */
export function cutText(s: string, max: number, ending = ""): string {
  if (s.length <= max) return s;
  let end = Math.max(0, max - ending.length);
  if (end > 0 && isHighSurrogate(s.charCodeAt(end - 1))) end--;
  return s.slice(0, end) + ending;
}
