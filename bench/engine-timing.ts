/**
 * The engine's own timing, run as a bundle without the command line's TypeScript loader, as the task
 * pane ships it. Prints one JSON line per size: median ms of 5 runs after a warm-up, and heap peak.
 */
import { analyse } from "../src/engine/assess";
import { validateSettings } from "../src/engine/config";
import { syntheticGrid } from "../scripts/synthetic";

const settings = validateSettings(undefined).settings;
const gc = (globalThis as { gc?: () => void }).gc;

for (const n of (process.argv[2] ?? "100,1000,10000").split(",").map(Number)) {
  const grid = syntheticGrid(n, 24);
  const cells = grid.rows.reduce((s, r) => s + r.length, 0);
  analyse(grid, settings);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    analyse(grid, settings);
    times.push(performance.now() - t);
  }
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 1);
  analyse(grid, settings);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  clearInterval(timer);
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ n, cells, ms: times[2], heapMB: (peak - before) / 1048576 }));
}
