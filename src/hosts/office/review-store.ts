/**
 * Review marks and their notes live in the workbook itself, in a custom XML part of their own
 * (workbook.customXmlParts, ExcelApi 1.5), not in the settings bag: Office.Settings holds at most 32 KB
 * per add-in (error 9057), which forty flags with a paragraph each can pass. The part travels with the
 * file, is never shown on a sheet, and is found again by its namespace.
 */
import { validateSettings } from "../../engine/config";
import type { ReviewMark, Settings } from "../../engine/config";

export type Reviews = Settings["reviews"];

export const REVIEWS_NAMESPACE = "urn:scorecard-addin:review-marks:1";

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The part's XML: the marks as JSON text in one element, so that no note can break the markup. */
export function reviewsXml(reviews: Reviews): string {
  return `<reviews xmlns="${REVIEWS_NAMESPACE}" version="1">${escapeXml(JSON.stringify(reviews))}</reviews>`;
}

/** The marks a part holds; marks that do not validate are dropped and said. */
export function parseReviewsXml(xml: string): { reviews: Reviews; problems: string[] } {
  const m = /<reviews\b[^>]*>([\s\S]*)<\/reviews>/.exec(xml);
  if (!m)
    return { reviews: {}, problems: ["The workbook's review marks could not be read (unexpected XML)."] };
  let raw: unknown;
  try {
    raw = JSON.parse(unescapeXml(m[1]));
  } catch {
    return { reviews: {}, problems: ["The workbook's review marks could not be read (not valid JSON)."] };
  }
  const checked = validateSettings({ reviews: raw });
  return { reviews: checked.settings.reviews, problems: checked.problems.map((p) => `Review marks: ${p}`) };
}

const markKey = (key: string, m: ReviewMark) => `${key}\u0000${m.about}`;

function flatten(r: Reviews): Map<string, { key: string; mark: ReviewMark }> {
  const out = new Map<string, { key: string; mark: ReviewMark }>();
  for (const [key, marks] of Object.entries(r))
    for (const mark of marks) out.set(markKey(key, mark), { key, mark });
  return out;
}

function gather(entries: Iterable<{ key: string; mark: ReviewMark }>): Reviews {
  const out: Reviews = {};
  for (const { key, mark } of entries) (out[key] ??= []).push(mark);
  return out;
}

/** Both sets of marks; where both hold a mark about the same thing, the later one. */
export function unionReviews(a: Reviews, b: Reviews): Reviews {
  const all = flatten(a);
  for (const [k, v] of flatten(b)) {
    const had = all.get(k);
    if (!had || v.mark.at > had.mark.at) all.set(k, v);
  }
  return gather(all.values());
}

/**
 * What the analyst changed since `base` (the marks they were shown), laid over what the workbook holds
 * now: a mark added or changed is written, a mark removed is removed, and marks they never saw (loaded
 * later, or written by the other face meanwhile) are kept rather than lost.
 */
export function mergeReviews(base: Reviews, mine: Reviews, theirs: Reviews): Reviews {
  const before = flatten(base);
  const after = flatten(mine);
  const out = flatten(theirs);
  for (const k of before.keys()) if (!after.has(k)) out.delete(k);
  for (const [k, v] of after) {
    const was = before.get(k);
    if (!was || JSON.stringify(was.mark) !== JSON.stringify(v.mark)) out.set(k, v);
  }
  return gather(out.values());
}

export function sameReviews(a: Reviews, b: Reviews): boolean {
  const x = flatten(a);
  const y = flatten(b);
  if (x.size !== y.size) return false;
  for (const [k, v] of x) if (JSON.stringify(y.get(k)?.mark) !== JSON.stringify(v.mark)) return false;
  return true;
}

export interface StoredReviews {
  reviews: Reviews;
  /** The part's id, or null where the workbook has none yet. */
  partId: string | null;
  problems: string[];
}

/** Reads the marks: the part by its namespace (one sync), then its XML (one more, where there is one). */
export async function readReviews(context: Excel.RequestContext): Promise<StoredReviews> {
  const scoped = context.workbook.customXmlParts.getByNamespace(REVIEWS_NAMESPACE);
  scoped.load("items/id");
  await context.sync();
  // The rule does not read "items/id" as loading items; it does (the ids of the parts).
  // eslint-disable-next-line office-addins/load-object-before-read
  const parts = scoped.items;
  if (parts.length === 0) return { reviews: {}, partId: null, problems: [] };
  const xml = parts.map((p) => p.getXml());
  await context.sync();
  // More than one part (two copies merged by co-authoring): their marks are joined, the first is kept.
  let reviews: Reviews = {};
  const problems: string[] = [];
  for (const x of xml) {
    const read = parseReviewsXml(x.value);
    reviews = unionReviews(reviews, read.reviews);
    problems.push(...read.problems);
  }
  return { reviews, partId: parts[0].id, problems };
}

/** Writes the marks into the part (made if missing) in one sync; returns the part's id. */
export async function writeReviews(
  context: Excel.RequestContext,
  reviews: Reviews,
  partId: string | null,
): Promise<string> {
  const parts = context.workbook.customXmlParts;
  if (partId) {
    const part = parts.getItem(partId);
    part.setXml(reviewsXml(reviews));
    await context.sync();
    return partId;
  }
  const part = parts.add(reviewsXml(reviews));
  part.load("id");
  await context.sync();
  return part.id;
}
