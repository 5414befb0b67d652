/**
 * What decides how a sheet reads: which sheet, the pinned columns and header rows, and the as-at
 * period. The pane reads the layout again only when this changes, so a refresh (which reloads the
 * settings as new objects) costs its three round trips and no more.
 */
import type { Settings } from "../engine/config";

export function viewKey(settings: Settings, sheet = settings.sourceSheet): string {
  const columns = Object.entries(settings.columns).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([sheet ?? null, columns, settings.headerRows ?? null, settings.asAt ?? null]);
}
