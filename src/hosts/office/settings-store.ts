/**
 * Per-workbook settings live in the document's settings bag (Office.context.document.settings), which
 * Excel saves inside the workbook. Reading it needs no round trip, so a refresh knows its source sheet
 * before its first context.sync. The bag holds 32 KB per add-in, so only small configuration goes in it
 * (review marks and notes live in a custom XML part, review-store.ts), and its size is checked before
 * saving: an over-size save is refused with a message and the settings saved before stay as they were.
 */
import { Settings, validateSettings } from "../../engine/config";

export const SETTINGS_KEY = "scorecard.settings";

/** The part of Office.Settings this add-in uses; the fake and the real bag both fit it. */
export interface SettingsBag {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(
    callback?: (result: { status: string; error?: { code?: number; message: string } }) => void,
  ): void;
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
  const text = JSON.stringify(settings);
  const size = settingsSize(text);
  if (size > SETTINGS_BUDGET)
    return Promise.reject(
      new Error(
        `The settings could not be saved: they come to ${kb(size)} and Excel keeps at most ${kb(SETTINGS_LIMIT)} of settings for an add-in. The settings saved before are kept and nothing you changed is lost; pin fewer columns or indicators and save again.`,
      ),
    );
  bag.set(SETTINGS_KEY, text);
  return new Promise((resolve, reject) => {
    bag.saveAsync((result) => {
      if (result.status !== "failed") return resolve();
      const why =
        result.error?.code === SETTINGS_TOO_LARGE
          ? `Excel keeps at most ${kb(SETTINGS_LIMIT)} of settings for an add-in`
          : (result.error?.message ?? "unknown error");
      reject(new Error(`The settings could not be saved: ${why}`));
    });
  });
}

/** Office.Settings: "A maximum of 32KB is available for the settings of each add-in" (error 9057). */
export const SETTINGS_LIMIT = 32 * 1024;
export const SETTINGS_TOO_LARGE = 9057;
/** What this add-in lets itself save, leaving room for the bag's own serialisation. */
export const SETTINGS_BUDGET = SETTINGS_LIMIT - 1024;

/** The bytes the bag stores for the settings: the key and the value as JSON (the JSON text quoted again). */
export function settingsSize(text: string): number {
  return SETTINGS_KEY.length + JSON.stringify(text).length;
}

const kb = (n: number) => `${Math.ceil(n / 1024)} KB`;
