/**
 * Bounded work: a workbook past Scorecard's limits (README, Limits) is refused before it is loaded,
 * in one line with exit 2: a sheet of a million rows (by its declared dimension, and by counting when
 * it declares none), a column past the limit, too many cells, a part too large uncompressed, a zip bomb
 * (honest about its size or lying), a DTD's entity expansion, and a file too large on disk. Memory and
 * time of the refusals and of a 100,000-indicator build are measured in npm run bench, not here.
 */
import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { LIMITS } from "../src/hosts/file/limits";
import { WorkbookPackage } from "../src/hosts/file/workbook-package";
import { cliBundle, removeCliBundle, runCli } from "./cli-bundle";
import {
  farColumnSheet,
  laughsSheet,
  rowsSheet,
  sparseRowsSheet,
  withPart,
  withScorecardSheet,
  zeroBomb,
} from "./packages/hostile-package";

const tmp = () => mkdtempSync(join(tmpdir(), "sc-bounded-"));

function file(bytes: Buffer, name = "scorecard.xlsx"): string {
  const path = join(tmp(), name);
  writeFileSync(path, bytes);
  return path;
}

/** Both commands refuse the workbook in one line, exit 2, and build nothing. */
function expectRefused(path: string, message: RegExp): void {
  for (const args of [
    ["analyse", path, "--sheet", "Scorecard"],
    ["build", path, "--sheet", "Scorecard", "--out", join(tmp(), "out.xlsx")],
  ]) {
    const r = runCli(args);
    expect({ args: args[0], code: r.code }).toEqual({ args: args[0], code: 2 });
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/heap|Invalid string length|\n\s+at /);
  }
}

beforeAll(() => {
  cliBundle();
});
afterAll(() => removeCliBundle());

describe("sheets past the limits", () => {
  test("a million rows, declared in the sheet's dimension: refused before a cell is read", async () => {
    const path = file(await withScorecardSheet(rowsSheet(1_000_000, true)));
    expectRefused(
      path,
      /^scorecard: Sheet 'Scorecard' has 1,000,000 rows; Scorecard reads a scorecard of at most 200,000 \(see Limits in the README\)\.$/m,
    );
  });

  test("rows past the limit without a dimension: refused as the count passes it", async () => {
    const path = file(await withScorecardSheet(sparseRowsSheet([1, 2, 3, LIMITS.rows + 1])));
    expectRefused(path, /Sheet 'Scorecard' has more than 200,000 rows/);
  });

  test("a cell past the last column Scorecard reads", async () => {
    const path = file(await withScorecardSheet(farColumnSheet(LIMITS.columns)));
    expectRefused(path, /Sheet 'Scorecard' has more than 1,024 columns/);
  });

  test("too many cells (the mechanism, with a small limit)", async () => {
    const path = file(await withScorecardSheet(rowsSheet(400, false)));
    const pkg = WorkbookPackage.open(path);
    await expect(pkg.grid("Scorecard", { limits: { rows: 1000, columns: 10, cells: 999 } })).rejects.toThrow(
      /has more than 999 cells with a value/,
    );
    expect(
      (await pkg.grid("Scorecard", { limits: { rows: 1000, columns: 10, cells: 1200 } })).rows,
    ).toHaveLength(400);
  });

  test("choosing the scorecard passes over a sheet past the limits and says why if nothing else reads", async () => {
    const path = file(await withScorecardSheet(sparseRowsSheet([1, 2], 1_000_000)));
    const r = runCli(["analyse", path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/No sheet reads as a scorecard\. .*Sheet 'Scorecard' has 1,000,000 rows/);
  });
});

describe("parts and packages too large, and zip bombs", () => {
  test("a part declaring more than 512 MB uncompressed", () => {
    const big = withPart("xl/worksheets/sheet1.xml", Buffer.from("<worksheet/>"), LIMITS.partBytes + 1);
    expectRefused(file(big), /Sheet 'Scorecard' is 513 MB of XML; Scorecard reads sheets of at most 512 MB/);
  });

  test("any other part declaring more than 512 MB", () => {
    const big = withPart("xl/styles.xml", Buffer.from("<styleSheet/>"), LIMITS.partBytes + 1);
    expectRefused(
      file(big),
      /part xl\/styles\.xml is 513 MB uncompressed; Scorecard reads parts of at most 512 MB/,
    );
  });

  test("a zip bomb that declares its size is refused by its ratio, before it is inflated", () => {
    expectRefused(
      file(zeroBomb("xl/worksheets/sheet1.xml", 64 * 1024 * 1024)),
      /would inflate \d+ times .* it looks like a zip bomb and is not read/,
    );
    expectRefused(
      file(zeroBomb("xl/sharedStrings.xml", 64 * 1024 * 1024)),
      /sharedStrings\.xml would inflate \d+ times/,
    );
  });

  test("a zip bomb that lies about its size is stopped at the size it declared", () => {
    for (const part of [
      "xl/worksheets/sheet1.xml",
      "xl/styles.xml",
      "xl/sharedStrings.xml",
      "xl/workbook.xml",
    ])
      expectRefused(
        file(zeroBomb(part, 32 * 1024 * 1024, 4096)),
        new RegExp(
          `${part.replace(/\./g, "\\.")} holds more than the 4 KB it declares; it looks like a zip bomb`,
        ),
      );
  });

  test("a DTD expanding an entity a billion times is refused, not expanded", async () => {
    expectRefused(file(await withScorecardSheet(laughsSheet())), /declares a DTD, which a workbook may not/);
  });

  test("a file larger than 256 MB is refused by its size, before it is read", () => {
    const path = join(tmp(), "huge.xlsx");
    writeFileSync(path, "");
    truncateSync(path, LIMITS.packageBytes + 1);
    expectRefused(path, /huge\.xlsx is 257 MB; Scorecard reads workbooks of at most 256 MB/);
  });
});
