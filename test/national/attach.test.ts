/**
 * The national comparison as a step after analysis: the analyst's choices win over the suggestions,
 * nothing else in the analysis changes, an unknown council is said, and the settings keep both choices.
 */
import { analyse } from "../../src/engine/judge/assess";
import { validateSettings } from "../../src/engine/config";
import { attachNational } from "../../src/engine/judge/national/attach";
import { chooseMatch, forgetMatch } from "../../src/engine/judge/national/matches";
import { DFE_CSC } from "../../src/national/dfe-csc";
import { QUARTERLY, seedGrid } from "../helpers";

async function quarterly(settings: unknown) {
  return attachNational(analyse(await seedGrid(QUARTERLY), settings), DFE_CSC);
}

test("applied, confirmed and declined matches, each with Tower Hamlets' figures", async () => {
  const n = await quarterly({ council: "Tower Hamlets", national: { CIC1: "looked-after", CIC6: null } });
  const by = (key: string) => n.indicators.find((i) => i.key === key)?.national ?? null;
  expect(n.national.council?.name).toBe("Tower Hamlets");
  expect(n.national.regionName).toBe("London");
  expect(n.national.neighbours.map((a) => a.name)).toEqual([
    "Hackney",
    "Islington",
    "Newham",
    "Manchester",
    "Camden",
    "Haringey",
    "Westminster",
    "Southwark",
    "Birmingham",
    "Brent",
  ]);
  expect(by("CSC2")).toMatchObject({
    measure: "re-referrals",
    how: "applied",
    period: "2024-25",
    council: 0.245,
  });
  // A count the analyst confirmed as the Department's rate: its figures are the rate's.
  expect(by("CIC1")).toMatchObject({
    measure: "looked-after",
    how: "confirmed",
    council: 45,
    england: 67,
    unit: "rate",
  });
  expect(by("CIC6")).toBeNull();
  expect(n.national.matches.find((m) => m.key === "CIC6")?.how).toBe("declined");
  expect(by("CP3")).toBeNull();
  expect(n.national.matches.find((m) => m.key === "CP3")?.how).toBe("suggested");
  // Dental checks 94% against England's 81%: 16% better than England.
  expect(by("CIC7")?.gap).toBeCloseTo(0.1605, 4);
  expect(by("CSC2")?.gap).toBeCloseTo(-0.0841, 4);
});

test("nothing but `national` is added: the analysis is the same", async () => {
  const plain = analyse(await seedGrid(QUARTERLY), { council: "Tower Hamlets" });
  const n = attachNational(plain, DFE_CSC);
  expect(n.indicators.map(({ national: _n, ...rest }) => rest)).toEqual(plain.indicators);
});

test("without a council only England's figures; an unknown council is said with the near ones", async () => {
  const none = await quarterly({});
  expect(none.indicators.find((i) => i.key === "CSC2")?.national).toMatchObject({
    england: 0.226,
    council: null,
    region: null,
    neighbours: null,
    rank: null,
  });
  const typo = await quarterly({ council: "Tower Hamlet" });
  expect(typo.national.council).toBeNull();
  expect(typo.national.problems).toEqual([
    'No English local authority is called "Tower Hamlet". Did you mean Tower Hamlets?',
  ]);
});

test("settings: council and national are read, checked, and kept by the choices", () => {
  const { settings, problems } = validateSettings({
    council: "  Tower Hamlets ",
    national: { CSC2: "re-referrals", CIC6: null, X: "no-such-measure", Y: 4 },
  });
  expect(settings.council).toBe("Tower Hamlets");
  expect(settings.national).toEqual({ CSC2: "re-referrals", CIC6: null });
  expect(problems).toEqual([
    'national.X: "no-such-measure" is not a national measure; the suggestion is used.',
    "national.Y: 4 is not a national measure; the suggestion is used.",
  ]);
  expect(validateSettings({ council: 12 }).problems).toEqual([
    'council: expected the name of an English local authority, such as "Tower Hamlets", found 12; none is used.',
  ]);
  const chosen = chooseMatch(settings, "CP3", "repeat-child-protection");
  expect(chosen.national).toEqual({ CSC2: "re-referrals", CIC6: null, CP3: "repeat-child-protection" });
  expect(forgetMatch(chosen, "CIC6").national).toEqual({
    CSC2: "re-referrals",
    CP3: "repeat-child-protection",
  });
  // What the pane saves reads back the same.
  expect(validateSettings(JSON.parse(JSON.stringify(chosen))).settings).toEqual(chosen);
});
