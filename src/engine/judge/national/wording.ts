/**
 * An indicator's wording as the concepts of children's social care it names: who (children looked after,
 * in need, on a plan, care leavers), what about them (placements, health, work), and the qualifiers that
 * make a measure a different one (timeliness, visits, starts, exclusions). Councils abbreviate and
 * reorder freely ("LAC", "CiC", "CP plan", "EET", "re-referral"), so the words are first put into one
 * form; the concepts are then read from that form, never from a council's own phrasing.
 */

export type Concept =
  | "looked-after"
  | "in-need"
  | "child-protection"
  | "referral"
  | "re-referral"
  | "repeat"
  | "two-years"
  | "placements"
  | "three-or-more"
  | "same-placement"
  | "stability"
  | "care-leaver"
  | "eet"
  | "neet"
  | "suitable-accommodation"
  | "health-assessment"
  | "dental"
  | "workforce"
  | "turnover"
  | "agency"
  | "vacancy"
  | "caseload"
  | "excluding"
  | "within-years"
  | "ended"
  | "started"
  | "initial"
  | "timeliness"
  // Topics the Department's files do not carry: an indicator about them is not one of its measures.
  | "visits"
  | "reviews"
  | "screening"
  | "allocation"
  | "assessment"
  | "conversion"
  | "contacts"
  | "conferences"
  | "quality"
  | "missing"
  | "adoption"
  | "schooling"
  | "offending"
  | "asylum"
  | "care-setting"
  | "other-plan"
  | "distance"
  | "in-touch";

