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
  /** The version of settings saved by a newer add-in; they are never overwritten by this one. */
  newerVersion?: number;
}

/** The version stored in the bag, if it is newer than this add-in's. */
export function newerStoredVersion(bag: SettingsBag, mine: number): number | undefined {
  let raw: unknown;
  try {
    raw = bag.get(SETTINGS_KEY);
    if (typeof raw === "string") raw = JSON.parse(raw);
  } catch {
    return undefined;
  }
  const v = typeof raw === "object" && raw !== null ? (raw as { version?: unknown }).version : undefined;
  return typeof v === "number" && v > mine ? v : undefined;
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
  const problems = result.problems.map((p) => `Saved settings: ${p}`);
  const newerVersion = newerStoredVersion(bag, result.settings.version);
  if (newerVersion === undefined) return { settings: result.settings, problems };
  return {
    settings: result.settings,
    problems: [
      `The saved settings come from a newer version of Scorecard (version ${newerVersion}); this version uses what it understands and will not overwrite them.`,
    ],
    newerVersion,
  };
}

export function saveSettings(bag: SettingsBag, settings: Settings): Promise<void> {
  const newer = newerStoredVersion(bag, settings.version);
  if (newer !== undefined)
    return Promise.reject(
      new Error(
        `The saved settings come from a newer version of Scorecard (version ${newer}); this version does not overwrite them. Update the add-in to change them.`,
      ),
    );
  bag.set(SETTINGS_KEY, JSON.stringify(settings));
  return new Promise((resolve, reject) => {
    bag.saveAsync((result) => {
      if (result.status === "failed")
        reject(new Error(`The settings could not be saved: ${result.error?.message ?? "unknown error"}`));
      else resolve();
    });
  });
}
