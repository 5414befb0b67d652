/**
 * Builds, from the monthly sample scorecard, the kind of workbook an analyst really keeps: a chart on
 * the scorecard sheet, a pivot table with its cache on a sheet of its own, VBA (as an .xlsm), a
 * threaded comment, sparklines (an x14 extension), a sensitivity label, custom properties and
 * workbook protection. Every part is written here as XML from the sample's own figures; the VBA part
 * is a deterministic stand-in binary (its bytes only have to survive, not run).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { MONTHLY } from "../helpers";

const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rel: "http://schemas.openxmlformats.org/package/2006/relationships",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
};
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface RichOptions {
  /** Lock the workbook's structure (no sheet may be added), as Review > Protect Workbook does. */
  lockStructure?: boolean;
}

export interface RichPackage {
  bytes: Buffer;
  /** Parts the build must leave byte for byte. */
  untouchable: string[];
}

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

async function sampleFigures(): Promise<{ label: string; value: number; row: number }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(MONTHLY);
  const ws = wb.getWorksheet("Scorecard");
  const out: { label: string; value: number; row: number }[] = [];
  ws?.eachRow((row, r) => {
    const ref = row.getCell(1).value;
    const cur = row.getCell(5).value;
    if (typeof ref === "string" && typeof cur === "number" && out.length < 6)
      out.push({ label: ref, value: cur, row: r });
  });
  if (out.length < 3) throw new Error("the sample changed: fewer than three numeric indicators in column E");
  return out;
}

/** A stand-in for vbaProject.bin: a compound-file header followed by bytes derived from the figures. */
function vbaStub(seed: number[]): Buffer {
  const buf = Buffer.alloc(1536);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  let x = seed.reduce((a, v) => (a * 31 + Math.round(v * 1000)) >>> 0, 7);
  for (let i = 8; i < buf.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    buf[i] = x >>> 24;
  }
  return buf;
}

