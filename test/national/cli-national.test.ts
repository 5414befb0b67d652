/** `--council` on the command line: the contract's national fields, all documented; an unknown name in one line; build says what matched. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliBundle, removeCliBundle, runCli } from "../cli-bundle";
import { QUARTERLY, ROOT } from "../helpers";

beforeAll(() => {
  cliBundle();
});
afterAll(() => removeCliBundle());

type Json = Record<string, unknown>;

test("analyse --json --council gives each indicator its national figures, every field documented", () => {
  const r = runCli(["analyse", QUARTERLY, "--council", "London Borough of Tower Hamlets", "--json"]);
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout) as Json & { national: Json & { matches: Json[] }; indicators: Json[] };
  expect(out.national.council).toEqual({ name: "Tower Hamlets", code: "211", ons: "E09000030" });
  const csc2 = out.indicators.find((i) => i.key === "CSC2")?.national as Json;
  expect(csc2).toMatchObject({
    measure: "re-referrals",
    period: "2024-25",
    council: 0.245,
    england: 0.226,
    region: 0.194,
    regionName: "London",
    of: 153,
    source: "Department for Education, Children in need 2024-25",
  });
  expect(typeof csc2.neighbours).toBe("number");
  expect(typeof csc2.rank).toBe("number");
  expect(out.indicators.find((i) => i.key === "CSC1")?.national).toBeNull();
  const doc = readFileSync(join(ROOT, "docs", "analyse-json.md"), "utf8");
  const fields = new Set<string>(["national", ...Object.keys(out.national), ...Object.keys(csc2)]);
  for (const m of out.national.matches) for (const k of Object.keys(m)) fields.add(k);
  for (const k of Object.keys(out.national.council as Json)) fields.add(k);
  for (const k of Object.keys(csc2.versus as Json)) fields.add(k);
  expect([...fields].filter((f) => !doc.includes(`\`${f}\``))).toEqual([]);
});

test("an unknown council stops the run with one line naming the near ones", () => {
  const r = runCli(["analyse", QUARTERLY, "--council", "Tower Hamlet", "--json"]);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  expect(r.stderr).toBe(
    'scorecard: No English local authority is called "Tower Hamlet". Did you mean Tower Hamlets?\n',
  );
});

test("the table and build say what was matched", () => {
  const table = runCli(["analyse", QUARTERLY, "--council", "Tower Hamlets"]);
  expect(table.stdout).toContain(
    "National figures (Department for Education) for Tower Hamlets, London and its 10 statistical neighbours: 5 indicators matched, 5 more suggested",
  );
  expect(table.stdout).toMatch(
    /CSC2: Re-referrals within 12 months, 2024-25: Tower Hamlets 24\.5%, worse than England 22\.6%; London 19\.4%; neighbours' median 18\.4%; rank 131 of 153 \[applied automatically\]/,
  );
  // As the paper's summary says it: the most negative gap to England, both figures and the year.
  expect(table.stdout).toContain(
    "Tower Hamlets is furthest behind England on re-referrals within 12 months (CSC2): 24.5% against England's 22.6% in 2024-25.",
  );
  const out = join(mkdtempSync(join(tmpdir(), "sc-national-")), "out.xlsx");
  const build = runCli(["build", QUARTERLY, "--out", out, "--council", "Tower Hamlets"]);
  expect(build.code).toBe(0);
  expect(build.stdout).toContain("National figures (Department for Education) for Tower Hamlets");
});
