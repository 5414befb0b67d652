/**
 * `npm run national`: the Department for Education's files in data/dfe-csc -> src/national/dfe-csc.ts,
 * the compact dataset the pane loads on first use and the command line bundles: the latest three years
 * of each measure for England, the nine regions and every authority of the 2025 statistical neighbour
 * model, with each authority's ten neighbours. Deterministic, so a test can check the module is current.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type {
  MeasureYear,
  NationalArea,
  NationalAuthority,
  NationalDataset,
} from "../src/engine/judge/national/dataset";
import { MEASURES, NationalMeasure } from "../src/engine/judge/national/measures";
import { roundHalfUp } from "../src/engine/judge/national/median";
import { published, readRows, Row } from "./national/csv";
import { FILES, POPULATION, RELEASES, SPECS, Spec } from "./national/specs";

export const DATA_DIR = join(__dirname, "..", "data", "dfe-csc");
export const MODULE = join(__dirname, "..", "src", "national", "dfe-csc.ts");
const YEARS = 3;
const LONDON = "E12000007";

type Level = "National" | "Regional" | "Local authority";

/** The rows of one file, read once however many measures come from it. */
function fileReader(dir: string): (file: string) => Row[] {
  const cache = new Map<string, Row[]>();
  return (file) => {
    let rows = cache.get(file);
    if (!rows) cache.set(file, (rows = readRows(join(dir, file))));
    return rows;
  };
}

/** Area key of a row: "E" for England, the region's code, or the authority's three-digit code. */
function areaKey(r: Row): string | undefined {
  const level = r.geographic_level as Level;
  if (level === "National") return "E";
  if (level === "Regional") return /^E12/.test(r.region_code) ? r.region_code : undefined;
  if (level === "Local authority") return r.old_la_code;
  return undefined;
}

/** year -> area key -> the column's text, for the rows a spec selects. */
function cells(rows: Row[], spec: Spec): Map<number, Map<string, string>> {
  const out = new Map<number, Map<string, string>>();
  for (const r of rows) {
    if (spec.where && Object.entries(spec.where).some(([k, v]) => r[k] !== v)) continue;
    const key = areaKey(r);
    if (key === undefined) continue;
    const year = Number(r.time_period);
    let byArea = out.get(year);
    if (!byArea) out.set(year, (byArea = new Map()));
    byArea.set(key, r[spec.column]);
  }
  return out;
}

/** A year's figures by area: as published, or per 10,000 children from a count and the population. */
function figuresOf(
  spec: Spec,
  year: number,
  texts: Map<string, string>,
  population: Map<number, Map<string, string>>,
): (key: string) => number | null {
  if (!spec.perTenThousand) return (key) => published(texts.get(key));
  const pop = population.get(year);
  return (key) => {
    const n = published(texts.get(key));
    const p = published(pop?.get(key));
    return n === null || !p ? null : roundHalfUp((n / p) * 10000, 1);
  };
}

function periodLabel(m: NationalMeasure, year: number): string {
  return m.release === "csww" ? `Sep ${year}` : `${year - 1}-${String(year).slice(2)}`;
}

function measureYears(
  m: NationalMeasure,
  read: (file: string) => Row[],
  regions: NationalArea[],
  authorities: NationalAuthority[],
): MeasureYear[] {
  const spec = SPECS[m.id];
  const byYear = cells(read(spec.file), spec);
  const population = cells(read(POPULATION.file), POPULATION);
  const years = [...byYear.keys()].sort((a, b) => b - a).slice(0, YEARS);
  return years.map((year) => {
    const value = figuresOf(spec, year, byYear.get(year) ?? new Map(), population);
    const period = periodLabel(m, year);
    return {
      year,
      period,
      source: `Department for Education, ${RELEASES[m.release]} ${m.release === "csww" ? year : period}`,
      england: value("E"),
      regions: regions.map((r) => value(r.code)),
      authorities: authorities.map((a) => value(a.code)),
    };
  });
}

