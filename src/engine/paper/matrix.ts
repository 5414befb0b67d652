/**
 * The variation × assurance matrix that Making Data Count boards open with: how many indicators show
 * improvement, concern or only common cause, against whether they will meet their targets. Printed
 * only where some indicator has enough periods for statistical process control.
 */
import { plural } from "../words";
import { spcMatrix } from "./committee-spc";
import { Paper, group, span } from "./paper-context";

export function matrixPart(p: Paper): void {
  const indicators = p.analysis.indicators;
  if (!indicators.some((a) => a.spc !== null)) return;
  const s = p.sheet;
  const { left, right } = span(p);
  const { rows, without } = spcMatrix(indicators);
  s.row(6);
  const label = group(p, "ref", ["current"]) ?? { left, right: left };
  const counts = p.printed.filter((c) => c > label.right).slice(0, rows[0].length - 1);
  rows.forEach((cells, i) => {
    const r = s.row();
    const style = i ? "matrixLabel" : "matrixHead";
    s.set(r, label.left, String(cells[0]), style);
    s.merge(r, label.left, label.right, style);
    cells.slice(1).forEach((v, k) => {
      if (counts[k] !== undefined) s.set(r, counts[k], v, i ? "matrixCount" : "matrixHead");
    });
    s.fit(r, 15);
    if (i === 0) s.keepWithNext.add(r);
  });
  if (without)
    s.line(
      `${plural(without, "indicator")} ${without === 1 ? "has" : "have"} too few periods for this reading.`,
      "rules",
      left,
      right,
    );
}
