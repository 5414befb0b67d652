/**
 * Per-workbook settings: the same JSON the task pane saves into the workbook and the command line reads
 * from --config. Everything is optional; validation turns a bad or older value into clear messages and
 * falls back to defaults, so a corrupt setting never stops a refresh.
 */
import type { Role } from "./read/roles";
import { ROLES } from "./read/roles";
import { DEFAULT_SPC, SpcSettings } from "./judge/spc";
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
    `${where}: expected {"kind": "relative"|"points", "amount": a number ≥ 0}; the default is used.`,
  );
  return undefined;
}

function readPositive(v: unknown, where: string, fallback: number, problems: string[]): number {
  if (v === undefined) return fallback;
  if (typeof v === "number" && Number.isFinite(v) && v >= 0) return v;
  problems.push(`${where}: expected a number ≥ 0, found ${JSON.stringify(v)}; ${fallback} is used.`);
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
  problems.push(
    `${where}: expected a whole number from ${min} to ${max}, found ${JSON.stringify(v)}; ${fallback} is used.`,
  );
  return fallback;
}

function readSpc(v: unknown, out: SpcSettings, problems: string[]): void {
  if (!isRecord(v)) {
    problems.push("spc: expected an object; the defaults are used.");
    return;
  }
  // Two points make one moving range; runs shorter than 3 would call every wobble special cause.
  out.minPoints = readWhole(v.minPoints, "spc.minPoints", 2, 1000, out.minPoints, problems);
  out.trendLength = readWhole(v.trendLength, "spc.trendLength", 3, 100, out.trendLength, problems);
  out.shiftLength = readWhole(v.shiftLength, "spc.shiftLength", 3, 100, out.shiftLength, problems);
  if (v.baseline === null || v.baseline === undefined) return;
  // NHSRplotthedots will not fix limits on fewer than 12 points.
  if (typeof v.baseline === "number" && Number.isInteger(v.baseline) && v.baseline >= 12) {
    out.baseline = v.baseline;
  } else {
    problems.push(
      `spc.baseline: expected null or a whole number of points of at least 12, found ${JSON.stringify(v.baseline)}; the limits use every point.`,
    );
  }
}

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
    problems.push(`Settings must be a JSON object, found ${typeof input}; the defaults are used.`);
    return { settings: out, problems };
  }
  const version = input.version ?? 1;
  if (version !== 1) {
    problems.push(
      `Settings version ${JSON.stringify(version)} is not one this add-in knows (1); what can be read is used.`,
    );
  }
  if (input.sourceSheet !== undefined) {
    if (typeof input.sourceSheet === "string" && input.sourceSheet.trim())
      out.sourceSheet = input.sourceSheet;
    else problems.push("sourceSheet: expected a sheet name.");
  }
  if (input.committeeSheet !== undefined) {
    if (typeof input.committeeSheet === "string" && /^[^\\/?*[\]:]{1,31}$/.test(input.committeeSheet)) {
      out.committeeSheet = input.committeeSheet;
    } else {
      problems.push(
        `committeeSheet: ${JSON.stringify(input.committeeSheet)} is not a valid sheet name (1-31 characters, none of \\ / ? * [ ] :); "${d.committeeSheet}" is used.`,
      );
    }
  }
  if (input.columns !== undefined) {
    if (!isRecord(input.columns)) problems.push("columns: expected an object of role -> column letter.");
    else {
      for (const [role, letter] of Object.entries(input.columns)) {
        if (!(ROLES as readonly string[]).includes(role)) {
          problems.push(`columns.${role}: not a known column role (${ROLES.join(", ")}).`);
        } else if (typeof letter !== "string" || !/^[A-Za-z]{1,3}$/.test(letter)) {
          problems.push(
            `columns.${role}: expected a column letter such as "C", found ${JSON.stringify(letter)}.`,
          );
        } else {
          out.columns[role as Role] = letter.toUpperCase();
        }
      }
    }
  }
  if (input.headerRows !== undefined) {
    const h = input.headerRows;
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
        `headerRows: expected {"top": row, "bottom": row} with 1 ≤ top ≤ bottom, found ${JSON.stringify(h)}; the header is detected.`,
      );
    }
  }
  if (input.asAt !== undefined) {
    if (typeof input.asAt === "string" && input.asAt.trim()) out.asAt = input.asAt;
    else problems.push(`asAt: expected a period label such as "Aug 18"; the latest period is used.`);
  }
  if (input.committee !== undefined) {
    const c = input.committee;
    const strings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === "string");
    if (isRecord(c) && strings(c.excludeIndicators ?? []) && strings(c.excludeSections ?? [])) {
      out.committee = {
        excludeIndicators: [...((c.excludeIndicators as string[] | undefined) ?? [])],
        excludeSections: [...((c.excludeSections as string[] | undefined) ?? [])],
      };
    } else {
      problems.push(
        'committee: expected {"excludeIndicators": [keys], "excludeSections": [names]}; every indicator is included.',
      );
    }
  }
  if (input.council !== undefined) out.council = readCouncil(input.council, problems);
  if (input.national !== undefined) out.national = readNationalMatches(input.national, problems);
  if (input.targetsModel !== undefined) {
    if (MODELS.includes(input.targetsModel as TargetsModel))
      out.targetsModel = input.targetsModel as TargetsModel;
    else problems.push(`targetsModel: expected one of ${MODELS.join(", ")}; "auto" is used.`);
  }
  out.tolerance = readTolerance(input.tolerance, "tolerance", problems) ?? out.tolerance;
  if (input.trend !== undefined) {
    if (!isRecord(input.trend)) problems.push("trend: expected an object.");
    else {
      const t = input.trend;
      if (t.sensitivity !== undefined) {
        if (t.sensitivity === "significance" || t.sensitivity === "any-change")
          out.trend.sensitivity = t.sensitivity;
        else problems.push('trend.sensitivity: expected "significance" or "any-change".');
      }
      out.trend.materialityPoints = readPositive(
        t.materialityPoints,
        "trend.materialityPoints",
        d.trend.materialityPoints,
        problems,
      );
      out.trend.materialityRelative = readPositive(
        t.materialityRelative,
        "trend.materialityRelative",
        d.trend.materialityRelative,
        problems,
      );
    }
  }
  out.smallDenominator = readPositive(
    input.smallDenominator,
    "smallDenominator",
    d.smallDenominator,
    problems,
  );
  if (input.spc !== undefined) readSpc(input.spc, out.spc, problems);
  if (input.indicators !== undefined) {
    if (!isRecord(input.indicators))
      problems.push("indicators: expected an object keyed by indicator reference.");
    else {
      for (const [key, o] of Object.entries(input.indicators)) {
        if (!isRecord(o)) {
          problems.push(`indicators.${key}: expected an object.`);
          continue;
        }
        const io: IndicatorOverride = {};
        if (o.polarity !== undefined) {
          if (POLARITIES.includes(o.polarity as PolarityName)) io.polarity = o.polarity as PolarityName;
          else problems.push(`indicators.${key}.polarity: expected one of ${POLARITIES.join(", ")}.`);
        }
        if (o.targetsModel !== undefined) {
          if (MODELS.includes(o.targetsModel as TargetsModel))
            io.targetsModel = o.targetsModel as TargetsModel;
          else problems.push(`indicators.${key}.targetsModel: expected one of ${MODELS.join(", ")}.`);
        }
        const tol = readTolerance(o.tolerance, `indicators.${key}.tolerance`, problems);
        if (tol) io.tolerance = tol;
        out.indicators[key] = io;
      }
    }
  }
  if (input.reviews !== undefined) {
    if (!isRecord(input.reviews)) problems.push("reviews: expected an object keyed by indicator.");
    else {
      for (const [key, list] of Object.entries(input.reviews)) {
        if (!Array.isArray(list)) {
          problems.push(`reviews.${key}: expected a list.`);
          continue;
        }
        const marks: ReviewMark[] = [];
        for (const r of list) {
          if (isRecord(r) && typeof r.about === "string" && typeof r.note === "string") {
            marks.push({
              about: r.about,
              note: r.note.slice(0, 500),
              value: typeof r.value === "number" ? r.value : null,
              at: typeof r.at === "string" ? r.at : "",
            });
          } else problems.push(`reviews.${key}: an entry is not {about, note}; it is dropped.`);
        }
        out.reviews[key] = marks;
      }
    }
  }
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
