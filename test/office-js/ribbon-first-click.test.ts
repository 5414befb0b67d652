/**
 * The ribbon's first click, through Microsoft's real office.js. Excel delivers a button's ExecuteFunction
 * as soon as office.js has registered for it, during office.js's own start-up; office.js looks the action
 * up at that moment and, finding none, completes it with an error, so the click is lost (office-js issue
 * 5176). Here the click is delivered at that earliest moment, before Office.onReady has fired and before
 * the pane's deferred bundle has arrived.
 */
import { fixtureFromXlsx, modelFrom } from "../fake-excel/from-xlsx";
import { MONTHLY } from "../helpers";
import { bundle } from "./bundle";
import { OfficePage } from "./office-page";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { isFunctionFileScript } = require("../../scripts/function-file-first.cjs") as {
  isFunctionFileScript: (src: string) => boolean;
};

/** ooeSuccess, as office.js reports a completed command (OSF.DDA.ErrorCodeManager). */
const SUCCESS = 0;

async function until(what: string, ok: () => boolean, page: OfficePage, ms = 20000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; page errors: ${page.errors.join("; ")}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A page whose scripts arrive as the build lays them out: blocking scripts run straight after office.js,
 * deferred ones (the pane's bundle) arrive only after Excel has delivered the click.
 */
async function firstClick(commandsIsEarly: boolean) {
  const model = modelFrom(await fixtureFromXlsx(MONTHLY));
  const commands = bundle("src/commands/commands.ts");
  const late = commandsIsEarly ? ["window.paneLoaded = true;"] : [commands, "window.paneLoaded = true;"];
  let commandId = "";
  let readyAtDelivery: boolean | undefined;
  const page: OfficePage = new OfficePage({
    model,
    scripts: commandsIsEarly ? [{ code: commands }] : [],
    onCommandRegistration: () => {
      readyAtDelivery = page.officeReady;
      commandId = page.pressRibbon("refreshCommitteeSheet");
      // The deferred bundle arrives just after the click.
      setTimeout(() => late.forEach((code) => page.inject(code)), 0);
    },
  });
  await until("the command to complete", () => page.completions.length > 0, page);
  return { page, model, commandId, readyAtDelivery };
}

test("the function file is a blocking script of its own in the built page, ahead of the pane's bundle", () => {
  expect(isFunctionFileScript("runtime.js")).toBe(true);
  expect(isFunctionFileScript("commands.js")).toBe(true);
  expect(isFunctionFileScript("taskpane.js")).toBe(false);
  expect(isFunctionFileScript("45.js")).toBe(false);
});

test("the first click on Refresh runs the refresh before Office.onReady and the pane's bundle", async () => {
  expect(isFunctionFileScript("commands.js")).toBe(true);
  const { page, model, commandId, readyAtDelivery } = await firstClick(true);
  try {
    expect(readyAtDelivery).toBe(false);
    expect(page.completions).toEqual([{ id: commandId, status: SUCCESS }]);
    expect(model.sheets.map((s) => s.name)).toEqual(["Scorecard", "Notes", "Committee"]);
    await until(
      "the runtime to ask to load with the workbook",
      () => page.host.serviceCalls.some((c) => c.method === "SetAppRuntimeStartState"),
      page,
    );
    const call = page.host.serviceCalls.find((c) => c.method === "SetAppRuntimeStartState");
    expect(call?.service).toBe("Microsoft.AppRuntime.AppRuntimePersistenceService");
    expect(call?.args).toEqual(["Background"]);
  } finally {
    page.close();
  }
});

test("a function file that comes with the pane's deferred bundle loses the first click (issue 5176)", async () => {
  const { page, model } = await firstClick(false);
  try {
    expect(page.completions).toHaveLength(1);
    expect(page.completions[0].status).not.toBe(SUCCESS);
    expect(model.sheets.map((s) => s.name)).toEqual(["Scorecard", "Notes"]);
  } finally {
    page.close();
  }
});
