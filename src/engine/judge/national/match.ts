/**
 * Which of the Department's measures an indicator is, from its wording and its unit. A measure matches
 * when the wording names every concept the measure needs and nothing the measure does not count (a
 * visit, a timescale, a start, a placement type...). A match is applied without asking only when it is
 * the only one, its unit is the measure's unit, and nothing in the wording puts it in doubt; otherwise
 * it is a suggestion for the analyst to confirm, or nothing.
 */
import type { Unit } from "../../read/values";
import { measureById, NationalMeasure } from "./measures";
import { agesOf, Concept, conceptsOf, normaliseWording } from "./wording";

interface Rule {
  /** Any one of these sets of concepts, all of it, makes the measure a candidate. */
  needs: Concept[][];
  /** Concepts the wording may also name without changing the measure. */
  allows?: Concept[];
  /** Concepts that leave it a candidate but in doubt, with the reason the pane shows. */
  doubts?: Partial<Record<Concept, string>>;
}

const NARROWER = "its wording leaves some children out, and the Department's figure counts them all";
const OPEN_PLANS = "the Department counts plans open at 31 March, not plans that ended";
const ANY_TIME = "the Department counts a second plan at any time, not within a set number of years";
const DUE = "the Department counts checks in the year, not checks on time";

const WORKFORCE: Rule["allows"] = ["workforce"];
const CHILDREN_LOOKED_AFTER: Rule["allows"] = ["looked-after"];

const RULES: Record<string, Rule> = {
  referrals: { needs: [["referral"]] },
  "re-referrals": { needs: [["re-referral"]], allows: ["referral", "repeat", "started"] },
  "children-in-need": { needs: [["in-need"]] },
  "child-protection": { needs: [["child-protection"]] },
  "repeat-child-protection": {
    needs: [["child-protection", "repeat"]],
    allows: ["started"],
    doubts: { "within-years": ANY_TIME, ended: ANY_TIME },
  },
  "child-protection-two-years": { needs: [["child-protection", "two-years"]], doubts: { ended: OPEN_PLANS } },
  "looked-after": { needs: [["looked-after"]] },
  "three-placements": {
    needs: [
      ["placements", "three-or-more"],
      ["placements", "stability"],
    ],
    allows: CHILDREN_LOOKED_AFTER,
  },
  "long-term-stability": {
    needs: [["same-placement"], ["placements", "stability"]],
    allows: ["looked-after", "placements", "stability", "two-years", "care-setting"],
  },
  "care-leavers-eet-17-18": { needs: [["care-leaver", "eet"]] },
  "care-leavers-eet-19-21": { needs: [["care-leaver", "eet"]] },
  "care-leavers-neet-17-18": { needs: [["care-leaver", "neet"]] },
  "care-leavers-neet-19-21": { needs: [["care-leaver", "neet"]] },
  "care-leavers-accommodation-17-18": { needs: [["care-leaver", "suitable-accommodation"]] },
  "care-leavers-accommodation-19-21": { needs: [["care-leaver", "suitable-accommodation"]] },
  "health-assessments": {
    needs: [["health-assessment"]],
    allows: CHILDREN_LOOKED_AFTER,
    doubts: { timeliness: DUE, initial: "the Department counts annual health assessments, not initial ones" },
  },
  "dental-checks": {
    needs: [["dental"]],
    allows: ["looked-after", "health-assessment"],
    doubts: { timeliness: DUE },
  },
  "social-worker-turnover": { needs: [["turnover"]], allows: WORKFORCE },
  "agency-workers": { needs: [["agency"]], allows: WORKFORCE },
  vacancies: { needs: [["vacancy"]], allows: WORKFORCE },
  caseloads: { needs: [["caseload"]], allows: WORKFORCE },
};

/** Concepts that only say how the wording is put together, never what it measures. */
const NEUTRAL: Concept[] = ["excluding"];

export interface Suggestion {
  /** Measure ids, the likeliest first; empty where no measure of the Department's is this indicator. */
  candidates: string[];
  /** True where the one candidate may be used without the analyst confirming it. */
  applies: boolean;
  /** Why, in a sentence the pane shows. */
  why: string;
}

function fits(rule: Rule, concepts: Set<Concept>): boolean {
  const needed = rule.needs.find((set) => set.every((c) => concepts.has(c)));
  if (!needed) return false;
  const ok = new Set<Concept>([
    ...needed,
    ...(rule.allows ?? []),
    ...NEUTRAL,
    ...Object.keys(rule.doubts ?? {}),
  ] as Concept[]);
  return [...concepts].every((c) => ok.has(c));
}

/** The care leavers' measures of the age group the wording names, or both where it names none or both. */
function byAge(ids: string[], normalised: string): string[] {
  const { young, older } = agesOf(normalised);
  if (young === older)
    return [...ids.filter((id) => id.endsWith("19-21")), ...ids.filter((id) => !id.endsWith("19-21"))];
  return ids.filter((id) => !/-(17-18|19-21)$/.test(id) || id.endsWith(young ? "17-18" : "19-21"));
}

export type UnitFit = "same" | "count" | "other";

/** "same": the measure's own unit; "count": the scorecard counts what the Department gives as a rate or share. */
export function unitFit(m: NationalMeasure, unit: Unit, per?: number): UnitFit {
  if (m.unit === unit) return unit !== "rate" || per === undefined || per === 10000 ? "same" : "other";
  return unit === "number" ? "count" : "other";
}

function doubtsOf(id: string, concepts: Set<Concept>): string[] {
  const doubts = Object.entries(RULES[id].doubts ?? {})
    .filter(([c]) => concepts.has(c as Concept))
    .map(([, why]) => why as string);
  if (concepts.has("excluding")) doubts.push(NARROWER);
  return [...new Set(doubts)];
}

export function suggestMeasure(title: string, unit: Unit, per?: number): Suggestion {
  const normalised = normaliseWording(title);
  const concepts = conceptsOf(normalised);
  const named = Object.keys(RULES).filter((id) => fits(RULES[id], concepts));
  const candidates = byAge(named, normalised).filter((id) => {
    const m = measureById(id);
    return m !== undefined && unitFit(m, unit, per) !== "other";
  });
  if (!candidates.length)
    return {
      candidates,
      applies: false,
      why: named.length ? unitMismatch(named, unit) : "No measure of the Department's is this indicator.",
    };
  return explain(candidates, unit, per, doubtsOf(candidates[0], concepts));
}

function unitMismatch(ids: string[], unit: Unit): string {
  const m = measureById(ids[0]);
  return `Its wording reads as ${m?.name ?? ids[0]}, but it is a ${unit} and the Department's figure is a ${m?.unit ?? "different unit"}.`;
}

function explain(candidates: string[], unit: Unit, per: number | undefined, doubts: string[]): Suggestion {
  const ms = candidates.map((id) => measureById(id)).filter((m): m is NationalMeasure => m !== undefined);
  const first = ms[0];
  if (ms.length > 1)
    return {
      candidates,
      applies: false,
      why: `It could be any of: ${ms.map((m) => m.name).join("; ")}. Choose one.`,
    };
  if (doubts.length)
    return { candidates, applies: false, why: `Reads as ${first.name}, but ${doubts.join("; ")}.` };
  if (unitFit(first, unit, per) === "count")
    return {
      candidates,
      applies: false,
      why: `Reads as ${first.name}; the scorecard gives a count and the Department a ${first.unit === "rate" ? "rate per 10,000 children" : "percentage"}, so confirm it.`,
    };
  return { candidates, applies: true, why: `Reads as ${first.name}, in the same unit.` };
}
