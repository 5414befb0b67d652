/**
 * The one grammar for period labels. Councils write the same quarter as "Q2 2023/24", "Qtr 2 2023/24",
 * "Quarter 2 23-24", "2023/24 Q2", "Ch2" (Welsh "chwarter"), "Ch1 / Q1 12-13" in bilingual sheets, or
 * just "Q2" under a merged "2023/24" group header; a year as "2017/18", "FY 2017-18" or "2016/17
 * outturn"; a month as "May 18", "Oct-18", "Sept 2018", "Ebrill 2023" or a real Excel date. Every form
 * becomes a Period whose ordinal orders it in time, whatever order the columns are in.
 */

export type Granularity = "month" | "quarter" | "year";

export interface Period {
  granularity: Granularity;
  /** Months since year 0 for months; financial quarters since year 0; financial year start for years. */
  ordinal: number;
  label: string;
  /** A quarter written without its year ("Q2"): its ordinal only orders it within one year. */
  yearless?: boolean;
  /** "2016/17 outturn", "Year end 2016/17": a year's final figure rather than a column of a series. */
  yearEnd?: boolean;
  /** A calendar year ("2019") rather than a financial one ("2019/20"); its ordinal is the year itself. */
  calendar?: boolean;
  /** The words written beside the period ("actual" in "Actual 2017/18"), lower case. */
  qualifier?: string;
  /**
   * True where the words follow the period ("2008/09 Result", "2009/10 Target"): they say what the figure
   * is, so columns with different words after their periods are different figures, not one run. Words
   * before a period more often place it ("At 31 March 2017", "End of Q1").
   */
  qualifierAfter?: boolean;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** Welsh month names, as bilingual scorecards print them. */
const WELSH_MONTHS = [
  "ionawr",
  "chwefror",
  "mawrth",
  "ebrill",
  "mai",
  "mehefin",
  "gorffennaf",
  "awst",
  "medi",
  "hydref",
  "tachwedd",
  "rhagfyr",
];
export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function fullYear(y: number): number {
  if (y >= 100) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

function twoDigits(n: number): string {
  return String(n % 100).padStart(2, "0");
}

export function monthPeriod(year: number, month0: number): Period {
  return {
    granularity: "month",
    ordinal: year * 12 + month0,
    label: `${MONTH_NAMES[month0].slice(0, 3)} ${twoDigits(year)}`,
  };
}

export function yearPeriod(start: number, yearEnd = false): Period {
  const p: Period = { granularity: "year", ordinal: start, label: `${start}/${twoDigits(start + 1)}` };
  if (yearEnd) p.yearEnd = true;
  return p;
}

export function quarterPeriod(fyStart: number, q: number): Period {
  return {
    granularity: "quarter",
    ordinal: fyStart * 4 + (q - 1),
    label: `Q${q} ${fyStart}/${twoDigits(fyStart + 1)}`,
  };
}

/** A bare year, "2019": a calendar year, ordered by the year itself. */
export function calendarYearPeriod(year: number): Period {
  return { granularity: "year", ordinal: year, label: String(year), calendar: true };
}

/**
 * A month written without its year ("April", "Sept"): ordered within a financial year (April first)
 * until the header above it gives the year.
 */
function yearlessMonth(month0: number): Period {
  return {
    granularity: "month",
    ordinal: (month0 + 9) % 12,
    label: MONTH_NAMES[month0].slice(0, 3),
    yearless: true,
  };
}

/** Bare years councils head columns with: four digits, within the years a scorecard can report. */
export function isYearNumber(n: number): boolean {
  return Number.isInteger(n) && n >= 1990 && n <= 2100;
}

function yearlessQuarter(q: number): Period {
  return { granularity: "quarter", ordinal: q - 1, label: `Q${q}`, yearless: true };
}

/** How many months a period spans. */
export function periodMonths(p: Period): number {
  return p.granularity === "month" ? 1 : p.granularity === "quarter" ? 3 : 12;
}

/** The calendar month after the period ends, in months since year 0: orders periods of any grain. */
export function periodEnd(p: Period): number {
  if (p.granularity === "month") return p.ordinal + 1;
  // Financial years start in April (month index 3).
  if (p.granularity === "quarter") return Math.floor(p.ordinal / 4) * 12 + 3 + ((p.ordinal % 4) + 1) * 3;
  if (p.calendar) return (p.ordinal + 1) * 12;
  return (p.ordinal + 1) * 12 + 3;
}

const FY = String.raw`(\d{2}|\d{4})\s*[\/\-–]\s*(\d{2}|\d{4})`;
const QUARTER_WORD = String.raw`(?:q|qtr|quarter|ch|chwarter)\.?\s*`;
// Words that say a year column is the year's final figure; they never change the period itself.
const YEAR_END_WORDS =
  /\b(?:outturn|out-turn|year[\s-]*end|ye|final|full[\s-]*year|annual|actual|actuals|result|results|performance|diwedd blwyddyn)\b/gi;
const RE_YEAR = new RegExp(String.raw`^(?:fy\s*)?${FY}$`, "i");
const RE_Q_FIRST = new RegExp(
  String.raw`^${QUARTER_WORD}([1-4])\s*(?:of\s*)?(?:(?:fy\s*)?${FY}|(\d{4}))?$`,
  "i",
);
const RE_Q_LAST = new RegExp(String.raw`^(?:fy\s*)?${FY}\s*${QUARTER_WORD}([1-4])$`, "i");
const RE_MONTH = /^([a-z]{3,10})\.?[\s\-'’/]*(\d{2}|\d{4})$/i;
const RE_NUMERIC_MONTH = /^(\d{1,2})[/-](\d{4})$/;
const RE_ISO_MONTH = /^(\d{4})-(\d{2})$/;
/** A day written out: "31 July 2018", "1st April 2019"; a snapshot at that day, read as its month. */
const RE_DAY_MONTH = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,10})\.?,?\s+(\d{4}|\d{2})$/i;
/** A day in figures: "31/07/2018", "31.07.2018". */
const RE_DMY = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;
const RE_BARE_YEAR = /^(?:fy\s*|cy\s*)?(\d{4})$/i;
const RE_BARE_MONTH = /^([a-z]{3,10})\.?$/i;

function financialYear(a: string, b: string): number | null {
  const start = fullYear(Number(a));
  const endRaw = Number(b);
  const end = b.length === 4 ? endRaw : fullYear(endRaw);
  return end === start + 1 ? start : null;
}

function monthOf(word: string): number {
  const w = word.toLowerCase();
  const welsh = WELSH_MONTHS.indexOf(w);
  if (welsh >= 0) return welsh;
  const mi = MONTHS.indexOf(w.slice(0, 3));
  if (mi < 0) return -1;
  const name = MONTH_NAMES[mi].toLowerCase();
  return w.length === 3 || name.startsWith(w) || w === "sept" ? mi : -1;
}

/** "2016/17 outturn": the year, marked as the year's final figure; a quarter or month stays as it is. */
function asYearEnd(p: Period): Period {
  return p.granularity === "year" ? { ...p, yearEnd: true } : p;
}

function stripResultWords(s: string): string {
  return s.replace(YEAR_END_WORDS, " ").replace(/[()]/g, " ").replace(/\s+/g, " ").trim();
}

/** "2017/18", "2017-18", "FY 2017/2018"; "2019". */
function parseYear(s: string): Period | null {
  const fy = RE_YEAR.exec(s);
  const start = fy ? financialYear(fy[1], fy[2]) : null;
  if (start !== null) return yearPeriod(start);
  const bare = RE_BARE_YEAR.exec(s);
  return bare && isYearNumber(Number(bare[1])) ? calendarYearPeriod(Number(bare[1])) : null;
}

/** A day, read as its month: "2024-04", "31 July 2018", "31/07/2018". */
function parseDay(s: string): Period | null {
  let m = RE_ISO_MONTH.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && isYearNumber(Number(m[1])))
    return monthPeriod(Number(m[1]), Number(m[2]) - 1);
  m = RE_DAY_MONTH.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 31 && monthOf(m[2]) >= 0)
    return monthPeriod(fullYear(Number(m[3])), monthOf(m[2]));
  m = RE_DMY.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 31 && Number(m[2]) >= 1 && Number(m[2]) <= 12)
    return monthPeriod(Number(m[3]), Number(m[2]) - 1);
  return null;
}

