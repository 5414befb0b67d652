/**
 * What the ribbon's Refresh button does: the whole refresh with the workbook's saved settings; on
 * failure the pane opens with the message. The event is completed on every path.
 */
import { loadRefresh, readyOfficeHost } from "../hosts/office/office-host";
import { runRefresh } from "./session";

export async function refreshFromRibbon(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.onReady();
    const outcome = await runRefresh(await readyOfficeHost(), "ribbon");
    if (!outcome) await Office.addin.showAsTaskpane();
  } catch {
    // runRefresh records its own failures; a pane that cannot open must still not hang the ribbon.
  } finally {
    event.completed();
  }
}

/** Asks Excel to load the runtime whenever this workbook opens (SharedRuntime 1.1). */
export async function loadWithDocument(): Promise<void> {
  // The refresh's own chunk comes now too, so that the first press waits for no further script.
  void loadRefresh().catch(() => undefined);
  try {
    await Office.addin.setStartupBehavior(Office.StartupBehavior.load);
  } catch {
    // A host without the shared runtime keeps loading the add-in on first use; nothing else changes.
  }
}
