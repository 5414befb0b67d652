/** The additions of issue 9 to `analyse --json`: column roles with their evidence, benchmarks, the council's own RAG/DoT. */
import { join } from "node:path";
import { analyse } from "../src/engine/judge/assess";
import { toJson } from "../src/cli/report";
import { ROOT, seedGrid } from "./helpers";

test("analyse --json lists each column's role and evidence, and each indicator's benchmarks and previous RAG/DoT", async () => {
  const grid = await seedGrid(join(ROOT, "test", "fixtures", "corpus", "benchmarks-and-arrows.xlsx"));
  const json = JSON.parse(JSON.stringify(toJson(analyse(grid)))) as {
    columns: { letter: string; role: string | null; evidence: string }[];
    indicators: {
      title: string;
      benchmarks: { label: string; value: number | null }[];
      previousRag: string | null;
      previousDirection: string | null;
    }[];
  };
  expect(json.columns.map((c) => [c.letter, c.role])).toEqual([
    ["A", "measure"],
    ["B", "polarity"],
    ["C", "current"],
    ["D", "benchmark"],
    ["E", "benchmark"],
    ["F", "previousDirection"],
  ]);
  expect(json.columns[5].evidence).toBe(
    "F is the previous direction of travel because its header says 'DoT' and 3 of 3 cells are arrows",
  );
  const missing = json.indicators[2];
  expect(missing.benchmarks).toEqual([
    expect.objectContaining({ label: "England average", value: 0.1 }),
    expect.objectContaining({ label: "Statistical Neighbours Average", value: 0.14 }),
  ]);
  expect([missing.previousRag, missing.previousDirection]).toEqual([null, "↔"]);
});
