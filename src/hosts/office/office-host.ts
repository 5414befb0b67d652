/**
 * The AddinHost over the real Office.js globals (or the fake that stands in for them in tests). Small
 * configuration lives in the document's settings bag; review marks and notes live in a custom XML part
 * of the workbook (review-store.ts). The faces still see one Settings object: loadSettings() joins the
 * two, saveSettings() splits them. The marks are read once per workbook when the host is made; marks
 * still in the settings of an older version move into the part then.
 */
import type { Settings } from "../../engine/config";
import type { AddinHost } from "./addin-host";
import { detect } from "./detect";

/** The refresh's chunk (the committee paper and its writing), fetched once. */
export const loadRefresh = () => import(/* webpackChunkName: "refresh" */ "./refresh");
import { mergeReviews, readReviews, Reviews, sameReviews, unionReviews, writeReviews } from "./review-store";
import { selectCell } from "./select-cell";
import { LoadedSettings, loadSettings, saveSettings, SettingsBag } from "./settings-store";

function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return 1;
  const n = parseInt(m[1], 16);
  return (0.2126 * ((n >> 16) & 255) + 0.7152 * ((n >> 8) & 255) + 0.0722 * (n & 255)) / 255;
}

/** The marks as the workbook holds them, and as the faces were last shown them. */
class ReviewState {
  stored: Reviews = {};
  partId: string | null = null;
  shown: Reviews = {};
  problems: string[] = [];
  loaded = false;
}

class OfficeAddinHost implements AddinHost {
  private readonly bag = Office.context.document.settings as unknown as SettingsBag;
  private readonly mergedAreas = Office.context.requirements.isSetSupported("ExcelApi", "1.13");
  /** Custom XML parts came with ExcelApi 1.5; without them the marks stay in the settings as before. */
  private readonly inWorkbook = Office.context.requirements.isSetSupported("ExcelApi", "1.5");
  private readonly reviews = new ReviewState();
  readonly ready: Promise<void>;

  constructor() {
    this.ready = this.inWorkbook ? this.loadReviews() : Promise.resolve();
  }

  loadSettings(): LoadedSettings {
    const loaded = loadSettings(this.bag);
    if (!this.inWorkbook) return loaded;
    // Marks not yet moved out of the settings (or not yet read from the part) are shown all the same.
    const reviews = unionReviews(this.reviews.stored, loaded.settings.reviews);
    this.reviews.shown = reviews;
    return {
      ...loaded,
      settings: { ...loaded.settings, reviews },
      problems: [...loaded.problems, ...this.reviews.problems],
    };
  }

  async saveSettings(next: Settings): Promise<void> {
    if (!this.inWorkbook) return saveSettings(this.bag, next);
    await this.ready;
    const r = this.reviews;
    const merged = mergeReviews(r.shown, next.reviews, r.stored);
    if (!sameReviews(merged, r.stored)) {
      r.partId = await Excel.run((context) => writeReviews(context, merged, r.partId));
      r.stored = merged;
    }
    r.shown = merged;
    const { settings: inBag } = loadSettings(this.bag);
    const small = { ...next, reviews: {} };
    if (
      JSON.stringify({ ...inBag, reviews: {} }) !== JSON.stringify(small) ||
      Object.keys(inBag.reviews).length
    )
      await saveSettings(this.bag, small);
  }

  detect = (s: Settings) => Excel.run((context) => detect(context, s, this.mergedAreas));
  // The refresh and the paper it writes are fetched when first asked for: the pane opens without them.
  refresh = (s: Settings) =>
    loadRefresh().then(({ refresh }) =>
      Excel.run((context) => refresh(context, { settings: s, mergedAreas: this.mergedAreas })),
    );
  select = (sheet: string, address: string) => Excel.run((context) => selectCell(context, sheet, address));
  darkTheme = () => luminance(Office.context.officeTheme?.bodyBackgroundColor ?? "#ffffff") < 0.4;

  /** Reads the part; marks an older version kept in the settings are written to it and then dropped there. */
  private async loadReviews(): Promise<void> {
    const r = this.reviews;
    try {
      const read = await Excel.run((context) => readReviews(context));
      r.stored = read.reviews;
      r.partId = read.partId;
      r.problems = read.problems;
    } catch (e) {
      r.problems = [`The review marks saved in this workbook could not be read (${(e as Error).message}).`];
      return;
    }
    r.loaded = true;
    const legacy = loadSettings(this.bag);
    if (!Object.keys(legacy.settings.reviews).length) return;
    const moved = unionReviews(r.stored, legacy.settings.reviews);
    try {
      r.partId = await Excel.run((context) => writeReviews(context, moved, r.partId));
      r.stored = moved;
      // Settings a newer add-in saved are never overwritten; the marks are in the part all the same.
      if (legacy.newerVersion === undefined)
        await saveSettings(this.bag, { ...legacy.settings, reviews: {} });
    } catch (e) {
      r.problems = [
        ...r.problems,
        `The review marks could not be moved into the workbook (${(e as Error).message}); they stay in the settings for now.`,
      ];
    }
  }
}

/** One host per open workbook: the ribbon and the pane share it in the shared runtime. */
const hosts = new WeakMap<object, OfficeAddinHost>();

export function officeHost(): AddinHost {
  const document = Office.context.document as object;
  let host = hosts.get(document);
  if (!host) {
    host = new OfficeAddinHost();
    hosts.set(document, host);
  }
  return host;
}

/** The host once the workbook's review marks have been read: what a face should render with. */
export async function readyOfficeHost(): Promise<AddinHost> {
  const host = officeHost() as OfficeAddinHost;
  await host.ready;
  return host;
}
