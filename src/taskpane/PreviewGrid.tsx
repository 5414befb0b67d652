import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Analysis } from "../engine/judge/assess";
import type { PreviewRow, TableOutline } from "../engine/read/reading";
import { ROLES, Role } from "../engine/read/roles";
import { rowSpan } from "./overview-facts";
import { ROLE_LABELS, sureness } from "./role-labels";

const useGridStyles = makeStyles({
  scroll: {
    overflowX: "auto",
    maxWidth: "100%",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  caption: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  th: {
    verticalAlign: "bottom",
    textAlign: "left",
    padding: tokens.spacingHorizontalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  select: {
    display: "block",
    maxWidth: "9em",
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
    borderRadius: tokens.borderRadiusSmall,
    padding: `${tokens.spacingVerticalXXS} 0`,
  },
  sure: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  td: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    maxWidth: "10em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  rowHead: {
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    textAlign: "right",
  },
  header: { backgroundColor: tokens.colorNeutralBackground4, fontWeight: tokens.fontWeightSemibold },
  section: { fontWeight: tokens.fontWeightSemibold },
  aside: { color: tokens.colorNeutralForeground3 },
  outTop: { borderTop: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  outBottom: { borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  outLeft: { borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  outRight: { borderRight: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
});

const KIND_WORDS: Record<PreviewRow["kind"], string> = {
  above: "above",
  header: "header",
  indicator: "indicator",
  section: "section",
  continuation: "continued",
  "repeated-header": "header again",
  "page-heading": "heading",
  note: "note",
  total: "total",
  comment: "comment",
};

export interface PreviewProps {
  analysis: Analysis;
  onRole: (letter: string, role: Role | "") => void;
}

/** Which edges of a table's outline a cell sits on. */
function edges(t: TableOutline, row: number, col: number, left: number, right: number) {
  const inside = row >= t.headerTop && row <= t.bottom && col >= left && col <= right;
  return {
    top: inside && row === t.headerTop,
    bottom: inside && row === t.bottom,
    left: inside && col === left,
    right: inside && col === right,
  };
}

type GridStyles = ReturnType<typeof useGridStyles>;

/** The class of each cell: its own, and the outline of every table whose edge it sits on. */
function outlineClasses(analysis: Analysis, g: GridStyles) {
  const letters = analysis.reading.preview.columns.map((c) => c.letter);
  const tables = analysis.reading.tables.map((t) => ({
    t,
    left: letters.indexOf(t.left),
    right: letters.indexOf(t.right),
  }));
  return (row: number, col: number) => {
    const on = { top: false, bottom: false, left: false, right: false };
    for (const x of tables) {
      const e = edges(x.t, row, col, x.left, x.right);
      on.top ||= e.top;
      on.bottom ||= e.bottom;
      on.left ||= e.left;
      on.right ||= e.right;
    }
    return mergeClasses(
      g.td,
      on.top && g.outTop,
      on.bottom && g.outBottom,
      on.left && g.outLeft,
      on.right && g.outRight,
    );
  };
}

/** "Section: rows 4–30, columns A–K; …": where each table was found, in words. */
function outlineWords(analysis: Analysis): string {
  return analysis.reading.tables
    .map(
      (t) =>
        `${t.section ? `${t.section}: ` : ""}${rowSpan(t.headerTop, t.bottom)}, columns ${t.left}–${t.right}`,
    )
    .join("; ");
}

/** Each column's letter, how sure its role is, and the choice of role over it. */
function ColumnHeads({ analysis, onRole, g }: PreviewProps & { g: GridStyles }) {
  const pinned = new Set(analysis.columns.filter((c) => c.pinned).map((c) => c.letter));
  return (
    <tr>
      <th scope="col" className={g.th}>
        Row
      </th>
      <th scope="col" className={g.th}>
        Read as
      </th>
      {analysis.reading.preview.columns.map((c) => (
        <th scope="col" key={c.letter} className={g.th}>
          <div>{c.letter}</div>
          <div id={`sure-${c.letter}`} className={g.sure}>
            {c.role ? sureness(c.confidence, pinned.has(c.letter)) : "\u00a0"}
          </div>
          <select
            className={g.select}
            aria-label={`Role of column ${c.letter}`}
            aria-describedby={c.role ? `sure-${c.letter}` : undefined}
            value={c.role ?? ""}
            onChange={(e) => onRole(c.letter, e.target.value as Role | "")}
          >
            <option value="">Not used</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </th>
      ))}
    </tr>
  );
}

function PreviewRows({ analysis, g }: { analysis: Analysis; g: GridStyles }) {
  const letters = analysis.reading.preview.columns.map((c) => c.letter);
  const cellClass = outlineClasses(analysis, g);
  return (
    <tbody>
      {analysis.reading.preview.rows.map((r) => (
        <tr
          key={r.row}
          className={mergeClasses(
            r.kind === "header" && g.header,
            r.kind === "section" && g.section,
            (r.kind === "above" || r.kind === "note") && g.aside,
          )}
        >
          <th scope="row" className={mergeClasses(g.td, g.rowHead)}>
            {r.row}
          </th>
          <td className={g.td}>{KIND_WORDS[r.kind]}</td>
          {r.cells.map((text, c) => (
            <td key={letters[c]} className={cellClass(r.row, c)} title={text || undefined}>
              {text}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}

/**
 * The first rows of the sheet as they were read: the role over each column (where a role is fixed by
 * choosing it), the header rows shaded, each table outlined, and what every row was read as, in words.
 */
export function PreviewGrid({ analysis, onRole }: PreviewProps) {
  const g = useGridStyles();
  return (
    <>
      <p className={g.caption} id="preview-caption">
        The first rows of &apos;{analysis.sheet}&apos; as read: header rows shaded, the table outlined (
        {outlineWords(analysis)}). Choose a column&apos;s role over it to correct it.
      </p>
      <div className={g.scroll} role="group" aria-label="The sheet as read">
        <table className={g.table} aria-labelledby="preview-caption">
          <thead>
            <ColumnHeads analysis={analysis} onRole={onRole} g={g} />
          </thead>
          <PreviewRows analysis={analysis} g={g} />
        </table>
      </div>
    </>
  );
}