export async function richPackage(opts: RichOptions = {}): Promise<RichPackage> {
  const figures = await sampleFigures();
  const zip = await JSZip.loadAsync(readFileSync(MONTHLY), { createFolders: false });
  const text = async (p: string): Promise<string> => {
    const f = zip.file(p);
    if (!f) throw new Error(`sample lacks ${p}`);
    return f.async("string");
  };
  const first = figures[0].row;
  const last = figures[figures.length - 1].row;

  // Chart on the scorecard sheet, with its cache of the sheet's own figures.
  const cache = (pts: string[]) =>
    `<c:ptCount val="${pts.length}"/>${pts.map((p, i) => `<c:pt idx="${i}"><c:v>${esc(p)}</c:v></c:pt>`).join("")}`;
  zip.file(
    "xl/charts/chart1.xml",
    `${XML}<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>Current values</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:plotArea><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>Scorecard!$A$${first}:$A$${last}</c:f><c:strCache>${cache(figures.map((f) => f.label))}</c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Scorecard!$E$${first}:$E$${last}</c:f><c:numCache>${cache(figures.map((f) => String(f.value)))}</c:numCache></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>`,
  );
  zip.file(
    "xl/drawings/drawing1.xml",
    `${XML}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}"><xdr:twoCellAnchor><xdr:from><xdr:col>16</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>24</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  );
  zip.file(
    "xl/drawings/_rels/drawing1.xml.rels",
    `${XML}<Relationships xmlns="${NS.rel}"><Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/></Relationships>`,
  );

  // A threaded comment (with the person list it names) on the first indicator's value.
  const personId = "{5C2B3E8A-1D4F-4B6A-9C1E-2F3A4B5C6D7E}";
  zip.file(
    "xl/persons/person.xml",
    `${XML}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS.main}"><person displayName="Performance Analyst" id="${personId}" userId="analyst@example.gov.uk" providerId="AD"/></personList>`,
  );
  zip.file(
    "xl/threadedComments/threadedComment1.xml",
    `${XML}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${NS.main}"><threadedComment ref="E${first}" dT="2018-11-30T09:30:00.00" personId="${personId}" id="{0B1C2D3E-4F50-6172-8394-A5B6C7D8E9F0}"><text>${esc(`${figures[0].label} is ${figures[0].value}: check against the return.`)}</text></threadedComment></ThreadedComments>`,
  );

  // Sparklines: an x14 extension at the end of the scorecard sheet.
  const sparkExt = `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines>${figures
    .map(
      (f) =>
        `<x14:sparkline><xm:f>Scorecard!F${f.row}:N${f.row}</xm:f><xm:sqref>P${f.row}</xm:sqref></x14:sparkline>`,
    )
    .join("")}</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`;
  let sheet1 = await text("xl/worksheets/sheet1.xml");
  sheet1 = sheet1.replace("</worksheet>", `<drawing r:id="rIdChart"/>${sparkExt}</worksheet>`);
  zip.file("xl/worksheets/sheet1.xml", sheet1);
  zip.file(
    "xl/worksheets/_rels/sheet1.xml.rels",
    `${XML}<Relationships xmlns="${NS.rel}"><Relationship Id="rIdChart" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/><Relationship Id="rIdThread" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>`,
  );

  // A pivot table of the figures on its own sheet, with its cache definition and records.
  const rows = figures.map((f) => `<r><x v="${figures.indexOf(f)}"/><n v="${f.value}"/></r>`).join("");
  zip.file(
    "xl/pivotCache/pivotCacheDefinition1.xml",
    `${XML}<pivotCacheDefinition xmlns="${NS.main}" xmlns:r="${NS.r}" r:id="rId1" refreshOnLoad="0" recordCount="${figures.length}"><cacheSource type="worksheet"><worksheetSource ref="A${first}:E${last}" sheet="Scorecard"/></cacheSource><cacheFields count="2"><cacheField name="Ref" numFmtId="0"><sharedItems count="${figures.length}">${figures.map((f) => `<s v="${esc(f.label)}"/>`).join("")}</sharedItems></cacheField><cacheField name="Current" numFmtId="0"><sharedItems containsNumber="1"/></cacheField></cacheFields></pivotCacheDefinition>`,
  );
  zip.file(
    "xl/pivotCache/pivotCacheRecords1.xml",
    `${XML}<pivotCacheRecords xmlns="${NS.main}" count="${figures.length}">${rows}</pivotCacheRecords>`,
  );
  zip.file(
    "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
    `${XML}<Relationships xmlns="${NS.rel}"><Relationship Id="rId1" Type="${REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>`,
  );
  zip.file(
    "xl/pivotTables/pivotTable1.xml",
    `${XML}<pivotTableDefinition xmlns="${NS.main}" name="PivotTable1" cacheId="1" dataCaption="Values"><location ref="A3:B${3 + figures.length}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="${figures.length + 1}">${figures.map((_, i) => `<item x="${i}"/>`).join("")}<item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><dataFields count="1"><dataField name="Sum of Current" fld="1" baseField="0" baseItem="0"/></dataFields></pivotTableDefinition>`,
  );
  zip.file(
    "xl/pivotTables/_rels/pivotTable1.xml.rels",
    `${XML}<Relationships xmlns="${NS.rel}"><Relationship Id="rId1" Type="${REL}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/></Relationships>`,
  );
  zip.file(
    "xl/worksheets/sheet3.xml",
    `${XML}<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}"><sheetData>${figures
      .map(
        (f, i) =>
          `<row r="${i + 4}"><c r="A${i + 4}" t="inlineStr"><is><t>${esc(f.label)}</t></is></c><c r="B${i + 4}"><v>${f.value}</v></c></row>`,
      )
      .join("")}</sheetData></worksheet>`,
  );
  zip.file(
    "xl/worksheets/_rels/sheet3.xml.rels",
    `${XML}<Relationships xmlns="${NS.rel}"><Relationship Id="rId1" Type="${REL}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`,
  );

  // VBA makes it an .xlsm.
  zip.file("xl/vbaProject.bin", vbaStub(figures.map((f) => f.value)));

  // Custom properties and a sensitivity label.
  zip.file(
    "docProps/custom.xml",
    `${XML}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Service"><vt:lpwstr>Children's Social Care</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Indicators"><vt:i4>${figures.length}</vt:i4></property></Properties>`,
  );
  zip.file(
    "docMetadata/LabelInfo.xml",
    `${XML}<clbl:labelList xmlns:clbl="http://schemas.microsoft.com/office/2020/mipLabelMetadata"><clbl:label id="{8A3B1C2D-0E4F-4A5B-8C6D-7E8F9A0B1C2D}" enabled="1" method="Standard" siteId="{1F2E3D4C-5B6A-4978-8695-A4B3C2D1E0F9}" removed="0"/></clbl:labelList>`,
  );

  // Bookkeeping: the workbook, its relationships, the package's relationships and content types.
  let wbXml = await text("xl/workbook.xml");
  wbXml = wbXml
    .replace(
      /(<workbookPr\b[^>]*\/>)/,
      `$1<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="c2NvcmVjYXJk" workbookSaltValue="c2FsdA==" workbookSpinCount="100000" ${opts.lockStructure ? 'lockStructure="1"' : 'lockWindows="1"'}/>`,
    )
    .replace("</sheets>", '<sheet name="Pivot" sheetId="3" r:id="rId8"/></sheets>')
    .replace(/(<calcPr\b[^>]*\/>)/, '$1<pivotCaches><pivotCache cacheId="1" r:id="rId9"/></pivotCaches>');
  zip.file("xl/workbook.xml", wbXml);
  zip.file(
    "xl/_rels/workbook.xml.rels",
    (await text("xl/_rels/workbook.xml.rels")).replace(
      "</Relationships>",
      `<Relationship Id="rId8" Type="${REL}/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rId9" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/><Relationship Id="rId10" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/><Relationship Id="rId11" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/></Relationships>`,
    ),
  );
  zip.file(
    "_rels/.rels",
    (await text("_rels/.rels")).replace(
      "</Relationships>",
      `<Relationship Id="rIdCustom" Type="${REL}/custom-properties" Target="docProps/custom.xml"/><Relationship Id="rIdLabel" Type="http://schemas.microsoft.com/office/2020/02/relationships/classificationlabels" Target="docMetadata/LabelInfo.xml"/></Relationships>`,
    ),
  );
  const o = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  const sml = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  zip.file(
    "[Content_Types].xml",
    (await text("[Content_Types].xml"))
      .replace(`${sml}.sheet.main+xml`, "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
      .replace(
        "</Types>",
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' +
          o("/xl/worksheets/sheet3.xml", `${sml}.worksheet+xml`) +
          o("/xl/charts/chart1.xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml") +
          o("/xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml") +
          o("/xl/pivotCache/pivotCacheDefinition1.xml", `${sml}.pivotCacheDefinition+xml`) +
          o("/xl/pivotCache/pivotCacheRecords1.xml", `${sml}.pivotCacheRecords+xml`) +
          o("/xl/pivotTables/pivotTable1.xml", `${sml}.pivotTable+xml`) +
          o("/xl/threadedComments/threadedComment1.xml", "application/vnd.ms-excel.threadedcomments+xml") +
          o("/xl/persons/person.xml", "application/vnd.ms-excel.person+xml") +
          o("/docProps/custom.xml", "application/vnd.openxmlformats-officedocument.custom-properties+xml") +
          o("/docMetadata/LabelInfo.xml", "application/vnd.ms-office.classificationlabels+xml") +
          "</Types>",
      ),
  );
  const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  const untouchable = Object.keys(zip.files).filter(
    (p) =>
      !zip.files[p].dir &&
      !["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"].includes(p),
  );
  return { bytes, untouchable };
}
