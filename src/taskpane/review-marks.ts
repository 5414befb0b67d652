/**
 * One review per indicator: "I have looked at this indicator and all its flags", with a note that
 * prints in the committee paper. Marks made one flag at a time by earlier versions still count for
 * their flag, and their notes are offered in the new note so nothing the analyst wrote is lost.
 */
import type { ReviewMark, Settings } from "../engine/config";

/** What an indicator-wide mark is about, beside "band", "trend" and the flag codes of older marks. */
export const INDICATOR_REVIEW = "indicator";

export function markIndicatorReviewed(
  settings: Settings,
  key: string,
  mark: Omit<ReviewMark, "about">,
): Settings {
  return { ...settings, reviews: { ...settings.reviews, [key]: [{ ...mark, about: INDICATOR_REVIEW }] } };
}

export function clearIndicatorReview(settings: Settings, key: string): Settings {
  const reviews = Object.fromEntries(Object.entries(settings.reviews).filter(([k]) => k !== key));
  return { ...settings, reviews };
}

/** The note to start from: the indicator's own, or the notes of its older per-flag marks, one a line. */
export function startingNote(marks: readonly ReviewMark[]): string {
  const own = marks.find((m) => m.about === INDICATOR_REVIEW);
  if (own) return own.note;
  return [...new Set(marks.map((m) => m.note))].join("\n");
}
