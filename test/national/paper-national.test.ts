/**
 * The Department's figures in the committee paper (issue 20). The Tower Hamlets seed (the 000 paper)
 * is built through the file host with the council and its two care leavers' indicators confirmed, and
 * every national figure the paper prints is checked against values computed here from the CSVs in
 * data/dfe-csc. The scorecard's own benchmarks still show, unchanged; without a council nothing
 * national is loaded or printed.
 */
import { analyse } from "../../src/engine/judge/assess";
import { validateSettings } from "../../src/engine/config";
import { attachNational } from "../../src/engine/judge/national/attach";
import { buildCommitteePlan } from "../../src/engine/paper/committee";
import type { SheetPlan } from "../../src/engine/paper/plan";
import { columnPoints, PAGE_WIDTH_PT } from "../../src/engine/paper/page";
import { buildWorkbookFile } from "../../src/hosts/file/build-file";
import { DFE_CSC } from "../../src/national/dfe-csc";
import * as loader from "../../src/national/load-dataset";
import { gridOf, MONTHLY, pct } from "../helpers";
import { NOW } from "../office/run-refresh";
import { Row, rows } from "./dfe-files";

const TOWER_HAMLETS = "211";

/** One care leavers' measure of 2024-25, straight from the Department's file. */
interface Expected {
  own: number;
  england: number;
  london: number;
  neighbours: number;
  rank: number;
  of: number;
}

async function careLeavers(file: string, breakdown: string): Promise<Expected> {
  const picked = (await rows(file)).filter(
    (r) => r.time_period === "2025" && r.care_leaver_age === "19 to 21 years" && r.breakdown === breakdown,
  );
  const value = (p: (r: Row) => boolean): number | null => {
    const t = picked.find(p)?.care_leaver_percent;
    return t !== undefined && /^\d+$/.test(t) ? Number(t) : null;
  };
  const la = (code: string) =>
    value((r) => r.geographic_level === "Local authority" && r.old_la_code === code);
  const model = (await rows("sn_model_2025_wide.csv")).find((r) => r.old_la_code === TOWER_HAMLETS) as Row;
  const theirs = Array.from({ length: 10 }, (_, i) => la(model[`SN_${i + 1}`]))
    .filter((v): v is number => v !== null)
    .sort((a, b) => a - b);
  const k = theirs.length >> 1;
  const mid = theirs.length % 2 ? theirs[k] : (theirs[k - 1] + theirs[k]) / 2;
  const all = picked
    .filter((r) => r.geographic_level === "Local authority" && /^\d+$/.test(r.care_leaver_percent))
    .map((r) => Number(r.care_leaver_percent));
  const own = la(TOWER_HAMLETS) as number;
  return {
    own,
    england: value((r) => r.geographic_level === "National") as number,
    london: value((r) => r.geographic_level === "Regional" && r.region_name === "London") as number,
    // Published to whole percentages; the median of an even count is rounded half up, as the dashboard does.
    neighbours: Math.floor(mid + 0.5),
    rank: all.filter((v) => v > own).length + 1,
    of: all.length,
  };
}

const nth = (n: number) =>
  `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th")}`;
const side = (own: number, other: number) => (own === other ? "the same" : own > other ? "better" : "worse");

/** Every printed cell of the plan's table under a header, by the row's Ref. */
function column(plan: SheetPlan, header: string): Map<string, string | null> {
  const h = plan.commentary.headerRow;
  const c = plan.values[h].indexOf(header);
  expect([header, c >= 0 && !plan.hiddenColumns.includes(c)]).toEqual([header, true]);
  const out = new Map<string, string | null>();
  for (let r = h + 1; r < plan.values.length; r++) {
    const ref = plan.values[r][0];
    if (typeof ref === "string" && ref) out.set(ref, plan.values[r][c] as string | null);
  }
  return out;
}

const printedText = (plan: SheetPlan) =>
  plan.values
    .slice(0, plan.print.printArea.bottom + 1)
    .flat()
    .filter((v): v is string => typeof v === "string");

const fitsA4 = (plan: SheetPlan) =>
  plan.columnWidths
    .filter((_, i) => !plan.hiddenColumns.includes(i))
    .reduce((s, w) => s + columnPoints(w), 0) <= PAGE_WIDTH_PT;

