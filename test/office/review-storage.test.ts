/**
 * Review marks and notes live in the workbook (a custom XML part), never limited by the 32 KB settings
 * bag; settings keep small configuration and are checked against 32 KB before saving. The strict fake
 * enforces both as Excel does: 9057 over 32 KB, and custom XML parts as strict as the API reference.
 */
import type { ReviewMark } from "../../src/engine/config";
import { validateSettings } from "../../src/engine/config";
import { officeHost, readyOfficeHost } from "../../src/hosts/office/office-host";
import { mergeReviews, REVIEWS_NAMESPACE, reviewsXml } from "../../src/hosts/office/review-store";
import { saveSettings, SETTINGS_KEY } from "../../src/hosts/office/settings-store";
import { FakeContext, FakeSettingsBag, FakeWorkbookModel } from "../fake-excel/fake-excel";
import { namespaceOf } from "../fake-excel/fake-xml-parts";
import { fixtureFromXlsx, modelFrom } from "../fake-excel/from-xlsx";
import { installFakeOffice } from "../fake-excel/install";
import { MONTHLY } from "../helpers";

const defaults = validateSettings(undefined).settings;
const paragraph = (i: number) =>
  `Flag ${i} checked with the team manager: the figure is right, the dip follows a change in recording and recovers next month. `.repeat(
    4,
  );

function forty(): Record<string, ReviewMark[]> {
  const reviews: Record<string, ReviewMark[]> = {};
  for (let i = 0; i < 40; i++)
    reviews[`k${i}`] = [
      { about: "band", note: paragraph(i).slice(0, 480), value: i, at: `2018-11-${10 + (i % 20)}` },
    ];
  return reviews;
}

describe("the settings bag (strict fake)", () => {
  test("refuses to save more than 32 KB with error 9057, as Office.Settings documents", () => {
    const bag = new FakeSettingsBag();
    bag.set("big", "x".repeat(33 * 1024));
    let result: { status: string; error?: { code?: number } } | undefined;
    bag.saveAsync((r) => (result = r));
    expect(result?.status).toBe("failed");
    expect(result?.error?.code).toBe(9057);
    expect(bag.get("big")).toBeNull();
  });

  test("settings over 32 KB are refused before saving, with a clear message, and what was saved stays", async () => {
    const bag = new FakeSettingsBag();
    await saveSettings(bag, { ...defaults, sourceSheet: "Scorecard" });
    const saves = bag.saves;
    // Eighty flags with a full note each: more than the bag holds.
    const reviews = {
      ...forty(),
      ...Object.fromEntries(Object.entries(forty()).map(([k, v]) => [`m${k}`, v])),
    };
    const huge = { ...defaults, sourceSheet: "Scorecard", reviews };
    await expect(saveSettings(bag, huge)).rejects.toThrow(
      /come to \d+ KB and Excel keeps at most 32 KB of settings for an add-in.*nothing you changed is lost/,
    );
    expect(bag.saves).toBe(saves);
    expect(JSON.parse(String(bag.get(SETTINGS_KEY))).sourceSheet).toBe("Scorecard");
  });
});

describe("review marks in the workbook", () => {
  async function install(bag = new FakeSettingsBag()) {
    const model: FakeWorkbookModel = modelFrom(await fixtureFromXlsx(MONTHLY));
    const fake = installFakeOffice(model, bag);
    return { model, fake, host: await readyOfficeHost() };
  }

  test("forty flags with a paragraph each are kept in a custom XML part; the settings stay small", async () => {
    const { model, fake, host } = await install();
    const next = { ...host.loadSettings().settings, sourceSheet: "Scorecard", reviews: forty() };
    await host.saveSettings(next);
    expect(model.xmlParts.map((p) => namespaceOf(p.xml))).toEqual([REVIEWS_NAMESPACE]);
    const stored = String(fake.settings.get(SETTINGS_KEY));
    expect(stored.length).toBeLessThan(2048);
    expect(JSON.parse(stored).reviews).toEqual({});
    // A fresh host (the workbook reopened) reads them back from the part.
    installFakeOffice(model, fake.settings);
    const again = (await readyOfficeHost()).loadSettings().settings.reviews;
    expect(Object.keys(again)).toHaveLength(40);
    expect(again.k7[0].note).toBe(paragraph(7).slice(0, 480));
  });

  test("marks an older version kept in the settings move into the part on first load, and are not lost", async () => {
    const bag = new FakeSettingsBag();
    const legacy = { ...defaults, sourceSheet: "Scorecard", reviews: { "1.1": forty().k1 } };
    bag.set(SETTINGS_KEY, JSON.stringify(legacy));
    bag.saveAsync();
    const { model, host } = await install(bag);
    expect(host.loadSettings().settings.reviews["1.1"][0].note).toBe(paragraph(1).slice(0, 480));
    expect(model.xmlParts).toHaveLength(1);
    expect(JSON.parse(String(bag.get(SETTINGS_KEY))).reviews).toEqual({});
    expect(JSON.parse(String(bag.get(SETTINGS_KEY))).sourceSheet).toBe("Scorecard");
  });

  test("a pane that read the settings before the workbook's marks were read keeps them when it saves", async () => {
    const model: FakeWorkbookModel = modelFrom(await fixtureFromXlsx(MONTHLY));
    model.xmlParts.push({ id: "{part}", xml: reviewsXml({ a: forty().k1 }) });
    installFakeOffice(model, new FakeSettingsBag());
    const host = officeHost();
    // Rendered at once, before the part was read: it shows no marks, and the analyst marks 'b'.
    const shown = host.loadSettings().settings;
    expect(shown.reviews).toEqual({});
    await host.saveSettings({ ...shown, reviews: { b: forty().k2 } });
    expect(Object.keys(host.loadSettings().settings.reviews).sort()).toEqual(["a", "b"]);
    expect(model.xmlParts).toHaveLength(1);
    expect(mergeReviews({ a: forty().k1 }, {}, { a: forty().k1 })).toEqual({});
  });

  test("custom XML parts are as strict as Excel: well-formed XML only, read after the sync", async () => {
    const model = new FakeWorkbookModel();
    const ctx = new FakeContext(model);
    ctx.workbook.customXmlParts.add("<broken><a></broken>");
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    const part = ctx.workbook.customXmlParts.add(`<r xmlns="urn:x">1</r>`);
    const xml = part.getXml();
    expect(() => xml.value).toThrow(/not available/);
    await ctx.sync();
    expect(xml.value).toBe(`<r xmlns="urn:x">1</r>`);
    ctx.workbook.customXmlParts.add(`<r xmlns="urn:x">2</r>`);
    const only = ctx.workbook.customXmlParts.getByNamespace("urn:x").getOnlyItemOrNullObject();
    only.load("id");
    await ctx.sync();
    expect(only.isNullObject).toBe(true);
    ctx.workbook.customXmlParts.getByNamespace("urn:x").getOnlyItem();
    await expect(ctx.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});
