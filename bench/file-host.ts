/**
 * The command line and the file host against their floors, measured in the same run:
 * - cold `scorecard build` of the sample (a new process, as a user runs it) against node reading and
 *   writing the same workbook with ExcelJS;
 * - the file host's whole build at 1,000 and 10,000 indicators, first build and a rebuild over an
 *   existing committee sheet, against ExcelJS reading the scorecard and writing the same committee
 *   cells with one shared style object per style (the cheapest ExcelJS can do);
 * - true peak memory of a build: the maximum resident set of a child process;
 * - bounded work (bench/bounded.ts): 100,000 indicators, and the refusals of what is past the limits.
 */
import ExcelJS from "exceljs";
import { buildSync } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyse } from "../src/engine/judge/assess";
import { buildCommitteePlan, SheetPlan } from "../src/engine/paper/committee";
import { validateSettings } from "../src/engine/config";
import type { Grid } from "../src/engine/grid";
import { buildWorkbookFile } from "../src/hosts/file/build-file";
import { syntheticGrid } from "../scripts/synthetic";
import { benchBounded } from "./bounded";

const settings = validateSettings(undefined).settings;
const ROOT = join(__dirname, "..");
const MB = 1024 * 1024;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timed(
  fn: () => Promise<unknown>,
  warm: number,
  runs: number,
): Promise<{ cold: number; ms: number }> {
  let t = performance.now();
  await fn();
  const cold = performance.now() - t;
  for (let i = 0; i < warm; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return { cold, ms: median(times) };
}

async function gridToXlsx(grid: Grid, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.sheet);
  grid.rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c.value === null || typeof c.value === "object") return;
      const cell = ws.getCell(r + 1, col + 1);
      cell.value = c.value;
      if (c.format) cell.numFmt = c.format;
    }),
  );
  await wb.xlsx.writeFile(path);
}

