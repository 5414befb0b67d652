/**
 * The national comparison on the command line: `--council` (or the config's `council`) checked against
 * the Department's list before any work, the comparison attached after analysis, and a few lines a
 * person reads in a terminal.
 */
import type { Analysis } from "../engine/judge/assess";
import type { Settings } from "../engine/config";
import { attachNational, NationalAnalysis } from "../engine/national/attach";
import { findCouncil, unknownCouncilMessage } from "../engine/national/council";
import { formatNational } from "../engine/national/format";
import { measureById } from "../engine/national/measures";
import { UserError } from "../hosts/file/workbook";
import { loadNationalDataset } from "../national/load-dataset";
import { visible } from "./report";

/** The settings with --council laid over them, the name checked: an unknown one stops the run with the near ones. */
export async function withCouncil(settings: Settings, flag: string | true | undefined): Promise<Settings> {
  const council = typeof flag === "string" ? flag : settings.council;
  if (council === undefined) return settings;
  const found = findCouncil((await loadNationalDataset()).authorities, council);
  if (!("authority" in found)) throw new UserError(unknownCouncilMessage(council, found.near));
  return { ...settings, council: found.authority.name };
}

export async function withNational(analysis: Analysis): Promise<NationalAnalysis> {
  return attachNational(analysis, await loadNationalDataset());
}

/** One line per matched indicator, and what is left for the analyst to confirm. */
export function nationalLines(n: NationalAnalysis): string[] {
  const c = n.national.council;
  const matched = n.indicators.filter((i) => i.national);
  const suggested = n.national.matches.filter((m) => m.how === "suggested");
  const lines = [
    `National figures (Department for Education)${c ? ` for ${c.name}, ${n.national.regionName ?? "its region"} and its ${n.national.neighbours.length} statistical neighbours` : "; no council chosen (--council NAME)"}: ${matched.length} indicator${matched.length === 1 ? "" : "s"} matched${suggested.length ? `, ${suggested.length} more suggested for you to confirm in the pane or the config's "national" setting` : ""}.`,
  ];
  for (const i of matched) {
    const x = i.national;
    const m = x && measureById(x.measure);
    if (!x || !m) continue;
    const f = (v: number | null) => formatNational(v, m);
    const rank = x.rank === null ? "" : `, rank ${x.rank} of ${x.of}`;
    const own = c ? `${c.name} ${f(x.council)}, ` : "";
    lines.push(
      `  ${visible(i.ref ?? i.key)}: ${x.name} ${x.period}: ${own}England ${f(x.england)}${x.versus.england ? ` (${x.versus.england})` : ""}${c ? `, ${x.regionName ?? "region"} ${f(x.region)}, neighbours ${f(x.neighbours)}${rank}` : ""}${x.how === "applied" ? " [applied automatically]" : ""}`,
    );
  }
  for (const m of suggested)
    lines.push(
      `  ${visible(m.key)}: suggested ${m.suggestion.candidates.map((id) => measureById(id)?.name ?? id).join(" or ")}: ${m.suggestion.why}`,
    );
  return lines;
}
