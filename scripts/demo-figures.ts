/**
 * The demo sample's figures, taken from the Department for Education's published CSVs: one local
 * authority's series for each measure, its latest numerator and denominator, England's latest figure,
 * and the average of its ten statistical neighbours (the Department's 2025 model) as the target.
 * Suppressed or missing figures stay as the Department writes them ("c", "x", "z", "low", ":").
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** The authority shown: a county with every measure published in every year, none suppressed. */
export const DEMO_LA = "Derbyshire";

export interface DemoIndicator {
  section: string;
  ref: string;
  title: string;
  /** "Low", "High", or "" where the measure is for information. */
  goodIs: string;
  unit: "percent" | "number";
  decimals: number;
  /** By year label ("2012/13"): the published figure, a suppression mark, or null where not collected. */
  series: Record<string, number | string | null>;
  num: number | null;
  denom: number | null;
  target: number | null;
  england: number | null;
}

export interface DemoFigures {
  la: string;
  years: string[];
  indicators: DemoIndicator[];
  notes: string[];
}

type Row = Record<string, string>;

/** RFC 4180 CSV: quoted fields may hold commas ("Bristol, City of") and doubled quotes. */
export function parseCsv(text: string): Row[] {
  const rows: string[][] = [];
  let field = "";
  let row: string[] = [];
  let quoted = false;
  const src = text.replace(/^\uFEFF/, "");
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted && ch === '"' && src[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted || (ch !== "," && ch !== "\n" && ch !== "\r")) field += ch;
    else if (ch === ",") endField();
    else {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      endField();
      rows.push(row);
      row = [];
    }
  }
  if (field || row.length) {
    endField();
    rows.push(row);
  }
  const [head, ...body] = rows;
  return body
    .filter((r) => r.length > 1)
    .map((r) => Object.fromEntries(head.map((h, n) => [h.trim(), r[n] ?? ""])));
}

interface Measure {
  section: string;
  ref: string;
  title: string;
  goodIs: string;
  file: string;
  pick?: (r: Row) => boolean;
  value: string;
  /** The numerator's column, and where the denominator is on another row, that row. */
  num?: string;
  denom?: string;
  denomRow?: (r: Row) => boolean;
  unit: "percent" | "number";
  decimals: number;
  /** A count of one authority's children is no match for England's: no benchmark beside it. */
  count?: boolean;
}

const C1 = "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv";
const D5 = "d5_cpps_at31march_by_duration_2013_to_2025.csv";
const WORKFORCE = "csww_indicators_2017_to_2025.csv";
const LEAVERS = (b: string) => (r: Row) =>
  r.care_leaver_age === "19 to 21 years" && r.breakdown.startsWith(b);

const MEASURES: Measure[] = [
  {
    section: "Front door",
    ref: "1.1",
    title: "Referrals to children's social care in the year",
    goodIs: "",
    file: C1,
    value: "referral_count",
    unit: "number",
    decimals: 0,
    count: true,
  },
  {
    section: "Front door",
    ref: "1.2",
    title: "% of referrals that were re-referrals within 12 months",
    goodIs: "Low",
    file: C1,
    value: "rereferral_percent",
    num: "rereferral_count",
    denom: "referral_count",
    unit: "percent",
    decimals: 1,
  },
  {
    section: "Front door",
    ref: "1.3",
    title: "% of referrals that led to no further action",
    goodIs: "Low",
    file: C1,
    value: "no_further_action_percent",
    num: "no_further_action_count",
    denom: "referral_count",
    unit: "percent",
    decimals: 1,
  },
  {
    section: "Children in need",
    ref: "2.1",
    title: "Number of children in need at 31 March",
    goodIs: "",
    file: "b1_children_in_need_2013_to_2025.csv",
    value: "At31_episodes",
    unit: "number",
    decimals: 0,
    count: true,
  },
  {
    section: "Child protection",
    ref: "3.1",
    title: "Number of children on a child protection plan at 31 March",
    goodIs: "",
    file: D5,
    value: "CPP_At31",
    unit: "number",
    decimals: 0,
    count: true,
  },
  {
    section: "Child protection",
    ref: "3.2",
    title: "% of child protection plans starting in the year that were a second or later plan",
    goodIs: "Low",
    file: "d3_cpps_subsequent_plan_2013_to_2025.csv",
    value: "CPP_subsequent_percent",
    num: "CPP_subsequent",
    denom: "CPP_start",
    unit: "percent",
    decimals: 1,
  },
  {
    section: "Child protection",
    ref: "3.3",
    title: "% of child protection plans at 31 March lasting 2 years or more",
    goodIs: "Low",
    file: D5,
    value: "2_years_or_more_percent",
    num: "2_years_or_more",
    denom: "CPP_At31",
    unit: "percent",
    decimals: 1,
  },
  {
    section: "Children looked after",
    ref: "4.1",
    title: "Children looked after at 31 March per 10,000 children",
    goodIs: "",
    file: "cla_number_and_rate_per_10k_children.csv",
    pick: (r) => r.population_type === "Children looked after on 31 March each year",
    value: "rate_per_10000",
    unit: "number",
    decimals: 0,
  },
  {
    section: "Children looked after",
    ref: "4.2",
    title: "% of children looked after with 3 or more placements in the year",
    goodIs: "Low",
    file: "la_cla_placement_stability.csv",
    pick: (r) => r.cla_group === "CLA on 31 March" && r.placement_stability.startsWith("With 3 or more"),
    value: "children_percent",
    num: "children_count",
    denomRow: (r) => r.cla_group === "CLA on 31 March" && r.placement_stability === "Total children",
    denom: "children_count",
    unit: "percent",
    decimals: 0,
  },
  {
    section: "Care leavers",
    ref: "5.1",
    title: "% of care leavers aged 19 to 21 in education, employment or training",
    goodIs: "High",
    file: "la_care_leavers_activity.csv",
    pick: LEAVERS("Total in education"),
    value: "care_leaver_percent",
    num: "care_leaver_count",
    denomRow: (r) => r.care_leaver_age === "19 to 21 years" && r.breakdown === "Total",
    denom: "care_leaver_count",
    unit: "percent",
    decimals: 0,
  },
  {
    section: "Care leavers",
    ref: "5.2",
    title: "% of care leavers aged 19 to 21 in suitable accommodation",
    goodIs: "High",
    file: "la_care_leavers_accommodation_suitability.csv",
    pick: LEAVERS("Accommodation considered suitable"),
    value: "care_leaver_percent",
    num: "care_leaver_count",
    denomRow: LEAVERS("Suitability total"),
    denom: "care_leaver_count",
    unit: "percent",
    decimals: 0,
  },
  {
    section: "Workforce",
    ref: "6.1",
    title: "Children's social worker turnover rate (FTE)",
    goodIs: "Low",
    file: WORKFORCE,
    value: "turnover_rate_fte",
    unit: "percent",
    decimals: 1,
  },
  {
    section: "Workforce",
    ref: "6.2",
    title: "Agency children's social workers (% of FTE)",
    goodIs: "Low",
    file: WORKFORCE,
    value: "agency_rate_fte",
    unit: "percent",
    decimals: 1,
  },
  {
    section: "Workforce",
    ref: "6.3",
    title: "Average caseload of children's social workers (FTE)",
    goodIs: "Low",
    file: WORKFORCE,
    value: "caseload_fte",
    unit: "number",
    decimals: 1,
  },
];

