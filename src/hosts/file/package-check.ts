/**
 * The rules of ECMA-376 Part 2 (Open Packaging Conventions) that a package must keep for Excel to open
 * it without "We found a problem with some content": part names (M1.1-M1.12), a content type for every
 * part and no duplicate or orphan entry in [Content_Types].xml (M2.4-M2.7), relationship parts that
 * belong to a part and hold no relationships of their own (M1.25), relationships with a unique, valid
 * Id whose internal target exists, no DTD in the package's own XML (M1.18), and the content type Excel
 * expects at the end of each relationship it follows. The workbook's own rules are in workbook-check.
 *
 * This reads the package with its own parsing, not the writer's helpers, so that a mistake in how the
 * writer edits the bookkeeping is caught rather than repeated. `deep` adds what costs a read of every
 * XML part: each r:id in a part names a relationship of that part, and every part is reachable from
 * the package's root relationships.
 */
import { workbookProblems } from "./workbook-check";
import type { ZipPackage } from "./zip-package";

export const RELS_TYPE = "application/vnd.openxmlformats-package.relationships+xml";
const CONTENT_TYPES = "[Content_Types].xml";
const OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Relationship types whose target Excel opens as one content type; a mismatch is repaired away. */
const EXPECTED_TYPE: Record<string, RegExp> = {
  [`${OFFICE_REL}/officeDocument`]:
    /^application\/vnd\.(openxmlformats-officedocument\.spreadsheetml\.(sheet|template)\.main\+xml|ms-excel\.(sheet|template|addin)\.macroEnabled\.main\+xml)$/,
  [`${OFFICE_REL}/worksheet`]:
    /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.worksheet\+xml$/,
  [`${OFFICE_REL}/chartsheet`]:
    /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.chartsheet\+xml$/,
  [`${OFFICE_REL}/styles`]: /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.styles\+xml$/,
  [`${OFFICE_REL}/sharedStrings`]:
    /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sharedStrings\+xml$/,
  [`${OFFICE_REL}/drawing`]: /^application\/vnd\.openxmlformats-officedocument\.drawing\+xml$/,
  [`${OFFICE_REL}/chart`]: /^application\/vnd\.openxmlformats-officedocument\.drawingml\.chart\+xml$/,
  [`${OFFICE_REL}/calcChain`]:
    /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.calcChain\+xml$/,
};

export interface Relationship {
  id: string;
  type: string;
  /** The target as written. */
  target: string;
  external: boolean;
  /** For an internal target, the part it names (no leading slash). */
  part?: string;
}

export interface PackageView {
  parts: string[];
  /** Lower-cased part name -> the name as stored. */
  byLower: Map<string, string>;
  typeOf: (part: string) => string | undefined;
  /** Source part ("" for the package) -> its relationships. */
  rels: Map<string, Relationship[]>;
  text: (part: string) => string | undefined;
}

/** Attributes of one start tag, unescaped; names keep their prefix. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g))
    out.set(m[1], unescape(m[3] ?? m[4] ?? ""));
  return out;
}

function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#")
      return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] ?? "";
  });
}

/** Start tags of elements with this local name, whatever their prefix. */
function tags(xml: string, local: string): string[] {
  return xml.match(new RegExp(`<(?:[\\w.-]+:)?${local}\\b[^>]*>`, "g")) ?? [];
}

export function isRelsPart(name: string): boolean {
  return /(^|\/)_rels\/[^/]*\.rels$/i.test(name);
}

/** The part whose relationships a rels part holds: "" for the package's own (_rels/.rels). */
export function sourceOf(relsPart: string): string {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPart);
  return m ? m[1] + m[2] : "";
}

