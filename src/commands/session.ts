/**
 * State shared by the ribbon and the pane. With the shared runtime both live in one JavaScript context,
 * so a refresh started from the ribbon updates an open pane at once.
 */
import { LayoutError } from "../engine/read/layout";
import { pruneReviews } from "../engine/judge/reviews";
import { plural } from "../engine/words";
import type { AddinHost } from "../hosts/office/addin-host";
import { RefreshError } from "../hosts/office/excel-errors";
import type { RefreshOutcome } from "../hosts/office/refresh";

export interface SessionState {
  running: boolean;
  outcome?: RefreshOutcome;
  error?: string;
  /** Problems with the saved settings, and reviews cleared because their value changed. */
  notices: string[];
  finishedAt?: Date;
  startedFrom?: "ribbon" | "pane";
}

type Listener = (s: SessionState) => void;
let state: SessionState = { running: false, notices: [] };
const listeners = new Set<Listener>();

function set(next: SessionState): void {
  state = next;
  for (const l of listeners) l(state);
}

export function getSession(): SessionState {
  return state;
}

export function subscribe(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Test seam: a fresh session. */
export function resetSession(): void {
  set({ running: false, notices: [] });
}

export function describeError(e: unknown): string {
  if (e instanceof RefreshError || e instanceof LayoutError) return e.message;
  if (e && typeof e === "object" && "code" in e && "message" in e) {
    const o = e as { code: unknown; message: unknown };
    return `Excel reported ${String(o.code)}: ${String(o.message)}`;
  }
  return `Something went wrong: ${e instanceof Error ? e.message : String(e)}`;
}

/** Runs one refresh with the workbook's saved settings; never throws, the session says what happened. */
export async function runRefresh(
  host: AddinHost,
  from: "ribbon" | "pane",
): Promise<RefreshOutcome | undefined> {
  if (state.running) return undefined;
  set({ ...state, running: true, error: undefined, startedFrom: from });
  try {
    const loaded = host.loadSettings();
    const outcome = await host.refresh(loaded.settings);
    const notices = [...loaded.problems];
    // A paper built as at an earlier period shows earlier values: a review mark about today's value
    // has not gone stale, and clearing it would lose the analyst's work.
    const pruned = loaded.settings.asAt
      ? { settings: loaded.settings, cleared: 0 }
      : pruneReviews(loaded.settings, outcome.analysis);
    if (pruned.cleared)
      notices.push(
        `${plural(pruned.cleared, "review mark")} cleared because the value ${pruned.cleared === 1 ? "it was" : "they were"} about has changed.`,
      );
    notices.push(...(outcome.notes ?? []));
    // The sheet read is remembered: after a refresh the committee sheet is the active one. Settings a
    // newer add-in saved are left alone; a failed save is reported for what it is, not as a failed refresh.
    if ((pruned.cleared || !loaded.settings.sourceSheet) && loaded.newerVersion === undefined) {
      try {
        await host.saveSettings({
          ...pruned.settings,
          sourceSheet: loaded.settings.sourceSheet ?? outcome.sourceSheet,
        });
      } catch (e) {
        const why = (e instanceof Error ? e.message : String(e)).replace(
          /^The settings could not be saved: /,
          "",
        );
        notices.push(
          `The committee sheet '${outcome.sheetName}' was written, but the settings were not saved (${why}). The next refresh reads the active sheet again unless you choose the scorecard sheet in the pane.`,
        );
      }
    }
    set({ running: false, outcome, notices, finishedAt: new Date(), startedFrom: from });
    return outcome;
  } catch (e) {
    set({ ...state, running: false, error: describeError(e), finishedAt: new Date(), startedFrom: from });
    return undefined;
  }
}