/** Councils' spellings -> one form. Order matters: longer phrases first. */
const FORMS: [RegExp, string][] = [
  [/&/g, " and "],
  [/['’`]/g, ""],
  [/[^a-z0-9%+]+/g, " "],
  [/\b(re ?referr(al|als|ed)|rereferr(al|als|ed)|repeat referrals?)\b/g, " rereferral "],
  [/\b(review|annual) health (assessments?|checks?)\b|\brhas?\b/g, " healthcheck "],
  [/\bhealth (assessments?|checks?)\b/g, " healthcheck "],
  [/\b(review|annual) (dental|teeth)\b/g, " $2 "],
  [/\b(children|child|young people|young person) (looked after|in care)\b/g, " lookedafter "],
  [/\blooked after (children|child|young people)\b|\blooked after\b/g, " lookedafter "],
  [/\b(lac|cla|cic|clas|lacs)\b/g, " lookedafter "],
  [/\bin care\b/g, " lookedafter "],
  [/\b(children|child) in need\b|\bcin\b/g, " inneed "],
  [/\b(child protection|cp) (register|plans?)\b|\bcpps?\b/g, " cpplan "],
  [/\bchild protection\b|\bcp\b/g, " cpplan "],
  [/\b(care leavers?|care experienced|former relevant|leaving care)\b/g, " careleaver "],
  [
    /\bneet\b|\bnot in (education|employment|training)( (education|employment|training))*( (or|and) (education|employment|training))?\b/g,
    " neet ",
  ],
  [
    /\beet\b|\b(education|employment|training)( (education|employment|training))* (or|and) (education|employment|training)\b/g,
    " eet ",
  ],
  [/\bsws?\b/g, " social worker "],
  [/\b(yrs?|years?)\b/g, " year "],
  [/\bone\b/g, " 1 "],
  [/\btwo\b/g, " 2 "],
  [/\bthree\b/g, " 3 "],
];

export function normaliseWording(title: string): string {
  let t = ` ${title.toLowerCase()} `;
  for (const [re, to] of FORMS) t = t.replace(re, to);
  return ` ${t.replace(/\s+/g, " ").trim()} `;
}

const CONCEPTS: [Concept, RegExp][] = [
  ["looked-after", /\blookedafter\b/],
  ["in-need", /\binneed\b/],
  ["child-protection", /\bcpplan\b/],
  ["referral", /\breferrals?\b|\b(cases|children) referred\b/],
  ["re-referral", /\brereferral\b/],
  ["repeat", /\b(2nd|second|subsequent|repeat|again|more than once)\b/],
  [
    "two-years",
    /\b2 year (or|and) (more|longer|over)\b|\b2 or more year\b|\b(lasting|lasted|longer than|over|more than|at least|exceeding|for) 2 year\b|\b2 year plus\b|\b2 year \+/,
  ],
  ["placements", /\bplacements?\b|\bplaced\b|\bmoves?\b/],
  ["three-or-more", /\b3 (or|and) more\b|\b3 ?\+|\bmore than 2\b|\b3 plus\b/],
  ["same-placement", /\bsame (placement|carer|foster)|\bcurrent placement\b|\blong ?term\b/],
  ["stability", /\bstability\b|\bstable\b/],
  ["care-leaver", /\bcareleaver\b/],
  ["eet", /\beet\b/],
  ["neet", /\bneet\b/],
  ["suitable-accommodation", /\bsuitabl[ey]\b/],
  ["health-assessment", /\bhealthcheck\b/],
  ["dental", /\b(dental|teeth|dentist)\b/],
  ["workforce", /\bsocial workers?\b|\bstaff\b|\bworkforce\b|\bfte\b|\bpractitioners?\b|\bemployees?\b/],
  ["turnover", /\bturnover\b|\bleavers rate\b/],
  ["agency", /(?<!\b(multi|inter|partner|other|adoption|regional) )\bagency\b(?! decision)/],
  ["vacancy", /\bvacanc(y|ies)\b/],
  ["caseload", /\bcase ?loads?\b|\bcases per\b|\baverage (number of )?cases\b/],
  ["excluding", /\b(exc|excl|excluding|except|not including|other than)\b/],
  ["within-years", /\b(within|in the (last|past|previous)) (\d+|a) year\b|\bof (the|a) previous plan\b/],
  ["ended", /\b(ceas\w*|ended|ending|closed|de ?registered|discontinued)\b/],
  ["started", /\b(start\w*|entering|entered|became|becoming|new|newly)\b/],
  ["initial", /\binitial\b/],
  [
    "timeliness",
    /\bwithin \d+ (working )?(day|hour|week)s?\b|\b\d+ (working )?(hour|day)s?\b|\btimescales?\b|\btimel(y|iness)\b|\bon time\b|\bin time\b|\boverdue\b|\bwhen due\b|\bdue\b/,
  ],
  ["visits", /\bvisit\w*\b|\bseen\b/],
  ["reviews", /\breview\w*\b/],
  ["screening", /\bscreen\w*\b|\btriage\w*\b/],
  ["allocation", /\ballocated\b|\ballocation\b/],
  ["assessment", /\bassessments?\b|\bassessed\b/],
  [
    "conversion",
    /\b(leading|led|lead|resulting|resulted|going|went|progress\w*|converted|conversion)( on)? (to|in)\b/,
  ],
  ["contacts", /\bcontacts?\b/],
  ["conferences", /\bconferences?\b|\bicpcs?\b|\bstrategy\b|\bsection 47\b|\bs47\b|\bcore groups?\b/],
  ["quality", /\baudit\w*\b|\bquality\b|\boversight\b|\bsupervision\b/],
  ["missing", /\bmissing\b|\brun away\b|\brunaway\b|\babsent\b/],
  ["adoption", /\badopt\w*\b|\bspecial guardianship\b|\bsgos?\b|\bpermanen\w*\b/],
  [
    "schooling",
    /\bschools?\b|\battainment\b|\bexclusions?\b|\bkey stage\b|\bks[1-5]\b|\bpupils?\b|\babsence\b|\bpep\b/,
  ],
  ["offending", /\boffend\w*\b|\bconvict\w*\b|\bcustody\b|\byouth justice\b/],
  ["asylum", /\buasc\b|\bunaccompanied\b|\basylum\b/],
  [
    "care-setting",
    /\bfoster\w*\b|\bresidential\b|\bchildrens homes?\b|\bsemi independent\b|\bsupported accommodation\b|\bkinship\b/,
  ],
  ["other-plan", /\b(inneed|pathway|care|personal education|permanence) plans?\b/],
  ["distance", /\bmiles\b|\bdistance\b|\bout of (area|borough|county|authority)\b/],
  ["in-touch", /\bin touch\b/],
];

/** The concepts a normalised wording names; a qualifier after "excluding" names whom it leaves out, so it is dropped. */
export function conceptsOf(normalised: string): Set<Concept> {
  const cut = /\b(exc|excl|excluding|except|not including|other than)\b/.exec(normalised);
  const text = cut ? `${normalised.slice(0, cut.index)} ${cut[0]} ` : normalised;
  return new Set(CONCEPTS.filter(([, re]) => re.test(text)).map(([c]) => c));
}

/** The care leavers' age groups a wording names: "17 to 18", "19-21", "aged 19, 20 and 21". */
export function agesOf(normalised: string): { young: boolean; older: boolean } {
  return {
    young: /\b(17|18)\b/.test(normalised),
    older: /\b(19|20|21)\b/.test(normalised),
  };
}
