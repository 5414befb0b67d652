/**
 * Benchmarks as members read them: each in a column of its own, under its proper name, with whether
 * the council's figure is better or worse read through polarity (higher or lower where neither is
 * better). The sheet's own benchmark columns come from the reading; national ones (England, region,
 * statistical neighbours, rank) can join as further columns built by benchmarkColumn.
 */
import type { Assessment } from "../judge/assess";
import { withoutNamedBase } from "./unit-base";

/** "better" or "worse" than a benchmark, through polarity; "higher"/"lower" without a better side. */
export function benchmarkSide(a: Assessment, bench: number | null): string {
  if (bench === null || a.value === null) return "";
  if (a.value === bench) return "the same";
  if (a.polarity === "higher") return a.value > bench ? "better" : "worse";
  if (a.polarity === "lower") return a.value < bench ? "better" : "worse";
  return a.value > bench ? "higher" : "lower";
}

/** A benchmark cell: the figure, then ours against it in words ("70%\nours better"). */
export function benchmarkCell(
  a: Assessment,
  b: { value: number | null; display: string } | null,
): string | null {
  if (!b || !b.display) return null;
  const side = benchmarkSide(a, b.value);
  const shown = withoutNamedBase(a, b.display);
  return side ? `${shown}\nours ${side}` : shown;
}
