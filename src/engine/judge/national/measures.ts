/**
 * The Department for Education's published measures the paper can set beside a council's own: what each
 * counts, its unit, and which way is better as the Department and councils read it. Figures live in the
 * dataset (src/national), never here.
 */
import { MEASURE_IDS, MeasureId } from "./measure-ids";

export type MeasureUnit = "percent" | "rate" | "number";
/** "none": neither higher nor lower is better (rates of demand: a low rate is not a good rate). */
export type MeasurePolarity = "higher" | "lower" | "none";
/** The Department's statistical release a measure comes from. */
export type Release = "cin" | "cla" | "csww";

export interface NationalMeasure {
  id: MeasureId;
  /** As a committee reads it: "Re-referrals within 12 months". */
  name: string;
  unit: MeasureUnit;
  polarity: MeasurePolarity;
  /** The decimals the Department publishes it with; the neighbours' median is rounded to the same. */
  decimals: number;
  release: Release;
  /** What the Department counts, in a sentence: the pane shows it when the analyst chooses a match. */
  definition: string;
}

type Definition = Omit<NationalMeasure, "id">;

const rate = (name: string, decimals: number, release: Release, definition: string): Definition => ({
  name,
  unit: "rate",
  polarity: "none",
  decimals,
  release,
  definition,
});
const share = (
  name: string,
  polarity: MeasurePolarity,
  decimals: number,
  release: Release,
  definition: string,
): Definition => ({ name, unit: "percent", polarity, decimals, release, definition });

const careLeavers = (what: string, age: string, polarity: MeasurePolarity): Definition =>
  share(
    `Care leavers aged ${age} ${what}`,
    polarity,
    0,
    "cla",
    `Care leavers aged ${age} ${what}, as a percentage of all care leavers of that age (those the council is not in touch with included).`,
  );
const EET = "in education, employment or training";
const NEET = "not in education, employment or training";
const SUITABLE = "in suitable accommodation";
const UNDER_18 = "per 10,000 children under 18";
const WORKERS = "children and family social workers (FTE)";

const DEFINITIONS: Record<MeasureId, Definition> = {
  referrals: rate(
    "Referrals per 10,000 children",
    1,
    "cin",
    `Referrals in the year ending 31 March, ${UNDER_18}.`,
  ),
  "re-referrals": share(
    "Re-referrals within 12 months",
    "lower",
    1,
    "cin",
    "Referrals in the year that came within 12 months of a previous referral, as a percentage of all referrals.",
  ),
  "children-in-need": rate(
    "Children in need per 10,000 children",
    1,
    "cin",
    `Children in need at 31 March (child protection plans and children looked after included), ${UNDER_18}.`,
  ),
  "child-protection": rate(
    "Child protection plans per 10,000 children",
    1,
    "cin",
    `Children on a child protection plan at 31 March, ${UNDER_18}.`,
  ),
  "repeat-child-protection": share(
    "Second or subsequent child protection plans",
    "lower",
    1,
    "cin",
    "Child protection plans starting in the year that were a second or subsequent plan for the child (at any time), as a percentage of plans starting.",
  ),
  "child-protection-two-years": share(
    "Child protection plans lasting two years or more",
    "lower",
    1,
    "cin",
    "Child protection plans open at 31 March that had lasted two years or more, as a percentage of plans open at 31 March.",
  ),
  "looked-after": rate(
    "Children looked after per 10,000 children",
    0,
    "cla",
    `Children looked after at 31 March (unaccompanied asylum-seeking children included), ${UNDER_18}.`,
  ),
  "three-placements": share(
    "Children looked after with three or more placements in the year",
    "lower",
    0,
    "cla",
    "Children looked after at 31 March who had three or more placements during the year, as a percentage of all looked after at 31 March.",
  ),
  "long-term-stability": share(
    "Long-term placement stability",
    "higher",
    0,
    "cla",
    "Children under 16 looked after for at least 2.5 years who had lived with the same carer for at least 2 years, as a percentage of those children.",
  ),
  "care-leavers-eet-17-18": careLeavers(EET, "17 to 18", "higher"),
  "care-leavers-eet-19-21": careLeavers(EET, "19 to 21", "higher"),
  "care-leavers-neet-17-18": careLeavers(NEET, "17 to 18", "lower"),
  "care-leavers-neet-19-21": careLeavers(NEET, "19 to 21", "lower"),
  "care-leavers-accommodation-17-18": careLeavers(SUITABLE, "17 to 18", "higher"),
  "care-leavers-accommodation-19-21": careLeavers(SUITABLE, "19 to 21", "higher"),
  "health-assessments": share(
    "Looked-after children's annual health assessments",
    "higher",
    0,
    "cla",
    "Children looked after for at least 12 months at 31 March who had their annual health assessment, as a percentage of those children.",
  ),
  "dental-checks": share(
    "Looked-after children's dental checks",
    "higher",
    0,
    "cla",
    "Children looked after for at least 12 months at 31 March who had their teeth checked by a dentist, as a percentage of those children.",
  ),
  "social-worker-turnover": share(
    "Social worker turnover",
    "lower",
    1,
    "csww",
    `Children and family social workers (FTE) who left in the year to 30 September, as a percentage of those in post at 30 September.`,
  ),
  "agency-workers": share(
    "Agency social workers",
    "lower",
    1,
    "csww",
    `Agency ${WORKERS} at 30 September, as a percentage of agency and employed social workers.`,
  ),
  vacancies: share(
    "Social worker vacancies",
    "lower",
    1,
    "csww",
    `Vacant posts for ${WORKERS} at 30 September, as a percentage of vacancies and social workers in post.`,
  ),
  caseloads: {
    name: "Average social worker caseload",
    unit: "number",
    polarity: "lower",
    decimals: 1,
    release: "csww",
    definition: "Cases held at 30 September divided by the number of case-holding social workers (FTE).",
  },
};

export const MEASURES: readonly NationalMeasure[] = Object.freeze(
  MEASURE_IDS.map((id) => ({ id, ...DEFINITIONS[id] })),
);

const BY_ID = new Map<string, NationalMeasure>(MEASURES.map((x) => [x.id, x]));

export function measureById(id: string): NationalMeasure | undefined {
  return BY_ID.get(id);
}
