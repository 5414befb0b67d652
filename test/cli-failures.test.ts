/**
 * The command line as an analyst meets it, through the shipped bundle: every failure is one line with
 * exit 2 (never a stack trace), many workbooks build in one run with one bad one reported and the rest
 * built, and a build killed at any moment leaves the workbook whole.
 */
import ExcelJS from "exceljs";
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { visible } from "../src/cli/report";
import { cliBundle, removeCliBundle, runCli, spawnCli } from "./cli-bundle";
import { MONTHLY, QUARTERLY, readBook } from "./helpers";
import { richPackage } from "./packages/rich-package";
import { zipEntries } from "./packages/zip-entries";
import { expectSoundPackage } from "./package-check";

const tmp = () => mkdtempSync(join(tmpdir(), "sc-cli-"));

beforeAll(() => {
  cliBundle();
});
afterAll(() => removeCliBundle());

function expectOneLineFailure(r: { code: number | null; stderr: string }, message: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr.trim().split("\n")[0]).toMatch(/^scorecard: /);
}

/** A compound (OLE) file, as legacy .xls and password-protected workbooks are. */
function compoundFile(streamName?: string): Buffer {
  const buf = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  if (streamName) Buffer.from(streamName, "utf16le").copy(buf, 1024);
  return buf;
}

describe("one-line failures with exit 2", () => {
  test("password-protected and legacy .xls workbooks", () => {
    const dir = tmp();
    const enc = join(dir, "protected.xlsx");
    writeFileSync(
      enc,
      Buffer.concat([compoundFile("EncryptionInfo"), Buffer.from("EncryptedPackage", "utf16le")]),
    );
    expectOneLineFailure(runCli(["analyse", enc]), /password-protected/);
    const xls = join(dir, "old.xls");
    writeFileSync(xls, compoundFile("Workbook"));
    expectOneLineFailure(runCli(["build", xls, "--out", join(dir, "o.xlsx")]), /save as \.xlsx/);
    const text = join(dir, "notes.xlsx");
    writeFileSync(text, "just some text");
    expectOneLineFailure(runCli(["analyse", text]), /not an \.xlsx or \.xlsm workbook/);
  });

  test("--sheet naming the committee sheet, in any case, and --out under a file", () => {
    const dir = tmp();
    const built = join(dir, "built.xlsx");
    expect(runCli(["build", MONTHLY, "--out", built]).code).toBe(0);
    expectOneLineFailure(runCli(["analyse", built, "--sheet", "COMMITTEE"]), /is the committee sheet/);
    expectOneLineFailure(
      runCli(["build", built, "--in-place", "--sheet", "committee"]),
      /is the committee sheet/,
    );
    // Names are case-insensitive, as in Excel: a lower-case --sheet finds the sheet.
    expect(runCli(["analyse", built, "--sheet", "scorecard", "--json"]).code).toBe(0);
    const file = join(dir, "a-file");
    writeFileSync(file, "x");
    expectOneLineFailure(
      runCli(["build", MONTHLY, "--out", join(file, "out.xlsx")]),
      /is a file, not a folder/,
    );
  });

  test("config files in UTF-8 with a BOM and UTF-16 are read; unknown keys warned; one column for two roles refused", () => {
    const dir = tmp();
    const json = JSON.stringify({ tolerance: { kind: "points", amount: 0.05 }, colour: "blue" });
    const bom = join(dir, "bom.json");
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]));
    const u16 = join(dir, "u16.json");
    writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, "utf16le")]));
    for (const config of [bom, u16]) {
      const r = runCli(["analyse", MONTHLY, "--config", config, "--json"]);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/unknown setting "colour"/);
      expect(JSON.parse(r.stdout).indicators).toHaveLength(19);
    }
    const pinned = join(dir, "pinned.json");
    writeFileSync(pinned, JSON.stringify({ columns: { current: "E", target: "E" } }));
    expectOneLineFailure(
      runCli(["analyse", MONTHLY, "--config", pinned]),
      /column E is pinned to more than one role/,
    );
  });

  test("control characters from cells are shown escaped in the plain-text table", async () => {
    const dir = tmp();
    const wb = await readBook(MONTHLY);
    const ws = wb.getWorksheet("Scorecard");
    let cell: ExcelJS.Cell | undefined;
    ws?.eachRow((row) => {
      if (!cell && row.getCell(1).value === "1.1") cell = row.getCell(2);
    });
    if (!cell) throw new Error("sample has no indicator 1.1");
    cell.value = "Cases\nwith\toversight";
    const path = join(dir, "ctl.xlsx");
    await wb.xlsx.writeFile(path);
    const r = runCli(["analyse", path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Cases\\nwith\\toversight");
    expect(visible("a\u001b[2Jb\u0007")).toBe("a\\x1b[2Jb\\x07");
    // eslint-disable-next-line no-control-regex
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
  });
});

