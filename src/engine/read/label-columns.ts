/**
 * The columns that name the indicators, found as a person finds them: the measure is the column of
 * distinct titles, words rather than codes, standing to the left of the figures; the reference is the
 * column of short distinct codes beside it. Header words add weight but never decide alone, so a measure
 * headed "What we count", or by the table's own name, is still the measure.
 */
import { share } from "./column-content";
import { ColumnFacts } from "./column-facts";
import { ColumnDecision, SURE, decided, oneLine, says } from "./evidence";

/** Columns whose cells are mostly figures: the ones a title stands to the left of. */
function figureColumns(facts: ColumnFacts[]): number[] {
  return facts
    .filter((f) => f.content.profile.filled > 0 && share(f.content.profile, "number", "percent") >= 0.5)
    .map((f) => f.col);
}

function textShare(f: ColumnFacts): number {
  return share(f.content.profile, "long-text", "text");
}

/** How much a column looks like the measures' titles; 0 where it cannot be. */
function titleScore(f: ColumnFacts, figures: number[], decision: ColumnDecision): number {
  const t = f.content.text;
  if (t.count === 0 || textShare(f) < 0.5) return 0;
  if (decision.role !== null && !TITLE_ROLES.has(decision.role)) return 0;
  // Titles differ row to row; a comment repeated down the column ("Reviewed monthly.") does not.
  const distinct = t.distinct / t.count;
  if (t.count > 1 && (distinct < 0.7 || (t.count === 2 && t.distinct < 2))) return 0;
  const codes = t.codes / t.count;
  const wordy = t.wordy / t.count;
  const sentences = 1 - 0.7 * (t.sentences / t.count);
  // Every indicator has a title; a comment column is often half empty.
  const fill = t.rows ? t.count / t.rows : 1;
  const right = figures.length ? figures.filter((c) => c > f.col).length / figures.length : 1;
  const words = f.headerRole === "measure" ? 2 : f.headerRole === null || f.headerRole === "ref" ? 1 : 0.5;
  const length = Math.min(t.meanLength, 80) + 20 * wordy;
  return (
    length *
    distinct *
    sentences *
    fill *
    fill *
    (codes >= 0.6 ? 0.3 : 1) *
    (0.5 + 0.5 * right) *
    words *
    t.count
  );
}

const TITLE_ROLES = new Set<string>(["measure", "ref", "commentary"]);

function codeScore(f: ColumnFacts, measure: number): number {
  const t = f.content.text;
  if (t.count === 0 || f.col === measure) return 0;
  const codes = t.codes / t.count;
  const distinct = t.count <= 2 ? 1 : t.distinct / t.count;
  if (f.headerRole === "ref") return 4 * Math.max(codes, 0.5) * t.count;
  if (f.headerRole !== null || codes < 0.6 || distinct < 0.8 || t.meanLength > 15) return 0;
  // A column of numbers is a reference only where it stands left of the titles ("1.1", "11.13").
  const numbers = share(f.content.profile, "number");
  if (numbers > 0.5 && (measure < 0 || f.col > measure)) return 0;
  if (share(f.content.profile, "long-text", "text", "number") < 0.8) return 0;
  return codes * distinct * (measure < 0 || f.col < measure ? 1 : 0.4) * t.count;
}

/**
 * A header that speaks of measures in a phrase no rule knows ("Performance Indicator Description",
 * "Indicator and Description", "Key performance indicators"): words that bear out what the cells say.
 */
const MEASURE_WORD = /\b(?:indicators?|measures?|kpis?|description|pis)\b/i;

function measureDecision(f: ColumnFacts, ambiguous: ColumnFacts | undefined): ColumnDecision {
  const t = f.content.text;
  const titles = `${t.distinct} distinct titles${t.wordy ? " in words" : ""}, left of the figures`;
  const named = f.headerRole === "measure" || (f.headerRole === null && MEASURE_WORD.test(f.own));
  let sure: number = named ? SURE.agreed : f.headerRole === null ? SURE.content : SURE.conflict;
  if (!named && f.headerRole === null && t.wordy < t.count / 2) sure = SURE.place;
  let why = named ? `${says(f.own)} and it holds ${titles}` : `it holds ${titles} (${says(f.own)})`;
  if (ambiguous) {
    sure -= 0.15;
    why += `; ${ambiguous.letter} could also be the measure`;
  }
  return decided(f.letter, "measure", why, sure);
}

function refDecision(f: ColumnFacts): ColumnDecision {
  const t = f.content.text;
  const codes = `${t.codes} of ${t.count} cells are short distinct codes`;
  if (f.headerRole === "ref")
    return decided(
      f.letter,
      "ref",
      `${says(f.own)} and ${codes}`,
      t.codes >= t.count / 2 ? SURE.agreed : SURE.words,
    );
  return decided(f.letter, "ref", `${codes} beside the measure (${says(f.own)})`, SURE.content);
}

function best(scores: number[]): number {
  let at = -1;
  for (let i = 0; i < scores.length; i++) if (scores[i] > 0 && (at < 0 || scores[i] > scores[at])) at = i;
  return at;
}

/** Chooses the measure and reference columns, and reads other long text as commentary. */
export function labelColumns(facts: ColumnFacts[], decisions: ColumnDecision[]): void {
  const figures = figureColumns(facts);
  const scores = facts.map((f, i) => titleScore(f, figures, decisions[i]));
  // Header words the cells bear out settle it: one column named the measure that holds titles.
  const named = facts.filter((f, i) => f.headerRole === "measure" && scores[i] > 0);
  const m = named.length === 1 ? named[0].col : best(scores);
  if (m >= 0) {
    const runnerUp = facts.find(
      (f, i) => i !== m && scores[i] >= scores[m] * 0.75 && f.headerRole !== "commentary",
    );
    for (let i = 0; i < decisions.length; i++)
      if (decisions[i].role === "measure") Object.assign(decisions[i], notRead(facts[i], "measure"));
    Object.assign(decisions[m], measureDecision(facts[m], runnerUp));
  }
  const refScores = facts.map((f, i) => (decisions[i].role === "measure" ? 0 : codeScore(f, m)));
  const r = best(refScores);
  for (let i = 0; i < decisions.length; i++)
    if (decisions[i].role === "ref" && i !== r) Object.assign(decisions[i], notRead(facts[i], "ref"));
  if (r >= 0) Object.assign(decisions[r], refDecision(facts[r]));
  for (let i = 0; i < facts.length; i++) {
    const f = facts[i];
    const t = f.content.text;
    const sentences = t.count > 0 && t.sentences >= t.count / 2;
    const long = f.content.profile.filled >= 2 && (share(f.content.profile, "long-text") >= 0.5 || sentences);
    if (decisions[i].role === null && long && share(f.content.profile, "number", "percent") < 0.2)
      Object.assign(
        decisions[i],
        decided(
          f.letter,
          "commentary",
          `${f.own ? `its header '${oneLine(f.own)}' names no role` : "it has no header"}, and it holds long text or sentences, which read as comments`,
          SURE.content,
        ),
      );
  }
}

function notRead(f: ColumnFacts, role: "measure" | "ref"): ColumnDecision {
  return decided(
    f.letter,
    null,
    `${says(f.own)}, but another column holds the ${role === "measure" ? "titles" : "references"}`,
    0,
  );
}
