/**
 * The charts sheet's DrawingML: one drawing part holding a chart frame per area for focus, and a
 * chart part per chart. Native charts rather than pictures: they stay live on the cells beside them,
 * print at any size, and a screen reader reads their alternative text (cNvPr descr); no image library
 * is needed. Each series cache holds the values, so a reader that does not recalculate still draws.
 */
import type { ChartPlacement, LineDash, MarkerShape, SeriesLook } from "../../engine/paper/chart-sheet";
import { columnLetter } from "../../engine/grid";
import { xmlText } from "./sheet-xml";

export const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
export const CHART_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** An absolute reference to cells of the charts sheet, as a chart formula writes it. */
export function sheetRef(sheet: string, col: number, top: number, bottom = top): string {
  const q = `'${sheet.replace(/'/g, "''")}'`;
  const c = `$${columnLetter(col)}$`;
  return top === bottom ? `${q}!${c}${top + 1}` : `${q}!${c}${top + 1}:${c}${bottom + 1}`;
}

const DASH: Record<Exclude<LineDash, "none">, string> = { solid: "solid", dash: "dash", dashDot: "dashDot" };

function fill(color: string): string {
  return `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
}

function marker(shape: MarkerShape, size: number, color: string): string {
  if (shape === "none") return '<c:marker><c:symbol val="none"/></c:marker>';
  return `<c:marker><c:symbol val="${shape}"/><c:size val="${size}"/><c:spPr>${fill(color)}<a:ln w="9525">${fill(color)}</a:ln></c:spPr></c:marker>`;
}

/** A series' line: none for the special-cause points, which are marks only. */
function lineXml(s: SeriesLook): string {
  if (s.dash === "none") return '<c:spPr><a:ln w="12700"><a:noFill/></a:ln></c:spPr>';
  return `<c:spPr><a:ln w="${Math.round(s.width * 12700)}" cap="rnd">${fill(s.color)}<a:prstDash val="${DASH[s.dash]}"/><a:round/></a:ln></c:spPr>`;
}

function seriesXml(p: ChartPlacement, sheet: string, s: SeriesLook, i: number): string {
  const col = p.periodColumn + s.column;
  const values = p.block.map((r) => r[s.column]);
  const n = values.length;
  const cats = p.block.map((r, k) => `<c:pt idx="${k}"><c:v>${xmlText(String(r[0]))}</c:v></c:pt>`).join("");
  const nums = values
    .map((v, k) =>
      typeof v === "number" && Number.isFinite(v) ? `<c:pt idx="${k}"><c:v>${v}</c:v></c:pt>` : "",
    )
    .join("");
  return (
    `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:strRef><c:f>${xmlText(sheetRef(sheet, col, p.headerRow))}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${xmlText(s.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>` +
    lineXml(s) +
    marker(s.marker, s.markerSize, s.color) +
    `<c:cat><c:strRef><c:f>${xmlText(sheetRef(sheet, p.periodColumn, p.firstRow, p.lastRow))}</c:f><c:strCache><c:ptCount val="${n}"/>${cats}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${xmlText(sheetRef(sheet, col, p.firstRow, p.lastRow))}</c:f><c:numCache><c:formatCode>${xmlText(p.chart.numberFormat)}</c:formatCode><c:ptCount val="${n}"/>${nums}</c:numCache></c:numRef></c:val>` +
    `<c:smooth val="0"/></c:ser>`
  );
}

/** One chart part: a line chart of the block's series over its periods. */
export function chartXml(p: ChartPlacement, sheet: string): string {
  const title = xmlText(p.chart.title);
  const series = p.series.map((s, i) => seriesXml(p, sheet, s, i)).join("");
  const grey = fill("595959");
  return (
    HEAD +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    '<c:roundedCorners val="0"/>' +
    "<c:chart>" +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="en-GB" sz="1200" b="1"/><a:t>${title}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    '<c:autoTitleDeleted val="0"/>' +
    "<c:plotArea><c:layout/>" +
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/><c:axId val="500000001"/><c:axId val="500000002"/></c:lineChart>` +
    '<c:catAx><c:axId val="500000001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>' +
    `<c:spPr><a:ln w="9525">${grey}</a:ln></c:spPr><c:txPr><a:bodyPr rot="-2700000" vert="horz"/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>` +
    '<c:crossAx val="500000002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>' +
    `<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/><c:max val="${p.axis.max}"/><c:min val="${p.axis.min}"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350">${fill("E0E0E0")}</a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${xmlText(p.chart.numberFormat)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr><a:ln w="9525">${grey}</a:ln></c:spPr><c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="800"/></a:pPr><a:endParaRPr lang="en-GB"/></a:p></c:txPr>` +
    '<c:crossAx val="500000001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>' +
    "</c:plotArea>" +
    // No legend: the sheet's one key, repeated at the top of every page, names every mark and line.
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    "</c:chart>" +
    "</c:chartSpace>"
  );
}

/** The drawing part: a frame per chart over its anchor cells, named for the chart, described in words. */
export function drawingXml(charts: ChartPlacement[], relIds: string[]): string {
  const frames = charts.map((p, i) => {
    const a = p.anchor;
    return (
      '<xdr:twoCellAnchor editAs="oneCell">' +
      `<xdr:from><xdr:col>${a.left}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.top}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:to><xdr:col>${a.right + 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.bottom + 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      '<xdr:graphicFrame macro="">' +
      `<xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${xmlText(p.chart.title)}" descr="${xmlText(p.chart.description)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" r:id="${relIds[i]}"/></a:graphicData></a:graphic>` +
      "</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
    );
  });
  return (
    HEAD + `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">${frames.join("")}</xdr:wsDr>`
  );
}

export function relsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    HEAD +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlText(r.target)}"/>`).join("") +
    "</Relationships>"
  );
}
