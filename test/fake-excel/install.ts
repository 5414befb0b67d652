/**
 * Puts a fake `Office` and `Excel` on the global object, backed by a FakeWorkbookModel: enough of
 * Office.js for the ribbon command and the pane to run unchanged in jest and in a browser.
 */
import { FakeContext, FakeSettingsBag, FakeWorkbookModel } from "./fake-excel";

export interface FakeOffice {
  model: FakeWorkbookModel;
  settings: FakeSettingsBag;
  contexts: FakeContext[];
  associated: Map<string, (event: { completed: () => void }) => unknown>;
  taskpaneShown: number;
  /** All syncs of all Excel.run calls so far. */
  syncs(): number;
}

function versionAtMost(version: string, highest: string): boolean {
  const [a, b] = version.split(".").map(Number);
  const [x, y] = highest.split(".").map(Number);
  return a < x || (a === x && (b ?? 0) <= y);
}

export function installFakeOffice(model: FakeWorkbookModel, settings = new FakeSettingsBag()): FakeOffice {
  const fake: FakeOffice = {
    model,
    settings,
    contexts: [],
    associated: new Map(),
    taskpaneShown: 0,
    syncs: () => fake.contexts.reduce((n, c) => n + c.counters.syncs, 0),
  };
  const office = {
    onReady: (cb?: () => void) => {
      cb?.();
      return Promise.resolve({ host: "Excel", platform: "OfficeOnline" });
    },
    actions: {
      associate: (name: string, fn: (event: { completed: () => void }) => unknown) =>
        fake.associated.set(name, fn),
    },
    addin: {
      showAsTaskpane: () => {
        fake.taskpaneShown++;
        return Promise.resolve();
      },
    },
    context: {
      document: { settings },
      requirements: {
        // Requirement-set versions compare part by part: 1.5 is below 1.13.
        isSetSupported: (name: string, version: string) =>
          (name === "ExcelApi" && versionAtMost(version, "1.13")) ||
          (name === "SharedRuntime" && versionAtMost(version, "1.1")),
      },
      officeTheme: { bodyBackgroundColor: "#ffffff" },
    },
  };
  const excel = {
    run: async <T>(fn: (ctx: FakeContext) => Promise<T>): Promise<T> => {
      const ctx = new FakeContext(model);
      fake.contexts.push(ctx);
      return fn(ctx);
    },
  };
  const g = globalThis as unknown as { Office: unknown; Excel: unknown };
  g.Office = office;
  g.Excel = excel;
  return fake;
}
