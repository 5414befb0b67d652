/**
 * Ribbon functions. "Refresh committee sheet" runs the whole refresh with the workbook's saved settings;
 * on failure it opens the pane, which shows the message. The event is completed on every path.
 */
import { officeHost } from "../hosts/office/office-host";
import { runRefresh } from "./session";

export async function refreshCommitteeSheet(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const outcome = await runRefresh(officeHost(), "ribbon");
    if (!outcome) await Office.addin.showAsTaskpane();
  } catch {
    // runRefresh records its own failures; a pane that cannot open must still not hang the ribbon.
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("refreshCommitteeSheet", refreshCommitteeSheet);
});
