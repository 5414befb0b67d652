/**
 * The Department's files in the project are the ones it published, unchanged, and the compact dataset is
 * what `npm run national` makes of them today: a change to either shows here.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { buildNationalDataset, datasetModule, MODULE } from "../../scripts/build-national";
import { MEASURES } from "../../src/engine/judge/national/measures";
import { MEASURE_IDS } from "../../src/engine/judge/national/measure-ids";
import { DFE_CSC } from "../../src/national/dfe-csc";
import { ROOT } from "../helpers";

const DIR = join(ROOT, "data", "dfe-csc");

test("every CSV in data/dfe-csc has the SHA-256 data/README.md records for it", () => {
  const recorded = new Map(
    [
      ...readFileSync(join(ROOT, "data", "README.md"), "utf8").matchAll(
        /\| `([^`]+\.csv)` \| `([0-9a-f]{64})` \|/g,
      ),
    ].map((m) => [m[1], m[2]]),
  );
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith(".csv"))
    .sort();
  expect(files).toEqual([...recorded.keys()].sort());
  for (const f of files)
    expect([
      f,
      createHash("sha256")
        .update(readFileSync(join(DIR, f)))
        .digest("hex"),
    ]).toEqual([f, recorded.get(f)]);
  expect(readFileSync(join(DIR, "PROVENANCE.md"), "utf8")).toMatch(/Open Government Licence v3\.0/);
});

test("src/national/dfe-csc.ts is what npm run national builds from data/dfe-csc", () => {
  expect(readFileSync(MODULE, "utf8")).toBe(datasetModule(buildNationalDataset(DIR)));
});

test("the dataset: three years of every measure, every authority of the 2025 model, the licence", () => {
  expect(MEASURES.map((m) => m.id)).toEqual([...MEASURE_IDS]);
  expect(Object.keys(DFE_CSC.figures)).toEqual([...MEASURE_IDS]);
  expect(DFE_CSC.authorities).toHaveLength(153);
  expect(DFE_CSC.regions.map((r) => r.name)).toEqual([
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
  ]);
  const codes = new Set(DFE_CSC.authorities.map((a) => a.code));
  for (const a of DFE_CSC.authorities) {
    expect(a.neighbours).toHaveLength(10);
    expect(a.neighbours.every((c) => codes.has(c) && c !== a.code)).toBe(true);
  }
  for (const [id, years] of Object.entries(DFE_CSC.figures)) {
    expect([id, years.length]).toEqual([id, 3]);
    for (const y of years) {
      expect(y.authorities).toHaveLength(153);
      expect(y.regions).toHaveLength(9);
      expect(y.source).toMatch(/^Department for Education, /);
      expect(y.source).toContain(String(y.year).slice(2));
    }
  }
  expect(DFE_CSC.licence).toBe("Open Government Licence v3.0");
  expect(DFE_CSC.attribution).toMatch(
    /^Contains public sector information licensed under the Open Government Licence v3\.0/,
  );
});
