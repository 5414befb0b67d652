/**
 * Per-workbook settings: the same JSON the task pane saves into the workbook and the command line reads
 * from --config. Everything is optional; validation turns a bad or older value into clear messages and
 * falls back to defaults, so a corrupt setting never stops a refresh.
 */
import type { Role } from "./read/roles";
import { ROLES } from "./read/roles";
import { DEFAULT_SPC, SpcSettings } from "./judge/spc";
import { cutText } from "./text-cut";
import { NationalSettings, readCouncil, readNationalMatches } from "./judge/national/settings";

export type PolarityName = "higher" | "lower" | "range" | "none";
export type TargetsModel = "auto" | "min-upper" | "single" | "range" | "none";

export interface Tolerance {
  /** "relative": a fraction of the target (0.05 = 5% of target). "points": in the value's own units (percentage points as fractions: 0.02 = 2pp). */
  kind: "relative" | "points";
  amount: number;
}

export interface IndicatorOverride {
  polarity?: PolarityName;
  targetsModel?: TargetsModel;
  tolerance?: Tolerance;
}

export interface ReviewMark {
  /** The flag or band being reviewed: "band", "trend", or a flag code. */
  about: string;
  note: string;
  /** The value the review was made against; a changed value clears it. */
  value: number | null;
  at: string;
}

export interface CommitteeChoice {
  excludeIndicators: string[];
  excludeSections: string[];
}

export interface Settings extends NationalSettings {
  version: 1;
  sourceSheet?: string;
  committeeSheet: string;
  /** Role -> column letter, pinning what detection would otherwise infer. */
  columns: Partial<Record<Role, string>>;
  /** 1-based sheet rows of the header block, pinned where detection needs help. */
  headerRows?: { top: number; bottom: number };
  /** The period (a label of Analysis.periods) the paper reports; the latest when absent. */
  asAt?: string;
  /** Indicator keys and section names left out of the committee paper. */
  committee?: CommitteeChoice;
  targetsModel: TargetsModel;
  tolerance: Tolerance;
  trend: {
    /** "significance": with counts, a change must be significant at 95%; "any-change": every move counts. */
    sensitivity: "significance" | "any-change";
    /** Changes smaller than this, in percentage points as a fraction, are stable (percent measures without counts). */
    materialityPoints: number;
    /** Changes smaller than this fraction of the earlier value are stable (other measures). */
    materialityRelative: number;
  };
  smallDenominator: number;
  /** Statistical process control (Making Data Count): where it applies and its run lengths. */
  spc: SpcSettings;
  indicators: Record<string, IndicatorOverride>;
  reviews: Record<string, ReviewMark[]>;
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  version: 1,
  committeeSheet: "Committee",
  columns: {},
  targetsModel: "auto",
  tolerance: { kind: "relative", amount: 0.05 },
  trend: { sensitivity: "significance", materialityPoints: 0.005, materialityRelative: 0.01 },
  smallDenominator: 20,
  spc: DEFAULT_SPC,
  indicators: {},
  reviews: {},
}) as Settings;

export interface SettingsResult {
  settings: Settings;
  /** What was wrong with the input and what was used instead; empty when all was well. */
  problems: string[];
}

const POLARITIES: PolarityName[] = ["higher", "lower", "range", "none"];
const MODELS: TargetsModel[] = ["auto", "min-upper", "single", "range", "none"];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A value as the analyst wrote it, short enough for a one-line message. */
function shown(v: unknown): string {
  return cutText(JSON.stringify(v) ?? String(v), 60, "…");
}

/** "key: expected what, found value; what is used instead." */
function expected(where: string, what: string, found: unknown, instead: string): string {
  return `${where}: expected ${what}, found ${shown(found)}; ${instead}.`;
}

function readTolerance(v: unknown, where: string, problems: string[]): Tolerance | undefined {
  if (v === undefined) return undefined;
  if (
    isRecord(v) &&
    (v.kind === "relative" || v.kind === "points") &&
    typeof v.amount === "number" &&
    v.amount >= 0 &&
    v.amount < 10
  ) {
    return { kind: v.kind, amount: v.amount };
  }
  problems.push(
    expected(where, '{"kind": "relative"|"points", "amount": a number ≥ 0}', v, "the default is used"),
  );
  return undefined;
}

function readPositive(v: unknown, where: string, fallback: number, problems: string[]): number {
  if (v === undefined) return fallback;
  if (typeof v === "number" && Number.isFinite(v) && v >= 0) return v;
  problems.push(expected(where, "a number ≥ 0", v, `${fallback} is used`));
  return fallback;
}

function readWhole(
  v: unknown,
  where: string,
  min: number,
  max: number,
  fallback: number,
  problems: string[],
): number {
  if (v === undefined) return fallback;
  if (typeof v === "number" && Number.isInteger(v) && v >= min && v <= max) return v;
  problems.push(expected(where, `a whole number from ${min} to ${max}`, v, `${fallback} is used`));
  return fallback;
}

