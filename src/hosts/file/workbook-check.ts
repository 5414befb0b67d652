/**
 * The workbook part's own rules, which Excel repairs (or refuses) when they are broken: each sheet
 * entry names a sheet relationship of the workbook, sheet names are valid and unique without regard
 * to case, sheet ids are unique, every worksheet the workbook relates to is listed, and each defined
 * name is scoped to a sheet that exists and is not defined twice in one scope.
 */
import { sheetNameProblem } from "../../engine/sheet-name";
import { attributes, type PackageView } from "./package-check";

const SHEET_REL = /\/(worksheet|chartsheet|dialogsheet|macrosheet|xlMacrosheet|xlIntlMacrosheet)$/;

function sheetEntryProblems(where: string, xml: string, rels: Map<string, string>): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  const ids = new Set<string>();
  const listed = new Set<string>();
  const body = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(xml)?.[1] ?? "";
  for (const tag of body.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    const name = a.get("name") ?? "";
    const rid = [...a.entries()].find(([k]) => /(^|:)id$/.test(k) && k !== "sheetId")?.[1] ?? "";
    const bad = sheetNameProblem(name);
    if (bad) problems.push(`${where}: sheet "${name}": ${bad}`);
    if (names.has(name.toLowerCase())) problems.push(`${where}: two sheets are named "${name}"`);
    names.add(name.toLowerCase());
    const id = a.get("sheetId") ?? "";
    if (!/^\d+$/.test(id) || ids.has(id))
      problems.push(`${where}: sheet "${name}" has a missing or repeated sheetId (${id})`);
    ids.add(id);
    if (!SHEET_REL.test(rels.get(rid) ?? ""))
      problems.push(
        `${where}: sheet "${name}" names ${rid || "no relationship"}, which is not a sheet of the workbook`,
      );
    listed.add(rid);
  }
  for (const [id, type] of rels)
    if (SHEET_REL.test(type) && !listed.has(id))
      problems.push(`${where}: relationship ${id} is a sheet no entry lists`);
  return problems;
}

function definedNameProblems(where: string, xml: string): string[] {
  const problems: string[] = [];
  const count = (
    /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(xml)?.[1].match(/<(?:\w+:)?sheet\b/g) ?? []
  ).length;
  const seen = new Set<string>();
  for (const tag of xml.match(/<(?:\w+:)?definedName\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    const scope = a.get("localSheetId");
    const name = a.get("name") ?? "";
    if (scope !== undefined && !(Number(scope) >= 0 && Number(scope) < count))
      problems.push(
        `${where}: defined name ${name} is scoped to sheet ${scope}, which the workbook does not have`,
      );
    const key = `${scope ?? "*"}|${name.toLowerCase()}`;
    if (seen.has(key)) problems.push(`${where}: defined name ${name} is defined twice in one scope`);
    seen.add(key);
  }
  return problems;
}

export function workbookProblems(view: PackageView): string[] {
  const main = (view.rels.get("") ?? []).find((r) => r.type.endsWith("/officeDocument"))?.part;
  const part = main ? view.byLower.get(main.toLowerCase()) : undefined;
  const xml = part ? view.text(part) : undefined;
  if (!part || xml === undefined) return [];
  const rels = new Map((view.rels.get(part) ?? []).map((r) => [r.id, r.type]));
  return [...sheetEntryProblems(`/${part}`, xml, rels), ...definedNameProblems(`/${part}`, xml)];
}
