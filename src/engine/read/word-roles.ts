/**
 * A column's first reading from its header words weighed against its cells: a column of RAG letters is
 * the council's last rating whatever its header says, arrows are a direction, "Higher"/"Lower" a
 * polarity, long sentences under a figure's header are comments. Where the words name nothing, the cells
 * alone may still say what the column is; the figure columns are left to the later steps.
 */
import { ColumnContent, describeContent, share } from "./column-content";
import { ColumnFacts } from "./column-facts";
import { ColumnDecision, SURE, decided, oneLine, says } from "./evidence";
import { wayOf } from "./direction-columns";
import { Role } from "./roles";

// Roles whose cells are figures: a column of RAG letters or arrows under such a header is the council's
// own rating from last time, whatever the header says.
export const FIGURE_ROLES = new Set<Role | null>([
  null,
  "current",
  "previous",
  "period",
  "baseline",
  "min",
  "upper",
  "target",
  "numerator",
  "denominator",
  "benchmark",
]);

/**
 * Headers that name a better direction, in any word order: a word of worth ("good", "better", "ideal",
 * "desired", "aim") with a word of way ("direction", "way", "trend", "higher", "up") or a trailing "is"
 * ("Which way is good", "Is higher better?", "Good performance is", "Desired direction").
 */
const WORTH = /\b(?:ideal|desired|preferred|intended|good|better|best|aim|aims|expected|required|wanted)\b/i;
const WAY =
  /\b(?:direction|trend|travel|movement|way|higher|lower|high|low|up|down|increase|decrease)\b|\bis\s*[?:]?\s*$/i;

export function namesBetterWay(label: string): boolean {
  return /\bpolarity\b/i.test(label) || label.split(" / ").some((l) => WORTH.test(l) && WAY.test(l));
}

function figures(c: ColumnContent): number {
  return share(c.profile, "number", "percent");
}

/** The role the cells alone make plain, whatever the header: ratings, arrows, polarity, units, comments. */
function fromCells(f: ColumnFacts): ColumnDecision | null {
  const p = f.content.profile;
  const role = f.headerRole;
  const content = describeContent(p);
  // Ratings, arrows and direction words say what they are even in a table of one row.
  const enough = p.filled >= 1;
  const few = figures(f.content) < 0.2;
  if (!enough || !few) return null;
  const both = `${says(f.own)} and ${content}`;
  const direction = share(p, "arrow", "direction") >= 0.6;
  // Under a header that names the better direction, arrows and "Up"/"Down" words are that direction.
  if ((namesBetterWay(f.label) || role === "polarity") && waysShare(f) >= 0.6)
    return decided(f.letter, "polarity", both, SURE.agreed);
  if (FIGURE_ROLES.has(role) && share(p, "rag") >= 0.6)
    return decided(f.letter, "previousRag", both, sure(role));
  if ((FIGURE_ROLES.has(role) || role === "previousRag") && direction)
    return decided(
      f.letter,
      "previousDirection",
      both,
      role === "previousDirection" ? SURE.agreed : sure(role),
    );
  if ((role === null || role === "polarity") && share(p, "polarity") >= 0.6)
    return decided(f.letter, "polarity", both, role === "polarity" ? SURE.agreed : SURE.content);
  if ((role === null || role === "periodType" || role === "unit") && share(p, "unit") >= 0.6)
    return decided(f.letter, "unit", both, role === "unit" ? SURE.agreed : SURE.content);
  return null;
}

/** The share of the filled cells that name a way: an arrow, "Up"/"Down", "High"/"Low". */
function waysShare(f: ColumnFacts): number {
  const p = f.content.profile;
  if (!p.filled) return 0;
  return f.cells.filter((c) => wayOf(c) !== 0).length / p.filled;
}

function sure(headerRole: Role | null): number {
  return headerRole === null ? SURE.content : SURE.conflict;
}

/** The reading of one column from its header words and its cells, before the figure columns are weighed. */
export function wordRole(f: ColumnFacts): ColumnDecision {
  const cells = fromCells(f);
  if (cells) return cells;
  const p = f.content.profile;
  const role = f.headerRole;
  const content = describeContent(p);
  const longText = p.filled >= 2 && share(p, "long-text") >= 0.5 && figures(f.content) < 0.2;
  if (longText && role !== null && FIGURE_ROLES.has(role) && role !== "benchmark")
    return decided(
      f.letter,
      "commentary",
      `${says(f.own)} but ${content}, which are comments rather than figures`,
      SURE.conflict,
    );
  if (role === "period")
    return decided(
      f.letter,
      "period",
      `its header reads as a period${p.filled ? ` and ${content}` : ""}`,
      SURE.shape,
      f.period?.label,
    );
  if (role !== null) {
    const where = f.headerSource ? ` (from '${oneLine(f.headerSource)}' above it)` : "";
    const agreed = p.filled >= 2 && contentFits(role, f.content);
    return decided(
      f.letter,
      role,
      `${says(f.own)}${where}${p.filled ? ` and ${content}` : ""}`,
      agreed ? SURE.agreed : SURE.words,
    );
  }
  const why = f.own
    ? `its header '${oneLine(f.own)}' names no role and ${content}`
    : `it has no header and ${content}`;
  return decided(f.letter, null, why, 0);
}

/** Whether the cells are of the kind the role holds: figures for figures, words for words. */
function contentFits(role: Role, c: ColumnContent): boolean {
  const figs = figures(c) + share(c.profile, "missing");
  if (FIGURE_ROLES.has(role)) return figs >= 0.6;
  if (role === "commentary" || role === "dataQuality") return share(c.profile, "long-text", "text") >= 0.5;
  if (role === "measure") return share(c.profile, "long-text", "text") >= 0.6;
  if (role === "ref") return c.text.count > 0 && c.text.codes / c.text.count >= 0.6;
  return true;
}
