/**
 * The national comparison on the command line: `--council` (or the config's `council`) checked against
 * the Department's list before any work, the comparison attached after analysis, and a few lines a
 * person reads in a terminal.
 */
import type { Analysis } from "../engine/judge/assess";
import type { Settings } from "../engine/config";
import { attachNational, NationalAnalysis } from "../engine/judge/national/attach";
import { findCouncil, unknownCouncilMessage } from "../engine/judge/national/council";
import { formatNational } from "../engine/judge/national/format";
import { measureById } from "../engine/judge/national/measures";
import { furthestBehindSentence } from "../engine/paper/national-note";
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
    const v = x.versus.england;
    const against = !c ? "" : v === null ? "; " : v === "same" ? ", the same as " : `, ${v} than `;
    const parts = [
      `${c ? `${c.name} ${f(x.council)}${against}` : ""}England ${f(x.england)}`,
      ...(c ? [`${x.regionName ?? "region"} ${f(x.region)}`, `neighbours' median ${f(x.neighbours)}`] : []),
      ...(x.rank === null ? [] : [`rank ${x.rank} of ${x.of}`]),
    ];
    const how = x.how === "applied" ? " [applied automatically]" : "";
    lines.push(`  ${visible(i.ref ?? i.key)}: ${x.name}, ${x.period}: ${parts.join("; ")}${how}`);
  }
  const behind = furthestBehindSentence(n);
  if (behind) lines.push(`  ${behind}`);
  for (const m of suggested) lines.push(`  ${visible(m.key)} (to confirm): ${m.suggestion.why}`);
  return lines;
}
