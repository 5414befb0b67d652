/**
 * What the pane shows: the latest reading of the chosen sheet, from detection or from a refresh,
 * whichever came last; where the sheet does not read, the sheet that does and whether the workbook is
 * empty. Detection runs again only when what decides the reading changes (view-key.ts).
 */
import { useEffect, useRef, useState } from "react";
import type { SessionState } from "../commands/session";
import type { Analysis } from "../engine/judge/assess";
import type { LoadedSettings } from "../hosts/office/settings-store";
import type { AddinHost } from "../hosts/office/addin-host";
import { findAlternative } from "./find-alternative";
import type { Alternative } from "./SheetProblem";
import { viewKey } from "./view-key";

export interface View {
  analysis?: Analysis;
  /** Why the chosen sheet did not read. */
  error?: string;
  sheetNames: string[];
  /** True until the first reading of the current choice has come back. */
  reading: boolean;
  alternative: Alternative;
  emptyWorkbook: boolean;
}

const START: View = { sheetNames: [], reading: true, alternative: undefined, emptyWorkbook: false };

export function useView(host: AddinHost, loaded: LoadedSettings) {
  const [view, setView] = useState<View>(START);
  const [nonce, setNonce] = useState(0);
  const latest = useRef(loaded.settings);
  latest.current = loaded.settings;
  // The key of what is on screen: no need to read the sheet again for the same sheet and pins.
  const shownKey = useRef<string | null>(null);
  // The workbook's sheets as last seen: a failed read may not list them.
  const names = useRef<string[]>([]);
  const key = viewKey(loaded.settings);

  useEffect(() => {
    if (key === shownKey.current) return;
    let live = true;
    const wanted = latest.current;
    setView((v) => ({ ...v, reading: true }));
    const fail = (sheetNames: string[], error: string) => {
      setView({ sheetNames, error, reading: false, alternative: undefined, emptyWorkbook: false });
      findAlternative(host, wanted, sheetNames, error, () => live).then(
        (f) => live && setView((v) => ({ ...v, ...f })),
        () => live && setView((v) => ({ ...v, alternative: null })),
      );
    };
    host.detect(wanted).then(
      (d) => {
        if (!live) return;
        if (d.sheetNames.length) names.current = d.sheetNames;
        shownKey.current = d.analysis ? viewKey(wanted, d.analysis.sheet) : null;
        if (d.analysis)
          setView({ ...START, analysis: d.analysis, sheetNames: names.current, reading: false });
        else fail(names.current, d.error ?? "The sheet could not be read.");
      },
      (e: unknown) => live && fail(names.current, (e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [host, key, nonce]);

  /** A refresh's reading replaces detection's; after a failed refresh the sheet is read again. */
  const afterRefresh = (session: SessionState, settingsNow: LoadedSettings["settings"]) => {
    const outcome = session.outcome;
    if (session.error || !outcome) {
      shownKey.current = null;
      setNonce((n) => n + 1);
      return;
    }
    shownKey.current = viewKey(settingsNow, outcome.analysis.sheet);
    setView((v) => ({ ...START, analysis: outcome.analysis, sheetNames: v.sheetNames, reading: false }));
  };
  return { view, afterRefresh };
}
