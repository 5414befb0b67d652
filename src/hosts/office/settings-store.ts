/**
 * Per-workbook settings live in the document's settings bag (Office.context.document.settings), which
 * Excel saves inside the workbook. Reading it needs no round trip, so a refresh knows its source sheet
 * before its first context.sync.
 */
import { Settings, validateSettings } from "../../engine/config";

export const SETTINGS_KEY = "scorecard.settings";

/** The part of Office.Settings this add-in uses; the fake and the real bag both fit it. */
export interface SettingsBag {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void;
}

export interface LoadedSettings {
  settings: Settings;
  /** What was wrong with the stored value, said so that the analyst can act on it. */
  problems: string[];
}

export function loadSettings(bag: SettingsBag): LoadedSettings {
  let raw: unknown;
  try {
    raw = bag.get(SETTINGS_KEY);
  } catch (e) {
    return {
      ...validateSettings(undefined),
      problems: [
        `The saved Scorecard settings could not be read (${(e as Error).message}); the defaults are used.`,
      ],
    };
  }
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      return {
        ...validateSettings(undefined),
        problems: [
          "The saved Scorecard settings are corrupt (not valid JSON); the defaults are used until you save new ones.",
        ],
      };
    }
  }
  const result = validateSettings(raw ?? undefined);
  return { settings: result.settings, problems: result.problems.map((p) => `Saved settings: ${p}`) };
}

export function saveSettings(bag: SettingsBag, settings: Settings): Promise<void> {
  bag.set(SETTINGS_KEY, JSON.stringify(settings));
  return new Promise((resolve, reject) => {
    bag.saveAsync((result) => {
      if (result.status === "failed")
        reject(new Error(`The settings could not be saved: ${result.error?.message ?? "unknown error"}`));
      else resolve();
    });
  });
}
