/**
 * Writes the layout corpus (test/fixtures/corpus/layouts.ts and world/, figures from published council
 * papers) to test/fixtures/corpus/<name>.xlsx (the gathered ones to world/<name>.xlsx, apart from the
 * older tests that read every workbook in the folder), so the tests read real workbooks through the
 * file host.
 * Regenerating gives the same bytes: the workbook and zip entry dates are fixed.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { LAYOUTS } from "../test/fixtures/corpus/layouts";
import { WORLD } from "../test/fixtures/corpus/world";
import { asWorkbook } from "../test/fixtures/corpus/spec";
import { packageBytes, workbookOf } from "../test/fixtures/corpus/write";

const OUT = join(__dirname, "..", "test", "fixtures", "corpus");

async function main(): Promise<void> {
  const all = [...LAYOUTS.map(asWorkbook), ...WORLD.map((w) => ({ ...w, name: `world/${w.name}` }))];
  for (const spec of all) {
    const file = join(OUT, `${spec.name}.xlsx`);
    writeFileSync(file, await packageBytes(workbookOf(spec)));
    const sheets = spec.sheets.map(
      (s) => `${s.name}${s.state && s.state !== "visible" ? ` (${s.state})` : ""}`,
    );
    console.log(`${file}: ${sheets.join(", ")} (${spec.source.split(";")[0]})`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
