/** The AddinHost over the real Office.js globals (or the fake that stands in for them in the browser test). */
import type { AddinHost } from "./addin-host";
import { detect } from "./detect";
import { refresh } from "./refresh";
import { selectCell } from "./select-cell";
import { loadSettings, saveSettings, SettingsBag } from "./settings-store";

function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return 1;
  const n = parseInt(m[1], 16);
  return (0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255)) / 255;
}

export function officeHost(): AddinHost {
  const bag = Office.context.document.settings as unknown as SettingsBag;
  const mergedAreas = Office.context.requirements.isSetSupported("ExcelApi", "1.13");
  return {
    loadSettings: () => loadSettings(bag),
    saveSettings: (s) => saveSettings(bag, s),
    detect: (s) => Excel.run((context) => detect(context, s, mergedAreas)),
    refresh: (s) => Excel.run((context) => refresh(context, { settings: s, mergedAreas })),
    select: (sheet, address) => Excel.run((context) => selectCell(context, sheet, address)),
    darkTheme: () => luminance(Office.context.officeTheme?.bodyBackgroundColor ?? "#ffffff") < 0.4,
  };
}
