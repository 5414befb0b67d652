/**
 * What the engine needs of a cell's style, read from styles.xml: its number format's code (Excel's
 * built-in ones by number, as ExcelJS names them, so both readers agree) and whether its font is bold.
 */
import { attrOf, XmlScanner } from "./xml-scan";

export interface CellLook {
  format?: string;
  bold: boolean;
}

/** Excel's built-in number formats that are the same in every locale; General (0) is no format. */
const BUILT_IN: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const truthy = (v: string | undefined) => v === undefined || (v !== "0" && v !== "false");

/** The look of each cell style (cellXfs index); an index outside the list has no look. */
export function readCellLooks(stylesXml: string | undefined): CellLook[] {
  if (!stylesXml) return [];
  const formats = new Map<number, string>();
  const bold: boolean[] = [];
  const xfs: { numFmtId: number; fontId: number }[] = [];
  let list = "";
  let inFont = false;
  const scanner = new XmlScanner({
    open(name, attrs) {
      if (name === "numFmt")
        formats.set(Number(attrOf(attrs, "numFmtId")), attrOf(attrs, "formatCode") ?? "");
      else if (name === "fonts" || name === "cellXfs" || name === "cellStyleXfs") list = name;
      else if (name === "font" && list === "fonts") {
        inFont = true;
        bold.push(false);
      } else if (name === "b" && inFont) bold[bold.length - 1] = truthy(attrOf(attrs, "val"));
      else if (name === "xf" && list === "cellXfs")
        xfs.push({
          numFmtId: Number(attrOf(attrs, "numFmtId") ?? 0),
          fontId: Number(attrOf(attrs, "fontId") ?? 0),
        });
    },
    close(name) {
      if (name === "font") inFont = false;
      else if (name === list) list = "";
    },
    text() {},
  });
  scanner.push(stylesXml);
  scanner.end();
  return xfs.map(({ numFmtId, fontId }) => {
    const format = numFmtId ? (formats.get(numFmtId) ?? BUILT_IN[numFmtId]) : undefined;
    return format ? { format, bold: bold[fontId] ?? false } : { bold: bold[fontId] ?? false };
  });
}

/** Whether a number format shows dates or times, as ExcelJS decides it. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}
