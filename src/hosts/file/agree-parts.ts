/**
 * The one place where a package's bookkeeping is made to agree with the parts it will hold, run on
 * every write after the writers have done their work: relationships parts of parts this build removed
 * go with them, relationships that pointed at a part this build removed are dropped, and
 * [Content_Types].xml loses the Overrides of parts that are gone and gains (or corrects) one for each
 * part written with a content type that its Defaults do not already give it. The writers only say
 * which parts they write, and as what; nobody threads the content types through by hand, so a part
 * reused under an old name cannot lose its type (issue 21). Everything else is left as it was written.
 */
import { attributes, isRelsPart, resolveTarget, sourceOf } from "./package-check";
import type { ZipPackage } from "./zip-package";

const CONTENT_TYPES = "[Content_Types].xml";

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Relationships parts of parts this build removed (a part of the workbook's own is not ours to tidy). */
function dropOrphanRelationshipParts(zip: ZipPackage): void {
  const gone = new Set(zip.removedParts().map((n) => n.toLowerCase()));
  const present = new Set(zip.names().map((n) => n.toLowerCase()));
  for (const name of zip.names()) {
    const source = sourceOf(name).toLowerCase();
    if (isRelsPart(name) && gone.has(source) && !present.has(source)) zip.remove(name);
  }
}

/** Relationships (in any part) whose internal target this build removed. */
function dropRelationshipsToRemoved(zip: ZipPackage): void {
  const gone = new Set(zip.removedParts().map((n) => n.toLowerCase()));
  if (!gone.size) return;
  for (const name of zip.names().filter(isRelsPart)) {
    const xml = zip.text(name) ?? "";
    const source = sourceOf(name);
    const next = xml.replace(
      /<(?:[\w.-]+:)?Relationship\b[^>]*?(\/>|>[^<]*<\/(?:[\w.-]+:)?Relationship>)/g,
      (tag) => {
        const a = attributes(tag);
        const target = a.get("Target");
        const internal = (a.get("TargetMode") ?? "Internal") === "Internal";
        return internal && target && gone.has(resolveTarget(source, target).toLowerCase()) ? "" : tag;
      },
    );
    if (next !== xml) zip.write(name, next);
  }
}

/** [Content_Types].xml for the parts the package will hold; the same text where nothing changes. */
export function contentTypesFor(xml: string, parts: string[], declared: ReadonlyMap<string, string>): string {
  const present = new Set(parts.map((p) => p.toLowerCase()));
  const defaults = new Map<string, string>();
  for (const tag of xml.match(/<(?:[\w.-]+:)?Default\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    defaults.set((a.get("Extension") ?? "").toLowerCase(), a.get("ContentType") ?? "");
  }
  const wanted = new Map([...declared].map(([p, t]) => [p.toLowerCase(), t]));
  const overridden = new Set<string>();
  let out = xml.replace(/<(?:[\w.-]+:)?Override\b[^>]*>/g, (tag) => {
    const a = attributes(tag);
    const part = (a.get("PartName") ?? "").replace(/^\//, "").toLowerCase();
    if (!present.has(part) || overridden.has(part)) return "";
    overridden.add(part);
    const want = wanted.get(part);
    return want === undefined || want === a.get("ContentType")
      ? tag
      : tag.replace(/ContentType\s*=\s*("[^"]*"|'[^']*')/, `ContentType="${escapeAttr(want)}"`);
  });
  const added = [...declared]
    .filter(([p]) => present.has(p.toLowerCase()) && !overridden.has(p.toLowerCase()))
    .filter(([p, t]) => defaults.get(/\.([^./]+)$/.exec(p.toLowerCase())?.[1] ?? "") !== t)
    .map(([p, t]) => `<Override PartName="/${escapeAttr(p)}" ContentType="${escapeAttr(t)}"/>`);
  if (added.length) out = out.replace(/<\/(?:[\w.-]+:)?Types>\s*$/, (end) => added.join("") + end);
  return out;
}

/** Makes the relationships and the content types agree with the package's final part list. */
export function agreeWithParts(zip: ZipPackage): void {
  dropOrphanRelationshipParts(zip);
  dropRelationshipsToRemoved(zip);
  const xml = zip.text(CONTENT_TYPES);
  if (xml === undefined) return;
  const parts = zip.names().filter((n) => n !== CONTENT_TYPES && !n.endsWith("/"));
  const next = contentTypesFor(xml, parts, zip.declaredTypes());
  if (next !== xml) zip.write(CONTENT_TYPES, next);
}
