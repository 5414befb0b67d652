/**
 * npm run bench: speed, memory, Excel round trips and bundle size. Timings are medians of several runs
 * on this machine; they are measured here, never asserted in tests.
 */
import ExcelJS from "exceljs";
import { buildSync } from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { analyse } from "../src/engine/judge/assess";
import { buildCommitteePlan } from "../src/engine/paper/committee";
import { validateSettings } from "../src/engine/config";
import { applyPlan } from "../src/hosts/file/apply-plan";
import { refresh } from "../src/hosts/office/refresh";
import { syntheticGrid } from "../scripts/synthetic";
import { typeGrid } from "../src/engine/read/cell-types";
import { findTables } from "../src/engine/read/find-tables";
import { SheetLabels } from "../src/engine/read/merge-map";
import { officePayloads } from "./office-payload";
import { benchFileHost } from "./file-host";
import { FakeContext, modelOfGrid } from "../test/fake-excel/fake-excel";

const settings = validateSettings(undefined).settings;
const ROOT = join(__dirname, "..");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time<T>(fn: () => T, runs: number): { ms: number; result: T } {
  let result = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    result = fn();
    times.push(performance.now() - t);
  }
  return { ms: median(times), result };
}

async function timeAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Typing every cell and finding the tables must cost the same per cell at every size. */
function readingLinear(out: (s: string) => void): void {
  out("\nReading: type every cell and find the tables (median of 5); the cost per cell should not grow");
  out("indicators  cells      ms      µs per 1,000 cells");
  for (const n of [1000, 10000, 100000]) {
    const grid = syntheticGrid(n, 24);
    const cells = grid.rows.reduce((k, r) => k + r.length, 0);
    const { ms } = time(() => {
      const typed = typeGrid(grid);
      return findTables(typed, new SheetLabels(grid, typed.width));
    }, 5);
    out(
      `${String(n).padEnd(11)} ${String(cells).padEnd(10)} ${ms.toFixed(1).padEnd(7)} ${((ms * 1e6) / cells).toFixed(0)}`,
    );
  }
}

