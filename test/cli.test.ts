/** The command line's contract: the JSON other tools rely on, readable errors, exit codes. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { cliBundle, removeCliBundle, runCli } from "./cli-bundle";
import { MONTHLY, QUARTERLY, ROOT, readBook } from "./helpers";
import { COMMENTARY_COLUMNS } from "../src/engine/paper/committee";
import { analyse } from "../src/engine/judge/assess";
import { validateSettings } from "../src/engine/config";
import { xmrCharts } from "../src/engine/paper/xmr-chart";
import { spcSampleGrid, spcSampleWorkbook } from "../scripts/spc-sample";

// ExcelJS counts columns from 1.
const KEY = COMMENTARY_COLUMNS.key + 1;
const COMMENTARY = COMMENTARY_COLUMNS.commentary + 1;

// The shipped bundle, as `npm run scorecard` runs it.
const run = (args: string[]) => runCli(args);

beforeAll(() => {
  cliBundle();
});
afterAll(() => removeCliBundle());

describe("scorecard analyse", () => {
  test("--json prints the contract of docs/analyse-json.md", () => {
    const r = run(["analyse", MONTHLY, "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sheet).toBe("Scorecard");
    expect(out.indicators).toHaveLength(19);
    const i = out.indicators.find((x: { ref: string }) => x.ref === "5.18");
    expect(i).toMatchObject({
      ref: "5.18",
      title: "CLA cases which were reviewed within required timescales",
      section: "Reviews",
      row: 28,
      unit: "percent",
      polarity: "higher",
      band: "red",
    });
    expect(i.value).toBeCloseTo(0.876, 10);
    expect(["improving", "worsening", "stable", "up", "down", "unknown"]).toContain(i.trend.direction);
    expect(i.flags).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: "current-differs-from-latest-period", message: expect.any(String) }),
      ]),
    );
    expect(r.stderr).toMatch(/Using sheet 'Scorecard'/);
  });

  test("every field --json prints is documented in docs/analyse-json.md", () => {
    const doc = readFileSync(join(ROOT, "docs", "analyse-json.md"), "utf8");
    const out = JSON.parse(run(["analyse", MONTHLY, "--json"]).stdout) as {
      columns: Record<string, unknown>[];
      indicators: Record<string, unknown>[];
    } & Record<string, unknown>;
    const fields = new Set<string>(Object.keys(out));
    for (const c of out.columns) for (const k of Object.keys(c)) fields.add(k);
    for (const i of out.indicators) {
      for (const k of Object.keys(i)) fields.add(k);
      for (const part of ["targets", "trend"]) {
        const v = i[part];
        if (v && typeof v === "object") for (const k of Object.keys(v)) fields.add(k);
      }
    }
    const undocumented = [...fields].filter((f) => !doc.includes(`\`${f}\``));
    expect(undocumented).toEqual([]);
  });

  test("--explain prints the sheet as read: roles over the columns, header rows marked, each table, the doubts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sc-"));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Dashboard");
    ws.addRow(["Social care dashboard"]);
    ws.addRow(["Code", "What we count", "Figure", "Aspiration"]);
    ws.addRow(["X1", "Visits on time", 0.8, 0.9]);
    ws.addRow(["X2", "Plans reviewed", 0.95, 0.9]);
    const file = join(dir, "dashboard.xlsx");
    await wb.xlsx.writeFile(file);
    const r = run(["analyse", file, "--explain"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Sheet 'Dashboard' read with (medium|low) confidence \(0\.\d\d\); 2 indicators/,
    );
    expect(r.stdout).toMatch(/Table 1 'Social care dashboard': header rows 2-2, body rows 3-4, columns A-D/);
    expect(r.stdout).toMatch(
      /\n {2}B {3}Measure +0\.\d\d {2}B is Measure because it holds 2 distinct titles/,
    );
    expect(r.stdout).toMatch(/\nrole +Reference +Measure +Current +Target\n/);
    expect(r.stdout).toMatch(/\n▌ {3}2 HEADER +Code +What we count +Figure +Aspiration\n/);
    expect(r.stdout).toMatch(/\n {4}3 indicator +X1 +Visits on time/);
    expect(r.stdout).toMatch(/To check:\n( {2}- .*\n)* {2}- C read as the current value/);
    expect(run(["analyse", file, "--explain", "--json"]).code).toBe(2);
  });

  test("--sheet and --config; without --json a readable table", () => {
    const dir = mkdtempSync(join(tmpdir(), "sc-"));
    const config = join(dir, "config.json");
    writeFileSync(
      config,
      JSON.stringify({
        tolerance: { kind: "points", amount: 0.05 },
        indicators: { CP3: { polarity: "higher" } },
      }),
    );
    const r = run(["analyse", QUARTERLY, "--sheet", "KPIs Q2", "--config", config]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/CSC3 +% of C&F assessments/);
    expect(r.stdout).toMatch(/AMBER/);
    const j = JSON.parse(run(["analyse", QUARTERLY, "--config", config, "--json"]).stdout);
    expect(j.indicators.find((x: { ref: string }) => x.ref === "CP3").polarity).toBe("higher");
  });

  test("usage and unreadable input exit 2 with a one-line message", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sc-"));
    const cases: [string[], RegExp][] = [
      [["analyse"], /analyse takes one \.xlsx file/],
      [["frobnicate"], /unknown command 'frobnicate'/],
      [["analyse", MONTHLY, "--bogus"], /unknown option --bogus/],
      [["analyse", join(dir, "missing.xlsx")], /No such file/],
      [
        ["analyse", MONTHLY, "--sheet", "Nope"],
        /No sheet named 'Nope'\. The workbook has: 'Scorecard', 'Notes'/,
      ],
    ];
    const notXlsx = join(dir, "bad.xlsx");
    writeFileSync(notXlsx, "this is not a workbook");
    cases.push([["analyse", notXlsx], /is not an \.xlsx or \.xlsm workbook/]);
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet("Budget").addRow(["Cost centre", "Spend"]);
    const blankPath = join(dir, "budget.xlsx");
    await blank.xlsx.writeFile(blankPath);
    cases.push([
      ["analyse", blankPath, "--sheet", "Budget"],
      /Sheet 'Budget': no table found in rows 1-1: no rows of figures/,
    ]);
    const badConfig = join(dir, "bad.json");
    writeFileSync(badConfig, "{ not json");
    cases.push([["analyse", MONTHLY, "--config", badConfig], /not valid JSON/]);
    for (const [args, message] of cases) {
      const r = run(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    }
  });
});

describe("scorecard build", () => {
  test("says where the XmR charts of the areas for focus went, and draws none for a short series", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sc-"));
    const input = join(dir, "spc.xlsx");
    await spcSampleWorkbook().xlsx.writeFile(input);
    const r = run(["build", input, "--out", join(dir, "paper.xlsx")]);
    expect(r.code).toBe(0);
    const expected = xmrCharts(analyse(spcSampleGrid(), validateSettings(undefined).settings)).length;
    expect(r.stdout).toContain(
      `Drew ${expected} XmR charts of the areas for focus on sheet 'Scorecard charts'.`,
    );
    const plain = run(["build", MONTHLY, "--out", join(dir, "monthly.xlsx")]);
    expect(plain.stdout).not.toMatch(/XmR chart/);
  });

  test("--out writes the committee sheet; the source file is unchanged", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sc-"));
    const out = join(dir, "paper.xlsx");
    const r = run(["build", MONTHLY, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Wrote sheet 'Committee' to .*paper\.xlsx from sheet 'Scorecard': 19 indicators, 5 green, 4 amber, 7 red, 3 not banded\./,
    );
    const wb = await readBook(out);
    expect(wb.getWorksheet("Committee")).toBeDefined();
    const source = await readBook(MONTHLY);
    expect(source.getWorksheet("Committee")).toBeUndefined();
  });

  test("--in-place refreshes the file's own committee sheet and keeps typed commentary", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sc-"));
    const file = join(dir, "scorecard.xlsx");
    const wb = await readBook(MONTHLY);
    await wb.xlsx.writeFile(file);
    expect(run(["build", file, "--in-place"]).code).toBe(0);
    const first = await readBook(file);
    first.getWorksheet("Committee")?.eachRow((row) => {
      if (row.getCell(KEY).value === "5.18")
        row.getCell(COMMENTARY).value = "IRO capacity restored in November.";
    });
    await first.xlsx.writeFile(file);
    const r = run(["build", file, "--in-place"]);
    expect(r.stdout).toMatch(/Commentary kept for 1 indicator\./);
    const second = await readBook(file);
    const kept: unknown[] = [];
    second.getWorksheet("Committee")?.eachRow((row) => {
      if (row.getCell(KEY).value === "5.18") kept.push(row.getCell(COMMENTARY).value);
    });
    expect(kept).toEqual(["IRO capacity restored in November."]);
  });

  test("indicators left out by the analyst: counted as such, their commentary set aside unprinted and back when they return", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sc-"));
    const file = join(dir, "scorecard.xlsx");
    writeFileSync(file, readFileSync(MONTHLY));
    expect(run(["build", file, "--in-place"]).code).toBe(0);
    const first = await readBook(file);
    first.getWorksheet("Committee")?.eachRow((row) => {
      if (row.getCell(KEY).value === "5.18") row.getCell(COMMENTARY).value = "IRO capacity restored.";
    });
    await first.xlsx.writeFile(file);

    const config = join(dir, "leave-out.json");
    writeFileSync(
      config,
      JSON.stringify({ committee: { excludeIndicators: ["5.18"], excludeSections: [] } }),
    );
    const left = run(["build", file, "--in-place", "--config", config]);
    expect(left.code).toBe(0);
    expect(left.stdout).toMatch(/18 indicators \(1 left out by you\), /);
    expect(left.stdout).toMatch(
      /Commentary on 1 indicator left out of this paper is kept below it, unprinted\./,
    );
    expect(left.stdout).not.toMatch(/Retired/);

    const back = run(["build", file, "--in-place"]);
    expect(back.stdout).toMatch(/19 indicators, /);
    const kept: unknown[] = [];
    (await readBook(file)).getWorksheet("Committee")?.eachRow((row) => {
      if (row.getCell(KEY).value === "5.18") kept.push(row.getCell(COMMENTARY).value);
    });
    expect(kept).toEqual(["IRO capacity restored."]);
  });

  test("needs --out or --in-place", () => {
    expect(run(["build", MONTHLY]).code).toBe(2);
  });
});
