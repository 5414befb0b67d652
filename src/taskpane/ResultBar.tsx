import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import type { SessionState } from "../commands/session";
import { reportedPeriod } from "../engine/judge/as-at";
import { commentaryKept, paperCounts } from "../engine/paper/paper-summary";

export function summaryLine(s: SessionState): string {
  const o = s.outcome;
  if (!o) return "";
  const asAt = reportedPeriod(o.analysis);
  const parts = [
    `Sheet '${o.sheetName}' written from '${o.analysis.sheet}'${asAt ? ` as at ${asAt}` : ""}: ${paperCounts(o.analysis, o.committee)}.`,
  ];
  if (o.chartsSheet && o.chartCount)
    parts.push(
      `${o.chartCount} XmR chart${o.chartCount === 1 ? "" : "s"} of the areas for focus on '${o.chartsSheet}'.`,
    );
  if (o.renamedFrom)
    parts.push(`A sheet named '${o.renamedFrom}' was not made by Scorecard, so it was left alone.`);
  parts.push(...commentaryKept(o.committee));
  return parts.join(" ");
}

/** The first sentence of a message: where the pane already says the rest, the rest is repetition. */
export function firstSentence(message: string): string {
  const m = /^.*?[.!?](?=\s+[A-Z'"‘“(]|$)/.exec(message);
  return m ? m[0] : message;
}

/**
 * Progress, success or an actionable error for the last refresh, from the ribbon or the pane. `brief`
 * where the pane already explains a sheet that does not read: the error's first sentence is enough.
 */
export function ResultBar({ session, brief = false }: { session: SessionState; brief?: boolean }) {
  if (session.running) return <Spinner size="small" label="Refreshing the committee sheet…" />;
  if (session.error) {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Refresh failed</MessageBarTitle>
          {brief ? firstSentence(session.error) : session.error}
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