const yearLabel = (p: string) => `${Number(p) - 1}/${p.slice(2)}`;
const num = (s: string | undefined): number | null =>
  s !== undefined && s.trim() !== "" && Number.isFinite(Number(s)) ? Number(s) : null;

function figure(s: string | undefined): number | string | null {
  if (s === undefined || s.trim() === "") return null;
  return num(s) ?? s.trim();
}

function round(x: number, decimals: number): number {
  return Math.round(x * 10 ** decimals) / 10 ** decimals;
}

function measureFigures(
  m: Measure,
  rows: Row[],
  la: string,
  neighbours: Set<string>,
  years: string[],
): DemoIndicator {
  const picked = rows.filter((r) => !m.pick || m.pick(r));
  const latest = years[years.length - 1];
  const at = (area: (r: Row) => boolean, year: string, from = picked) =>
    from.find((r) => r.time_period === year && area(r));
  const ofLa = (r: Row) => r.geographic_level === "Local authority" && r.la_name === la;
  const series: DemoIndicator["series"] = {};
  for (const y of years) series[yearLabel(y)] = figure(at(ofLa, y)?.[m.value]);
  const last = at(ofLa, latest);
  const denomRow = m.denomRow ? at(ofLa, latest, rows.filter(m.denomRow)) : last;
  const sn = picked
    .filter(
      (r) =>
        r.time_period === latest && r.geographic_level === "Local authority" && neighbours.has(r.old_la_code),
    )
    .map((r) => num(r[m.value]))
    .filter((v): v is number => v !== null);
  const englandRow = at((r) => r.geographic_level === "National", latest);
  return {
    section: m.section,
    ref: m.ref,
    title: m.title,
    goodIs: m.goodIs,
    unit: m.unit,
    decimals: m.decimals,
    series,
    num: m.num ? num(last?.[m.num]) : null,
    denom: m.denom ? num(denomRow?.[m.denom]) : null,
    target: m.goodIs && sn.length ? round(sn.reduce((a, b) => a + b, 0) / sn.length, m.decimals) : null,
    england: m.count ? null : num(englandRow?.[m.value]),
  };
}

function neighboursOf(dir: string, la: string): Set<string> {
  const model = parseCsv(readFileSync(join(dir, "sn_model_2025_wide.csv"), "utf8"));
  const me = model.find((r) => r.la_name === la);
  if (!me) throw new Error(`${la} is not in the statistical neighbour model`);
  return new Set(Array.from({ length: 10 }, (_, n) => me[`SN_${n + 1}`]).filter(Boolean));
}

export function extractFigures(dir: string, la = DEMO_LA): DemoFigures {
  const years = Array.from({ length: 13 }, (_, n) => String(2013 + n));
  const neighbours = neighboursOf(dir, la);
  const cache = new Map<string, Row[]>();
  const rowsOf = (file: string) => {
    const rows = cache.get(file) ?? parseCsv(readFileSync(join(dir, file), "utf8"));
    cache.set(file, rows);
    return rows;
  };
  return {
    la,
    years: years.map(yearLabel),
    indicators: MEASURES.map((m) => measureFigures(m, rowsOf(m.file), la, neighbours, years)),
    notes: [
      `Figures: Department for Education, Children in need, Children looked after in England and Children's social work workforce statistics, for ${la}, years ending 31 March 2013 to 2025.`,
      "Contains public sector information licensed under the Open Government Licence v3.0.",
      "Taken from dfe-analytical-services/CSC_outcomes_and_enablers, data-raw/, commit 2f5d11a431050523dab58810083259d3313029ae.",
      "Targets: the average of the ten statistical neighbours in the Department's 2025 model, latest year. England: the national figure, latest year.",
      "Blank years: the measure was not collected then (workforce from 2016/17, care leavers, placements and the looked-after rate from 2020/21).",
    ],
  };
}
