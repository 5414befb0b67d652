/**
 * The Office host's refresh with a council set: the national figures join the paper for the same
 * three round trips, on the strict fake and through Microsoft's real Office.js, every request under
 * the web's size limit; an unknown council's name is a note, not a failure.
 */
import { validateSettings } from "../../src/engine/config";
import { readyOfficeHost } from "../../src/hosts/office/office-host";
import { sheetValues } from "../fake-excel/fake-excel";
import { fixtureFromXlsx, modelFrom } from "../fake-excel/from-xlsx";
import { MONTHLY } from "../helpers";
import { AIM, largest, openPage, workbookRequests } from "../office-js/real-excel";
import { refreshOn } from "../office/run-refresh";

const settings = {
  ...validateSettings({
    council: "Tower Hamlets",
    national: { "6.2": "care-leavers-eet-19-21", "6.30": "care-leavers-accommodation-19-21" },
  }).settings,
  sourceSheet: "Scorecard",
};

/** The committee sheet's cells as text, row by row. */
async function committeeText(model: ReturnType<typeof modelFrom>): Promise<string[]> {
  const c = model.sheet("Committee");
  if (!c) throw new Error("no committee sheet");
  return sheetValues(c)
    .flat()
    .filter((v): v is string => typeof v === "string");
}

test("the strict fake: three syncs with the national figures, the column and the attribution written", async () => {
  const model = modelFrom(await fixtureFromXlsx(MONTHLY));
  const { ctx, outcome } = await refreshOn(model, settings);
  expect(ctx.counters.syncs).toBe(3);
  expect(outcome.syncs).toBe(3);
  const text = await committeeText(model);
  expect(text).toContain("National 2024-25");
  expect(text.filter((t) => t.startsWith("Ours 68%: 10th of 152\nEngland 54%: ours better"))).toHaveLength(1);
  expect(text.filter((t) => t.includes("Open Government Licence v3.0"))).toHaveLength(1);
  expect(outcome.notes).toEqual([]);
});

test("an unknown council is a note; the paper keeps England's figures alone, still attributed", async () => {
  const model = modelFrom(await fixtureFromXlsx(MONTHLY));
  const { outcome } = await refreshOn(model, { ...settings, council: "Tower Hamlet Borough of Nowhere" });
  expect(outcome.notes.join(" ")).toMatch(/Tower Hamlet Borough of Nowhere/);
  const text = await committeeText(model);
  expect(text.filter((t) => /^Ours|\n(London|Neighbours)/.test(t))).toEqual([]);
  // England's figures still stand beside the confirmed indicators: they need no council.
  expect(text).toContain("National 2024-25");
  expect(text).toContain("England 54%");
  expect(text.filter((t) => t.includes("Open Government Licence v3.0"))).toHaveLength(1);
});

test("real Office.js: the refresh with a council is still three requests, each under 4 MB", async () => {
  const model = modelFrom(await fixtureFromXlsx(MONTHLY));
  const page = await openPage(model);
  try {
    const host = await readyOfficeHost();
    const from = page.exchanges.length;
    const outcome = await host.refresh(settings);
    expect(outcome.syncs).toBe(3);
    const sent = workbookRequests(page, from);
    expect(sent).toHaveLength(3);
    for (const e of sent) expect(e.error).toBeUndefined();
    const big = largest(sent);
    expect(Math.max(big.request, big.response)).toBeLessThan(AIM);
    expect(await committeeText(model)).toContain("National 2024-25");
  } finally {
    page.close();
  }
});
