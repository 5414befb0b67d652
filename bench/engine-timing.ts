/**
 * The engine's own timing, run as a bundle without the command line's TypeScript loader, as the task
 * pane ships it. Prints one JSON line per size: the cold first call (what a command-line user gets),
 * the median of 10 calls after 20 warm-up calls (the engine needs about 20 to settle), and the true
 * peak: this process's maximum resident set while analysing, less its size before.
 *
 * `engine-timing.js peak N` analyses once and prints only the peak, so that the figure is this size's
 * own and not the high-water mark of an earlier, larger run.
 */
import { analyse } from "../src/engine/judge/assess";
import { validateSettings } from "../src/engine/config";
import { syntheticGrid } from "../scripts/synthetic";

const settings = validateSettings(undefined).settings;
const gc = (globalThis as { gc?: () => void }).gc;
const MB = 1024 * 1024;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

if (process.argv[2] === "peak") {
  const n = Number(process.argv[3]);
  const grid = syntheticGrid(n, 24);
  gc?.();
  const before = process.memoryUsage().rss;
  analyse(grid, settings);
  // maxRSS is in kilobytes and covers the whole life of the process, so the grid's own build is in
  // `before` and only the analysis is above it.
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ n, peakMB: Math.max(0, peak - before) / MB, rssMB: peak / MB }));
} else {
  for (const n of (process.argv[2] ?? "100,1000,10000").split(",").map(Number)) {
    const grid = syntheticGrid(n, 24);
    const cells = grid.rows.reduce((s, r) => s + r.length, 0);
    let t = performance.now();
    analyse(grid, settings);
    const coldMs = performance.now() - t;
    const warm = 20;
    for (let i = 0; i < warm; i++) analyse(grid, settings);
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      t = performance.now();
      analyse(grid, settings);
      times.push(performance.now() - t);
    }
    console.log(JSON.stringify({ n, cells, coldMs, ms: median(times), warm }));
  }
}
