/**
 * The matcher's suggestion for every indicator of every seed and corpus workbook, as a person who knows
 * the Department's measures would give it: a measure id where it is applied without asking (one
 * candidate, the same unit, nothing in doubt), a list where it is only suggested (to confirm: a count
 * beside a rate, an age group not named, a wording that narrows the measure), null where none is the
 * indicator. Then wordings from other councils' published papers that no fixture holds.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { suggestMeasure } from "../../src/engine/judge/national/match";
import type { Unit } from "../../src/engine/read/values";
import { ROOT, seedAnalysis } from "../helpers";

type Expected = string | string[] | null;

const EXPECTED: Record<string, [string, Expected][]> = {
  "seeds/annual-scorecard.xlsx": [
    ["1.1", ["referrals"]],
    ["1.2", "re-referrals"],
    ["1.3", null],
    ["2.1", ["children-in-need"]],
    ["3.1", ["child-protection"]],
    ["3.2", "repeat-child-protection"],
    ["3.3", "child-protection-two-years"],
    // "per 10,000 children" is in the title only, and the title's wording now makes the value a rate
    // per 10,000 (issue 22), the unit of the Department's measure: applied without asking.
    ["4.1", "looked-after"],
    ["4.2", "three-placements"],
    ["5.1", "care-leavers-eet-19-21"],
    ["5.2", "care-leavers-accommodation-19-21"],
    ["6.1", "social-worker-turnover"],
    ["6.2", "agency-workers"],
    ["6.3", "caseloads"],
  ],
  "seeds/monthly-scorecard.xlsx": [
    ["1.1", null],
    ["1.2", ["children-in-need"]],
    ["1.3", ["child-protection"]],
    ["1.4", ["looked-after"]],
    ["2.1", null],
    ["2.10", null],
    ["3.1", null],
    ["3.3a", null],
    ["4.6", null],
    ["5.1", null],
    ["5.11", null],
    ["5.12", null],
    ["3.2", null],
    ["4.7", null],
    ["5.18", null],
    ["6.1", null],
    ["6.2", ["care-leavers-eet-19-21", "care-leavers-eet-17-18"]],
    ["6.30", ["care-leavers-accommodation-19-21", "care-leavers-accommodation-17-18"]],
    ["11.13", null],
  ],
  "seeds/quarterly-kpis.xlsx": [
    ["CSC1", null],
    ["CSC2", "re-referrals"],
    ["CSC3", null],
    ["CP1", null],
    ["CP2", null],
    ["CP3", ["repeat-child-protection"]],
    ["CP4", ["child-protection-two-years"]],
    ["CP5", null],
    ["CIC1", ["looked-after"]],
    ["CIC2", null],
    ["CIC3", "three-placements"],
    ["CIC4", "long-term-stability"],
    ["CIC5", null],
    ["CIC6", "health-assessments"],
    ["CIC7", "dental-checks"],
    ["CL1", ["care-leavers-neet-19-21", "care-leavers-neet-17-18"]],
    ["CL2", ["care-leavers-accommodation-19-21", "care-leavers-accommodation-17-18"]],
  ],
  "seeds/yearly-pi-table.xlsx": [
    ["LSP-HW2b(i) a", ["looked-after"]],
    ["LSP-HW2b(i) b", ["looked-after"]],
    ["NI 59", null],
    ["NI 60", null],
    ["CYPP P9-3", null],
    ["NI 61", null],
    ["NI 64", "child-protection-two-years"],
    ["NI 65", "repeat-child-protection"],
    ["NI 67", null],
    ["NI 68", null],
    ["NI 71", null],
  ],
  "corpus/benchmarks-and-arrows.xlsx": [
    [
      "care leavers in suitable accommodation",
      ["care-leavers-accommodation-19-21", "care-leavers-accommodation-17-18"],
    ],
    [
      "care leavers not in education, employment or training",
      ["care-leavers-neet-19-21", "care-leavers-neet-17-18"],
    ],
    ["children looked after who went missing during the year", null],
  ],
  "corpus/comment-rows-nat-ave.xlsx": [
    ["CLA 7", "dental-checks"],
    ["CLA 9", null],
  ],
  "corpus/excel-table-unit-aim-total.xlsx": [
    ["assessments completed within 45 working days", null],
    ["initial child protection conferences held within 15 working days of the strategy meeting", null],
    ["children with a child protection plan with an allocated social worker", null],
    [
      "care leavers not in employment, education or training",
      ["care-leavers-neet-19-21", "care-leavers-neet-17-18"],
    ],
    ["children in care statutory visits completed within timescale", null],
    ["number of children in care", ["looked-after"]],
  ],
  "corpus/line-breaks-wingdings.xlsx": [
    ["6.1", null],
    ["6.30", ["care-leavers-accommodation-19-21", "care-leavers-accommodation-17-18"]],
    ["5.11", null],
  ],
  "corpus/monthly-min-upper-dates.xlsx": [
    ["1.1", null],
    ["1.4", ["looked-after"]],
    ["5.1", null],
    ["6.2", ["care-leavers-eet-19-21", "care-leavers-eet-17-18"]],
    ["11.13", null],
  ],
  "corpus/newest-first-dates-rate-unit.xlsx": [
    ["CP1", ["looked-after"]],
    ["CP2", "looked-after"],
  ],
  "corpus/notes-above-updated-stamp.xlsx": [
    ["3.1", null],
    ["3.3a", null],
    ["5.18", null],
  ],
  "corpus/outturn-beside-text-months.xlsx": [
    ["2.1", null],
    ["2.10", null],
    ["4.7", null],
  ],
  "corpus/qtr-text-target-status-words.xlsx": [["rate of children in need", "children-in-need"]],
  "corpus/quarters-under-merged-year.xlsx": [
    ["NI 59", null],
    ["NI 60", null],
  ],
  "corpus/text-targets.xlsx": [
    ["5.1", null],
    ["CSC 03", null],
    ["11.13", null],
  ],
  "corpus/uppercase-abbreviated-rag-letters.xlsx": [
    ["CSC 01", null],
    ["CSC 02", null],
    ["CSC 03", null],
    ["CSC 04", null],
    ["CSC 05", null],
  ],
  "corpus/welsh-bilingual-merged-year.xlsx": [
    ["SCC/011b", null],
    ["SCC/041a", null],
    ["LAC", ["looked-after"]],
    ["CPR", ["child-protection"]],
  ],
  "corpus/welsh-year-groups-wales-benchmark.xlsx": [
    ["% of homeless presentations decided within 33 working days (local)", null],
    [
      "the average number of working days between homeless presentation and discharge of duty for households found to be statutorily homeless (local)",
      null,
    ],
    [
      "the average number of calendar days taken to deliver a disabled facilities grant (dfg) (statutory)",
      null,
    ],
  ],
  "corpus/year-then-quarter.xlsx": [
    ["scc/011b – initial assessments where the child is seen alone", null],
    ["scc/016 – child in need reviews", null],
    ["scc/025 – lac statutory visits", null],
    ["scc/041a – reviews of pathway plans", null],
  ],
  "corpus/yearly-pi-table.xlsx": [
    ["NI 59", null],
    ["NI 61", null],
    ["NI 64", "child-protection-two-years"],
    ["NI 71", null],
  ],
};

function shown(title: string, unit: Unit, per?: number): Expected {
  const s = suggestMeasure(title, unit, per);
  if (!s.candidates.length) return null;
  return s.applies ? s.candidates[0] : s.candidates;
}

const workbooks = [
  ...readdirSync(join(ROOT, "seeds"))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => `seeds/${f}`),
  ...readdirSync(join(ROOT, "test", "fixtures", "corpus"))
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => `corpus/${f}`),
];

test("every seed and corpus workbook is listed", () => {
  expect(workbooks.sort()).toEqual(Object.keys(EXPECTED).sort());
});

test.each(workbooks)("%s: each indicator's suggested measure", async (name) => {
  const path = name.startsWith("seeds/") ? join(ROOT, name) : join(ROOT, "test", "fixtures", name);
  const a = await seedAnalysis(path);
  expect(a.indicators.map((i): [string, Expected] => [i.key, shown(i.title, i.unit, i.per)])).toEqual(
    EXPECTED[name],
  );
});

/** Wordings from councils' published performance reports (Darlington, Lancashire, Herefordshire, Blackpool). */
const ELSEWHERE: [string, Unit, number | undefined, Expected][] = [
  [
    "Children re-referred to children's social care within 12 months of a previous referral",
    "percent",
    undefined,
    "re-referrals",
  ],
  [
    "Re-referral rate (new referral within 12 months of the previous one)",
    "percent",
    undefined,
    "re-referrals",
  ],
  ["Rate of cases referred to children's social care", "rate", 10000, "referrals"],
  ["Referrals resulting in an assessment of the child not being in need", "percent", undefined, null],
  [
    "Percentage of referrals of children leading to the provision of a social care service",
    "percent",
    undefined,
    null,
  ],
  [
    "Children who ceased to be subject to a CP plan who had been subject to it for two or more years",
    "percent",
    undefined,
    ["child-protection-two-years"],
  ],
  [
    "Looked after children aged under 16 (looked after for at least 2.5 years) in their current placement continuously for at least two years",
    "percent",
    undefined,
    "long-term-stability",
  ],
  [
    "Looked after children due a review health check who received it within the required timescale",
    "percent",
    undefined,
    ["health-assessments"],
  ],
  [
    "Looked after children due a review dental check who received it within timescale",
    "percent",
    undefined,
    ["dental-checks"],
  ],
  [
    "Care Leavers not in employment, education or training (NEET)",
    "percent",
    undefined,
    ["care-leavers-neet-19-21", "care-leavers-neet-17-18"],
  ],
  [
    "Care leavers aged 19-21 in education, employment or training",
    "percent",
    undefined,
    "care-leavers-eet-19-21",
  ],
  [
    "Care leavers aged 17 to 18 in suitable accommodation",
    "percent",
    undefined,
    "care-leavers-accommodation-17-18",
  ],
  ["Rate of children with a child protection plan in place", "rate", 10000, "child-protection"],
  ["Number of children subject to a child protection plan", "number", undefined, ["child-protection"]],
  ["LAC rate per 10,000 children aged under 18", "rate", 10000, "looked-after"],
  ["Children looked after rate per 1,000", "rate", 1000, null],
  ["Children looked after with immunisations up to date", "percent", undefined, null],
  [
    "Initial health assessments completed within 20 working days",
    "percent",
    undefined,
    ["health-assessments"],
  ],
  ["Social worker turnover rate (FTE)", "percent", undefined, "social-worker-turnover"],
  ["Agency worker rate", "percent", undefined, "agency-workers"],
  ["Number of multi-agency strategy meetings held", "number", undefined, null],
  ["Vacancy rate, children's social workers", "percent", undefined, "vacancies"],
  ["Average caseload per social worker", "number", undefined, "caseloads"],
  ["Children in care placed more than 20 miles from home", "percent", undefined, null],
  [
    "Initial child protection conferences held within 15 working days of the strategy discussion",
    "percent",
    undefined,
    null,
  ],
];

test.each(ELSEWHERE)("%s (%s)", (title, unit, per, expected) => {
  expect(shown(title, unit, per)).toEqual(expected);
});

test("the reason for a suggestion says why it is not applied", () => {
  expect(suggestMeasure("Number of LAC", "number").why).toBe(
    "Reads as Children looked after per 10,000 children; the scorecard gives a count and the Department a rate per 10,000 children, so confirm it.",
  );
  expect(suggestMeasure("% care leavers EET", "percent").why).toMatch(
    /^It could be any of: Care leavers aged 19 to 21/,
  );
  expect(suggestMeasure("% of CP plans ceasing that had lasted two years or more", "percent").why).toBe(
    "Reads as Child protection plans lasting two years or more, but the Department counts plans open at 31 March, not plans that ended.",
  );
  expect(suggestMeasure("Rate of children in need", "percent").why).toBe(
    "Its wording reads as Children in need per 10,000 children, but it is a percent and the Department's figure is a rate.",
  );
});
