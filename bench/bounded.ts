/**
 * Bounded work (issue 21), measured as a user meets it: the bundled command line in a new process,
 * its peak memory the child's own maximum resident set.
 * - `build` of 100,000 indicators x 24 periods, first build and rebuild (budget: 2 GB each);
 * - the refusal of a 1,000,000-row sheet, with its dimension declared and without;
 * - the refusal of a zip bomb, honest and lying about its size;
 * - 2,000 indicators whose titles are 32,767 characters: the rows the paper takes, and the cost.
 */
import ExcelJS from "exceljs";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Grid } from "../src/engine/grid";
import { syntheticGrid } from "../scripts/synthetic";
import { rowsSheet, withScorecardSheet, zeroBomb } from "../test/packages/hostile-package";

const MB = 1024 * 1024;

interface ChildRun {
  ms: number;
  peakMB: number;
  code: number | null;
  line: string;
}

/** Runs the bundle in a new process; its peak resident set is reported by the preload as it exits. */
function measure(bundle: string, preload: string, args: string[]): ChildRun {
  const t = performance.now();
  const r = spawnSync(process.execPath, ["--require", preload, bundle, ...args], { encoding: "utf8" });
  const ms = performance.now() - t;
  const m = /maxRSS=(\d+)/.exec(r.stderr);
  const said = [...r.stderr.split("\n"), ...r.stdout.split("\n")];
  const line = (said.find((l) => /^(scorecard:|Wrote)/.test(l)) ?? "").slice(0, 120);
  return { ms, peakMB: m ? (Number(m[1]) * 1024) / MB : NaN, code: r.status, line };
}

/** A scorecard written by ExcelJS's streaming writer, so that making it costs the bench little memory. */
async function writeScorecard(grid: Grid, path: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true });
  const ws = wb.addWorksheet(grid.sheet);
  for (const row of grid.rows) {
    const r = ws.addRow(row.map((c) => (c.value === null || typeof c.value === "object" ? null : c.value)));
    row.forEach((c, i) => {
      if (c.format) r.getCell(i + 1).numFmt = c.format;
    });
    r.commit();
  }
  await wb.commit();
}

function row(name: string, r: ChildRun, budget = ""): string {
  return `${name.padEnd(44)} ${(r.ms / 1000).toFixed(1).padStart(7)} s ${r.peakMB.toFixed(0).padStart(6)} MB  exit ${r.code}${budget}  ${r.line}`;
}

export async function benchBounded(
  out: (s: string) => void,
  dir: string,
  bundle: string,
  preload: string,
): Promise<void> {
  out("\nBounded work: the bundled command line in a new process (wall time, peak resident memory)");
  const big = join(dir, "indicators-100000.xlsx");
  await writeScorecard(syntheticGrid(100_000, 24), big);
  const first = measure(bundle, preload, ["build", big, "--out", join(dir, "built-100000.xlsx")]);
  out(
    row(
      "build, 100,000 indicators x 24 periods",
      first,
      first.peakMB <= 2048 ? " (within 2 GB)" : " (OVER 2 GB)",
    ),
  );
  const again = measure(bundle, preload, [
    "build",
    join(dir, "built-100000.xlsx"),
    "--out",
    join(dir, "rebuilt-100000.xlsx"),
  ]);
  out(
    row(
      "rebuild over its own committee sheet",
      again,
      again.peakMB <= 2048 ? " (within 2 GB)" : " (OVER 2 GB)",
    ),
  );

  const million = join(dir, "rows-1000000.xlsx");
  writeFileSync(million, await withScorecardSheet(rowsSheet(1_000_000, true)));
  out(
    row(
      "refuse 1,000,000 rows (dimension declared)",
      measure(bundle, preload, ["build", million, "--sheet", "Scorecard", "--out", join(dir, "x.xlsx")]),
    ),
  );
  const undeclared = join(dir, "rows-1000000-undeclared.xlsx");
  writeFileSync(undeclared, await withScorecardSheet(rowsSheet(1_000_000, false)));
  out(
    row(
      "refuse 1,000,000 rows (counted, no dimension)",
      measure(bundle, preload, ["build", undeclared, "--sheet", "Scorecard", "--out", join(dir, "x.xlsx")]),
    ),
  );

  const bomb = join(dir, "bomb.xlsx");
  writeFileSync(bomb, zeroBomb("xl/worksheets/sheet1.xml", 256 * MB));
  out(
    row(
      "refuse a zip bomb (256 MB of zeros, declared)",
      measure(bundle, preload, ["build", bomb, "--out", join(dir, "x.xlsx")]),
    ),
  );
  const liar = join(dir, "bomb-lying.xlsx");
  writeFileSync(liar, zeroBomb("xl/worksheets/sheet1.xml", 256 * MB, 64 * 1024));
  out(
    row(
      "refuse a zip bomb (declares 64 KB)",
      measure(bundle, preload, ["build", liar, "--out", join(dir, "x.xlsx")]),
    ),
  );

  const long = syntheticGrid(2000, 12);
  const words = "Percentage of children in need seen within timescale by the allocated social worker ";
  let i = 0;
  for (const r of long.rows)
    if (typeof r[0]?.value === "string" && /^\d+\.\d+$/.test(r[0].value))
      r[1] = { value: `${i++} ${words.repeat(400)}`.slice(0, 32767) };
  const longPath = join(dir, "long-titles.xlsx");
  await writeScorecard(long, longPath);
  const built = join(dir, "long-titles-built.xlsx");
  const run = measure(bundle, preload, ["build", longPath, "--out", built]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(built);
  out(
    row("2,000 indicators with 32,767-character titles", run) +
      `  (${wb.getWorksheet("Committee")?.rowCount ?? "?"} rows)`,
  );
}
