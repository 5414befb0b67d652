/** The ribbon's Refresh button: completes its event on every path, reports where the analyst will see it. */
import type * as SessionModule from "../../src/commands/session";
import { SETTINGS_KEY } from "../../src/hosts/office/settings-store";
import { FakeSettingsBag, FakeWorkbookModel } from "../fake-excel/fake-excel";
import { fixtureFromXlsx, modelFrom } from "../fake-excel/from-xlsx";
import { installFakeOffice, FakeOffice } from "../fake-excel/install";
import { MONTHLY } from "../helpers";

type Session = typeof SessionModule;

/** Loads the commands code afresh with the fake Office in place, and the session instance it uses. */
async function setup(
  model?: FakeWorkbookModel,
  settings?: FakeSettingsBag,
): Promise<{ fake: FakeOffice; press: () => Promise<number>; session: Session }> {
  const fake = installFakeOffice(model ?? modelFrom(await fixtureFromXlsx(MONTHLY)), settings);
  // A fresh module registry, so that the commands file associates its action again and the ribbon
  // module it loads on the first press shares this test's session.
  jest.resetModules();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("../../src/commands/commands");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const session = require("../../src/commands/session") as Session;
  const fn = fake.associated.get("refreshCommitteeSheet");
  if (!fn) throw new Error("refreshCommitteeSheet was not associated");
  const press = async () => {
    let completed = 0;
    await fn({ completed: () => completed++ });
    return completed;
  };
  return { fake, press, session };
}

describe("Refresh committee sheet (ribbon)", () => {
  test("refreshes, completes the event, saves the source sheet and tells the pane", async () => {
    const { fake, press, session } = await setup();
    const { getSession } = session;
    const seen: boolean[] = [];
    const unsubscribe = session.subscribe((s) => seen.push(s.running));
    expect(await press()).toBe(1);
    unsubscribe();
    expect(seen).toEqual([true, false]);
    const s = getSession();
    expect(s.error).toBeUndefined();
    expect(s.startedFrom).toBe("ribbon");
    expect(s.outcome?.analysis.indicators).toHaveLength(19);
    expect(fake.model.sheets.map((x) => x.name)).toEqual(["Scorecard", "Notes", "Committee"]);
    // Three for the refresh, and one to read the workbook's review marks when the host is first made.
    expect(fake.syncs()).toBe(4);
    expect(JSON.parse(String(fake.settings.get(SETTINGS_KEY))).sourceSheet).toBe("Scorecard");
    // A second press works though the committee sheet is now active.
    expect(await press()).toBe(1);
    expect(getSession().error).toBeUndefined();
    expect(fake.taskpaneShown).toBe(0);
  });

  test("on failure: completes the event, opens the pane, and the session holds the message", async () => {
    const model = new FakeWorkbookModel();
    model.addSheet("Budget");
    const { fake, press, session } = await setup(model);
    const { getSession } = session;
    expect(await press()).toBe(1);
    expect(fake.taskpaneShown).toBe(1);
    expect(getSession().error).toMatch(/Sheet 'Budget'/);
  });

  test("a corrupt saved setting is reported, and the refresh still runs on defaults", async () => {
    const bag = new FakeSettingsBag();
    bag.set(SETTINGS_KEY, "{ broken");
    bag.saveAsync();
    const { press, session } = await setup(undefined, bag);
    const { getSession } = session;
    expect(await press()).toBe(1);
    expect(getSession().notices.join(" ")).toMatch(/corrupt/);
    expect(getSession().outcome).toBeDefined();
  });
});
