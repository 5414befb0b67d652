/**
 * Where each measure of src/engine/judge/national/measures.ts is in the Department's files: the file, the
 * breakdown rows that hold it, and its column. Column meanings were checked against the files: every
 * *_percent is a share of its own breakdown's total (placement stability of its cla_group's "Total
 * children", care leavers of their age group's "Total", health of "Total all ages"), and each workforce
 * rate recomputes from its counts (turnover = leavers / in post; agency = agency / (agency + in post);
 * vacancy = vacancies / (vacancies + in post); caseload = cases / case-holding FTE).
 */

export interface Spec {
  file: string;
  /** Breakdown columns and the value each row must have. */
  where?: Record<string, string>;
  column: string;
  /**
   * The file has the count but not the rate: divide by the Department's population of children under 18
   * (the population_estimate of cla_number_and_rate_per_10k_children.csv, ONS mid-year estimates of the
   * year before, as the Department's dashboard computes the children in need rate) and give it per 10,000.
   */
  perTenThousand?: boolean;
}

export const FILES = {
  cin: "b1_children_in_need_2013_to_2025.csv",
  referrals: "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv",
  repeatPlans: "d3_cpps_subsequent_plan_2013_to_2025.csv",
  planDuration: "d5_cpps_at31march_by_duration_2013_to_2025.csv",
  looked: "cla_number_and_rate_per_10k_children.csv",
  stability: "la_cla_placement_stability.csv",
  activity: "la_care_leavers_activity.csv",
  accommodation: "la_care_leavers_accommodation_suitability.csv",
  health: "la_conviction_health_outcome_cla.csv",
  workforce: "csww_indicators_2017_to_2025.csv",
  neighbours: "sn_model_2025_wide.csv",
} as const;

/** The rows of the looked-after file that carry the population of children, for every area and year. */
export const POPULATION: Spec = {
  file: FILES.looked,
  where: { population_type: "Children looked after on 31 March each year" },
  column: "population_estimate",
};

const careLeavers = (file: string, age: string, breakdown: string): Spec => ({
  file,
  where: { care_leaver_age: age, breakdown },
  column: "care_leaver_percent",
});
const EET = "Total in education, employment or training";
const NEET = "Total not in education, employment or training";
const SUITABLE = "Accommodation considered suitable";
const HEALTH = "Health assessments: Children looked after all ages";

export const SPECS: Record<string, Spec> = {
  referrals: { file: FILES.referrals, column: "referral_count", perTenThousand: true },
  "re-referrals": { file: FILES.referrals, column: "rereferral_percent" },
  "children-in-need": { file: FILES.cin, column: "At31_episodes", perTenThousand: true },
  "child-protection": { file: FILES.planDuration, column: "CPP_At31", perTenThousand: true },
  "repeat-child-protection": { file: FILES.repeatPlans, column: "CPP_subsequent_percent" },
  "child-protection-two-years": { file: FILES.planDuration, column: "2_years_or_more_percent" },
  "looked-after": { ...POPULATION, column: "rate_per_10000" },
  "three-placements": {
    file: FILES.stability,
    where: { cla_group: "CLA on 31 March", placement_stability: "With 3 or more placements during the year" },
    column: "children_percent",
  },
  "long-term-stability": {
    file: FILES.stability,
    where: {
      cla_group: "Children looked after continuously for at least 2.5 years on 31 March aged under 16 years",
      placement_stability: "Living with the same carer for at least 2 years",
    },
    column: "children_percent",
  },
  "care-leavers-eet-17-18": careLeavers(FILES.activity, "17 to 18 years", EET),
  "care-leavers-eet-19-21": careLeavers(FILES.activity, "19 to 21 years", EET),
  "care-leavers-neet-17-18": careLeavers(FILES.activity, "17 to 18 years", NEET),
  "care-leavers-neet-19-21": careLeavers(FILES.activity, "19 to 21 years", NEET),
  "care-leavers-accommodation-17-18": careLeavers(FILES.accommodation, "17 to 18 years", SUITABLE),
  "care-leavers-accommodation-19-21": careLeavers(FILES.accommodation, "19 to 21 years", SUITABLE),
  "health-assessments": {
    file: FILES.health,
    where: { characteristic: HEALTH, breakdown: "Had their annual health assessment" },
    column: "children_percent",
  },
  "dental-checks": {
    file: FILES.health,
    where: { characteristic: HEALTH, breakdown: "Had their teeth checked by a dentist" },
    column: "children_percent",
  },
  "social-worker-turnover": { file: FILES.workforce, column: "turnover_rate_fte" },
  "agency-workers": { file: FILES.workforce, column: "agency_rate_fte" },
  vacancies: { file: FILES.workforce, column: "vacancy_rate_fte" },
  caseloads: { file: FILES.workforce, column: "caseload_fte" },
};

/** The Department's releases, as a source line names them. */
export const RELEASES = {
  cin: "Children in need",
  cla: "Children looked after in England including adoptions",
  csww: "Children's social work workforce",
} as const;
