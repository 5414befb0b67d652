/**
 * Excel's rules for sheet names, applied before Excel sees a name: at most 31 characters, none of
 * : \ / ? * [ ], not beginning or ending with an apostrophe, not the reserved "History", and unique
 * without regard to case ("COMMITTEE" and "Committee" are the same sheet). Excel refuses a name that
 * breaks them (InvalidArgument) or repeats one (ItemAlreadyExists); both hosts choose names here.
 */
import { cutText } from "./text-cut";

export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;
const RESERVED = "history";

/** Excel compares sheet names without regard to case. */
export function sameSheetName(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

/** What is wrong with a sheet name, or null where Excel accepts it. */
export function sheetNameProblem(name: string): string | null {
  if (!name.trim()) return "a sheet name cannot be blank";
  if (name.length > MAX_SHEET_NAME) return `a sheet name has at most ${MAX_SHEET_NAME} characters`;
  if (/[:\\/?*[\]]/.test(name)) return "a sheet name cannot contain : \\ / ? * [ or ]";
  if (name.startsWith("'") || name.endsWith("'")) return "a sheet name cannot begin or end with '";
  if (name.toLowerCase() === RESERVED) return '"History" is reserved by Excel';
  return null;
}

/** The nearest name Excel accepts: forbidden characters become "-", apostrophes at the ends go. */
export function validSheetName(wanted: string): string {
  let s = wanted
    .replace(FORBIDDEN, "-")
    // Tabs and line breaks pasted into a settings box are not characters a tab can show.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F]/g, " ")
    .replace(/^'+|'+$/g, "")
    .trim();
  if (!s) s = "Committee";
  if (s.toLowerCase() === RESERVED) s = `${s} (2)`;
  return cutText(s, MAX_SHEET_NAME).replace(/'+$/, "");
}

/**
 * The sheet to write: the wanted name if it is free or the add-in's own, else the first "Name (2)",
 * "Name (3)"... that is. A sheet the add-in did not make is never the answer. Returns the name as the
 * workbook spells it where it exists, so that a host finds it by that spelling.
 */
export function chooseCommitteeName(
  wanted: string,
  names: string[],
  isOurs: (name: string) => boolean,
): { name: string; ours: boolean; renamed: boolean } {
  const base = validSheetName(wanted);
  const byLower = new Map(names.map((n) => [n.toLocaleLowerCase(), n]));
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : ` (${i})`;
    const name = cutText(base, MAX_SHEET_NAME - suffix.length) + suffix;
    const existing = byLower.get(name.toLocaleLowerCase());
    if (existing === undefined) return { name, ours: false, renamed: i > 1 || name !== wanted };
    if (isOurs(existing)) return { name: existing, ours: true, renamed: i > 1 || existing !== wanted };
  }
}

/**
 * Where the committee sheet goes, given which sheets carry the add-in's marker: the wanted name (or its
 * "(2)"...) when that is the add-in's or free, except that a marked sheet the analyst renamed is
 * refreshed under its new name rather than left behind with its commentary. The source is never a
 * candidate.
 */
export function placeCommitteeSheet(
  wanted: string,
  names: string[],
  ours: string[],
  source: string,
): { name: string; ours: boolean; renamed: boolean } {
  const marked = ours.filter((n) => !sameSheetName(n, source));
  const isOurs = (n: string) => marked.some((m) => sameSheetName(m, n));
  const chosen = chooseCommitteeName(wanted, names, isOurs);
  if (chosen.ours || marked.length === 0) return chosen;
  const base = validSheetName(wanted).toLocaleLowerCase();
  // A "(2)" made beside a foreign sheet is chosen by chooseCommitteeName; this is a sheet renamed by hand.
  const renamed = marked.find((m) => !m.toLocaleLowerCase().startsWith(base));
  return renamed ? { name: renamed, ours: true, renamed: true } : chosen;
}
