/**
 * Builds the sample scorecard workbooks in seeds/ from the figures of the committee papers in
 * ../shared/seeds (000: a monthly minimum/upper scorecard; 002: a yearly PI table; 004: quarterly
 * figures from committee minutes). The cells are written exactly as a council's workbook would hold
 * them, mess included. Regenerating gives the same cells: the workbook dates are fixed.
 */
import ExcelJS from "exceljs";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

const FIXED_DATE = new Date(Date.UTC(2018, 10, 30, 9, 0, 0));
type V = string | number | null;

function newBook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Scorecard seed builder";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** A percentage cell as a workbook holds it: the fraction, formatted to the paper's decimals. */
function pct(text: string): { value: number; numFmt: string } {
  const n = Number(text.replace("%", ""));
  const dec = text.includes(".") ? text.split(".")[1].replace("%", "").length : 0;
  return {
    value: Math.round(n * 10 ** (dec + 2)) / 10 ** (dec + 4),
    numFmt: dec ? `0.${"0".repeat(dec)}%` : "0%",
  };
}

function put(
  ws: ExcelJS.Worksheet,
  addr: string,
  v: V | { value: number; numFmt: string },
  numFmt?: string,
): void {
  const c = ws.getCell(addr);
  if (v !== null && typeof v === "object") {
    c.value = v.value;
    c.numFmt = v.numFmt;
  } else {
    c.value = v;
    if (numFmt) c.numFmt = numFmt;
  }
}

const THIN = { style: "thin" as const, color: { argb: "FF999999" } };

// ---------------------------------------------------------------- 000: monthly scorecard
interface MonthlyRow {
  ref: string;
  title: string;
  last: string;
  num: string;
  denom: string;
  current: string;
  period: string;
  months: string[];
  min: string;
  upper: string;
}
type Section = { section: string };

