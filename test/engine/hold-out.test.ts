/**
 * Hold-out layouts the reader's engineers never saw: council-style sheets with words no list was
 * built for, figures from the Department for Education's published statistics (OGL v3.0).
 */
import { analyse } from "../../src/engine/judge/assess";
import type { Cell, Grid } from "../../src/engine/grid";

type V = string | number | null | { v: number; f: string };
const pc = (x: number, f = "0.0%"): { v: number; f: string } => ({ v: Math.round(x * 10) / 1000, f });
function grid(sheet: string, rows: V[][], bold: number[] = []): Grid {
  return {
    sheet,
    merges: [],
    rows: rows.map((r, i) =>
      r.map((v): Cell => {
        const c: Cell =
          v === null ? { value: null } : typeof v === "object" ? { value: v.v, format: v.f } : { value: v };
        if (bold.includes(i) && v !== null) c.bold = true;
        return c;
      }),
    ),
  };
}

function summary(g: Grid) {
  const a = analyse(g);
  return {
    titles: a.indicators.map((i) => i.title),
    periods: a.periods.length,
    values: a.indicators.map((i) => (i.value === null ? null : Math.round(i.value * 1e6) / 1e6)),
    units: a.indicators.map((i) => i.unit),
    polarity: a.indicators.map((i) => i.polarity),
    sections: a.indicators.map((i) => i.section),
    level: a.reading.level,
  };
}

test("HO1 bare years as numbers, blank measure header, plain numbers that the title says are %", () => {
  const g = grid(
    "Key figures",
    [
      ["Safeguarding: key figures over seven years"],
      [],
      [null, null, 2019, 2020, 2021, 2022, 2023, 2024, 2025, "Which way is good"],
      [
        "SG01",
        "Re-referrals to children's social care within 12 months (%)",
        35.2,
        27.6,
        19.4,
        17.4,
        20.5,
        16.4,
        16.5,
        "Down",
      ],
      [
        "SG02",
        "Child protection plans starting that were a second or later plan (%)",
        16.9,
        18.1,
        22,
        25.5,
        23.7,
        21.9,
        19.7,
        "Down",
      ],
      ["SG03", "Referrals received in the year", 10715, 7080, 5434, 6509, 5256, 5529, 4910, "-"],
      ["SG04", "Social worker turnover (%)", 6.9, 7.2, 11.6, 14.4, 10.9, 10.7, 10.7, "Down"],
      [
        "SG05",
        "Average caseload per children's social worker",
        17.2,
        15.1,
        15.7,
        15.9,
        16.1,
        15.3,
        14.9,
        "Down",
      ],
    ],
    [2],
  );
  const s = summary(g);
  expect(s.titles).toHaveLength(5);
  expect(s.periods).toBe(7);
  expect(s.values).toEqual([0.165, 0.197, 4910, 0.107, 14.9]);
  expect(s.units).toEqual(["percent", "percent", "number", "percent", "number"]);
  expect(s.polarity).toEqual(["lower", "lower", "none", "lower", "lower"]);
});

test("HO2 two tables on one sheet under headings, each with its own header words", () => {
  const g = grid(
    "Quarterly",
    [
      ["Children's services quarterly scorecard"],
      [],
      ["Front door and child protection"],
      ["Area of practice", "2022-23", "2023-24", "2024-25", "Aim"],
      ["Re-referrals within twelve months", pc(14), pc(15.4), pc(16.9), "Lower"],
      ["Second or subsequent child protection plans", pc(18.6), pc(21.1), pc(26), "Lower"],
      [],
      ["Workforce"],
      ["Staffing line", "2022-23", "2023-24", "2024-25", "Aim"],
      ["Social worker turnover", pc(18.7), pc(12.7), pc(9.8), "Lower"],
      ["Caseload per worker (average)", 14.2, 13.7, 12.5, "Lower"],
    ],
    [2, 3, 7, 8],
  );
  const s = summary(g);
  expect(s.titles).toEqual([
    "Re-referrals within twelve months",
    "Second or subsequent child protection plans",
    "Social worker turnover",
    "Caseload per worker (average)",
  ]);
  expect(s.periods).toBe(3);
  expect(s.values).toEqual([0.169, 0.26, 0.098, 12.5]);
  expect(new Set(s.sections).size).toBe(2);
  expect(s.polarity).toEqual(["lower", "lower", "lower", "lower"]);
});

test("HO3 a table that starts at D9 under a logo block, percentages as text, a 'Latest' column", () => {
  const pad = (r: V[]): V[] => [null, null, null, ...r];
  const g = grid(
    "Dashboard",
    [
      [],
      [null, "City council"],
      [null, "Children and families performance dashboard"],
      [],
      [null, "Produced by the performance and intelligence team"],
      [],
      [],
      [],
      pad(["Line", "What is counted", "Two years ago", "Last year", "Latest", "Ambition"]),
      pad(["1", "Re-referrals within 12 months of a previous referral", "22.5%", "25.2%", "23.2%", "22%"]),
      pad([
        "2",
        "Child protection plans that were a second or subsequent plan",
        "24%",
        "32%",
        "26.3%",
        "20%",
      ]),
      pad(["3", "Social workers leaving in the year (turnover)", "19.6%", "12.2%", "7.2%", "15%"]),
      pad(["4", "Average caseload", "16.6", "16", "15.5", "16"]),
    ],
    [8],
  );
  const s = summary(g);
  expect(s.titles).toHaveLength(4);
  expect(s.values).toEqual([0.232, 0.263, 0.072, 15.5]);
  expect(s.units).toEqual(["percent", "percent", "percent", "number"]);
});

test("HO4 suppressed figures as 'x', notes under the table, polarity as a phrase", () => {
  const g = grid(
    "Sheet1",
    [
      ["Performance report: Children's Services"],
      ["Indicator", "Smaller or bigger is better", "2021/22", "2022/23", "2023/24", "2024/25"],
      ["Re-referral rate (%)", "Smaller is better", pc(28.1), pc(23.4), pc(25.3), pc(27.9)],
      ["Number of referrals", "Neither", 6904, 7050, 7386, 7923],
      ["Repeat child protection plans (%)", "Smaller is better", pc(22), pc(21.6), pc(27.5), pc(27.5)],
      [
        "Care leavers 19-21 in unsuitable accommodation",
        "Smaller is better",
        "c",
        "c",
        pc(5, "0%"),
        pc(3, "0%"),
      ],
      [
        "Care leavers 19-21 in suitable accommodation",
        "Bigger is better",
        pc(97, "0%"),
        pc(98, "0%"),
        pc(95, "0%"),
        pc(97, "0%"),
      ],
      [],
      ["c = suppressed by the Department for Education to protect confidentiality"],
      ["Source: DfE children in need and looked after statistics"],
    ],
    [1],
  );
  const s = summary(g);
  expect(s.titles).toHaveLength(5);
  expect(s.periods).toBe(4);
  expect(s.values).toEqual([0.279, 7923, 0.275, 0.03, 0.97]);
  expect(s.polarity).toEqual(["lower", "none", "lower", "lower", "higher"]);
});
