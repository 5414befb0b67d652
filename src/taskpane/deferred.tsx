/**
 * Components the pane does not show on opening (the Review and Settings tabs, the reading's details),
 * kept out of its initial JavaScript and fetched as one chunk right after the first render. Once the
 * chunk is in, they render at once, as if they had been there all along; until then, a spinner.
 */
import { Spinner } from "@fluentui/react-components";
import { ComponentType, useEffect, useState } from "react";
import type * as Panels from "./panels";

type PanelsModule = typeof Panels;

let loaded: PanelsModule | undefined;
let loading: Promise<PanelsModule> | undefined;

/** Starts fetching the deferred panels (once); the pane calls it after its first render. */
export function preloadPanels(): Promise<PanelsModule> {
  loading ??= import(/* webpackChunkName: "panels" */ "./panels").then((m) => (loaded = m));
  return loading;
}

function usePanels(): PanelsModule | undefined {
  const [panels, setPanels] = useState(loaded);
  useEffect(() => {
    if (panels) return;
    let live = true;
    preloadPanels().then(
      (m) => live && setPanels(m),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [panels]);
  return panels;
}

/** A component of the deferred chunk, picked from it. */
function deferred<P extends object>(name: string, pick: (m: PanelsModule) => ComponentType<P>) {
  function Deferred(props: P) {
    const panels = usePanels();
    if (!panels) return <Spinner size="tiny" label="Loading…" />;
    const Panel = pick(panels);
    return <Panel {...props} />;
  }
  Deferred.displayName = `Deferred(${name})`;
  return Deferred;
}

export const ReviewPanel = deferred("ReviewPanel", (m) => m.ReviewPanel);
export const SettingsPanel = deferred("SettingsPanel", (m) => m.SettingsPanel);
export const NationalPanel = deferred("NationalPanel", (m) => m.NationalPanel);
export const ReadingPanel = deferred("ReadingPanel", (m) => m.ReadingPanel);
export const LayoutPins = deferred("LayoutPins", (m) => m.LayoutPins);