const MONTHLY: (MonthlyRow | Section)[] = [
  { section: "Management Oversight" },
  {
    ref: "1.1",
    title: "% cases with Management Oversight recorded in past 8 weeks",
    last: "96%",
    num: "2,580",
    denom: "2,733",
    current: "94.4%",
    period: "Snapshot",
    months: ["94.8%", "94.0%", "95.9%", "97.6%", "96.5%", "94.4%"],
    min: "90%",
    upper: "95%",
  },
  { section: "Cohorts" },
  {
    ref: "1.2",
    title: "Number of CIN (exc. LAC, CP, Care Leavers)",
    last: "1034",
    num: "n/a",
    denom: "n/a",
    current: "997",
    period: "Snapshot",
    months: ["994", "956", "950", "962", "981", "997"],
    min: "",
    upper: "",
  },
  {
    ref: "1.3",
    title: "Number of children subject to CPP",
    last: "292",
    num: "n/a",
    denom: "n/a",
    current: "280",
    period: "Snapshot",
    months: ["265", "284", "278", "294", "274", "280"],
    min: "",
    upper: "",
  },
  {
    ref: "1.4",
    title: "Number of LAC",
    last: "290",
    num: "n/a",
    denom: "n/a",
    current: "321",
    period: "Snapshot",
    months: ["301", "296", "297", "304", "309", "321"],
    min: "",
    upper: "",
  },
  { section: "Front door / assessment" },
  {
    ref: "2.1",
    title: "% of contacts completed within 1 day",
    last: "62.0%",
    num: "7,984",
    denom: "8,210",
    current: "97.2%",
    period: "YTD",
    months: ["96%", "96%", "98%", "99%", "98%", "99%"],
    min: "90%",
    upper: "95%",
  },
  {
    ref: "2.10",
    title: "% of assessments completed within 45 working days",
    last: "72.7%",
    num: "2,774",
    denom: "2,948",
    current: "94.1%",
    period: "YTD",
    months: ["95%", "93.5%", "96.2%", "96.4%", "93.0%", "94.8%"],
    min: "90%",
    upper: "95%",
  },
  { section: "Plans" },
  {
    ref: "3.1",
    title: "% of children in need with CIN Plan completed",
    last: "86.1%",
    num: "837",
    denom: "983",
    current: "85.1%",
    period: "Snapshot",
    months: ["88.2%", "88.8%", "88.9%", "88.7%", "87.3%", "85.1%"],
    min: "90%",
    upper: "95%",
  },
  { section: "Visits" },
  {
    ref: "3.3a",
    title: "% of CIN children visited within the past four weeks",
    last: "84.0%",
    num: "793",
    denom: "983",
    current: "80.7%",
    period: "Snapshot",
    months: ["76.1%", "77.4%", "76.5%", "75.1%", "71.5%", "80.7%"],
    min: "90%",
    upper: "95%",
  },
  {
    ref: "4.6",
    title: "% children on a child protection plan receiving a visit within the past four weeks",
    last: "95.0%",
    num: "264",
    denom: "280",
    current: "94.3%",
    period: "Snapshot",
    months: ["96%", "87%", "95%", "89%", "94%", "94%"],
    min: "90%",
    upper: "95%",
  },
  {
    ref: "5.1",
    title: "% of LAC Single Assessments that are out of the one year timescale",
    last: "",
    num: "12",
    denom: "321",
    current: "3.7%",
    period: "Snapshot",
    months: ["0%", "0%", "0%", "0%", "43%", "3.7%"],
    min: "15%",
    upper: "10%",
  },
  {
    ref: "5.11",
    title: "% of LAC with visits in last 6 weeks (LAC <12 months)",
    last: "91.0%",
    num: "113",
    denom: "132",
    current: "85.6%",
    period: "Snapshot",
    months: ["93.8%", "95.7%", "89.8%", "89.4%", "93.0%", "85.6%"],
    min: "90%",
    upper: "95%",
  },
  {
    ref: "5.12",
    title: "% of LAC with visits in last 13 weeks (LAC > 12 months)",
    last: "100.0%",
    num: "190",
    denom: "190",
    current: "100.0%",
    period: "Snapshot",
    months: ["100.0%", "100.0%", "100.0%", "100.0%", "100.0%", "100.0%"],
    min: "90%",
    upper: "95%",
  },
  { section: "Reviews" },
  {
    ref: "3.2",
    title: "% of children with CIN Plan with reviews within last 6 months",
    last: "94.0%",
    num: "811",
    denom: "837",
    current: "96.9%",
    period: "Snapshot",
    months: ["97.4%", "96.7%", "96.4%", "95.0%", "94.5%", "96.9%"],
    min: "90%",
    upper: "95%",
  },
  {
    ref: "4.7",
    title: "% of CP reviews carried out within statutory timescales",
    last: "96.0%",
    num: "202",
    denom: "204",
    current: "99.0%",
    period: "Snapshot",
    months: ["97.0%", "97.1%", "97.9%", "97.9%", "98.0%", "99.0%"],
    min: "95%",
    upper: "98%",
  },
  {
    ref: "5.18",
    title: "CLA cases which were reviewed within required timescales",
    last: "81.1%",
    num: "191",
    denom: "218",
    current: "87.6%",
    period: "Snapshot",
    months: ["77.0%", "83.6%", "81.2%", "88.1%", "91.0%", "91.3%"],
    min: "95%",
    upper: "100%",
  },
  { section: "Care Leavers" },
  {
    ref: "6.1",
    title: '% care leavers "in touch" (17,18,19,20,21 yr. olds with activity updated within last year)',
    last: "96.8%",
    num: "234",
    denom: "252",
    current: "92.9%",
    period: "Snapshot",
    months: ["89.6%", "82.0%", "83.5%", "80.2%", "90.0%", "92.9%"],
    min: "90%",
    upper: "95%",
  },
  {
    ref: "6.2",
    title: "% care leavers EET",
    last: "67.6%",
    num: "151",
    denom: "252",
    current: "59.9%",
    period: "Snapshot",
    months: ["61.1%", "54.2%", "53.9%", "52.2%", "57.6%", "59.9%"],
    min: "65%",
    upper: "75%",
  },
  {
    ref: "6.30",
    title: "% care leavers in suitable accommodation",
    last: "91.0%",
    num: "208",
    denom: "252",
    current: "82.5%",
    period: "Snapshot",
    months: ["82.6%", "74.2%", "75.4%", "71.7%", "80.3%", "82.5%"],
    min: "91%",
    upper: "91%",
  },
  {
    ref: "11.13",
    title: "Overall audit quality score (lower is better)",
    last: "",
    num: "51",
    denom: "17",
    current: "2.6",
    period: "Snapshot",
    months: ["2.3", "2.3", "2.4", "-", "2.4", "2.6"],
    min: "2",
    upper: "1",
  },
];

