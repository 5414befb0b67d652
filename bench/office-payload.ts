/**
 * Inside Excel, through Microsoft's real Office.js (office.js and excel-web-16.00.js in jsdom, answered at
 * the transport by the simulated workbook of test/office-js): round trips, and the largest request and
 * response of one sync as the library serialises and posts them (object paths, its own actions, its
 * chunking of large writes), for detection and for a refresh at 300, 3,000 and 10,000 indicators, first
 * time and over an existing committee sheet whose every indicator carries a 400-character note. Excel on
 * the web refuses anything over 5 MB; the host aims under 4 MB. The library's own clean-up requests
 * after Excel.run are counted too.
 */
import { validateSettings } from "../src/engine/config";
import { readyOfficeHost } from "../src/hosts/office/office-host";
import { syntheticGrid } from "../scripts/synthetic";
import { modelOfGrid } from "../test/fake-excel/fake-excel";
import { typeNotes } from "../test/office-js/committee-notes";
import type { OfficePage } from "../test/office-js/office-page";
import { largest, openPage, workbookRequests } from "../test/office-js/real-excel";

const NOTE = "The service is recruiting two social workers and expects recovery by the spring. ".repeat(6);

const mb = (b: number) => (b / 1024 / 1024).toFixed(2).padStart(5);

/** A note on every indicator row of the committee sheet, as the analyst would type them. */

async function measure(
  page: OfficePage,
  fn: () => Promise<unknown>,
): Promise<{ syncs: number; request: number; response: number }> {
  const from = page.exchanges.length;
  await fn();
  // The library's own clean-up request, if any, follows Excel.run: let it land before counting.
  await new Promise((r) => setTimeout(r, 50));
  const sent = workbookRequests(page, from);
  return { syncs: sent.length, ...largest(sent) };
}

export async function officePayloads(out: (line: string) => void): Promise<void> {
  const settings = { ...validateSettings(undefined).settings, sourceSheet: "Scorecard" };
  out(
    "\nInside Excel, through the real Office.js: requests per operation and the largest request/response as posted (limit 5 MB, aim < 4 MB)",
  );
  out("indicators  case                                   syncs  max request MB  max response MB");
  for (const n of [300, 3000, 10000]) {
    const model = modelOfGrid(syntheticGrid(n, 12));
    const page = await openPage(model);
    try {
      // The workbook's review marks are read once, when the host is made: not part of what is measured.
      const host = await readyOfficeHost();
      const line = (label: string, m: { syncs: number; request: number; response: number }) =>
        out(
          `${String(n).padEnd(11)} ${label.padEnd(38)} ${String(m.syncs).padEnd(6)} ${mb(m.request).padEnd(15)} ${mb(m.response)}`,
        );
      line("detect (source only)", await measure(page, () => host.detect(settings)));
      line("refresh, no committee sheet", await measure(page, () => host.refresh(settings)));
      typeNotes(model, () => NOTE.slice(0, 400));
      line("refresh over one, 400-char note each", await measure(page, () => host.refresh(settings)));
    } finally {
      page.close();
    }
  }
}