describe("the Tower Hamlets seed paper with --council", () => {
  const settings = validateSettings({
    council: "Tower Hamlets",
    national: { "6.2": "care-leavers-eet-19-21", "6.30": "care-leavers-accommodation-19-21" },
  }).settings;

  test("its care leavers' rows carry the Department's 2024-25 figures, as the files give them", async () => {
    const { committee } = await buildWorkbookFile(MONTHLY, settings, undefined, NOW);
    const plan = committee.plan;
    const cells = column(plan, "National 2024-25");
    const eet = await careLeavers(
      "la_care_leavers_activity.csv",
      "Total in education, employment or training",
    );
    const home = await careLeavers(
      "la_care_leavers_accommodation_suitability.csv",
      "Accommodation considered suitable",
    );
    for (const [ref, x] of [
      ["6.2", eet],
      ["6.30", home],
    ] as const) {
      expect([ref, cells.get(ref)]).toEqual([
        ref,
        [
          `Ours ${x.own}%: ${nth(x.rank)} of ${x.of}`,
          `England ${x.england}%: ours ${side(x.own, x.england)}`,
          `London ${x.london}%: ${side(x.own, x.london)}`,
          `Neighbours ${x.neighbours}%: ${side(x.own, x.neighbours)}`,
        ].join("\n"),
      ]);
    }
    // Indicators without a national measure have no national figures.
    expect([...cells].filter(([, v]) => v !== null).map(([ref]) => ref)).toEqual(["6.2", "6.30"]);
    // The summary names the furthest behind England in the worse direction, with both figures and the year.
    const worse = [
      { ref: "6.2", name: "care leavers aged 19 to 21 in education, employment or training", x: eet },
      { ref: "6.30", name: "care leavers aged 19 to 21 in suitable accommodation", x: home },
    ]
      .filter((w) => w.x.own < w.x.england)
      .sort((a, b) => (a.x.own - a.x.england) / a.x.england - (b.x.own - b.x.england) / b.x.england)[0];
    expect(worse).toBeDefined();
    const text = printedText(plan);
    expect(text).toContain(
      `Tower Hamlets is furthest behind England on ${worse.name} (${worse.ref}): ${worse.x.own}% against England's ${worse.x.england}% in 2024-25.`,
    );
    // The attribution prints once, with the source, the year and the licence.
    const attributed = text.filter((t) => t.includes("Open Government Licence v3.0"));
    expect(attributed).toHaveLength(1);
    expect(attributed[0]).toContain(
      "Department for Education, Children looked after in England including adoptions 2024-25",
    );
    expect(fitsA4(plan)).toBe(true);
  });
});

describe("the national column beside the rest", () => {
  const rowsOf = (benchmark: boolean) =>
    gridOf(
      [
        ["Tower Hamlets children's social care scorecard"],
        ["Ref", "Measure", "Current", "Target", ...(benchmark ? ["Statistical neighbours"] : [])],
        [
          "R1",
          "Re-referrals within 12 months (lower is better)",
          pct(0.21),
          pct(0.2),
          ...(benchmark ? [pct(0.23)] : []),
        ],
        ["R2", "Second or subsequent plans", pct(0.2), pct(0.18), ...(benchmark ? [pct(0.21)] : [])],
      ],
      "Scorecard",
    );
  const paper = (benchmark: boolean, council?: string) => {
    const settings = validateSettings(council ? { council } : {}).settings;
    const analysis = attachNational(analyse(rowsOf(benchmark), settings), DFE_CSC, settings);
    return buildCommitteePlan({ analysis, name: "Committee", generatedAt: NOW }).plan;
  };
  test("without a council only England's figure shows, with no verdict (ours is not published)", () => {
    const plan = paper(false);
    expect(column(plan, "National 2024-25").get("R1")).toBe("England 22.6%");
    expect(printedText(plan).some((t) => t.startsWith("Ours ") || t.includes("furthest behind"))).toBe(false);
  });

  test("the scorecard's own benchmark still shows beside the national figures, never overwritten", () => {
    const plan = paper(true, "Tower Hamlets");
    // The scorecard's neighbours' figure against the council's current one, as the sheet gives it.
    expect(column(plan, "Statistical neighbours").get("R1")).toBe("23.0%\nours better");
    expect(column(plan, "National 2024-25").get("R1")).toMatch(
      /^Ours 24\.5%: .*\nEngland 22\.6%: ours worse\n/,
    );
    expect(fitsA4(plan)).toBe(true);
  });

  test("a wide scorecard's page still fits A4 landscape with the national column", async () => {
    const settings = validateSettings({
      council: "Tower Hamlets",
      national: { "6.2": "care-leavers-eet-19-21" },
    }).settings;
    const { committee } = await buildWorkbookFile(MONTHLY, settings, undefined, NOW);
    expect(committee.plan.values[committee.plan.commentary.headerRow]).toContain("National 2024-25");
    expect(fitsA4(committee.plan)).toBe(true);
  });

  test("without a council, nothing national is loaded or printed", async () => {
    const load = jest.spyOn(loader, "loadNationalKit");
    try {
      const { committee } = await buildWorkbookFile(MONTHLY, validateSettings({}).settings, undefined, NOW);
      expect(load).not.toHaveBeenCalled();
      const text = printedText(committee.plan);
      expect(text.filter((t) => /Open Government Licence|National 20|England 20/.test(t))).toEqual([]);
    } finally {
      load.mockRestore();
    }
  });
});