/** A value as the workbook holds it: numbers as numbers, "96%" on 1.1's outturn as text, as the paper shows. */
function monthlyValue(text: string, asText = false): V | { value: number; numFmt: string } {
  if (text === "") return null;
  if (asText) return text;
  if (/^-?[\d.]+%$/.test(text)) return pct(text);
  if (/^[\d,]+$/.test(text)) return Number(text.replace(/,/g, ""));
  if (/^\d+\.\d+$/.test(text)) return Number(text);
  return text;
}

export function buildMonthly(): ExcelJS.Workbook {
  const wb = newBook();
  const ws = wb.addWorksheet("Scorecard", { views: [{ state: "frozen", ySplit: 7, xSplit: 2 }] });
  ws.columns = [8, 48, 10, 8, 8, 10, 10, 9, 9, 9, 9, 9, 9, 8, 8].map((width) => ({ width }));
  put(ws, "A1", "Children's Social Care Performance Scorecard");
  ws.getCell("A1").font = { bold: true, size: 14 };
  put(ws, "A2", "October 2018");
  put(ws, "A4", "Performance measure title and reference");
  put(ws, "C4", "Performance from previous financial year");
  put(
    ws,
    "D4",
    "Performance for current period (either snapshot, YTD or rolling year depending on measure) - plus last six monthly performance outturns (where available)",
  );
  put(ws, "N4", "Agreed targets (using corporate minimum/upper model)");
  ws.mergeCells("A4:B4");
  ws.mergeCells("D4:M4");
  ws.mergeCells("N4:O4");
  put(ws, "A5", "Ref");
  put(ws, "B5", "Performance Measure");
  put(ws, "C5", "2017/18");
  put(ws, "D5", "Current Performance");
  put(ws, "N5", "Target");
  ws.mergeCells("A5:A7");
  ws.mergeCells("B5:B7");
  ws.mergeCells("C5:C7");
  ws.mergeCells("D5:M5");
  ws.mergeCells("N5:O5");
  ["Num", "Denom", "Current", "Period"].forEach((t, i) => {
    const col = String.fromCharCode(68 + i);
    put(ws, `${col}6`, t);
    ws.mergeCells(`${col}6:${col}7`);
  });
  put(ws, "H6", "Six Month Trend");
  ws.mergeCells("H6:M6");
  put(ws, "N6", "Min");
  put(ws, "O6", "Upper");
  ws.mergeCells("N6:N7");
  ws.mergeCells("O6:O7");
  // Month headers are real Excel dates shown as "May 18", as many council workbooks hold them.
  for (let i = 0; i < 6; i++) {
    const c = ws.getCell(7, 8 + i);
    c.value = new Date(Date.UTC(2018, 4 + i, 1));
    c.numFmt = "mmm yy";
  }
  for (let r = 4; r <= 7; r++) {
    for (let c = 1; c <= 15; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { bold: true };
      cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
      cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    }
  }
  ws.getRow(4).height = 45;
  let r = 8;
  for (const item of MONTHLY) {
    if ("section" in item) {
      put(ws, `A${r}`, item.section);
      ws.getCell(`A${r}`).font = { bold: true };
      ws.mergeCells(`A${r}:O${r}`);
      r++;
      continue;
    }
    put(ws, `A${r}`, item.ref);
    put(ws, `B${r}`, item.title);
    put(ws, `C${r}`, monthlyValue(item.last, item.ref === "1.1"));
    put(ws, `D${r}`, monthlyValue(item.num), "#,##0");
    put(ws, `E${r}`, monthlyValue(item.denom), "#,##0");
    put(ws, `F${r}`, monthlyValue(item.current));
    put(ws, `G${r}`, item.period);
    item.months.forEach((m, i) => put(ws, `${String.fromCharCode(72 + i)}${r}`, monthlyValue(m)));
    put(ws, `N${r}`, monthlyValue(item.min));
    put(ws, `O${r}`, monthlyValue(item.upper));
    for (let c = 1; c <= 15; c++)
      ws.getCell(r, c).border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
    ws.getCell(`B${r}`).alignment = { wrapText: true };
    r++;
  }
  // A second sheet the add-in must leave exactly as it is: a formula, a style, a note.
  const notes = wb.addWorksheet("Notes");
  put(notes, "A1", "Indicators on the scorecard");
  notes.getCell("A1").font = { italic: true, color: { argb: "FF7F7F7F" } };
  notes.getCell("B1").value = { formula: "COUNTA(Scorecard!A8:A40)", result: 19 };
  put(notes, "A2", "Source: case management system extract, 1 November 2018");
  return wb;
}

