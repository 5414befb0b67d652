/**
 * Where a build's bytes land: `--in-place` on a symbolic link writes the workbook the link points to
 * and leaves the link a link; the temporary files a killed build leaves beside a workbook are removed
 * by the next build of it, and nothing that might be someone else's ever is.
 */
import ExcelJS from "exceljs";
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cliBundle, removeCliBundle, runCli } from "./cli-bundle";
import { MONTHLY } from "./helpers";
import { temporaryName as staleTemporaryName } from "../src/hosts/file/temporary-files";

const tmp = () => mkdtempSync(join(tmpdir(), "sc-files-"));

async function sheetsOf(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(path) as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((w) => w.name);
}

beforeAll(() => {
  cliBundle();
});
afterAll(() => removeCliBundle());

describe("--in-place on a symbolic link", () => {
  test("writes the real workbook; the link (and a link to the link) stays a link", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "store"));
    const real = join(dir, "store", "scorecard.xlsx");
    copyFileSync(MONTHLY, real);
    const link = join(dir, "latest.xlsx");
    symlinkSync(join("store", "scorecard.xlsx"), link);
    const chain = join(dir, "chain.xlsx");
    symlinkSync("latest.xlsx", chain);

    const r = runCli(["build", chain, "--in-place"]);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(lstatSync(chain).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(join("store", "scorecard.xlsx"));
    expect(readlinkSync(chain)).toBe("latest.xlsx");
    expect(await sheetsOf(real)).toEqual(["Scorecard", "Notes", "Committee"]);
    // Nothing was left beside the link or the workbook.
    expect(readdirSync(dir).sort()).toEqual(["chain.xlsx", "latest.xlsx", "store"]);
    expect(readdirSync(join(dir, "store"))).toEqual(["scorecard.xlsx"]);
  });

  test("--out naming a link writes through it too", async () => {
    const dir = tmp();
    const real = join(dir, "paper.xlsx");
    writeFileSync(real, "placeholder");
    const link = join(dir, "link.xlsx");
    symlinkSync("paper.xlsx", link);
    expect(runCli(["build", MONTHLY, "--out", link]).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(await sheetsOf(real)).toEqual(["Scorecard", "Notes", "Committee"]);
  });
});

describe("temporary files of a killed build", () => {
  test("the next build removes them; files that are not a dead build's are left alone", () => {
    const dir = tmp();
    const book = join(dir, "book.xlsx");
    copyFileSync(MONTHLY, book);
    const zipStart = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    // A build killed mid-write (a process that no longer exists), and one killed before its first byte.
    const dead = 2 ** 22 + 7;
    const stale = [
      staleTemporaryName("book.xlsx", dead, "0badf00d"),
      staleTemporaryName("book.xlsx", dead + 1, "00000000"),
    ];
    writeFileSync(join(dir, stale[0]), zipStart);
    writeFileSync(join(dir, stale[1]), "");
    const kept = [
      // a build running now (this test's own process is alive)
      staleTemporaryName("book.xlsx", process.pid, "12345678"),
      // another workbook's
      staleTemporaryName("other.xlsx", dead, "87654321"),
      // named like ours, but not a workbook's bytes
      staleTemporaryName("book.xlsx", dead + 2, "deadbeef"),
      ".book.xlsx.tmp",
      "book.xlsx.tmp",
    ];
    writeFileSync(join(dir, kept[0]), zipStart);
    writeFileSync(join(dir, kept[1]), zipStart);
    writeFileSync(join(dir, kept[2]), "my own notes");
    writeFileSync(join(dir, kept[3]), zipStart);
    writeFileSync(join(dir, kept[4]), zipStart);
    // A link named like a dead build's temporary file is not a file of ours either.
    const linked = staleTemporaryName("book.xlsx", dead + 3, "aaaaaaaa");
    symlinkSync(kept[4], join(dir, linked));

    expect(runCli(["build", book, "--in-place"]).code).toBe(0);
    for (const f of stale) expect({ f, there: existsSync(join(dir, f)) }).toEqual({ f, there: false });
    for (const f of [...kept, linked])
      expect({ f, there: lstatSync(join(dir, f)) !== undefined }).toEqual({ f, there: true });
    expect(readFileSync(join(dir, kept[2]), "utf8")).toBe("my own notes");
  });
});
