/**
 * `scorecard analyse <file> --explain`: the sheet as it was read, for a person to check at a glance. The
 * first rows with the role over each column and the header rows marked, each table outlined with each
 * column's role and the reason for it, and the doubts that lowered the confidence.
 */
import type { Analysis } from "../engine/judge/assess";
import type { PreviewRow, Reading, TableOutline } from "../engine/read/reading";
import { ROLE_NAMES } from "../engine/read/roles";
import { cutText } from "../engine/text-cut";
import { visible } from "./report";

/** Characters of each cell shown in the first rows: enough to recognise it, few enough for a terminal. */
const CELL = 14;
const KIND: Record<PreviewRow["kind"], string> = {
  above: "",
  header: "HEADER",
  indicator: "indicator",
  section: "section",
  continuation: "cont.",
  "repeated-header": "rep. header",
  "page-heading": "page head",
  note: "note",
  total: "total",
  comment: "comment",
};

function cut(s: string, n: number): string {
  const v = visible(s);
  return v.length > n ? cutText(v, n, "…") : v.padEnd(n);
}

function outline(t: TableOutline, i: number): string[] {
  const named = t.title ? ` '${visible(t.title)}'` : "";
  const section = t.section && t.section !== t.title ? `, section '${visible(t.section)}'` : "";
  const lines = [
    `Table ${i + 1}${named}: header rows ${t.headerTop}-${t.headerBottom}, body rows ${t.top}-${t.bottom}, columns ${t.left}-${t.right}${section}`,
  ];
  for (const c of t.columns)
    lines.push(
      `  ${c.letter.padEnd(3)} ${cut(ROLE_NAMES[c.role], 22)} ${c.confidence.toFixed(2)}  ${visible(c.evidence)}`,
    );
  return lines;
}

/** The first rows as read: the role over each column, each row's kind, header rows in capitals. */
function firstRows(r: Reading): string[] {
  const cols = r.preview.columns;
  const lead = " ".repeat(6 + 12);
  const lines = [
    (lead + cols.map((c) => cut(c.letter, CELL)).join(" ")).trimEnd(),
    `${"role".padEnd(18)}${cols.map((c) => cut(c.role ? ROLE_NAMES[c.role] : "-", CELL)).join(" ")}`.trimEnd(),
  ];
  for (const row of r.preview.rows) {
    const mark = row.kind === "header" ? "▌" : " ";
    const blank = row.cells.every((c) => c === "");
    const cells = row.cells.map((c) => cut(c, CELL)).join(" ");
    lines.push(
      `${mark}${String(row.row).padStart(4)} ${cut(blank ? "" : KIND[row.kind], 12)}${cells}`.trimEnd(),
    );
  }
  return lines;
}

export function explain(a: Analysis): string {
  const r = a.reading;
  const lines = [
    `Sheet '${visible(a.sheet)}' read with ${r.level} confidence (${r.confidence.toFixed(2)}); ${a.indicators.length} indicator${a.indicators.length === 1 ? "" : "s"}${a.periods.length ? `, periods ${a.periods[0]} to ${a.periods[a.periods.length - 1]}` : ""}.`,
    "",
  ];
  r.tables.forEach((t, i) => lines.push(...outline(t, i), ""));
  lines.push(
    "First rows as read (▌ marks header rows; the role of each column is above it):",
    ...firstRows(r),
    "",
  );
  if (r.doubts.length) lines.push("To check:", ...r.doubts.map((d) => `  - ${visible(d)}`));
  else lines.push("Nothing to check: every column the paper rests on was read from agreeing evidence.");
  return lines.join("\n");
}
