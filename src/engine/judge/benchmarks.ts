/** The benchmarks step: each comparator column's figure in the indicator's unit, labelled by its header. */
import { cellText } from "../grid";
import { formatValue, parseMeasurement } from "../read/values";
import type { Measurements } from "./measurements";
import { valueIn } from "./measurements";
import type { RowCells } from "./row-cells";

export interface Benchmark {
  label: string;
  display: string;
  value: number | null;
}

export function benchmarksOf(rc: RowCells, m: Measurements): Benchmark[] {
  return rc.table.benchmarks.map((col) => {
    const c = rc.cell(col);
    const x = parseMeasurement(c);
    const v = valueIn(x, m.unit);
    return {
      label: rc.table.columns[col].label,
      value: v,
      display: v === null ? cellText(c) : formatValue(v, m.unit, x.decimals, m.per),
    };
  });
}
