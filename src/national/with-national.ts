/**
 * The national figures joined to an analysis where the settings name a council, as both hosts build the
 * paper: the Department's figures and the engine's national code arrive as the pane's separate chunk, so
 * a workbook without a council never loads them. A name the Department does not use leaves the paper
 * without national columns and says why (NationalContext.problems).
 */
import type { Analysis } from "../engine/judge/assess";
import type { NationalAnalysis } from "../engine/judge/national/attach";
import type { NationalSettings } from "../engine/judge/national/settings";
import { loadNationalKit } from "./load-dataset";

export async function withNationalFigures(
  analysis: Analysis,
  settings: NationalSettings = analysis.settings,
): Promise<Analysis | NationalAnalysis> {
  if (!settings.council) return analysis;
  const kit = await loadNationalKit();
  return kit.attachNational(analysis, kit.dataset, settings);
}

/** What the analyst should know about the national figures of a build: an unknown council's name. */
export function nationalProblems(analysis: Analysis | NationalAnalysis): string[] {
  return "national" in analysis ? analysis.national.problems : [];
}