describe("macro-enabled workbooks", () => {
  test("an .xlsm is built to an .xlsm, never relabelled as .xlsx", async () => {
    const dir = tmp();
    const xlsm = join(dir, "scorecard.xlsm");
    writeFileSync(xlsm, (await richPackage()).bytes);
    expectOneLineFailure(
      runCli(["build", xlsm, "--out", join(dir, "paper.xlsx")]),
      /has macros; write it to an \.xlsm/,
    );
    const r = runCli(["build", xlsm, "--in-place"]);
    expect(r.code).toBe(0);
    const types = zipEntries(readFileSync(xlsm)).get("[Content_Types].xml")?.data.toString("utf8");
    expect(types).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
  });
});

describe("building many workbooks in one run", () => {
  test("--out-dir: a progress line each, one bad workbook reported, the rest built, a summary", () => {
    const dir = tmp();
    const bad = join(dir, "bad.xlsx");
    writeFileSync(bad, "not a workbook");
    const out = join(dir, "out");
    const r = runCli(["build", MONTHLY, bad, QUARTERLY, "--out-dir", out]);
    expect(r.code).toBe(2);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^\[1\/3\] .*monthly-scorecard\.xlsx: .*Wrote sheet 'Committee'/);
    expect(lines[1]).toMatch(/^\[2\/3\] .*bad\.xlsx: FAILED: .*not an \.xlsx or \.xlsm workbook/);
    expect(lines[2]).toMatch(/^\[3\/3\] .*quarterly-kpis\.xlsx: .*Wrote sheet 'Committee'/);
    expect(lines[3]).toMatch(/^Built 2 of 3 workbooks; 1 failed/);
    expect(readdirSync(out).sort()).toEqual(["monthly-scorecard.xlsx", "quarterly-kpis.xlsx"]);
    expect(readFileSync(bad, "utf8")).toBe("not a workbook");
  });

  test("--in-place for many", async () => {
    const dir = tmp();
    const a = join(dir, "a.xlsx");
    const b = join(dir, "b.xlsx");
    copyFileSync(MONTHLY, a);
    copyFileSync(QUARTERLY, b);
    const r = runCli(["build", a, b, "--in-place"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Built 2 of 2 workbooks\./);
    for (const f of [a, b]) expect((await readBook(f)).worksheets.map((w) => w.name)).toContain("Committee");
  });

  test("several workbooks need --out-dir or --in-place", () => {
    const r = runCli(["build", MONTHLY, QUARTERLY, "--out", join(tmp(), "x.xlsx")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out-dir DIR or --in-place/);
  });
});

describe("a build killed at any moment", () => {
  test("--in-place killed with SIGKILL at staggered moments leaves the workbook intact or complete", async () => {
    const dir = tmp();
    const original = readFileSync(MONTHLY);
    const results: string[] = [];
    // From before the bundle has loaded to after the write: each kill lands at a different step.
    for (const delay of [5, 40, 80, 120, 160, 200, 260, 320, 400, 500, 700, 1000]) {
      const path = join(dir, `k${delay}.xlsx`);
      writeFileSync(path, original);
      const child = spawnCli(["build", path, "--in-place"]);
      // Listen first: a fast build may finish before the kill.
      const exited = new Promise((r) => child.once("exit", r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGKILL");
      await exited;
      const now = readFileSync(path);
      expect(now.length).toBeGreaterThan(0);
      if (now.equals(original)) {
        results.push("intact");
        continue;
      }
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(now as unknown as ExcelJS.Buffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(["Scorecard", "Notes", "Committee"]);
      expectSoundPackage(now, `${path}, built before the kill landed`);
      results.push("complete");
    }
    // No temporary files are left where the analyst looks, except from a kill mid-write...
    const stray = readdirSync(dir).filter((f) => !f.endsWith(".xlsx"));
    expect(stray.every((f) => /^\.k\d+\.xlsx\.scorecard-[0-9a-f]+-\d+-[0-9a-f]+\.tmp$/.test(f))).toBe(true);
    // ...and the next build of that workbook clears them.
    for (const f of stray)
      expect(runCli(["build", join(dir, f.split(".xlsx")[0].slice(1) + ".xlsx"), "--in-place"]).code).toBe(0);
    expect(readdirSync(dir).filter((f) => !f.endsWith(".xlsx"))).toEqual([]);
    expect(results).toContain("intact");
    // And one left to finish is complete, so the kills above did land across the whole build.
    const last = join(dir, "finished.xlsx");
    writeFileSync(last, original);
    expect(runCli(["build", last, "--in-place"]).code).toBe(0);
    expect((await readBook(last)).worksheets.map((w) => w.name)).toEqual(["Scorecard", "Notes", "Committee"]);
  }, 120000);
});

describe("the demo from a fresh clone", () => {
  test("finds its sample from the bundle's folder and writes out/committee.xlsx", () => {
    const r = runCli(["demo"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Performing well/);
  });
});
