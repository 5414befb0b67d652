/** Helpers for the tests through Microsoft's real Office.js: a page over a model, and what it sent. */
import { FakeWorkbookModel } from "../fake-excel/fake-excel";
import { Exchange, OfficePage, PageOptions } from "./office-page";
import type { RequestBody } from "./rich-api";

/** Every request and response stays under this (Excel on the web refuses 5 MB). */
export const AIM = 4 * 1024 * 1024;

export async function openPage(
  model: FakeWorkbookModel,
  options: Partial<PageOptions> = {},
): Promise<OfficePage> {
  const page = new OfficePage({ model, ...options });
  await page.ready();
  page.installGlobals();
  return page;
}

/** The workbook requests (context.sync) made since `from`: the runtime's own service calls left out. */
export function workbookRequests(page: OfficePage, from = 0): Exchange[] {
  return page.exchanges
    .slice(from)
    .filter((e) => !Object.values(e.body.ObjectPaths).some((p) => p.ObjectPathType === 2));
}

export function largest(exchanges: Exchange[]): { request: number; response: number } {
  return exchanges.reduce(
    (m, e) => ({ request: Math.max(m.request, e.request), response: Math.max(m.response, e.response) }),
    { request: 0, response: 0 },
  );
}

/** Paths of sheets a request adds, and the actions on those same paths that rename or activate them. */
export function renamesOfAddedSheets(body: RequestBody): string[] {
  const added = new Set(
    Object.values(body.ObjectPaths)
      .filter(
        (p) =>
          p.ObjectPathType === 3 &&
          p.Name === "Add" &&
          body.ObjectPaths[String(p.ParentObjectPathId)]?.Name === "Worksheets",
      )
      .map((p) => p.Id),
  );
  return body.Actions.filter(
    (a) => added.has(a.ObjectPathId) && ((a.ActionType === 4 && a.Name === "Name") || a.Name === "Activate"),
  ).map((a) => a.Name);
}

/** How many of the library's _KeepReference calls a request carries. */
export function keptReferences(body: RequestBody): number {
  return body.Actions.filter((a) => a.Name === "_KeepReference").length;
}

export const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