/** ExcelJS at its cheapest: the same cells and styles, one style object per style, no merges skipped. */
function floorSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  const styleOf = (name: string): Partial<ExcelJS.Style> => {
    let st = shared.get(name);
    if (!st) {
      const s = plan.styles[name];
      st = {
        font: {
          name: "Calibri",
          size: s.size ?? 11,
          bold: s.bold,
          italic: s.italic,
          color: s.color ? { argb: `FF${s.color}` } : undefined,
        },
        alignment: {
          wrapText: s.wrap,
          vertical: s.vAlign === "middle" ? "middle" : s.vAlign,
          horizontal: s.hAlign,
        },
      };
      if (s.fill) st.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${s.fill}` } };
      shared.set(name, st);
    }
    return st;
  };
  plan.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  plan.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    });
    ws.getRow(r + 1).height = plan.rowHeights[r];
  });
  for (const { style, areas } of plan.styleAreas) {
    const st = styleOf(style);
    for (const a of areas)
      for (let r = a.top; r <= a.bottom; r++)
        for (let c = a.left; c <= a.right; c++) ws.getCell(r + 1, c + 1).style = st;
  }
  for (const m of plan.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
}

function spawnMs(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: "ignore" });
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
  return performance.now() - t;
}

/** A child's true peak: it reports its own maximum resident set as it exits. */
function childPeakMB(args: string[], preload: string): number {
  const r = spawnSync(process.execPath, ["--require", preload, ...args], { cwd: ROOT, encoding: "utf8" });
  const m = /maxRSS=(\d+)/.exec(r.stderr);
  return m ? (Number(m[1]) * 1024) / MB : NaN;
}

export async function benchFileHost(out: (s: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "sc-bench-"));
  const preload = join(dir, "peak.js");
  // The child's own high-water mark. getrusage's maxRSS is not enough on Linux: a child forked from
  // this process keeps this process's size as its maxRSS across exec, so a large bench process would
  // make every child look as large. /proc's VmHWM belongs to the child's own memory alone.
  writeFileSync(
    preload,
    `process.on("exit", () => {
  let kb = process.resourceUsage().maxRSS;
  try { kb = Number(/VmHWM:\\s+(\\d+) kB/.exec(require("fs").readFileSync("/proc/self/status", "utf8"))[1]); } catch {}
  process.stderr.write("maxRSS=" + kb + "\\n");
});\n`,
  );
  const bundle = join(ROOT, "out", "bench", "scorecard.js");
  mkdirSync(join(ROOT, "out", "bench"), { recursive: true });
  buildSync({
    entryPoints: [join(ROOT, "src", "cli", "main.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    minify: true,
    outfile: bundle,
    logLevel: "error",
  });
  const floorJs = join(dir, "floor.js");
  writeFileSync(
    floorJs,
    `const ExcelJS = require(${JSON.stringify(require.resolve("exceljs"))});
(async () => { const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(process.argv[2]); await wb.xlsx.writeFile(process.argv[3]); })();\n`,
  );
  const sample = join(ROOT, "seeds", "monthly-scorecard.xlsx");
  const tsx = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
  out("\nCommand line from cold: `scorecard build` of the sample in a new process (median of 7)");
  const floor: number[] = [];
  const cli: number[] = [];
  const viaTsx: number[] = [];
  for (let i = 0; i < 7; i++) {
    floor.push(spawnMs([floorJs, sample, join(dir, "floor.xlsx")]));
    cli.push(spawnMs([bundle, "build", sample, "--out", join(dir, "cli.xlsx")]));
    if (i < 3)
      viaTsx.push(
        spawnMs([tsx, join(ROOT, "src", "cli", "main.ts"), "build", sample, "--out", join(dir, "tsx.xlsx")]),
      );
  }
  const f = median(floor);
  const c = median(cli);
  out(`ExcelJS read+write floor  ${f.toFixed(0)} ms`);
  out(`bundled CLI build         ${c.toFixed(0)} ms  ratio ${(c / f).toFixed(2)} (target <= 1.5)`);
  out(
    `unbundled via tsx         ${median(viaTsx).toFixed(0)} ms  ratio ${(median(viaTsx) / f).toFixed(2)} (median of 3)`,
  );
  out(
    `peak memory (child maxRSS): floor ${childPeakMB([floorJs, sample, join(dir, "floor.xlsx")], preload).toFixed(0)} MB, bundled CLI ${childPeakMB([bundle, "build", sample, "--out", join(dir, "cli.xlsx")], preload).toFixed(0)} MB`,
  );

  out(
    "\nFile host: a whole build of a workbook against the ExcelJS floor (read it, write the same committee cells",
  );
  out("and styles with shared style objects); cold first call, then median of 5 after 3 warm-up builds");
  out("indicators  floor ms  build ms (cold)   ratio  rebuild ms  ratio  out bytes  peak MB (child)");
  for (const n of [1000, 10000]) {
    const src = join(dir, `synthetic-${n}.xlsx`);
    await gridToXlsx(syntheticGrid(n, 24), src);
    const bytes = readFileSync(src);
    const now = new Date(2024, 0, 31);
    const floorRun = async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      const ws = wb.worksheets[0];
      const grid = syntheticGrid(n, 24);
      const plan = buildCommitteePlan({
        analysis: analyse(grid, settings),
        name: "Committee",
        generatedAt: now,
      }).plan;
      floorSheet(wb.addWorksheet("Committee"), plan);
      void ws;
      await wb.xlsx.writeBuffer();
    };
    let built: Uint8Array = new Uint8Array();
    const hostRun = async () => {
      built = (await buildWorkbookFile(src, settings, undefined, now)).bytes;
    };
    const warm = 3;
    const fl = await timed(floorRun, warm, 5);
    const host = await timed(hostRun, warm, 5);
    const again = join(dir, `again-${n}.xlsx`);
    writeFileSync(again, built);
    const re = await timed(
      async () => {
        await buildWorkbookFile(again, settings, undefined, now);
      },
      warm,
      5,
    );
    const peak = childPeakMB([bundle, "build", again, "--out", join(dir, `peak-${n}.xlsx`)], preload);
    out(
      `${String(n).padEnd(11)} ${fl.ms.toFixed(0).padEnd(9)} ${`${host.ms.toFixed(0)} (${host.cold.toFixed(0)})`.padEnd(17)} ${(host.ms / fl.ms).toFixed(2).padEnd(6)} ${re.ms.toFixed(0).padEnd(11)} ${(re.ms / fl.ms).toFixed(2).padEnd(6)} ${String(built.length).padEnd(10)} ${peak.toFixed(0)}`,
    );
  }
  out("(target: build ratio <= 1.3; the floor includes the same analysis and plan as the build)");
  await benchBounded(out, dir, bundle, preload);
}
