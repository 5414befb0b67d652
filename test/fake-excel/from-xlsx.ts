/** Loads a real .xlsx into the fake's model (Node only), so host tests run on the seed workbooks. */
import ExcelJS from "exceljs";
import { dateToSerial } from "../../src/hosts/file/read-grid";
import type { FakeCell } from "./fake-excel";
import type { SheetFixture } from "./from-xlsx-model";

export type { SheetFixture };

export async function fixtureFromXlsx(path: string): Promise<SheetFixture[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((ws) => {
    const cells: SheetFixture["cells"] = [];
    const merges = new Map<string, SheetFixture["merges"][number]>();
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (c, col) => {
        if (c.isMerged) {
          const m = c.master;
          const a = merges.get(m.address) ?? {
            top: Number(m.row) - 1,
            left: Number(m.col) - 1,
            bottom: r - 1,
            right: col - 1,
          };
          a.bottom = Math.max(a.bottom, r - 1);
          a.right = Math.max(a.right, col - 1);
          merges.set(m.address, a);
          if (m.address !== c.address) return;
        }
        const v = c.value;
        let value: FakeCell["value"] = null;
        let error: string | undefined;
        if (v instanceof Date) value = dateToSerial(v);
        else if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") value = v;
        else if (v && typeof v === "object" && "error" in v) error = String(v.error);
        else if (v && typeof v === "object" && "formula" in v) value = { formula: `=${String(v.formula)}` };
        else if (v && typeof v === "object" && "richText" in v)
          value = v.richText.map((t) => t.text).join("");
        cells.push({ r: r - 1, c: col - 1, value, numberFormat: c.numFmt || "General", error });
      }),
    );
    return {
      name: ws.name,
      cells,
      merges: [...merges.values()].filter((m) => m.bottom > m.top || m.right > m.left),
    };
  });
}

export { modelFrom } from "./from-xlsx-model";
