/**
 * What a build did, in the words the pane and the command line both report it: counts that agree with
 * the paper (indicators left out by the analyst are not counted in it) and where commentary went.
 */
import type { Analysis } from "../judge/assess";
import type { CommitteeResult } from "./committee";
import { plural } from "../words";

/** "17 indicators (2 left out by you), 5 green, 3 amber, 2 red, 7 not banded" */
export function paperCounts(analysis: Analysis, committee: CommitteeResult): string {
  const b = committee.summary.bands;
  const inPaper = b.green + b.amber + b.red + b.none;
  const left = analysis.indicators.length - inPaper;
  return `${plural(inPaper, "indicator")}${left > 0 ? ` (${left} left out by you)` : ""}, ${b.green} green, ${b.amber} amber, ${b.red} red, ${b.none} not banded`;
}

/** One sentence per kind of commentary kept: carried to its row, set aside, retired. */
export function commentaryKept(committee: CommitteeResult): string[] {
  const out: string[] = [];
  if (committee.carried) out.push(`Commentary kept for ${plural(committee.carried, "indicator")}.`);
  if (committee.setAside)
    out.push(
      `Commentary on ${plural(committee.setAside, "indicator")} left out of this paper is kept below it, unprinted.`,
    );
  if (committee.retired)
    out.push(
      `Retired commentary kept for ${plural(committee.retired, "indicator")} no longer on the scorecard.`,
    );
  return out;
}
