/** A refresh on the strict fake, as the Office host runs one, for the Office tests. */
import type { Settings } from "../../src/engine/config";
import { refresh, RefreshOutcome } from "../../src/hosts/office/refresh";
import { FakeContext, FakeWorkbookModel } from "../fake-excel/fake-excel";

/** The tests' fixed clock: the 000 sample's paper was generated on 30 November 2018. */
export const NOW = new Date(2018, 10, 30, 9, 30);

export async function refreshOn(
  model: FakeWorkbookModel,
  settings: Settings,
): Promise<{ ctx: FakeContext; outcome: RefreshOutcome }> {
  const ctx = new FakeContext(model);
  const outcome = await refresh(ctx as unknown as Excel.RequestContext, {
    settings,
    mergedAreas: true,
    now: NOW,
  });
  return { ctx, outcome };
}
