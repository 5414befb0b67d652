/**
 * The Office host through Microsoft's real Office.js (office.js and excel-web-16.00.js in jsdom), with a
 * simulated workbook at the transport: real proxies, real load-before-read, real serialisation. The
 * strict fake's unit tests judge behaviour; these judge call shapes and sizes as Excel receives them.
 */
import { validateSettings } from "../../src/engine/config";
import { COMMENTARY_COLUMNS } from "../../src/engine/paper/committee";
import { officeHost, readyOfficeHost } from "../../src/hosts/office/office-host";
import { REVIEWS_NAMESPACE } from "../../src/hosts/office/review-store";
import { SETTINGS_KEY } from "../../src/hosts/office/settings-store";
import { sheetValues } from "../fake-excel/fake-excel";
import { namespaceOf } from "../fake-excel/fake-xml-parts";
import { fixtureFromXlsx, modelFrom } from "../fake-excel/from-xlsx";
import { MONTHLY } from "../helpers";
import { committeeSheet, typeNotes } from "./committee-notes";
import { keptReferences, openPage, renamesOfAddedSheets, workbookRequests } from "./real-excel";

const settings = { ...validateSettings(undefined).settings, sourceSheet: "Scorecard" };
const COMMENTARY = COMMENTARY_COLUMNS.commentary;

test("detection reads the source alone, values only, in 2 requests", async () => {
  const page = await openPage(modelFrom(await fixtureFromXlsx(MONTHLY)));
  try {
    const d = await officeHost().detect(settings);
    expect(d.analysis?.indicators).toHaveLength(19);
    const sent = workbookRequests(page);
    const used = sent
      .flatMap((e) => Object.values(e.body.ObjectPaths))
      .filter((p) => p.Name === "GetUsedRangeOrNullObject");
    expect(used.map((p) => p.ArgumentInfo?.Arguments)).toEqual([[true]]);
    // The workbook's review marks are read once when the host is made (1 request: there are none).
    expect(sent).toHaveLength(3);
  } finally {
    page.close();
  }
});

test("a refresh, and a refresh over an existing committee sheet: 3 requests, no rename of an added sheet, notes kept", async () => {
  const model = modelFrom(await fixtureFromXlsx(MONTHLY));
  const page = await openPage(model);
  try {
    const host = await readyOfficeHost();
    const from = page.exchanges.length;
    const first = await host.refresh(settings);
    expect(first.syncs).toBe(3);
    expect(workbookRequests(page, from)).toHaveLength(3);
    expect(model.sheets[model.active].name).toBe("Committee");
    typeNotes(model, (i) => `Recovery plan agreed, note ${i}.`);
    const again = page.exchanges.length;
    const second = await host.refresh(settings);
    expect(second.syncs).toBe(3);
    const sent = workbookRequests(page, again);
    // Three requests and no clean-up request after Excel.run: no range is left tracked.
    expect(sent).toHaveLength(3);
    for (const e of sent) {
      expect(e.error).toBeUndefined();
      expect(renamesOfAddedSheets(e.body)).toEqual([]);
      expect(keptReferences(e.body)).toBe(0);
    }
    expect(model.sheets.map((s) => s.name)).toEqual(["Scorecard", "Notes", "Committee"]);
    expect(model.sheets[model.active].name).toBe("Committee");
    const notes = sheetValues(committeeSheet(model)).filter(
      (r) => typeof r[COMMENTARY] === "string" && /note \d+\./.test(String(r[COMMENTARY])),
    );
    expect(notes).toHaveLength(19);
  } finally {
    page.close();
  }
});

test("review marks live in a custom XML part; marks in the settings move there on first load", async () => {
  const legacy = {
    ...settings,
    reviews: { "1.1": [{ about: "band", note: "Checked with the team.", value: 0.944, at: "2018-11-01" }] },
  };
  const model = modelFrom(await fixtureFromXlsx(MONTHLY));
  const page = await openPage(model, {
    settings: { [SETTINGS_KEY]: JSON.stringify(JSON.stringify(legacy)) },
  });
  try {
    const host = await readyOfficeHost();
    expect(host.loadSettings().settings.reviews["1.1"]?.[0].note).toBe("Checked with the team.");
    expect(model.xmlParts.map((p) => namespaceOf(p.xml))).toEqual([REVIEWS_NAMESPACE]);
    expect(model.xmlParts[0].xml).toContain("Checked with the team.");
    const saved = JSON.parse(JSON.parse(page.settings[SETTINGS_KEY])) as typeof legacy;
    expect(saved.reviews).toEqual({});
    expect(saved.sourceSheet).toBe("Scorecard");
  } finally {
    page.close();
  }
});