// ---------------------------------------------------------------- 002: yearly PI table
const PI_HEADER = [
  "Reference",
  "Title",
  "Owner",
  "Frequency & Measure",
  "Rise or Fall",
  "Baseline",
  "2008/09 Result",
  "2009/10 Target",
  "Full Year Result",
  "Data Quality",
];
const PI_TITLE =
  "Improvement Priority – HW-3a/HW-1e/CYPP-9 Improve safeguarding arrangements for vulnerable children through better information, recognition and response to risk and improved assessment and care management";
type PiRow = V[];
const PI_ROWS_PAGE1: PiRow[] = [
  [
    "LSP-HW2b(i) a",
    "Number of looked after children (Numerical)",
    "Children and Young People's Social Care (C&YPSC)",
    "Quarterly Numerical",
    "Fall",
    "1281 (2007/08)",
    1255,
    1031,
    "1362 - this result is provisional",
    "Some Concerns with data",
  ],
  [
    "LSP-HW2b(i) b",
    "Number of children looked after (expressed as a rate per 10,000) excluding unaccompanied asylum seekers",
    "C&YPSC",
    "Quarterly Number",
    "Fall",
    "83.8 per 10,000 (2007/08)",
    "82.1 per 10,000",
    "67.5 per 10,000",
    "89.1 per 10,000 – this result is provisional",
    "Some Concerns with data",
  ],
  [
    "NI 59",
    "The proportion of Initial Assessments undertaken within 7 days",
    "C&YPSC",
    "Quarterly %",
    "Rise",
    "79.9% (08-09)",
    "76.5%",
    "80%",
    "59.7% (provisional result)",
    "Some Concerns with data",
  ],
  [
    "NI 60",
    "The percentage of core assessments that were completed within 35 working days",
    "C&YPSC",
    "Quarterly %",
    "Rise",
    "77.4% (08-09)",
    "83.3%",
    "84%",
    "66.9% (provisional result)",
    "Some Concerns with data",
  ],
  [
    "CYPP P9-3",
    "The proportion of residential homes judged by Ofsted to be good or better",
    "C&YPSC",
    "Quarterly %",
    "Rise",
    "69% (9 out of 13 homes (08/09)",
    "New PI for 09-10",
    "100% (13 homes)",
    "62% (8 out of 13 homes. Inc East M SCC)",
    "No Concerns with data",
  ],
  [
    "NI 61",
    "Timeliness of placements of looked after children for adoption following an agency decision that the child should be placed for adoption",
    "C&YPSC",
    "Quarterly %",
    "Rise",
    "81.4% (07/08)",
    "87.3%",
    "85%",
    "88.3% (53/60)",
    "No Concerns with data",
  ],
  [
    "NI 64",
    "Child Protection Plans lasting 2 years or more",
    "C&YPSC",
    "Annual %",
    "Fall",
    "7.8% (07/08)",
    "7.6%",
    "7.6%",
    "6.2% (provisional result)",
    "Some concerns in year, data validated at Year End",
  ],
  [
    "NI 65",
    "Percentage of children becoming the subject of a Child Protection Plan for a second or subsequent time",
    "C&YPSC",
    "Annual %",
    "Bell Shaped",
    "17.5% (07/08)",
    "8.9%",
    "12.5%",
    "10.4% (provisional result)",
    "Some concerns in year, data",
  ],
];
const PI_ROWS_PAGE2: PiRow[] = [
  [
    "NI 67",
    "Percentage of child protection cases which were reviewed within required timescales",
    "C&YPSC",
    "Annual %",
    "Rise",
    "98.4% (07/08)",
    "99%",
    "100%",
    "99.1% (provisional result)",
    "Some concerns in year, data validated at Year End",
  ],
  [
    "NI 68",
    "Percentage of referrals to children's social care going on to initial assessment",
    "C&YPSC",
    "Annual %",
    "Bell Shaped",
    "56.8%",
    "54.6%",
    "60%",
    "56.7% (provisional result)",
    "Some concerns in year, data validated at Year End",
  ],
  [
    "NI 71",
    "Children who have run away from home/care",
    "Children's Services",
    "Quarterly Number",
    "Rise",
    "Score of 5 out of 15",
    "New PI for 09/10",
    "8 out of 15",
    "6 out of 15",
    "No Concerns with data",
  ],
];