/** One of a list of words, or the fallback with a message. */
function readChoice<T extends string>(
  v: unknown,
  where: string,
  choices: T[],
  problems: string[],
): T | undefined {
  if (choices.includes(v as T)) return v as T;
  problems.push(expected(where, `one of ${choices.join(", ")}`, v, "it is ignored"));
  return undefined;
}

function readSpc(v: unknown, out: Settings, problems: string[]): void {
  if (!isRecord(v)) {
    problems.push(expected("spc", "an object", v, "the defaults are used"));
    return;
  }
  const spc = out.spc;
  // Two points make one moving range; runs shorter than 3 would call every wobble special cause.
  spc.minPoints = readWhole(v.minPoints, "spc.minPoints", 2, 1000, spc.minPoints, problems);
  spc.trendLength = readWhole(v.trendLength, "spc.trendLength", 3, 100, spc.trendLength, problems);
  spc.shiftLength = readWhole(v.shiftLength, "spc.shiftLength", 3, 100, spc.shiftLength, problems);
  if (v.baseline === null || v.baseline === undefined) return;
  // NHSRplotthedots will not fix limits on fewer than 12 points.
  if (typeof v.baseline === "number" && Number.isInteger(v.baseline) && v.baseline >= 12) {
    spc.baseline = v.baseline;
  } else {
    problems.push(
      expected(
        "spc.baseline",
        "null or a whole number of points of at least 12",
        v.baseline,
        "the limits use every point",
      ),
    );
  }
}

function readColumns(v: unknown, out: Settings, problems: string[]): void {
  if (!isRecord(v)) {
    problems.push(expected("columns", "an object of role -> column letter", v, "every column is detected"));
    return;
  }
  for (const [role, letter] of Object.entries(v)) {
    if (!(ROLES as readonly string[]).includes(role)) {
      problems.push(`columns.${role}: not a known column role (${ROLES.join(", ")}).`);
    } else if (typeof letter !== "string" || !/^[A-Za-z]{1,3}$/.test(letter)) {
      problems.push(expected(`columns.${role}`, 'a column letter such as "C"', letter, "it is detected"));
    } else {
      out.columns[role as Role] = letter.toUpperCase();
    }
  }
}

function readHeaderRows(h: unknown, out: Settings, problems: string[]): void {
  if (
    isRecord(h) &&
    Number.isInteger(h.top) &&
    Number.isInteger(h.bottom) &&
    (h.top as number) >= 1 &&
    (h.bottom as number) >= (h.top as number) &&
    (h.bottom as number) <= 1048576
  ) {
    out.headerRows = { top: h.top as number, bottom: h.bottom as number };
  } else {
    problems.push(
      expected(
        "headerRows",
        '{"top": row, "bottom": row} with 1 ≤ top ≤ bottom',
        h,
        "the header is detected",
      ),
    );
  }
}

function readCommittee(c: unknown, out: Settings, problems: string[]): void {
  const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string");
  if (isRecord(c) && strings(c.excludeIndicators ?? []) && strings(c.excludeSections ?? [])) {
    out.committee = {
      excludeIndicators: [...((c.excludeIndicators as string[] | undefined) ?? [])],
      excludeSections: [...((c.excludeSections as string[] | undefined) ?? [])],
    };
  } else {
    problems.push(
      expected(
        "committee",
        '{"excludeIndicators": [keys], "excludeSections": [names]}',
        c,
        "every indicator is included",
      ),
    );
  }
}

function readTrend(t: unknown, out: Settings, problems: string[]): void {
  if (!isRecord(t)) {
    problems.push(expected("trend", "an object", t, "the defaults are used"));
    return;
  }
  const d = DEFAULT_SETTINGS.trend;
  if (t.sensitivity !== undefined) {
    if (t.sensitivity === "significance" || t.sensitivity === "any-change")
      out.trend.sensitivity = t.sensitivity;
    else
      problems.push(
        expected(
          "trend.sensitivity",
          '"significance" or "any-change"',
          t.sensitivity,
          `"${d.sensitivity}" is used`,
        ),
      );
  }
  out.trend.materialityPoints = readPositive(
    t.materialityPoints,
    "trend.materialityPoints",
    d.materialityPoints,
    problems,
  );
  out.trend.materialityRelative = readPositive(
    t.materialityRelative,
    "trend.materialityRelative",
    d.materialityRelative,
    problems,
  );
}

function readIndicators(v: unknown, out: Settings, problems: string[]): void {
  if (!isRecord(v)) {
    problems.push(
      expected("indicators", "an object keyed by indicator reference", v, "no indicator is overridden"),
    );
    return;
  }
  for (const [key, o] of Object.entries(v)) {
    if (!isRecord(o)) {
      problems.push(expected(`indicators.${key}`, "an object", o, "it is ignored"));
      continue;
    }
    const io: IndicatorOverride = {};
    if (o.polarity !== undefined) {
      const p = readChoice(o.polarity, `indicators.${key}.polarity`, POLARITIES, problems);
      if (p) io.polarity = p;
    }
    if (o.targetsModel !== undefined) {
      const m = readChoice(o.targetsModel, `indicators.${key}.targetsModel`, MODELS, problems);
      if (m) io.targetsModel = m;
    }
    const tol = readTolerance(o.tolerance, `indicators.${key}.tolerance`, problems);
    if (tol) io.tolerance = tol;
    out.indicators[key] = io;
  }
}

