/**
 * Reading and editing the bookkeeping parts of an .xlsx/.xlsm package as text: the workbook's sheet
 * list, its relationships, its defined names and the content types. Edits are surgical (insert or
 * replace one element) so that everything the add-in does not own stays exactly as Excel wrote it.
 */

export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  /** The worksheet's part path inside the zip, e.g. "xl/worksheets/sheet2.xml". */
  part: string;
  /** 0-based position in <sheets>, which is what localSheetId counts. */
  index: number;
  /** state="hidden" or "veryHidden" on the <sheet>: the sheet is not shown. */
  hidden?: boolean;
}

export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(":", "\\:")}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}

export function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Relationship id -> target part path (resolved against xl/). */
export function readRels(relsXml: string, base = "xl/"): Map<string, { target: string; type: string }> {
  const out = new Map<string, { target: string; type: string }>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (!id || target === undefined) continue;
    out.set(id, { target: resolvePart(base, target), type: attr(m[0], "Type") ?? "" });
  }
  return out;
}

/** A relationship's target as a part path, resolved against the folder of the part that owns it. */
export function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (base + target).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== "." && p !== "") out.push(p);
  }
  return out.join("/");
}

export function readSheets(workbookXml: string, rels: Map<string, { target: string }>): SheetEntry[] {
  const out: SheetEntry[] = [];
  const sheets = /<sheets\b[^>]*>([\s\S]*?)<\/sheets>/.exec(workbookXml);
  if (!sheets) return out;
  for (const m of sheets[1].matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name") ?? "";
    const rId = attr(m[0], "r:id") ?? "";
    const rel = rels.get(rId);
    out.push({
      name,
      sheetId: Number(attr(m[0], "sheetId") ?? 0),
      rId,
      part: rel ? rel.target : "",
      index: out.length,
      hidden: /^(hidden|veryHidden)$/.test(attr(m[0], "state") ?? ""),
    });
  }
  return out;
}

/** Adds a <sheet> at the end of <sheets>. */
export function addSheetEntry(workbookXml: string, name: string, sheetId: number, rId: string): string {
  const entry = `<sheet name="${escapeAttr(name)}" sheetId="${sheetId}" r:id="${rId}"/>`;
  if (!/<sheets\b[^>]*\/>/.test(workbookXml)) return workbookXml.replace("</sheets>", `${entry}</sheets>`);
  return workbookXml.replace(/<sheets\b([^>]*)\/>/, `<sheets$1>${entry}</sheets>`);
}

/** Replaces the print names of one sheet (by position) with the given ones; other names untouched. */
export function setSheetNames(
  workbookXml: string,
  localSheetId: number,
  names: { name: string; value: string }[],
): string {
  const owned = new Set(names.map((n) => n.name));
  let xml = workbookXml.replace(
    /<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g,
    (whole, attrs: string) => {
      const n = attr(attrs, "name");
      const local = attr(attrs, "localSheetId");
      return n && owned.has(n) && local === String(localSheetId) ? "" : whole;
    },
  );
  const entries = names
    .map(
      (n) =>
        `<definedName name="${n.name}" localSheetId="${localSheetId}">${escapeAttr(n.value)}</definedName>`,
    )
    .join("");
  if (/<definedNames\b[^>]*\/>/.test(xml))
    xml = xml.replace(/<definedNames\b[^>]*\/>/, `<definedNames>${entries}</definedNames>`);
  else if (/<definedNames\b/.test(xml)) xml = xml.replace("</definedNames>", `${entries}</definedNames>`);
  else {
    // The schema's order: sheets, functionGroups, externalReferences, then definedNames.
    const after = ["</externalReferences>", "<externalReferences/>", "</functionGroups>", "</sheets>"].find(
      (t) => xml.includes(t),
    );
    if (after) xml = xml.replace(after, `${after}<definedNames>${entries}</definedNames>`);
  }
  // A definedNames element left empty is not valid.
  return xml.replace(/<definedNames>\s*<\/definedNames>/, "");
}

export function addRelationship(relsXml: string, rId: string, type: string, target: string): string {
  return relsXml.replace(
    "</Relationships>",
    `<Relationship Id="${rId}" Type="${type}" Target="${escapeAttr(target)}"/></Relationships>`,
  );
}

export function freeRelId(relsXml: string): string {
  const used = new Set([...relsXml.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  for (let i = 1; ; i++) if (!used.has(`rId${i}`)) return `rId${i}`;
}

export const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
export const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

/** The workbook part named by the package's root relationships (normally xl/workbook.xml). */
export function officeDocumentPart(rootRels: string | undefined): string {
  if (rootRels) {
    for (const m of rootRels.matchAll(/<Relationship\b[^>]*>/g)) {
      const type = attr(m[0], "Type") ?? "";
      const target = attr(m[0], "Target");
      if (type.endsWith("/officeDocument") && target) return target.replace(/^\//, "");
    }
  }
  return "xl/workbook.xml";
}

/** Where a part's relationships live: xl/workbook.xml -> xl/_rels/workbook.xml.rels. */
export function relsPathOf(part: string): string {
  return part.replace(/([^/]+)$/, "_rels/$1.rels");
}