/** "Q2 2023/24", "Qtr 2", "Quarter 3 23-24", "2023/24 Q2", "Q2 2021" (a calendar quarter). */
function parseQuarter(s: string): Period | null {
  let m = RE_Q_FIRST.exec(s);
  if (m) {
    const q = Number(m[1]);
    if (m[2] && m[3]) {
      const start = financialYear(m[2], m[3]);
      return start === null ? null : quarterPeriod(start, q);
    }
    if (!m[4]) return yearlessQuarter(q);
    // "Q2 2021" is a calendar quarter; file it in the financial year it falls in.
    const year = Number(m[4]);
    const fyStart = (q - 1) * 3 >= 3 ? year : year - 1;
    return quarterPeriod(fyStart, ((q + 2) % 4) + 1);
  }
  m = RE_Q_LAST.exec(s);
  const start = m ? financialYear(m[1], m[2]) : null;
  return m && start !== null ? quarterPeriod(start, Number(m[3])) : null;
}

/** "May 18", "Oct-18", "Sept 2018", "Ebrill 2023", "05/2018"; a bare "April". */
function parseMonth(s: string): Period | null {
  let m = RE_BARE_MONTH.exec(s);
  if (m && monthOf(m[1]) >= 0) return yearlessMonth(monthOf(m[1]));
  m = RE_MONTH.exec(s);
  if (m && monthOf(m[1]) >= 0) return monthPeriod(fullYear(Number(m[2])), monthOf(m[1]));
  m = RE_NUMERIC_MONTH.exec(s);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return monthPeriod(Number(m[2]), Number(m[1]) - 1);
  return null;
}