async function main(): Promise<void> {
  const lines: string[] = [];
  const out = (s: string) => {
    lines.push(s);
    console.log(s);
  };
  out(
    `Scorecard benchmarks (${new Date().toISOString()}, node ${process.version}${gc ? "" : ", run with --expose-gc for steadier memory figures"})`,
  );

  out("\nEngine: analyse a grid (24 periods per indicator), bundled as the pane ships it");
  out(
    "cold first call, then median of 10 after 20 warm-up calls; peak = a child's max RSS above its size before",
  );
  out("indicators  cells      cold ms  warm ms  peak MB  via tsx (CLI) ms");
  const bundle = join(ROOT, "out", "bench", "engine-timing.js");
  buildSync({
    entryPoints: [join(__dirname, "engine-timing.ts")],
    bundle: true,
    platform: "node",
    outfile: bundle,
    logLevel: "error",
  });
  const rows = execFileSync(process.execPath, ["--expose-gc", bundle], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { n: number; cells: number; coldMs: number; ms: number });
  for (const r of rows) {
    const peak = JSON.parse(
      execFileSync(process.execPath, ["--expose-gc", bundle, "peak", String(r.n)], { encoding: "utf8" }),
    ) as { peakMB: number };
    const grid = syntheticGrid(r.n, 24);
    const { ms: tsxMs } = time(() => analyse(grid, settings), 5);
    out(
      `${String(r.n).padEnd(11)} ${String(r.cells).padEnd(10)} ${r.coldMs.toFixed(1).padEnd(8)} ${r.ms.toFixed(1).padEnd(8)} ${peak.peakMB.toFixed(1).padEnd(8)} ${tsxMs.toFixed(1)}`,
    );
  }

  readingLinear(out);
  await spcOverhead(out);

  out(
    "\nCommittee sheet through ExcelJS (the in-memory path tests use): plan + sheet + .xlsx bytes (median of 3 runs)",
  );
  out("indicators  plan ms  workbook ms  bytes");
  for (const n of [100, 1000, 10000]) {
    const analysis = analyse(syntheticGrid(n, 24), settings);
    const { ms: planMs, result } = time(
      () => buildCommitteePlan({ analysis, name: "Committee", generatedAt: new Date() }),
      3,
    );
    let bytes = 0;
    const wbMs = await timeAsync(async () => {
      const wb = new ExcelJS.Workbook();
      applyPlan(wb.addWorksheet("Committee"), result.plan);
      const buf = await wb.xlsx.writeBuffer();
      bytes = buf.byteLength;
    }, 3);
    out(`${String(n).padEnd(11)} ${planMs.toFixed(1).padEnd(8)} ${wbMs.toFixed(0).padEnd(12)} ${bytes}`);
  }

  await benchFileHost(out);

  out("\nInside Excel (strict fake): a whole refresh (median of 3 runs)");
  out("indicators  syncs  proxy calls  formatting calls  ms in fake");
  for (const n of [20, 200, 2000]) {
    const grid = syntheticGrid(n, 12);
    let counters = { syncs: 0, calls: 0, formatCalls: 0 };
    const ms = await timeAsync(async () => {
      const ctx = new FakeContext(modelOfGrid(grid));
      await refresh(ctx as unknown as Excel.RequestContext, { settings, mergedAreas: true });
      counters = ctx.counters;
    }, 3);
    out(
      `${String(n).padEnd(11)} ${String(counters.syncs).padEnd(6)} ${String(counters.calls).padEnd(12)} ${String(counters.formatCalls).padEnd(17)} ${ms.toFixed(0)}`,
    );
  }

  await officePayloads(out);

  out("\nTask pane: production JavaScript (npm run build first)");
  const dist = join(ROOT, "dist");
  if (!existsSync(join(dist, "taskpane.html"))) out("dist/ not built: run npm run build");
  else {
    const html = readFileSync(join(dist, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/src=["']?([^"' >]+\.js)/g)]
      .map((m) => m[1])
      .filter((s) => !s.startsWith("http"));
    let raw = 0;
    let gz = 0;
    for (const s of scripts) {
      const buf = readFileSync(join(dist, s));
      raw += buf.length;
      gz += gzipSync(buf, { level: 9 }).length;
    }
    out(
      `initial JavaScript (${scripts.join(", ")}): ${(raw / 1024).toFixed(0)} KB raw, ${(gz / 1024).toFixed(0)} KB gzip (target < 300 KB gzip)`,
    );
    const all = readdirSync(dist).filter((f) => f.endsWith(".js"));
    out(`all emitted bundles: ${all.join(", ")}`);
    if (existsSync("/usr/bin/chromium"))
      out(
        `time to first render in Chromium: ${(await firstRender()).toFixed(0)} ms (median of 5 loads; detection of the 000 sample included)`,
      );
    else out("Chromium not installed: no first-render figure");
  }
}

/** SPC's share of the engine, from bench/spc-timing.ts run as a bundle (the budget: 20%). */
async function spcOverhead(out: (s: string) => void): Promise<void> {
  const bundle = join(ROOT, "out", "bench", "spc-timing.js");
  buildSync({
    entryPoints: [join(__dirname, "spc-timing.ts")],
    bundle: true,
    platform: "node",
    outfile: bundle,
    logLevel: "error",
  });
  const r = JSON.parse(execFileSync(process.execPath, [bundle], { encoding: "utf8" }).trim()) as {
    n: number;
    periods: number;
    runs: number;
    applied: number;
    withMs: number;
    withoutMs: number;
    aloneMs: number;
    withMin: number;
    withoutMin: number;
    aloneMin: number;
  };
  const pct = (a: number, b: number) => `${((a / b - 1) * 100).toFixed(1)}%`;
  out(
    `\nSPC: analyse ${r.n} indicators × ${r.periods} periods, ${r.applied} with SPC (CPU ms, ${r.runs} interleaved runs, bundled)`,
  );
  // Two readings of the same budget: the difference between whole runs (which carries the machine's
  // noise and the collector's), and SPC's own code on the same series against the engine without it.
  out("           with SPC  without  difference  SPC alone  SPC alone / without (budget 20%)");
  const row = (name: string, w: number, wo: number, alone: number) =>
    out(
      `${name.padEnd(10)} ${w.toFixed(0).padEnd(9)} ${wo.toFixed(0).padEnd(8)} ${pct(w, wo).padEnd(11)} ${alone.toFixed(0).padEnd(10)} ${((alone / wo) * 100).toFixed(1)}%`,
    );
  row("median", r.withMs, r.withoutMs, r.aloneMs);
  row("fastest", r.withMin, r.withoutMin, r.aloneMin);
}

async function firstRender(): Promise<number> {
  const { fixtureFromXlsx } = await import("../test/fake-excel/from-xlsx");
  const { fakeOfficeBundle, launch, serveDist } = await import("../test/e2e/harness");
  const fixture = await fixtureFromXlsx(join(ROOT, "seeds", "monthly-scorecard.xlsx"));
  const fake = fakeOfficeBundle();
  const { server, url } = await serveDist();
  const browser = await launch();
  const times: number[] = [];
  try {
    for (let i = 0; i < 6; i++) {
      const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
      await page.addInitScript((f) => {
        (window as unknown as { __SCORECARD_FIXTURE__: unknown }).__SCORECARD_FIXTURE__ = f;
      }, fixture);
      await page.route("https://appsforoffice.microsoft.com/**", (route) =>
        route.fulfill({ contentType: "text/javascript", body: fake }),
      );
      await page.goto(`${url}/taskpane.html`);
      await page.getByText("Indicators", { exact: true }).waitFor();
      const ms = await page.evaluate(() => performance.now());
      if (i > 0) times.push(ms);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return median(times);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