/** Plain percentages in the result and target columns are numbers in a real workbook; the rest stay text. */
function piValue(v: V, col: number): V | { value: number; numFmt: string } {
  if (typeof v === "string" && (col === 6 || col === 7) && /^\d+(\.\d+)?%$/.test(v)) return pct(v);
  return v;
}

export function buildYearly(): ExcelJS.Workbook {
  const wb = newBook();
  const ws = wb.addWorksheet("PI table");
  ws.columns = [14, 50, 22, 14, 11, 22, 14, 14, 30, 30].map((width) => ({ width }));
  let r = 1;
  const pageHeading = (): void => {
    put(ws, `A${r}`, PI_TITLE);
    ws.getCell(`A${r}`).font = { bold: true };
    r++;
    put(ws, `A${r}`, "Lead Officer – Jackie Wilson");
    ws.getCell(`A${r}`).font = { bold: true };
    r += 2;
    PI_HEADER.forEach((h, i) => {
      const c = ws.getCell(r, i + 1);
      c.value = h;
      c.font = { bold: true };
      c.alignment = { wrapText: true };
    });
    r++;
  };
  const rows = (list: PiRow[]): void => {
    for (const row of list) {
      row.forEach((v, i) => {
        put(ws, `${String.fromCharCode(65 + i)}${r}`, piValue(v, i));
        ws.getCell(r, i + 1).alignment = { wrapText: true, vertical: "top" };
      });
      r++;
    }
  };
  pageHeading();
  rows(PI_ROWS_PAGE1);
  // The page break: the heading and header repeat, and NI 65's data-quality note spills onto a row of its own.
  r++;
  pageHeading();
  put(ws, `J${r}`, "validated at Year End");
  r++;
  rows(PI_ROWS_PAGE2);
  return wb;
}

