/**
 * What a narrative sentence quotes from the source: a title, a reference, a value's text, a
 * data-quality note. A committee reads the narrative aloud; a 32,767-character title repeated in every
 * sentence made a paper of 718,026 rows (issue 21). The sentence quotes the start, cut at a word where
 * one is near and marked "…"; the table beside it keeps the whole text.
 */
import { cutText } from "../text-cut";

/** Characters of source text one quotation in a sentence may take, its "…" included. */
export const MAX_QUOTED = 120;

export function quoteTitle(text: string, max = MAX_QUOTED): string {
  if (text.length <= max) return text;
  const cut = cutText(text, max - 1);
  const space = cut.lastIndexOf(" ");
  // A word boundary in the last third is worth the few characters it costs.
  const words = space > (max * 2) / 3 ? cut.slice(0, space) : cut;
  return `${words.trimEnd()}…`;
}
