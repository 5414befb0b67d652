/**
 * The national comparison against the Department's own files, recomputed here from the CSVs in
 * data/dfe-csc with ExcelJS's CSV reader and this file's own reading of each measure (never
 * scripts/build-national.ts or src/engine/judge/national): every figure of the dataset, suppressed figures
 * left null, and for five authorities of different kinds and regions every measure's England, region,
 * neighbours' median, own figure and rank in each of the three years.
 */
import { compareNational } from "../../src/engine/judge/national/compare";
import { MEASURES } from "../../src/engine/judge/national/measures";
import { DFE_CSC } from "../../src/national/dfe-csc";
import { Row, rows } from "./dfe-files";

/** How the Department's tables say each measure, read afresh from the files' own labels. */
interface Reading {
  file: string;
  pick: Row;
  column: string;
  /** A count, given per 10,000 children with the looked-after file's population. */
  count?: boolean;
  better: "higher" | "lower" | "none";
}
const CL = (age: string, breakdown: string, file = "la_care_leavers_activity.csv") => ({
  file,
  pick: { care_leaver_age: `${age} years`, breakdown },
  column: "care_leaver_percent",
});
const HEALTH = (breakdown: string) => ({
  file: "la_conviction_health_outcome_cla.csv",
  pick: { characteristic: "Health assessments: Children looked after all ages", breakdown },
  column: "children_percent",
});
const WORKFORCE = (column: string) => ({ file: "csww_indicators_2017_to_2025.csv", pick: {}, column });
const C1 = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv";
const D5 = "d5_cpps_at31march_by_duration_2013_to_2025.csv";
const STABILITY = "la_cla_placement_stability.csv";
const ACCOMMODATION = "la_care_leavers_accommodation_suitability.csv";
const LOOKED = {
  file: "cla_number_and_rate_per_10k_children.csv",
  pick: { population_type: "Children looked after on 31 March each year" },
};

const READINGS: Record<string, Reading> = {
  referrals: { file: C1, pick: {}, column: "referral_count", count: true, better: "none" },
  "re-referrals": { file: C1, pick: {}, column: "rereferral_percent", better: "lower" },
  "children-in-need": {
    file: "b1_children_in_need_2013_to_2025.csv",
    pick: {},
    column: "At31_episodes",
    count: true,
    better: "none",
  },
  "child-protection": { file: D5, pick: {}, column: "CPP_At31", count: true, better: "none" },
  "repeat-child-protection": {
    file: "d3_cpps_subsequent_plan_2013_to_2025.csv",
    pick: {},
    column: "CPP_subsequent_percent",
    better: "lower",
  },
  "child-protection-two-years": { file: D5, pick: {}, column: "2_years_or_more_percent", better: "lower" },
  "looked-after": { ...LOOKED, column: "rate_per_10000", better: "none" },
  "three-placements": {
    file: STABILITY,
    pick: { cla_group: "CLA on 31 March", placement_stability: "With 3 or more placements during the year" },
    column: "children_percent",
    better: "lower",
  },
  "long-term-stability": {
    file: STABILITY,
    pick: { placement_stability: "Living with the same carer for at least 2 years" },
    column: "children_percent",
    better: "higher",
  },
  "care-leavers-eet-17-18": {
    ...CL("17 to 18", "Total in education, employment or training"),
    better: "higher",
  },
  "care-leavers-eet-19-21": {
    ...CL("19 to 21", "Total in education, employment or training"),
    better: "higher",
  },
  "care-leavers-neet-17-18": {
    ...CL("17 to 18", "Total not in education, employment or training"),
    better: "lower",
  },
  "care-leavers-neet-19-21": {
    ...CL("19 to 21", "Total not in education, employment or training"),
    better: "lower",
  },
  "care-leavers-accommodation-17-18": {
    ...CL("17 to 18", "Accommodation considered suitable", ACCOMMODATION),
    better: "higher",
  },
  "care-leavers-accommodation-19-21": {
    ...CL("19 to 21", "Accommodation considered suitable", ACCOMMODATION),
    better: "higher",
  },
  "health-assessments": { ...HEALTH("Had their annual health assessment"), better: "higher" },
  "dental-checks": { ...HEALTH("Had their teeth checked by a dentist"), better: "higher" },
  "social-worker-turnover": { ...WORKFORCE("turnover_rate_fte"), better: "lower" },
  "agency-workers": { ...WORKFORCE("agency_rate_fte"), better: "lower" },
  vacancies: { ...WORKFORCE("vacancy_rate_fte"), better: "lower" },
  caseloads: { ...WORKFORCE("caseload_fte"), better: "lower" },
};

