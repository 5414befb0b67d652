/**
 * Stands in for office.js in the browser: installs the fake Office and Excel over the fixture the test
 * injected, and exposes the model so that the test can check what the pane wrote and selected.
 */
import { FakeSettingsBag } from "../fake-excel/fake-excel";
import type { SheetFixture } from "../fake-excel/from-xlsx";
import { modelFrom } from "../fake-excel/from-xlsx-model";
import { installFakeOffice } from "../fake-excel/install";

declare global {
  interface Window {
    __SCORECARD_FIXTURE__: SheetFixture[];
    /** Settings already saved in the workbook, as JSON, where a test starts from some. */
    __SCORECARD_SETTINGS__?: string;
    __fake: ReturnType<typeof installFakeOffice> & { press: () => Promise<number> };
  }
}

const bag = new FakeSettingsBag();
if (window.__SCORECARD_SETTINGS__) {
  bag.set("scorecard.settings", window.__SCORECARD_SETTINGS__);
  bag.saveAsync();
}
const fake = installFakeOffice(modelFrom(window.__SCORECARD_FIXTURE__), bag);
window.__fake = Object.assign(fake, {
  press: async () => {
    const fn = fake.associated.get("refreshCommitteeSheet");
    let completed = 0;
    if (fn) await fn({ completed: () => completed++ });
    return completed;
  },
});