function parseOne(s: string): Period | null {
  return parseYear(s) ?? parseDay(s) ?? parseQuarter(s) ?? parseMonth(s);
}

/** A single period label, or null. Bilingual labels ("Ch1 / Q1 12-13") are read from either half. */
export function parsePeriodLabel(label: string): Period | null {
  const s = label.replace(/\s+/g, " ").trim();
  if (!s || s.length > 40) return null;
  const direct = s.length <= 24 ? parseOne(s) : null;
  if (direct) return direct;
  // "2016/17 outturn", "Year end 2016/17": the year, marked as a year-end figure; "Q4 Actual" is Q4.
  const stripped = stripResultWords(s);
  if (stripped !== s && stripped) {
    const p = parseOne(stripped);
    if (p) {
      const words = (s.match(YEAR_END_WORDS) ?? []).join(" ").toLowerCase();
      return { ...asYearEnd(p), qualifier: words, qualifierAfter: !/^\D/.test(s) };
    }
  }
  // Bilingual: "Ch1 / Q1 12-13" or "Ch1 12-13 / Q1 12-13". The half with a year wins.
  const halves = s.split(/\s+\/\s+|\s*\|\s*|\n/);
  if (halves.length >= 2) {
    let found: Period | null = null;
    for (const h of halves) {
      const t = h.trim();
      const bare = stripResultWords(t);
      let p = parseOne(t);
      if (!p && bare && bare !== t) {
        const q = parseOne(bare);
        p = q && asYearEnd(q);
      }
      if (p && (!found || (found.yearless && !p.yearless))) found = p;
    }
    if (found) {
      // "Ch1 / Q1 12-13": the year printed once serves both halves.
      if (found.yearless) {
        const year = halves.map((h) => RE_YEAR.exec(h.trim().split(" ").pop() ?? "")).find((x) => x);
        const start = year ? financialYear(year[1], year[2]) : null;
        if (start !== null) return quarterPeriod(start, found.ordinal + 1);
      }
      return found;
    }
  }
  // "Q1 12-13" after a Welsh half without a separator: "Ch1 Q1 12-13".
  const tail = /(?:^|\s)((?:q|qtr|quarter)\s*[1-4]\s+\S+)$/i.exec(s);
  const fromTail = tail ? parseOne(tail[1]) : null;
  return fromTail ?? qualifiedPeriod(s);
}

