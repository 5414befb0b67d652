/**
 * The Department's CSVs in data/dfe-csc read afresh with ExcelJS's CSV reader, for tests that check
 * the national figures against the files themselves (never through scripts/build-national.ts or the
 * engine's national code).
 */
import ExcelJS from "exceljs";
import { join } from "node:path";
import { ROOT } from "../helpers";

const DIR = join(ROOT, "data", "dfe-csc");
export type Row = Record<string, string>;

export async function rows(file: string): Promise<Row[]> {
  const ws = await new ExcelJS.Workbook().csv.readFile(join(DIR, file), { map: (v: string) => v });
  const header = (ws.getRow(1).values as string[]).slice(1).map((h) =>
    String(h)
      .replace(/^\uFEFF/, "")
      .trim(),
  );
  const out: Row[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const v = (r.values as string[]).slice(1);
    out.push(Object.fromEntries(header.map((h, i) => [h, String(v[i] ?? "").trim()])));
  });
  return out;
}
