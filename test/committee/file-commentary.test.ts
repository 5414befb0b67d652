/**
 * Commentary through the command line's host: a committee sheet the analyst renamed, with rows
 * inserted above its title and its Commentary header retitled, is still found, and its notes kept.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateSettings } from "../../src/engine/config";
import { buildCommitteeSheet } from "../../src/hosts/file/build";
import { MONTHLY, readBook } from "../helpers";

const settings = validateSettings(undefined).settings;
const NOW = new Date(2018, 10, 30, 9, 30);

test("a renamed committee sheet with rows inserted above its title keeps its commentary", async () => {
  const wb = await readBook(MONTHLY);
  buildCommitteeSheet(wb, settings, "Scorecard", NOW);
  const path = join(mkdtempSync(join(tmpdir(), "scorecard-")), "c.xlsx");
  await wb.xlsx.writeFile(path);

  const edited = await readBook(path);
  const ws = edited.getWorksheet("Committee");
  if (!ws) throw new Error("no committee sheet");
  let row62 = 0;
  let header = 0;
  ws.eachRow((row, r) => {
    if (row.getCell(12).value === "6.2") row62 = r;
    if (row.getCell(11).value === "Commentary") header = r;
  });
  ws.getCell(row62, 11).value = "EET offer relaunched with the virtual school.";
  ws.getCell(header, 11).value = "Lead officer's note";
  ws.spliceRows(1, 0, ["DRAFT: not for publication"], []);
  ws.name = "December paper";
  await edited.xlsx.writeFile(path);

  const again = await readBook(path);
  const outcome = buildCommitteeSheet(again, settings, "Scorecard", NOW);
  expect(outcome.sheetName).toBe("December paper");
  expect(again.worksheets.map((w) => w.name)).toEqual(["Scorecard", "Notes", "December paper"]);
  expect(outcome.committee.carried).toBe(1);
  const out = again.getWorksheet("December paper");
  let note: unknown = null;
  out?.eachRow((row) => {
    if (row.getCell(12).value === "6.2") note = row.getCell(11).value;
  });
  expect(note).toBe("EET offer relaunched with the virtual school.");
});
