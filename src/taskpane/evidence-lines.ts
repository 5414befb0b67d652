/**
 * The reasons for the column roles, one line each, as the analyst checks them. A run of period columns
 * (six months, thirteen years) is one line, with the reason of its first column: the rest are read the
 * same way and the preview shows each.
 */
import type { Analysis } from "../engine/judge/assess";
import { ROLE_LABELS, sureness } from "./role-labels";

export interface EvidenceLine {
  letters: string;
  role: string;
  sure: string;
  why: string;
}

type Column = Analysis["columns"][number];

function line(run: Column[]): EvidenceLine {
  const first = run[0];
  const last = run[run.length - 1];
  const sure = sureness(
    Math.min(...run.map((c) => c.confidence)),
    run.every((c) => c.pinned),
  );
  const role = first.role ? ROLE_LABELS[first.role] : "Not used";
  if (run.length === 1) return { letters: first.letter, role, sure, why: first.evidence };
  const rest = run.length === 2 ? last.letter : `${run[1].letter}–${last.letter}`;
  return {
    letters: `${first.letter}–${last.letter}`,
    role,
    sure,
    why: `${first.evidence}; ${rest} likewise (${run.length === 2 ? last.own : `${run[1].own} to ${last.own}`}).`,
  };
}

export function evidenceLines(columns: Analysis["columns"]): EvidenceLine[] {
  const out: EvidenceLine[] = [];
  let run: Column[] = [];
  const flush = () => {
    if (run.length) out.push(line(run));
    run = [];
  };
  for (const c of columns) {
    if (c.role === null) continue;
    const prev = run[run.length - 1];
    const joins = prev && c.role === "period" && prev.role === "period" && c.pinned === prev.pinned;
    if (!joins) flush();
    run.push(c);
  }
  flush();
  return out;
}