const number = (t: string | undefined) => (t !== undefined && /^\d+(\.\d+)?$/.test(t) ? Number(t) : null);
const places = (t: string) => (t.includes(".") ? t.split(".")[1].length : 0);
/** Half away from zero, for the positive figures these are. */
const round = (x: number, d: number) => Math.round(x * 10 ** d + 1e-9) / 10 ** d;

interface Published {
  /** year -> area -> figure ("E", a region's name, or an authority's three-digit code). */
  at(year: number, area: string): number | null;
  decimals: number;
  years: number[];
}

const files = new Map<string, Row[]>();
async function file(name: string): Promise<Row[]> {
  if (!files.has(name)) files.set(name, await rows(name));
  return files.get(name) as Row[];
}

function area(r: Row): string {
  if (r.geographic_level === "National") return "E";
  if (r.geographic_level === "Regional") return r.region_name;
  return r.old_la_code;
}

async function published(id: string): Promise<Published> {
  const x = READINGS[id];
  const picked = (await file(x.file)).filter((r) => Object.entries(x.pick).every(([k, v]) => r[k] === v));
  const pop = new Map(
    (await file(LOOKED.file))
      .filter((r) => r.population_type === LOOKED.pick.population_type)
      .map((r) => [`${r.time_period}|${area(r)}`, number(r.population_estimate)]),
  );
  const text = new Map(picked.map((r) => [`${r.time_period}|${area(r)}`, r[x.column]]));
  const at = (year: number, where: string) => {
    const v = number(text.get(`${year}|${where}`));
    const p = pop.get(`${year}|${where}`);
    if (!x.count) return v;
    return v === null || !p ? null : round((v / p) * 10000, 1);
  };
  const decimals = x.count
    ? 1
    : Math.max(
        ...picked
          .map((r) => r[x.column])
          .filter((t) => number(t) !== null)
          .map(places),
      );
  const years = [...new Set(picked.map((r) => Number(r.time_period)))].sort((a, b) => b - a).slice(0, 3);
  return { at, decimals, years };
}

let model: Row[];
let regionOf: Map<string, string>;
beforeAll(async () => {
  model = await rows("sn_model_2025_wide.csv");
  const looked = await file(LOOKED.file);
  // The Department files London boroughs under Inner or Outer London; the region is London.
  regionOf = new Map(
    looked
      .filter((r) => r.geographic_level === "Local authority")
      .map((r) => [r.old_la_code, /London/.test(r.region_name) ? "London" : r.region_name]),
  );
});

const AUTHORITIES = [
  ["Tower Hamlets", "211"], // inner London borough
  ["Lancashire", "888"], // shire county, North West
  ["Sheffield", "373"], // metropolitan district, Yorkshire and The Humber
  ["Swindon", "866"], // unitary, South West
  ["Rutland", "857"], // the smallest county unitary, East Midlands: figures suppressed
  ["Isles of Scilly", "420"], // the smallest authority: most figures suppressed or not applicable
];

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

const scale = (id: string, v: number | null) =>
  v === null || MEASURES.find((m) => m.id === id)?.unit !== "percent" ? v : v / 100;

function expectClose(got: number | null, want: number | null, what: string): void {
  if (want === null || got === null) expect({ what, got }).toEqual({ what, got: want });
  else expect({ what, diff: Math.abs(got - want) < 1e-9 }).toEqual({ what, diff: true });
}

