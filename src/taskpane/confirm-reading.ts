/**
 * The analyst's "this is right" for a reading the engine was unsure of: the columns the paper rests on
 * (the measure and the current value) are pinned as read, so the workbook remembers the answer, the
 * ribbon uses it too, and the next reading is sure of them. Where the value is a series of periods
 * with no Current column, one period column is pinned: the rest of the series is still read with it.
 */
import type { Analysis } from "../engine/judge/assess";
import type { Settings } from "../engine/config";
import type { Role } from "../engine/read/roles";

const ESSENTIAL: Role[] = ["measure", "current"];

export function confirmReading(settings: Settings, analysis: Analysis): Settings | null {
  const columns = { ...settings.columns };
  let added = 0;
  for (const role of ESSENTIAL) {
    const read = analysis.columns.filter((c) => c.role === role);
    if (read.length !== 1 || columns[role]) continue;
    columns[role] = read[0].letter;
    added++;
  }
  const series = analysis.columns.filter((c) => c.role === "period");
  if (
    !columns.current &&
    !columns.period &&
    !analysis.columns.some((c) => c.role === "current") &&
    series.length
  ) {
    columns.period = series[0].letter;
    added++;
  }
  return added ? { ...settings, columns } : null;
}

/** A column chosen for a role: any other column that had the role, and any role the column had, let go. */
export function pinRole(settings: Settings, letter: string, role: Role | ""): Settings {
  const columns: Settings["columns"] = Object.fromEntries(
    Object.entries(settings.columns).filter(([r, l]) => l !== letter && r !== role),
  );
  if (role) columns[role] = letter;
  return { ...settings, columns };
}
