/** The analysis as the JSON contract of DESIGN.md, and as a table a person can read in a terminal. */
import type { Analysis, Assessment } from "../engine/assess";

export function toJson(a: Analysis): object {
  return {
    sheet: a.sheet,
    title: a.title ?? null,
    reportingPeriod: a.reportingPeriod ?? null,
    header: a.header,
    periods: a.periods,
    sections: a.sections,
    columns: a.columns,
    notes: a.notes,
    indicators: a.indicators.map((i) => indicatorJson(i, a.periods)),
  };
}

function indicatorJson(i: Assessment, periods: string[]): object {
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
    flags: i.flags.map((f) => ({ code: f.code, message: f.message, cell: f.cell?.address ?? null })),
    provisional: i.provisional,
    dataQuality: i.dataQuality ?? null,
    owner: i.owner ?? null,
    frequency: i.frequency ?? null,
    commentary: i.sourceCommentary ?? null,
    benchmarks: i.benchmarks,
    previousRag: i.previousRag ?? null,
    previousDirection: i.previousDirection ?? null,
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

function pad(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + "…" : s.padEnd(n);
}

export function toTable(a: Analysis): string {
  const lines: string[] = [];
  lines.push(
    `${a.title ?? a.sheet}${a.reportingPeriod ? ` — ${a.reportingPeriod}` : ""} (sheet '${a.sheet}', header rows ${a.header.top}-${a.header.bottom})`,
  );
  lines.push("");
  lines.push(
    `${pad("Ref", 14)} ${pad("Measure", 44)} ${pad("Value", 22)} ${pad("Target", 20)} ${pad("Band", 6)} ${pad("Trend", 13)} Flags`,
  );
  let section: string | null = null;
  for (const i of a.indicators) {
    if (i.section !== section) {
      section = i.section;
      if (section) lines.push(`— ${section}`);
    }
    lines.push(
      `${pad(i.ref ?? "", 14)} ${pad(i.title, 44)} ${pad(i.display, 22)} ${pad(i.targetText, 20)} ${pad(BAND_WORD[i.band], 6)} ${pad(ARROW[i.trend.direction], 13)} ${i.flags.map((f) => f.code).join(", ")}`,
    );
  }
  return lines.join("\n");
}
