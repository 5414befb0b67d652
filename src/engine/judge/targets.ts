/**
 * Targets as councils write them: Min/Upper numbers, a single target, "Fewer than 85", "Less than 22%",
 * "10% to 15%", "100% (13 homes)", "8 out of 15", or words that are no number at all.
 */
import { Cell, cellText, isError } from "../grid";
import { Measurement, Unit, parseMeasurement, parseText } from "../read/values";
import type { TargetsModel } from "../config";

export type TargetsKind = "min-upper" | "single" | "range" | "none";

export interface Targets {
  kind: TargetsKind;
  min?: number;
  upper?: number;
  target?: number;
  low?: number;
  high?: number;
  /** "Fewer than 85": meeting the target means strictly beating it. */
  strict?: boolean;
  unit: Unit;
  decimals: number;
  /** Target text that holds no number and is not a plain "no target". */
  notNumeric?: { text: string; role: "min" | "upper" | "target" };
  /** The target as the source wrote it, for display. */
  text?: string;
}

export interface ParsedTarget {
  value?: number;
  low?: number;
  high?: number;
  strict?: boolean;
  unit: Unit;
  decimals: number;
  /** Words with no number; "no target" kinds are silent, others are reported. */
  words?: string;
  silent?: boolean;
  text: string;
}

const NO_TARGET =
  /^(?:(?:no target|none|n\/?a|na|tbc|tba|not set|not applicable|measure for information|for information|information only|monitor only|baseline year|baseline)\b|[-–—]+$)/i;
const COMPARATOR =
  /^(fewer than|less than|lower than|below|under|no more than|not more than|at most|maximum of|max\.?|<=?|≤|at least|more than|greater than|higher than|above|over|minimum of|min\.?|no less than|not less than|>=?|≥)\s*/i;
const RANGE = /^(?:between\s+)?([-+]?[\d,.]+\s*%?)\s*(?:to|-|–|and)\s*([-+]?[\d,.]+\s*%?)$/i;

export function parseTargetCell(cell: Cell): ParsedTarget | null {
  const v = cell.value;
  const text = cellText(cell);
  if (v === null || text === "") return null;
  if (isError(v)) return { unit: "number", decimals: 0, words: text, text };
  if (typeof v === "number") {
    const m = parseMeasurement(cell);
    return m.value === null ? null : { value: m.value, unit: m.unit, decimals: m.decimals, text };
  }
  const s = String(v).replace(/\s+/g, " ").trim();
  if (NO_TARGET.test(s)) return { unit: "number", decimals: 0, words: s, silent: true, text };
  const range = RANGE.exec(s);
  if (range) {
    const a = parseText(
      range[1].trim().endsWith("%") || !range[2].trim().endsWith("%") ? range[1] : range[1] + "%",
    );
    const b = parseText(range[2]);
    if (a.value !== null && b.value !== null) {
      return {
        low: Math.min(a.value, b.value),
        high: Math.max(a.value, b.value),
        unit: b.unit,
        decimals: Math.max(a.decimals, b.decimals),
        text,
      };
    }
  }
  const comparator = COMPARATOR.exec(s);
  const rest = comparator ? s.slice(comparator[0].length) : s;
  let m: Measurement = parseText(rest);
  if (m.kind !== "number" || m.value === null) {
    // "In line with SN (91.3%)", "Above England average (65%)": the one figure in the words is the target.
    const embedded = embeddedFigure(s);
    if (!embedded) return { unit: "number", decimals: 0, words: s, text };
    m = embedded;
  }
  const strict = comparator
    ? /fewer|less|lower|below|under|more than|greater|higher|above|over|^<$|^>$/i.test(comparator[1])
    : false;
  return { value: m.value ?? undefined, unit: m.unit, decimals: m.decimals, strict, text };
}