describe("the dataset against the Department's files", () => {
  test.each(MEASURES.map((m) => m.id))("every figure of %s, suppressed ones null", async (id) => {
    const p = await published(id);
    const years = DFE_CSC.figures[id];
    expect(years.map((y) => y.year)).toEqual(p.years);
    let suppressed = 0;
    for (const y of years) {
      expect(y.england).toBe(p.at(y.year, "E"));
      DFE_CSC.regions.forEach((r, k) =>
        expect([r.name, y.regions[k]]).toEqual([r.name, p.at(y.year, r.name)]),
      );
      DFE_CSC.authorities.forEach((a, k) => {
        const want = p.at(y.year, a.code);
        if (want === null) suppressed++;
        expect([a.name, y.year, y.authorities[k]]).toEqual([a.name, y.year, want]);
      });
    }
    // Every measure has authorities whose figure the Department did not publish in three years.
    expect(suppressed).toBeGreaterThan(0);
  });

  test.each(AUTHORITIES)(
    "%s: every measure against England, region, neighbours and every authority",
    async (name, code) => {
      const sn = model.find((r) => r.old_la_code === code) as Row;
      expect(DFE_CSC.authorities.find((a) => a.code === code)?.name).toBe(name);
      const neighbours = Array.from({ length: 10 }, (_, i) => sn[`SN_${i + 1}`]);
      const all = model.map((r) => r.old_la_code);
      for (const m of MEASURES) {
        const p = await published(m.id);
        for (const year of p.years) {
          const own = p.at(year, code);
          const theirs = neighbours.map((c) => p.at(year, c)).filter((v): v is number => v !== null);
          const mid = median(theirs);
          const ranked = all.map((c) => p.at(year, c)).filter((v): v is number => v !== null);
          const better = READINGS[m.id].better;
          const ahead =
            own === null ? null : ranked.filter((v) => (better === "lower" ? v < own : v > own)).length;
          const c = compareNational(DFE_CSC, m.id, code, year);
          const what = `${name} ${m.id} ${year}`;
          expect(c?.year).toBe(year);
          expectClose(c?.council ?? null, scale(m.id, own), `${what} council`);
          expectClose(c?.england ?? null, scale(m.id, p.at(year, "E")), `${what} England`);
          expectClose(c?.region ?? null, scale(m.id, p.at(year, regionOf.get(code) ?? "")), `${what} region`);
          expectClose(
            c?.neighbours ?? null,
            scale(m.id, mid === null ? null : round(mid, p.decimals)),
            `${what} neighbours`,
          );
          expect([what, c?.neighboursPublished]).toEqual([what, theirs.length]);
          expect([what, c?.rank, c?.of]).toEqual([what, ahead === null ? null : ahead + 1, ranked.length]);
        }
      }
    },
  );
});

test("the comparison's year is the newest, labelled as the Department labels it", () => {
  expect(compareNational(DFE_CSC, "re-referrals", "211")?.period).toBe("2024-25");
  expect(compareNational(DFE_CSC, "social-worker-turnover", "211")?.period).toBe("Sep 2025");
  expect(compareNational(DFE_CSC, "re-referrals", "211", 2023)?.period).toBe("2022-23");
});

test("Tower Hamlets 2024-25, as the files give it", () => {
  const c = compareNational(DFE_CSC, "re-referrals", "211");
  // c1: 1,182 re-referrals of 4,834 referrals, 24.5%; England 22.6%; London 19.4%.
  expect(c).toMatchObject({ council: 0.245, england: 0.226, region: 0.194, regionName: "London", of: 153 });
  expect(c?.versus).toEqual({ england: "worse", region: "worse", neighbours: "worse" });
  // d5: its plans of two years or more are suppressed ("c"): not published, not ranked, not zero.
  const twoYears = compareNational(DFE_CSC, "child-protection-two-years", "211");
  expect([twoYears?.council, twoYears?.rank, twoYears?.versus.england]).toEqual([null, null, null]);
});
