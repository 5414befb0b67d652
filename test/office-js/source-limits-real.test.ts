/**
 * A source past Scorecard's limits through Microsoft's real Office.js: the refusal comes from the one
 * small request that asks for the used range's size; no values are asked for.
 */
import { validateSettings } from "../../src/engine/config";
import { readyOfficeHost } from "../../src/hosts/office/office-host";
import { fillSheet } from "../fake-excel/fake-excel";
import { fixtureFromXlsx, modelFrom } from "../fake-excel/from-xlsx";
import { MONTHLY } from "../helpers";
import { openPage, workbookRequests } from "./real-excel";

const settings = { ...validateSettings(undefined).settings, sourceSheet: "Scorecard" };

test("a refresh of a source with a value at row 200,001 is refused in one request that loads no values", async () => {
  const model = modelFrom(await fixtureFromXlsx(MONTHLY));
  const sheet = model.sheet("Scorecard");
  if (!sheet) throw new Error("no source");
  fillSheet(sheet, [{ r: 200_000, c: 2, value: "stray note" }]);
  const page = await openPage(model);
  try {
    const host = await readyOfficeHost();
    const from = page.exchanges.length;
    await expect(host.refresh(settings)).rejects.toThrow(
      "Sheet 'Scorecard' has 200,001 rows; Scorecard reads a scorecard of at most 200,000 (see Limits in the README).",
    );
    const sent = workbookRequests(page, from);
    expect(sent).toHaveLength(1);
    const body = JSON.stringify(sent[0].body);
    expect(body).toContain("GetUsedRangeOrNullObject");
    expect(body).not.toMatch(/"values"|"text"|valueTypes|"Add"/);
    expect(model.sheets.map((s) => s.name)).toEqual(["Scorecard", "Notes"]);
  } finally {
    page.close();
  }
});
