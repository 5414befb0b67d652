/** The analysis as the JSON contract of docs/analyse-json.md, and as a table a person can read in a terminal. */
import type { Analysis, Assessment } from "../engine/judge/assess";
import { cutText } from "../engine/text-cut";
import type { NationalAnalysis, NationalAssessment } from "../engine/judge/national/attach";
import { nationalJson, nationalSummaryJson } from "./national-json";

export function toJson(a: Analysis | NationalAnalysis): object {
  return {
    sheet: a.sheet,
    title: a.title ?? null,
    reportingPeriod: a.reportingPeriod ?? null,
    header: a.header,
    periods: a.periods,
    sections: a.sections,
    columns: a.columns,
    reading: {
      confidence: a.reading.confidence,
      level: a.reading.level,
      doubts: a.reading.doubts,
      tables: a.reading.tables,
    },
    notes: a.notes,
    national: "national" in a ? nationalSummaryJson(a.national) : null,
    indicators: a.indicators.map((i) => indicatorJson(i, a.periods)),
  };
}

function indicatorJson(i: Assessment | NationalAssessment, periods: string[]): object {
  return {
    key: i.key,
    ref: i.ref,
    title: i.title,
    section: i.section,
    row: i.row,
    cell: i.cell.address,
    unit: i.unit,
    value: i.value,
    display: i.display,
    periodType: i.periodType,
    numerator: i.numerator ?? null,
    denominator: i.denominator ?? null,
    previous: i.previous ?? null,
    series: i.series.map((value, k) => ({ period: periods[k], value })),
    polarity: i.polarity,
    polaritySource: i.polaritySource,
    targets: { ...i.targets, description: i.targetText },
    band: i.band,
    bandReason: i.bandReason,
    trend: i.trend,
    // The contract's fields only; the reason in words travels as the trend's reason.
    spc: i.spc
      ? {
          points: i.spc.points,
          mean: i.spc.mean,
          lower: i.spc.lower,
          upper: i.spc.upper,
          variation: i.spc.variation,
          assurance: i.spc.assurance,
          rule: i.spc.rule,
        }
      : null,
    flags: i.flags.map((f) => ({ code: f.code, message: f.message, cell: f.cell?.address ?? null })),
    provisional: i.provisional,
    dataQuality: i.dataQuality ?? null,
    owner: i.owner ?? null,
    frequency: i.frequency ?? null,
    commentary: i.sourceCommentary ?? null,
    benchmarks: i.benchmarks,
    previousRag: i.previousRag ?? null,
    previousDirection: i.previousDirection ?? null,
    national: "national" in i && i.national ? nationalJson(i.national) : null,
  };
}

const BAND_WORD = { green: "GREEN", amber: "AMBER", red: "RED", none: "-" } as const;
const ARROW = {
  improving: "▲ improving",
  worsening: "▼ worsening",
  stable: "► stable",
  up: "▲ up",
  down: "▼ down",
  unknown: "  unknown",
} as const;

/** Control characters from a cell would move a terminal's cursor or ring its bell; show them instead. */
export function visible(s: string): string {
  return s.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001F\u007F-\u009F]/g,
    (c) =>
      c === "\n"
        ? "\\n"
        : c === "\t"
          ? "\\t"
          : c === "\r"
            ? "\\r"
            : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
  );
}

function pad(raw: string, n: number): string {
  const s = visible(raw);
  return cutText(s, n, "…").padEnd(n);
}

export function toTable(a: Analysis): string {
  const lines: string[] = [];
  lines.push(
    `${visible(a.title ?? a.sheet)}${a.reportingPeriod ? ` — ${visible(a.reportingPeriod)}` : ""} (sheet '${visible(a.sheet)}', header rows ${a.header.top}-${a.header.bottom})`,
  );
  lines.push("");
  lines.push(
    `${pad("Ref", 14)} ${pad("Measure", 44)} ${pad("Value", 22)} ${pad("Target", 20)} ${pad("Band", 6)} ${pad("Trend", 13)} Flags`,
  );
  let section: string | null = null;
  for (const i of a.indicators) {
    if (i.section !== section) {
      section = i.section;
      if (section) lines.push(`— ${visible(section)}`);
    }
    lines.push(
      `${pad(i.ref ?? "", 14)} ${pad(i.title, 44)} ${pad(i.display, 22)} ${pad(i.targetText, 20)} ${pad(BAND_WORD[i.band], 6)} ${pad(ARROW[i.trend.direction], 13)} ${i.flags.map((f) => f.code).join(", ")}`,
    );
  }
  return lines.join("\n");
}