// ---------------------------------------------------------------- 004: quarterly figures from minutes
const QUARTERLY_HEADER = [
  "Ref",
  "Indicator",
  "Good is",
  "Q2 2020/21",
  "Q1 2021/22",
  "Q2 2021/22",
  "Target",
  "Comments",
];
const QUARTERLY: (V[] | Section)[] = [
  { section: "Front door" },
  [
    "CSC1",
    "% of referrals screened and completed within 1 day",
    "High",
    null,
    null,
    "68.2%",
    "90%",
    "7.6% of referrals took over three days to complete",
  ],
  [
    "CSC2",
    "% of re-referrals within 12 months of a previous referral",
    "Low",
    null,
    null,
    "10.7%",
    "Less than 18%",
    null,
  ],
  ["CSC3", "% of C&F assessments completed within timescale", "High", "80.4%", null, "87.3%", "90%", null],
  { section: "Child protection" },
  [
    "CP1",
    "% of children with a CP plan with an allocated social worker",
    "High",
    null,
    null,
    "100.0%",
    "100%",
    null,
  ],
  [
    "CP2",
    "% of ICPCs held within 15 working days of the strategy meeting",
    "High",
    null,
    null,
    "78.8%",
    "No target",
    "Excludes transfer-in conferences",
  ],
  [
    "CP3",
    "% of children becoming subject to a CP plan for a second or subsequent time within two years",
    "Low",
    null,
    "14.3%",
    "9.8%",
    "6%",
    null,
  ],
  ["CP4", "% of CP plans ceasing that had lasted two years or more", "Low", null, null, "0.0%", "5%", null],
  [
    "CP5",
    "% of children receiving a statutory CP visit within 10 working days",
    "High",
    null,
    null,
    "87.1%",
    "90%",
    null,
  ],
  { section: "Children in care" },
  ["CIC1", "Number of children in care", "Measure for information", 302, null, 266, null, null],
  ["CIC2", "% of statutory CiC visits completed within timescale", "High", null, null, "92.9%", "90%", null],
  [
    "CIC3",
    "% of children in care with 3 or more placements in the previous 12 months",
    "Low",
    null,
    null,
    "9.8%",
    "10%",
    null,
  ],
  [
    "CIC4",
    "% of children in care under 16 in the same placement for two years",
    "High",
    null,
    null,
    "69.8%",
    "68%",
    null,
  ],
  ["CIC5", "% of children in care placed 20 or more miles from home", "Low", null, null, "8.3%", "10%", null],
  [
    "CIC6",
    "% of children in care with a review health assessment completed (YTD)",
    "High",
    null,
    null,
    "93.7%",
    "90%",
    null,
  ],
  [
    "CIC7",
    "% of children in care with a dental check completed (YTD)",
    "High",
    null,
    "55.8%",
    "75.7%",
    "90%",
    null,
  ],
  { section: "Care leavers" },
  [
    "CL1",
    "% of care leavers not in employment, education or training",
    "Low",
    null,
    null,
    "21.3%",
    "30%",
    null,
  ],
  ["CL2", "% of care leavers in suitable accommodation", "High", null, null, "100.0%", "90%", null],
];

export function buildQuarterly(): ExcelJS.Workbook {
  const wb = newBook();
  const ws = wb.addWorksheet("KPIs Q2");
  ws.columns = [8, 60, 12, 12, 12, 12, 14, 40].map((width) => ({ width }));
  put(ws, "A1", "Children and Young People: key performance indicators");
  ws.getCell("A1").font = { bold: true, size: 14 };
  put(ws, "A2", "Mid-year report, Q2 2021/22 (July to September 2021)");
  QUARTERLY_HEADER.forEach((h, i) => {
    const c = ws.getCell(4, i + 1);
    c.value = h;
    c.font = { bold: true };
  });
  let r = 5;
  for (const item of QUARTERLY) {
    if ("section" in item) {
      put(ws, `A${r}`, item.section);
      ws.getCell(`A${r}`).font = { bold: true };
      r++;
      continue;
    }
    item.forEach((v, i) => {
      const pctCell = typeof v === "string" && /^\d+(\.\d+)?%$/.test(v) && i >= 3 && i <= 6;
      put(ws, `${String.fromCharCode(65 + i)}${r}`, pctCell ? pct(v) : v);
    });
    r++;
  }
  return wb;
}

async function main(): Promise<void> {
  const dir = join(__dirname, "..", "seeds");
  mkdirSync(dir, { recursive: true });
  const books: [string, ExcelJS.Workbook][] = [
    ["monthly-scorecard.xlsx", buildMonthly()],
    ["yearly-pi-table.xlsx", buildYearly()],
    ["quarterly-kpis.xlsx", buildQuarterly()],
  ];
  for (const [name, wb] of books) {
    await wb.xlsx.writeFile(join(dir, name));
    console.log(`seeds/${name}`);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
