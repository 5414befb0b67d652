/**
 * Large scorecards through Microsoft's real Office.js: every request and response, as the library
 * serialises and posts it, stays under 4 MB (Excel on the web refuses 5 MB), and notes are kept.
 */
import { validateSettings } from "../../src/engine/config";
import { analyse } from "../../src/engine/judge/assess";
import { buildCommitteePlan, COMMENTARY_COLUMNS } from "../../src/engine/paper/committee";
import { readyOfficeHost } from "../../src/hosts/office/office-host";
import { syntheticGrid } from "../../scripts/synthetic";
import { fillSheet, modelOfGrid } from "../fake-excel/fake-excel";
import { committeeSheet, column, typeNotes } from "./committee-notes";
import { AIM, largest, openPage, workbookRequests } from "./real-excel";

const settings = { ...validateSettings(undefined).settings, sourceSheet: "Scorecard" };
const COMMENTARY = COMMENTARY_COLUMNS.commentary;

// 3,000 with a year of months (SPC and its charts ride in the last request); 10,000 with six months and a
// 400-character note on every indicator (the read-back of the notes is the weight there).
test.each([
  [3000, 12, 0],
  [10000, 6, 400],
])(
  "%i indicators, %i months, notes of %i characters: every request and response under 4 MB",
  async (n, months, noteLength) => {
    const model = modelOfGrid(syntheticGrid(n, months));
    if (noteLength) {
      // The committee sheet already there is put straight into the workbook from its plan, then noted.
      const source = model.sheet("Scorecard");
      if (!source) throw new Error("no source");
      const plan = buildCommitteePlan({
        analysis: analyse(syntheticGrid(n, months), settings),
        name: "Committee",
        generatedAt: new Date(),
      }).plan;
      fillSheet(
        model.addSheet("Committee"),
        plan.values.flatMap((row, r) =>
          row.map((value, c) => ({ r, c, value: value === "" ? null : value })),
        ),
      );
      typeNotes(model, (i) =>
        `Note ${i}: ${"the service is recruiting and expects recovery. ".repeat(12)}`.slice(0, noteLength),
      );
    }
    const page = await openPage(model);
    try {
      const host = await readyOfficeHost();
      const from = page.exchanges.length;
      const outcome = await host.refresh(settings);
      const sent = workbookRequests(page, from);
      const worst = largest(sent);
      expect(sent.every((e) => e.error === undefined)).toBe(true);
      expect(worst.request).toBeLessThan(AIM);
      expect(worst.response).toBeLessThan(AIM);
      expect(sent).toHaveLength(outcome.syncs);
      if (noteLength) {
        const kept = column(committeeSheet(model), COMMENTARY).filter((v) =>
          String(v ?? "").startsWith("Note "),
        );
        expect(kept.length).toBe(outcome.analysis.indicators.length);
      }
    } finally {
      page.close();
    }
  },
);
