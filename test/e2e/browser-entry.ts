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
    __fake: ReturnType<typeof installFakeOffice> & { press: () => Promise<number> };
  }
}

const fake = installFakeOffice(modelFrom(window.__SCORECARD_FIXTURE__), new FakeSettingsBag());
window.__fake = Object.assign(fake, {
  press: async () => {
    const fn = fake.associated.get("refreshCommitteeSheet");
    let completed = 0;
    if (fn) await fn({ completed: () => completed++ });
    return completed;
  },
});
