/**
 * An indicator's name as the pane shows and speaks it. A reference set straight before its measure
 * reads as a figure ("1.2 % of referrals…" is heard as "1.2 percent of referrals"), so the reference is
 * set apart: shown muted before a middle dot, and spoken as "Reference 1.2: % of referrals…".
 */
export interface IndicatorLabel {
  /** The scorecard's reference, where it has one. */
  ref?: string;
  title: string;
  /** As shown in one line: "1.2 · % of referrals…". */
  text: string;
  /** As a screen reader should say it: "Reference 1.2: % of referrals…". */
  spoken: string;
}

export function indicatorLabel(i: { ref?: string | null; title: string }): IndicatorLabel {
  const ref = i.ref?.trim() || undefined;
  if (!ref) return { title: i.title, text: i.title, spoken: i.title };
  return { ref, title: i.title, text: `${ref} · ${i.title}`, spoken: `Reference ${ref}: ${i.title}` };
}
