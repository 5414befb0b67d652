/**
 * Review marks: an analyst's "I have looked at this" with a short note, kept in the workbook's settings
 * and shown in the committee sheet. A mark holds the value it was made against; when the value changes
 * the mark no longer applies and is cleared.
 */
import type { Analysis } from "./assess";
import type { ReviewMark, Settings } from "../config";

export function activeReviews(settings: Settings, key: string, value: number | null): ReviewMark[] {
  return (settings.reviews[key] ?? []).filter((m) => m.value === value);
}

export function addReview(settings: Settings, key: string, mark: ReviewMark): Settings {
  const others = (settings.reviews[key] ?? []).filter((m) => m.about !== mark.about);
  return { ...settings, reviews: { ...settings.reviews, [key]: [...others, mark] } };
}

export function removeReview(settings: Settings, key: string, about: string): Settings {
  const left = (settings.reviews[key] ?? []).filter((m) => m.about !== about);
  const others = Object.entries(settings.reviews).filter(([k]) => k !== key);
  return { ...settings, reviews: Object.fromEntries(left.length ? [...others, [key, left]] : others) };
}

/** Drops marks whose value has changed; marks of indicators not on the sheet are kept for their return. */
export function pruneReviews(
  settings: Settings,
  analysis: Analysis,
): { settings: Settings; cleared: number } {
  let cleared = 0;
  const reviews: Settings["reviews"] = {};
  for (const [key, marks] of Object.entries(settings.reviews)) {
    const a = analysis.indicators.find((i) => i.key === key);
    const kept = a ? marks.filter((m) => m.value === a.value) : marks;
    cleared += marks.length - kept.length;
    if (kept.length) reviews[key] = kept;
  }
  return { settings: cleared ? { ...settings, reviews } : settings, cleared };
}