// A figure inside words, never part of a year ("2017/18") or a date.
const FIGURE = /(?<![\d/.,])([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*%?)(?![\d/]|\.\d)/g;

function embeddedFigure(s: string): Measurement | null {
  const found = [...s.matchAll(FIGURE)].map((x) => x[1]);
  if (found.length !== 1) return null;
  const m = parseText(found[0]);
  return m.kind === "number" && m.value !== null ? m : null;
}

export interface TargetInputs {
  min: ParsedTarget | null;
  upper: ParsedTarget | null;
  target: ParsedTarget | null;
  model: TargetsModel;
  valueUnit: Unit;
}

/** A target typed as 90 beside values in percent means 90%. */
function inUnit(v: number | undefined, t: ParsedTarget, valueUnit: Unit): number | undefined {
  if (v === undefined) return undefined;
  if (valueUnit === "percent" && t.unit === "number" && Math.abs(v) > 1) return v / 100;
  return v;
}

/** The first target cell written in words rather than a figure, for the reading to quote. */
function firstNotNumeric(i: TargetInputs): Targets["notNumeric"] {
  if (i.min?.words && !i.min.silent) return { text: i.min.words, role: "min" };
  if (i.upper?.words && !i.upper.silent) return { text: i.upper.words, role: "upper" };
  if (i.target?.words && !i.target.silent) return { text: i.target.words, role: "target" };
  return undefined;
}

function figureOf(t: ParsedTarget | null, unit: Unit): number | undefined {
  return t && t.value !== undefined ? inUnit(t.value, t, unit) : undefined;
}

/**
 * Which kind of target the row has, under the model the settings ask for ("auto" takes what is there),
 * written into `out`. Each row's targets are built in one shape, as the engine reads thousands of rows.
 */
function shapeTargets(i: TargetInputs, out: Targets): void {
  const want = i.model;
  if (want === "none") return;
  const min = figureOf(i.min, i.valueUnit);
  // A floor beside a target is the minimum/upper model with the target as the upper (a floor standard).
  const upper =
    figureOf(i.upper, i.valueUnit) ??
    (min !== undefined && i.upper === null ? figureOf(i.target, i.valueUnit) : undefined);
  const range = i.target && i.target.low !== undefined && i.target.high !== undefined ? i.target : null;
  if ((want === "auto" || want === "min-upper") && min !== undefined && upper !== undefined) {
    Object.assign(out, { kind: "min-upper", min, upper });
  } else if ((want === "auto" || want === "range") && range) {
    const low = inUnit(range.low, range, i.valueUnit);
    Object.assign(out, { kind: "range", low, high: inUnit(range.high, range, i.valueUnit) });
  } else if (want === "range" && min !== undefined && upper !== undefined) {
    Object.assign(out, { kind: "range", low: Math.min(min, upper), high: Math.max(min, upper) });
  } else {
    const target = figureOf(i.target, i.valueUnit);
    const single = target ?? (want === "single" || want === "auto" ? (upper ?? min) : undefined);
    const only = min ?? upper;
    if (single !== undefined && want !== "min-upper")
      Object.assign(out, { kind: "single", target: single, strict: i.target?.strict ?? false });
    else if (want === "min-upper" && only !== undefined)
      Object.assign(out, { kind: "min-upper", min: only, upper: only });
  }
}

export function resolveTargets(i: TargetInputs): Targets {
  const decimals = Math.max(i.min?.decimals ?? 0, i.upper?.decimals ?? 0, i.target?.decimals ?? 0);
  const out: Targets = {
    kind: "none",
    unit: i.valueUnit,
    decimals,
    notNumeric: firstNotNumeric(i),
    text: i.target?.text,
  };
  shapeTargets(i, out);
  return out;
}

export interface TargetReading {
  targets: Targets;
  min: ParsedTarget | null;
  upper: ParsedTarget | null;
  target: ParsedTarget | null;
  /** The target's words, where it has some ("Fewer than 85"): they may say the better direction. */
  words?: string;
}

/** The pipeline's targets step: the row's Min, Upper and Target cells, resolved in the value's unit. */
export function readTargets(
  cell: (col: number | undefined) => Cell,
  cols: { min?: number; upper?: number; target?: number },
  valueUnit: Unit,
  model: TargetsModel,
): TargetReading {
  const parsed = (col: number | undefined) => (col !== undefined ? parseTargetCell(cell(col)) : null);
  const min = parsed(cols.min);
  const upper = parsed(cols.upper);
  const target = parsed(cols.target);
  const targets = resolveTargets({ min, upper, target, model, valueUnit });
  return { targets, min, upper, target, words: target?.words ?? target?.text ?? min?.text };
}
