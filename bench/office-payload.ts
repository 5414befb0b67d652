/**
 * Inside Excel (strict fake): round trips and the largest request and response of one sync, for a
 * refresh at 300, 3,000 and 10,000 indicators, first time and over an existing committee sheet whose
 * every indicator carries a 400-character note, and for detection. Excel on the web refuses anything
 * over 5 MB; the host aims under 4 MB.
 */
import { validateSettings } from "../src/engine/config";
import { detect } from "../src/hosts/office/detect";
import { COMMENTARY_COLUMNS } from "../src/engine/paper/committee";
import { refresh } from "../src/hosts/office/refresh";
import { syntheticGrid } from "../scripts/synthetic";
import { FakeContext, FakeWorkbookModel, modelOfGrid, sheetValues } from "../test/fake-excel/fake-excel";

const NOTE = "The service is recruiting two social workers and expects recovery by the spring. ".repeat(6);

function worst(ctx: FakeContext): { request: number; response: number } {
  return ctx.counters.payloads.reduce(
    (m, p) => ({ request: Math.max(m.request, p.request), response: Math.max(m.response, p.response) }),
    { request: 0, response: 0 },
  );
}

const mb = (b: number) => (b / 1024 / 1024).toFixed(2).padStart(5);

export async function officePayloads(out: (line: string) => void): Promise<void> {
  const settings = { ...validateSettings(undefined).settings, sourceSheet: "Scorecard" };
  out(
    "\nInside Excel (strict fake): syncs and the largest request/response of one sync (limit 5 MB, aim < 4 MB)",
  );
  out("indicators  case                                   syncs  max request MB  max response MB");
  for (const n of [300, 3000, 10000]) {
    const model = modelOfGrid(syntheticGrid(n, 12));
    const d = new FakeContext(model);
    await detect(d as unknown as Excel.RequestContext, settings, true);
    const first = new FakeContext(model);
    await refresh(first as unknown as Excel.RequestContext, { settings, mergedAreas: true });
    const sheet = model.sheet("Committee");
    if (!sheet) throw new Error("no committee sheet");
    const rows = sheetValues(sheet);
    rows.forEach((r, i) => {
      if (typeof r[COMMENTARY_COLUMNS.key] === "string" && i > 12 && r[0] !== null)
        FakeWorkbookModel.write(sheet, i, COMMENTARY_COLUMNS.commentary, NOTE.slice(0, 400));
    });
    const again = new FakeContext(model);
    await refresh(again as unknown as Excel.RequestContext, { settings, mergedAreas: true });
    const line = (label: string, ctx: FakeContext) => {
      const w = worst(ctx);
      out(
        `${String(n).padEnd(11)} ${label.padEnd(38)} ${String(ctx.counters.syncs).padEnd(6)} ${mb(w.request).padEnd(15)} ${mb(w.response)}`,
      );
    };
    line("detect (source only)", d);
    line("refresh, no committee sheet", first);
    line("refresh over one, 400-char note each", again);
  }
}
