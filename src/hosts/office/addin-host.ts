/**
 * What the ribbon and the pane need from Excel, behind one small interface: the faces never touch
 * Office.js themselves, and tests hand them a host built on the fake.
 */
import type { Settings } from "../../engine/config";
import type { Detection } from "./detect";
import type { RefreshOutcome } from "./refresh";
import type { LoadedSettings } from "./settings-store";

export interface AddinHost {
  loadSettings(): LoadedSettings;
  saveSettings(settings: Settings): Promise<void>;
  detect(settings: Settings): Promise<Detection>;
  refresh(settings: Settings): Promise<RefreshOutcome>;
  select(sheet: string, address: string): Promise<void>;
  /** True where Office shows a dark theme, so the pane can follow it. */
  darkTheme(): boolean;
}
