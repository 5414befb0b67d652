/**
 * Commentary through the command line's host: a committee sheet the analyst renamed, with rows
 * inserted above its title and its Commentary header retitled, is still found, and its notes kept;
 * and through the surgical write the command line uses, a sorted table keeps each note on its row.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { COMMENTARY_COLUMNS } from "../../src/engine/paper/committee";
import { validateSettings } from "../../src/engine/config";
import { buildCommitteeSheet } from "../../src/hosts/file/build";
import { buildWorkbookFile } from "../../src/hosts/file/build-file";
import { MONTHLY, readBook } from "../helpers";

const settings = validateSettings(undefined).settings;
const NOW = new Date(2018, 10, 30, 9, 30);
// ExcelJS counts columns from 1.
const KEY = COMMENTARY_COLUMNS.key + 1;
const COMMENTARY = COMMENTARY_COLUMNS.commentary + 1;

test("a renamed committee sheet with rows inserted above its title keeps its commentary", async () => {
  const wb = await readBook(MONTHLY);
  await buildCommitteeSheet(wb, settings, "Scorecard", NOW);
  const path = join(mkdtempSync(join(tmpdir(), "scorecard-")), "c.xlsx");
  await wb.xlsx.writeFile(path);

  const edited = await readBook(path);
  const ws = edited.getWorksheet("Committee");
  if (!ws) throw new Error("no committee sheet");
  let row62 = 0;
  let header = 0;
  ws.eachRow((row, r) => {
    if (row.getCell(KEY).value === "6.2") row62 = r;
    if (row.getCell(COMMENTARY).value === "Commentary") header = r;
  });
  ws.getCell(row62, COMMENTARY).value = "EET offer relaunched with the virtual school.";
  ws.getCell(header, COMMENTARY).value = "Lead officer's note";
  ws.spliceRows(1, 0, ["DRAFT: not for publication"], []);
  ws.name = "December paper";
  await edited.xlsx.writeFile(path);

  const again = await readBook(path);
  const outcome = await buildCommitteeSheet(again, settings, "Scorecard", NOW);
  expect(outcome.sheetName).toBe("December paper");
  expect(again.worksheets.map((w) => w.name)).toEqual(["Scorecard", "Notes", "December paper"]);
  expect(outcome.committee.carried).toBe(1);
  const out = again.getWorksheet("December paper");
  let note: unknown = null;
  out?.eachRow((row) => {
    if (row.getCell(KEY).value === "6.2") note = row.getCell(COMMENTARY).value;
  });
  expect(note).toBe("EET offer relaunched with the virtual school.");
});

test("through the command line's surgical write: renamed, sorted and retitled, every note stays with its indicator", async () => {
  const dir = mkdtempSync(join(tmpdir(), "scorecard-"));
  const first = await buildWorkbookFile(MONTHLY, settings, "Scorecard", NOW);
  const path = join(dir, "c.xlsx");
  writeFileSync(path, first.bytes);

  const edited = await readBook(path);
  const ws = edited.getWorksheet("Committee");
  if (!ws) throw new Error("no committee sheet");
  const { headerRow } = first.committee.plan.commentary;
  const header = headerRow + 1;
  const tableRows: number[] = [];
  ws.eachRow((row, r) => {
    if (r > header && typeof row.getCell(KEY).value === "string" && row.getCell(1).value) tableRows.push(r);
  });
  expect(tableRows.length).toBeGreaterThan(10);
  // Every indicator gets a note naming its own reference, so any misplacement shows.
  const refOf = (r: number) => String(ws.getCell(r, 1).value);
  for (const r of tableRows) ws.getCell(r, COMMENTARY).value = `Note for ${refOf(r)}`;
  // The analyst sorts the visible columns only, descending by measure: the hidden key column stays put.
  const visible = tableRows.map((r) =>
    Array.from({ length: COMMENTARY }, (_, c) => ws.getCell(r, c + 1).value),
  );
  visible.sort((a, b) => String(b[1]).localeCompare(String(a[1])));
  tableRows.forEach((r, i) => visible[i].forEach((v, c) => (ws.getCell(r, c + 1).value = v)));
  ws.getCell(header, COMMENTARY).value = "Lead officer's note";
  ws.name = "Scrutiny paper";
  await edited.xlsx.writeFile(path);

  const again = await buildWorkbookFile(path, settings, "Scorecard", NOW);
  expect(again.sheetName).toBe("Scrutiny paper");
  expect(again.committee.carried).toBe(tableRows.length);
  const plan = again.committee.plan;
  let checked = 0;
  for (let r = plan.commentary.headerRow + 1; r < plan.values.length; r++) {
    const ref = plan.values[r][0];
    const note = plan.values[r][plan.commentary.column];
    if (typeof note === "string" && note.startsWith("Note for ")) {
      expect(note).toBe(`Note for ${String(ref)}`);
      checked++;
    }
  }
  expect(checked).toBe(tableRows.length);
});
