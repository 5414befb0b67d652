/**
 * Column roles and the labels councils really use for them. Matching is case- and
 * punctuation-insensitive and ordered: "Frequency & Measure" is a frequency, not a measure;
 * "Performance Measure" is a measure, "Performance" alone is the current value.
 */

export const ROLES = [
  "ref",
  "measure",
  "numerator",
  "denominator",
  "current",
  "periodType",
  "period",
  "previous",
  "baseline",
  "min",
  "upper",
  "target",
  "polarity",
  "dataQuality",
  "owner",
  "frequency",
  "commentary",
  "benchmark",
] as const;

export type Role = (typeof ROLES)[number];

export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9%/]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const YEAR = String.raw`(?:\d{2}|\d{4})\s?/\s?(?:\d{2}|\d{4})|\d{4}\s\d{2}`;

const RULES: [Role, RegExp][] = [
  [
    "dataQuality",
    /^(data quality|dq|data note|data notes|data quality notes?|quality of data|data confidence|dq rating)\b/,
  ],
  [
    "polarity",
    /^(polarity|good is|good performance is|rise or fall|direction|better if|higher or lower|high or low|is higher better|aim|desired direction)\b/,
  ],
  ["frequency", /\bfrequency\b|^(reporting frequency|freq)$/],
  [
    "owner",
    /^(owner|lead|lead officer|responsible officer|accountable officer|responsible|accountable|service|owner team)$/,
  ],
  [
    "commentary",
    /^(comments?|commentary|notes?|actions?|narrative|analysis|comments and actions|commentary and actions|explanation)$/,
  ],
  [
    "benchmark",
    /\b(england|national|regional|statistical neighbours?|stat neighbours?|sn average|north west|london|core cities|comparator|benchmark)\b/,
  ],
  ["numerator", /^(num|numerator|count)$/],
  ["denominator", /^(denom|denominator|cohort|out of|total)$/],
  ["periodType", /^(period|period type|measure type|type|basis|snapshot or ytd)$/],
  [
    "min",
    /^(min|minimum|floor|floor standard|minimum target|lower target|threshold|tolerance|lower threshold)$/,
  ],
  ["upper", /^(upper|upper target|stretch|stretch target|max|maximum|aspirational target)$/],
  [
    "target",
    new RegExp(
      String.raw`^((${YEAR})\s)?(annual |year end |full year |internal )?target( (${YEAR}))?$|^target\b`,
    ),
  ],
  ["baseline", /^baseline\b/],
  [
    "previous",
    new RegExp(
      String.raw`^(previous|last year|prior year|previous year|same period last year|last year outturn|previous year outturn)\b|^(${YEAR})\s(result|outturn|actual|performance|year end|final)$|^(outturn|result|actual)\s(${YEAR})$`,
    ),
  ],
  [
    "current",
    /^(current|current performance|current value|actual|result|outturn|value|performance|full year result|latest|latest value|latest performance|ytd|year to date|this period|current period)$/,
  ],
  [
    "ref",
    /^(ref|reference|ref no|ref number|pi|pi ref|pi no|id|code|kpi ref|kpi no|indicator ref|measure ref|no)$/,
  ],
  [
    "measure",
    /^(performance measure|measure|measure title|title|indicator|indicator name|kpi|kpi name|description|measure description|performance indicator|pi title|pi description|name)$/,
  ],
];

/** The role a single header label names, or null. */
export function roleOfLabel(label: string): Role | null {
  const n = normaliseLabel(label);
  if (!n) return null;
  for (const [role, re] of RULES) if (re.test(n)) return role;
  return null;
}

/** Words in a group header that tell what its columns are ("Agreed targets", "Previous financial year"). */
export function groupHint(label: string): "target" | "previous" | "trend" | null {
  const n = normaliseLabel(label);
  if (/\btargets?\b/.test(n)) return "target";
  if (/\b(previous|last|prior)\b.*\b(year|financial year)\b/.test(n)) return "previous";
  if (/\btrend\b/.test(n)) return "trend";
  return null;
}
