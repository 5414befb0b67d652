/**
 * What the paper says about the Department's figures outside the table: on the summary page, one
 * sentence naming where the council is furthest behind England (the most negative gap through
 * polarity), and under the table, once, where the figures come from and the licence they are used
 * under. Neither prints where no indicator has national figures.
 */
import type { Analysis, Assessment } from "../judge/assess";
import type { IndicatorNational } from "../judge/national/attach";
import { formatNational } from "../judge/national/format";
import { nationalContext, nationalOf } from "./national-columns";
import { Paper, span } from "./paper-context";

interface Behind {
  a: Assessment;
  x: IndicatorNational;
}

/** The indicator whose council figure is furthest from England's in the worse direction, if any is worse. */
export function furthestBehind(analysis: Analysis): Behind | null {
  let worst: Behind | null = null;
  for (const a of analysis.indicators) {
    const x = nationalOf(a);
    if (!x || x.gap === null || x.gap >= 0) continue;
    if (!worst || x.gap < (worst.x.gap ?? 0)) worst = { a, x };
  }
  return worst;
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);

/**
 * "Tower Hamlets is furthest behind England on care leavers aged 19 to 21 in suitable accommodation
 * (6.30): 85% against England's 89% in 2024-25." Null without a council or any national figure.
 */
export function furthestBehindSentence(analysis: Analysis): string | null {
  const council = nationalContext(analysis)?.council;
  const compared = analysis.indicators.some((a) => (nationalOf(a)?.gap ?? null) !== null);
  if (!council || !compared) return null;
  const behind = furthestBehind(analysis);
  if (!behind) return `${council.name} is level with England or better on every measure compared with it.`;
  const { a, x } = behind;
  const ref = a.ref ? ` (${a.ref})` : "";
  return `${council.name} is furthest behind England on ${lowerFirst(x.name)}${ref}: ${formatNational(x.council, x)} against England's ${formatNational(x.england, x)} in ${x.period}.`;
}

/** The sources of the figures this paper shows, each with its year, in the order they first appear. */
function sourcesOf(analysis: Analysis): string[] {
  const seen = new Set<string>();
  for (const a of analysis.indicators) {
    const x = nationalOf(a);
    if (x) seen.add(x.source);
  }
  return [...seen];
}

/** The note under the table: the sources and years, what the neighbours and the rank are, the licence. */
export function attributionText(analysis: Analysis): string | null {
  const n = nationalContext(analysis);
  const sources = sourcesOf(analysis);
  if (!n || !sources.length) return null;
  const parts = [`National figures: ${sources.join("; ")}.`];
  if (n.council)
    parts.push(
      `Neighbours: the median of the ten statistical neighbours of ${n.council.name} (${n.neighbours.map((c) => c.name).join(", ")}; ${n.neighbourModel}), as the Department's dashboard computes it. Rank: among authorities with a published figure, 1st is the best (the highest where neither direction is better). Better or worse compares figures of the same year.`,
    );
  parts.push(n.attribution);
  return parts.join(" ");
}

/** The summary page's sentence on the national picture, below the lists. */
export function nationalSummaryPart(p: Paper): void {
  const sentence = furthestBehindSentence(p.analysis);
  if (!sentence) return;
  const { left, right } = span(p);
  p.sheet.row(6);
  p.sheet.line(sentence, "summary", left, right);
}

/** The attribution, printed once under the table. */
export function nationalNotePart(p: Paper): void {
  const text = attributionText(p.analysis);
  if (!text) return;
  const { left, right } = span(p);
  p.sheet.row(4);
  p.sheet.line(text, "rules", left, right);
}
