/**
 * What statistical process control costs the engine: analyse at 10,000 indicators × 24 periods with SPC
 * and with it switched off (a minimum of points no series reaches), runs interleaved so that both see the
 * same machine, and SPC alone on the same series, in CPU milliseconds. Run as a bundle, as the task
 * pane ships the engine; prints one JSON line. The fastest run is the steadier figure on a shared
 * machine, so the median and the minimum are both given.
 */
import { analyse } from "../src/engine/judge/assess";
import { validateSettings } from "../src/engine/config";
import { assessSpc } from "../src/engine/judge/spc";
import { formatValue } from "../src/engine/read/values";
import { syntheticGrid } from "../scripts/synthetic";

const on = validateSettings(undefined).settings;
const off = validateSettings({ spc: { minPoints: 1000 } }).settings;
const n = Number(process.argv[2] ?? 10000);
const periods = Number(process.argv[3] ?? 24);
const runs = Number(process.argv[4] ?? 9);
const grid = syntheticGrid(n, periods);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const analysis = analyse(grid, on);
analyse(grid, off);
const series = analysis.indicators.map((i) => ({ series: i.series, polarity: i.polarity, unit: i.unit }));
const spcAlone = () => {
  for (const s of series)
    assessSpc({
      series: s.series,
      labelOf: (k) => analysis.periods[k],
      polarity: s.polarity,
      target: 0.9,
      pointWord: "months",
      format: (x) => formatValue(x, s.unit, 1),
    });
};
spcAlone();
// CPU time of this process: on a machine shared with other work it moves far less than the wall clock.
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const withSpc: number[] = [];
const without: number[] = [];
const alone: number[] = [];
for (let i = 0; i < runs; i++) {
  let t = cpu();
  analyse(grid, on);
  withSpc.push(cpu() - t);
  t = cpu();
  analyse(grid, off);
  without.push(cpu() - t);
  t = cpu();
  spcAlone();
  alone.push(cpu() - t);
}
console.log(
  JSON.stringify({
    n,
    periods,
    runs,
    applied: analysis.indicators.filter((x) => x.spc !== null).length,
    withMs: median(withSpc),
    withoutMs: median(without),
    aloneMs: median(alone),
    withMin: Math.min(...withSpc),
    withoutMin: Math.min(...without),
    aloneMin: Math.min(...alone),
  }),
);