function readReviews(v: unknown, out: Settings, problems: string[]): void {
  if (!isRecord(v)) {
    problems.push(expected("reviews", "an object keyed by indicator", v, "no review is kept"));
    return;
  }
  for (const [key, list] of Object.entries(v)) {
    if (!Array.isArray(list)) {
      problems.push(expected(`reviews.${key}`, "a list", list, "it is dropped"));
      continue;
    }
    const marks: ReviewMark[] = [];
    for (const r of list) {
      if (isRecord(r) && typeof r.about === "string" && typeof r.note === "string") {
        marks.push({
          about: r.about,
          note: cutText(r.note, 500),
          value: typeof r.value === "number" ? r.value : null,
          at: typeof r.at === "string" ? r.at : "",
        });
      } else
        problems.push(expected(`reviews.${key}`, "entries of {about, note}", r, "that entry is dropped"));
    }
    out.reviews[key] = marks;
  }
}

type Reader = (value: unknown, out: Settings, problems: string[]) => void;

/**
 * Every setting and how it is read: a key of Settings without a reader does not compile, and the list
 * of known keys (for the unknown-key message) is this table's, so a new setting is one entry here.
 * A reader is only called for a key that is present.
 */
const READERS: { [K in keyof Settings]-?: Reader } = {
  version: (v, _out, problems) => {
    if (v !== 1)
      problems.push(
        `version: version ${shown(v)} is not one this add-in knows (1); what can be read is used.`,
      );
  },
  sourceSheet: (v, out, problems) => {
    if (typeof v === "string" && v.trim()) out.sourceSheet = v;
    else problems.push(expected("sourceSheet", "a sheet name", v, "the sheet is chosen by its shape"));
  },
  committeeSheet: (v, out, problems) => {
    if (typeof v === "string" && /^[^\\/?*[\]:]{1,31}$/.test(v)) out.committeeSheet = v;
    else
      problems.push(
        `committeeSheet: ${shown(v)} is not a valid sheet name (1-31 characters, none of \\ / ? * [ ] :); "${DEFAULT_SETTINGS.committeeSheet}" is used.`,
      );
  },
  columns: readColumns,
  headerRows: readHeaderRows,
  asAt: (v, out, problems) => {
    if (typeof v === "string" && v.trim()) out.asAt = v;
    else problems.push(expected("asAt", 'a period label such as "Aug 18"', v, "the latest period is used"));
  },
  committee: readCommittee,
  targetsModel: (v, out, problems) => {
    if (MODELS.includes(v as TargetsModel)) out.targetsModel = v as TargetsModel;
    else problems.push(expected("targetsModel", `one of ${MODELS.join(", ")}`, v, '"auto" is used'));
  },
  tolerance: (v, out, problems) => {
    out.tolerance = readTolerance(v, "tolerance", problems) ?? out.tolerance;
  },
  trend: readTrend,
  smallDenominator: (v, out, problems) => {
    out.smallDenominator = readPositive(v, "smallDenominator", DEFAULT_SETTINGS.smallDenominator, problems);
  },
  spc: readSpc,
  indicators: readIndicators,
  reviews: readReviews,
  council: (v, out, problems) => {
    out.council = readCouncil(v, problems);
  },
  national: (v, out, problems) => {
    out.national = readNationalMatches(v, problems);
  },
};

/** Every key a settings object may have. */
export const SETTING_KEYS = Object.keys(READERS) as (keyof Settings)[];

/** Reads settings from anything (parsed JSON, a workbook setting); never throws. */
export function validateSettings(input: unknown): SettingsResult {
  const problems: string[] = [];
  const d = DEFAULT_SETTINGS;
  const out: Settings = {
    ...d,
    columns: {},
    tolerance: { ...d.tolerance },
    trend: { ...d.trend },
    spc: { ...d.spc },
    indicators: {},
    reviews: {},
  };
  if (input === undefined || input === null) return { settings: out, problems };
  if (!isRecord(input)) {
    problems.push(`Settings must be a JSON object, found ${shown(input)}; the defaults are used.`);
    return { settings: out, problems };
  }
  for (const key of SETTING_KEYS) if (input[key] !== undefined) READERS[key](input[key], out, problems);
  return { settings: out, problems };
}

/** Parses settings JSON text with the same promises as validateSettings. */
export function parseSettingsJson(text: string): SettingsResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const { settings } = validateSettings(undefined);
    return {
      settings,
      problems: [`The settings are not valid JSON (${(e as Error).message}); the defaults are used.`],
    };
  }
  return validateSettings(parsed);
}