/** A relationship target resolved against its source part's folder, as a part name without "/". */
export function resolveTarget(source: string, target: string): string {
  const path = target.split("#")[0];
  const joined = path.startsWith("/") ? path : source.replace(/[^/]*$/, "") + path;
  const out: string[] = [];
  for (const seg of joined.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

function partNameProblems(parts: string[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const p of parts) {
    if (p.split("/").some((s) => s === "" || s.endsWith(".") || /%(2f|5c)/i.test(s) || s.includes("\\")))
      problems.push(
        `part name /${p} breaks the part-name rules (empty segment, trailing dot or escaped slash)`,
      );
    const lower = p.toLowerCase();
    const other = seen.get(lower);
    if (other) problems.push(`parts /${other} and /${p} differ only in case`);
    seen.set(lower, p);
  }
  const all = new Set(seen.keys());
  for (const p of all) {
    const parts = p.split("/");
    for (let i = 1; i < parts.length; i++)
      if (all.has(parts.slice(0, i).join("/"))) problems.push(`part /${p} lies under another part's name`);
  }
  return problems;
}

function noDtd(name: string, xml: string): string[] {
  return /<!DOCTYPE/i.test(xml) ? [`/${name} declares a DTD, which a package may not`] : [];
}

function readContentTypes(zip: ZipPackage, parts: string[], problems: string[]) {
  const xml = zip.text(CONTENT_TYPES);
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  if (xml === undefined) {
    problems.push(`${CONTENT_TYPES} is missing`);
    return { defaults, overrides };
  }
  problems.push(...noDtd(CONTENT_TYPES, xml));
  for (const tag of tags(xml, "Default")) {
    const a = attributes(tag);
    const ext = (a.get("Extension") ?? "").toLowerCase();
    if (!ext || !a.get("ContentType"))
      problems.push(`a Default in ${CONTENT_TYPES} lacks its extension or type`);
    else if (defaults.has(ext)) problems.push(`two Defaults in ${CONTENT_TYPES} for extension "${ext}"`);
    else defaults.set(ext, a.get("ContentType") ?? "");
  }
  const present = new Set(parts.map((p) => p.toLowerCase()));
  for (const tag of tags(xml, "Override")) {
    const a = attributes(tag);
    const name = a.get("PartName") ?? "";
    const key = name.replace(/^\//, "").toLowerCase();
    if (!name.startsWith("/") || !a.get("ContentType"))
      problems.push(`an Override in ${CONTENT_TYPES} lacks its part name or type (${name})`);
    else if (overrides.has(key)) problems.push(`two Overrides in ${CONTENT_TYPES} for ${name}`);
    else {
      overrides.set(key, a.get("ContentType") ?? "");
      if (!present.has(key))
        problems.push(`${CONTENT_TYPES} has an Override for ${name}, which is not in the package`);
    }
  }
  return { defaults, overrides };
}

function readRelationships(rels: string, xml: string, exists: (p: string) => boolean, problems: string[]) {
  const source = sourceOf(rels);
  const out: Relationship[] = [];
  const ids = new Set<string>();
  problems.push(...noDtd(rels, xml));
  for (const tag of tags(xml, "Relationship")) {
    const a = attributes(tag);
    const id = a.get("Id") ?? "";
    const type = a.get("Type") ?? "";
    const target = a.get("Target") ?? "";
    const mode = a.get("TargetMode") ?? "Internal";
    if (!/^[A-Za-z_][\w.-]*$/.test(id)) problems.push(`/${rels}: relationship Id "${id}" is not a valid ID`);
    else if (ids.has(id)) problems.push(`/${rels}: two relationships have the Id ${id}`);
    ids.add(id);
    if (!type || !target) problems.push(`/${rels}: relationship ${id} lacks its type or target`);
    if (mode !== "Internal" && mode !== "External")
      problems.push(`/${rels}: relationship ${id} has TargetMode ${mode}`);
    const rel: Relationship = { id, type, target, external: mode === "External" };
    if (!rel.external && target) {
      rel.part = resolveTarget(source, target);
      if (!exists(rel.part))
        problems.push(`/${rels}: relationship ${id} points at /${rel.part}, which is not in the package`);
      else if (isRelsPart(rel.part))
        problems.push(`/${rels}: relationship ${id} points at a relationships part`);
    }
    out.push(rel);
  }
  return out;
}

/** The package as the checks see it, with what reading it already found wrong. */
export function viewPackage(zip: ZipPackage): { view: PackageView; problems: string[] } {
  const problems: string[] = [];
  const parts = zip.names().filter((n) => !n.endsWith("/") && n !== CONTENT_TYPES);
  problems.push(...partNameProblems(parts));
  const byLower = new Map(parts.map((p) => [p.toLowerCase(), p]));
  const { defaults, overrides } = readContentTypes(zip, parts, problems);
  const typeOf = (part: string) => {
    const key = part.toLowerCase();
    const ext = /\.([^./]+)$/.exec(key)?.[1];
    return overrides.get(key) ?? (ext ? defaults.get(ext) : undefined);
  };
  for (const p of parts) if (typeOf(p) === undefined) problems.push(`/${p} has no content type`);
  const exists = (p: string) => byLower.has(p.toLowerCase());
  const rels = new Map<string, Relationship[]>();
  for (const p of parts.filter(isRelsPart)) {
    const source = sourceOf(p);
    if (source && !exists(source))
      problems.push(`/${p} holds relationships of /${source}, which is not in the package`);
    if (source && isRelsPart(source)) problems.push(`/${p} gives relationships to a relationships part`);
    if (typeOf(p) !== RELS_TYPE) problems.push(`/${p} is not typed as a relationships part`);
    rels.set(source, readRelationships(p, zip.text(p) ?? "", exists, problems));
  }
  const root = (rels.get("") ?? []).filter((r) => r.type === `${OFFICE_REL}/officeDocument`);
  if (root.length !== 1)
    problems.push(`the package has ${root.length} main documents (officeDocument relationships), not 1`);
  for (const list of rels.values())
    for (const r of list) {
      const want = EXPECTED_TYPE[r.type];
      const got = r.part && exists(r.part) ? typeOf(r.part) : undefined;
      if (want && got !== undefined && !want.test(got))
        problems.push(`/${r.part} is reached as ${r.type.split("/").pop()} but typed ${got}`);
    }
  return { view: { parts, byLower, typeOf, rels, text: (p) => zip.text(p) }, problems };
}

/** Each r:id (r:embed, r:link...) in an XML part names one of that part's relationships. */
function referenceProblems(view: PackageView): string[] {
  const problems: string[] = [];
  for (const p of view.parts) {
    if (isRelsPart(p) || !/xml$/i.test(view.typeOf(p) ?? "")) continue;
    const xml = view.text(p) ?? "";
    const ids = new Set((view.rels.get(p) ?? []).map((r) => r.id));
    for (const m of xml.matchAll(
      /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/g,
    )) {
      for (const ref of xml.matchAll(new RegExp(`\\s${m[1]}:[A-Za-z]+="([^"]*)"`, "g")))
        if (ref[1] && !ids.has(ref[1]))
          problems.push(`/${p} refers to relationship ${ref[1]}, which it does not have`);
    }
  }
  return problems;
}

/** Parts no chain of relationships from the package reaches. */
function unreachable(view: PackageView): string[] {
  const reached = new Set<string>();
  const queue = [""];
  while (queue.length) {
    const source = queue.pop() ?? "";
    for (const r of view.rels.get(source) ?? []) {
      const part = r.part ? view.byLower.get(r.part.toLowerCase()) : undefined;
      if (part !== undefined && !reached.has(part)) {
        reached.add(part);
        queue.push(part);
      }
    }
  }
  return view.parts
    .filter((p) => !isRelsPart(p) && !reached.has(p))
    .map((p) => `/${p} is in the package but nothing refers to it`);
}

/** Everything wrong with a package, one line each; empty when Excel will open it as it is. */
export function packageProblems(zip: ZipPackage, opts: { deep?: boolean } = {}): string[] {
  const { view, problems } = viewPackage(zip);
  problems.push(...workbookProblems(view));
  if (opts.deep) problems.push(...referenceProblems(view), ...unreachable(view));
  return problems;
}
