import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { SessionState } from "../commands/session";
import { reportedPeriod } from "../engine/as-at";
import { plural } from "./words";

export function summaryLine(s: SessionState): string {
  const o = s.outcome;
  if (!o) return "";
  const b = o.committee.summary.bands;
  const inPaper = b.green + b.amber + b.red + b.none;
  const left = o.analysis.indicators.length - inPaper;
  const parts = [
    `Sheet '${o.sheetName}' written from '${o.analysis.sheet}'${reportedPeriod(o.analysis) ? ` as at ${reportedPeriod(o.analysis)}` : ""}: ${plural(inPaper, "indicator")}${left > 0 ? ` (${left} left out by you)` : ""}, ${b.green} green, ${b.amber} amber, ${b.red} red, ${b.none} not banded.`,
  ];
  if (o.renamedFrom)
    parts.push(`A sheet named '${o.renamedFrom}' was not made by Scorecard, so it was left alone.`);
  if (o.committee.carried) parts.push(`Commentary kept for ${plural(o.committee.carried, "indicator")}.`);
  if (o.committee.retired)
    parts.push(`Retired commentary kept for ${plural(o.committee.retired, "indicator")}.`);
  return parts.join(" ");
}

/** Progress, success or an actionable error for the last refresh, from the ribbon or the pane. */
export function ResultBar({ session }: { session: SessionState }) {
  if (session.running) return <Spinner size="small" label="Refreshing the committee sheet…" />;
  if (session.error) {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>Refresh failed</MessageBarTitle>
          {session.error}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (!session.outcome) return null;
  return (
    <MessageBar intent="success">
      <MessageBarBody>
        <MessageBarTitle>
          Refreshed{session.startedFrom === "ribbon" ? " from the ribbon" : ""}
        </MessageBarTitle>
        {summaryLine(session)}
        {session.notices.map((n) => (
          <div key={n}>{n}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