/** The nine regions of England, named as the files name them. */
function regionsOf(rows: Row[]): NationalArea[] {
  const seen = new Map<string, string>();
  for (const r of rows)
    if (r.geographic_level === "Regional" && /^E12/.test(r.region_code))
      seen.set(r.region_code, r.region_name);
  return [...seen].sort(([a], [b]) => a.localeCompare(b)).map(([code, name]) => ({ code, name }));
}

/**
 * Every authority of the 2025 neighbour model, named and placed as the looked-after file of the newest
 * year has it; Inner and Outer London (E13) are sub-regions of London.
 */
function authoritiesOf(model: Row[], looked: Row[]): NationalAuthority[] {
  const newest = Math.max(...looked.map((r) => Number(r.time_period)));
  const la = new Map<string, Row>();
  for (const r of looked)
    if (r.geographic_level === "Local authority" && Number(r.time_period) === newest)
      la.set(r.old_la_code, r);
  return model.map((s) => {
    const r = la.get(s.old_la_code);
    if (!r)
      throw new Error(
        `${FILES.neighbours}: authority ${s.old_la_code} ${s.la_name} has no row in ${FILES.looked}`,
      );
    return {
      code: s.old_la_code,
      ons: r.new_la_code,
      name: r.la_name,
      region: /^E13/.test(r.region_code) ? LONDON : r.region_code,
      neighbours: Array.from({ length: 10 }, (_, i) => s[`SN_${i + 1}`]),
    };
  });
}

export function buildNationalDataset(dir = DATA_DIR): NationalDataset {
  const read = fileReader(dir);
  const regions = regionsOf(read(FILES.looked));
  const authorities = authoritiesOf(read(FILES.neighbours), read(FILES.looked));
  const figures: Record<string, MeasureYear[]> = {};
  for (const m of MEASURES) figures[m.id] = measureYears(m, read, regions, authorities);
  return {
    licence: "Open Government Licence v3.0",
    attribution:
      "Contains public sector information licensed under the Open Government Licence v3.0 (Department for Education statistics: Children in need; Children looked after in England including adoptions; Children's social work workforce).",
    neighbourModel: "Department for Education statistical neighbour model, 2025",
    regions,
    authorities,
    figures,
  };
}

/** The module's text: a line per authority and per measure-year, so a new year reads as a small diff. */
export function datasetModule(ds: NationalDataset): string {
  const j = (v: unknown) => JSON.stringify(v);
  const lines = [
    "// Generated by scripts/build-national.ts from data/dfe-csc (Department for Education, Open Government",
    "// Licence v3.0; see data/dfe-csc/PROVENANCE.md). Do not edit: run `npm run national`.",
    'import type { NationalDataset } from "../engine/judge/national/dataset";',
    "",
    "export const DFE_CSC: NationalDataset = {",
    `licence: ${j(ds.licence)},`,
    `attribution: ${j(ds.attribution)},`,
    `neighbourModel: ${j(ds.neighbourModel)},`,
    `regions: ${j(ds.regions)},`,
    "authorities: [",
    ...ds.authorities.map((a) => `${j(a)},`),
    "],",
    "figures: {",
    ...Object.entries(ds.figures).flatMap(([id, years]) => [
      `${j(id)}: [`,
      ...years.map((y) => `${j(y)},`),
      "],",
    ]),
    "},",
    "};",
    "",
  ];
  return lines.join("\n");
}

if (require.main === module) {
  const ds = buildNationalDataset();
  const text = datasetModule(ds);
  writeFileSync(MODULE, text);
  process.stdout.write(
    `Wrote ${MODULE}: ${Object.keys(ds.figures).length} measures, ${ds.authorities.length} authorities, ${ds.regions.length} regions, ${(text.length / 1024).toFixed(0)} KB.\n`,
  );
}
