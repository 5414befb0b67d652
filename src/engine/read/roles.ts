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
  "unit",
  "previousRag",
  "previousDirection",
] as const;

export type Role = (typeof ROLES)[number];

/** How a role is named in sentences: "F is Current because ...". */
export const ROLE_NAMES: Record<Role, string> = {
  ref: "Reference",
  measure: "Measure",
  numerator: "Numerator",
  denominator: "Denominator",
  current: "Current",
  periodType: "Period type",
  period: "a period",
  previous: "Previous",
  baseline: "Baseline",
  min: "Minimum",
  upper: "Upper",
  target: "Target",
  polarity: "Polarity",
  dataQuality: "Data quality",
  owner: "Owner",
  frequency: "Frequency",
  commentary: "Commentary",
  benchmark: "a benchmark",
  unit: "Unit",
  previousRag: "the previous RAG",
  previousDirection: "the previous direction of travel",
};

export function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9%/]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Abbreviations and Welsh words as scorecards print them, each to the English words the rules know.
 * Applied word by word to a normalised label, so "GOOD PERF IS" reads as "good performance is" and
 * "STAT NEIGH AVE" as "statistical neighbours average".
 */
const WORDS: Record<string, string> = {
  perf: "performance",
  nat: "national",
  natl: "national",
  ave: "average",
  avg: "average",
  av: "average",
  stat: "statistical",
  neigh: "neighbours",
  neighbour: "neighbours",
  neighbor: "neighbors",
  indicators: "indicator",
  measures: "measure",
  kpis: "kpi",
  pis: "pi",
  targets: "target",
  tgt: "target",
  yr: "year",
  prev: "previous",
  cur: "current",
  curr: "current",
  // Welsh, for bilingual headers ("Mesur / Measure", "Targed / Target").
  mesur: "measure",
  dangosydd: "indicator",
  cyfeirnod: "ref",
  cyf: "ref",
  targed: "target",
  gwirioneddol: "actual",
  perfformiad: "performance",
  sylwadau: "commentary",
  sylw: "comment",
  cymru: "wales",
  uned: "unit",
  tuedd: "trend",
  canlyniad: "result",
};

/** A label in the words the rules know: abbreviations spelt out, Welsh put into English. */
export function expandLabel(label: string): string {
  const n = normaliseLabel(label);
  if (!n) return n;
  let changed = false;
  const words = n.split(" ").map((w) => {
    const e = WORDS[w];
    if (e === undefined) return w;
    changed = true;
    return e;
  });
  return changed ? words.join(" ") : n;
}

const YEAR = String.raw`(?:\d{2}|\d{4})\s?/\s?(?:\d{2}|\d{4})|\d{4}\s\d{2}`;

const RULES: [Role, RegExp][] = [
  [
    "previousRag",
    /^((previous|last|prior|last month s?|last quarter s?|prior period) )?(rag|rag rating|rag status|status|rating|brag|rag score)( (previous|last|prior|last month|last quarter))?$/,
  ],
  [
    "previousDirection",
    /^((previous|last|prior) )?(dot|direction of travel|d o t|travel|trend arrow|arrow|change since last (period|month|quarter|year))$/,
  ],
  [
    "dataQuality",
    /^(data quality|dq|data note|data notes|data quality notes?|quality of data|data confidence|dq rating)\b/,
  ],
  [
    "polarity",
    /^(polarity|good is|good performance is|rise or fall|direction|better if|higher or lower|high or low|is higher better|aim|desired direction|what good looks like|good looks like)\b/,
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
  ["unit", /^(unit|units|unit of measure|measurement unit|format)$/],
  [
    "benchmark",
    // Comparators by kind, and the regions and nations the Department for Education and the Welsh,
    // Scottish and Northern Irish statistics publish figures for.
    /\b(england|wales|welsh average|scotland|scottish average|northern ireland|ni average|national|regional|region|statistical neighbours?|stat neighbours?|sn|sn average|north east|north west|yorkshire and (the )?humber|east midlands|west midlands|east of england|south east|south west|inner london|outer london|london|core cities|comparator|benchmark|family group|all wales|english average|shire counties)\b/,
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
      String.raw`^((${YEAR})\s)?(annual |year end |full year |internal |current |agreed |local )?target( (${YEAR}))?$|^target\b`,
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
    /^(current|current performance|current value|actual|actual performance|performance actual|actuals|result|outturn|value|performance|full year result|latest|latest value|latest performance|latest result|ytd|year to date|this period|current period)$/,
  ],
  [
    "ref",
    /^(ref|reference|ref no|ref number|pi|pi ref|pi no|id|code|kpi ref|kpi no|indicator ref|measure ref|no)$/,
  ],
  [
    "measure",
    /^(performance measure|measure|measure title|title|indicator|indicator name|kpi|kpi name|description|measure description|performance indicator|pi title|pi description|name|measure name|indicator title|indicator description|performance indicator title|kpi description)$/,
  ],
];

/** The role a single header label names, or null. */
export function roleOfLabel(label: string): Role | null {
  const n = expandLabel(label);
  if (!n) return null;
  const direct = matchRules(n);
  if (direct) return direct;
  // Bilingual headers put the Welsh and the English in one cell: "Mesur / Measure", "Targed\nTarget".
  const halves = label.split(/\s+\/\s+|\n|\s*\|\s*/);
  if (halves.length < 2) return null;
  for (const h of halves) {
    const r = matchRules(expandLabel(h));
    if (r) return r;
  }
  return null;
}

function matchRules(n: string): Role | null {
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