// Words, without figures, beside a period expression.
const WORDS_ONLY = /^[^\d]{1,40}$/;
const MOST_WORDS = 8;

function clean(s: string): string {
  return s.replace(/[()]/g, " ").replace(/\s+/g, " ").trim();
}

/** The period after the fewest leading words ("Xczd March 2017" is March 2017, not 2017). */
function afterWords(words: string[]): Period | null {
  for (let k = 1; k < words.length && k <= MOST_WORDS; k++) {
    const lead = words.slice(0, k).join(" ");
    if (!WORDS_ONLY.test(lead)) return null;
    const p = parseOne(clean(words.slice(k).join(" ")));
    if (p) return { ...p, qualifier: lead.toLowerCase() };
  }
  return null;
}

/** The period before words that hold no figure ("2017/18 Q1 Value", "Oct Actual"). */
function beforeWords(words: string[]): Period | null {
  for (let k = 1; k < words.length && k <= MOST_WORDS; k++) {
    const tail = words.slice(k).join(" ");
    if (!WORDS_ONLY.test(tail)) continue;
    const p = parseOne(words.slice(0, k).join(" "));
    if (p) return { ...p, qualifier: tail.toLowerCase(), qualifierAfter: true };
  }
  return null;
}

// A period with a remark in brackets after it: "2023 (to 10 October)", "Q2 (provisional)".
const BRACKETED = /^([^()]+?)\s*\(([^()]*)\)$/;

function qualifiedPeriod(s: string): Period | null {
  const bracket = BRACKETED.exec(s);
  const head = bracket ? parseOne(bracket[1]) : null;
  if (bracket && head) return { ...head, qualifier: bracket[2].toLowerCase(), qualifierAfter: true };
  const words = s.split(" ");
  if (words.length < 2) return null;
  return afterWords(words) ?? beforeWords(words);
}

/**
 * A period label read with the header rows above it: a yearless "Q2" under a merged "2015/16" is Q2
 * 2015/16. Parents are listed most general first.
 */
export function parsePeriodInContext(own: Period | null, parents: string[]): Period | null {
  if (!own || !own.yearless) return own;
  for (let i = parents.length - 1; i >= 0; i--) {
    const parent = parsePeriodLabel(parents[i]) ?? yearIn(parents[i]);
    if (parent && parent.granularity === "year") return placeInYear(own, parent);
  }
  return own;
}

/** A yearless quarter or month placed in the year a header above it names. */
export function placeInYear(own: Period, year: Period): Period {
  if (own.granularity === "quarter") {
    if (!year.calendar) return quarterPeriod(year.ordinal, own.ordinal + 1);
    // Calendar Q1 (January to March) is the last quarter of the financial year before.
    const q = own.ordinal + 1;
    return quarterPeriod(q === 1 ? year.ordinal - 1 : year.ordinal, ((q + 2) % 4) + 1);
  }
  // Yearless months are ordered April first: 0 is April, 9 is January.
  const month0 = (own.ordinal + 3) % 12;
  if (year.calendar) return monthPeriod(year.ordinal, month0);
  return monthPeriod(month0 >= 3 ? year.ordinal : year.ordinal + 1, month0);
}

function yearIn(text: string): Period | null {
  const m = new RegExp(String.raw`(?:^|\D)${FY}(?:\D|$)`).exec(text);
  if (!m) return null;
  const start = financialYear(m[1], m[2]);
  return start === null ? null : yearPeriod(start);
}
