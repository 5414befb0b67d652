import { Button, Field, Input, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { Analysis } from "../engine/judge/assess";
import type { Settings } from "../engine/config";
import type { Role } from "../engine/read/roles";
import { ROLE_LABELS } from "./role-labels";
import { useStyles } from "./styles";

/** The roles a scorecard cannot be read without, offered by letter when detection could not find them. */
const KEY_ROLES: Role[] = ["ref", "measure", "current", "target", "min", "upper", "polarity"];

export interface LayoutPinsProps {
  settings: Settings;
  analysis?: Analysis;
  onApply: (s: Settings) => void;
}

function row(text: string): number | null {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= 1 && n <= 1048576 ? n : null;
}

const isLetter = (l: string | undefined) => !l || /^[A-Za-z]{1,3}$/.test(l);

/** The settings the pins give: the header rows, and while nothing reads, the key columns by letter. */
function pinnedSettings(
  settings: Settings,
  analysis: Analysis | undefined,
  header: { top: number; bottom: number } | undefined,
  letters: Partial<Record<Role, string>>,
): Settings {
  const columns: Settings["columns"] = analysis
    ? { ...settings.columns }
    : Object.fromEntries(Object.entries(settings.columns).filter(([r]) => !KEY_ROLES.includes(r as Role)));
  if (!analysis) {
    for (const r of KEY_ROLES) {
      const l = letters[r]?.trim();
      if (l) columns[r] = l.toUpperCase();
    }
  }
  return { ...settings, headerRows: header, columns };
}

function HeaderRowFields(p: {
  top: string;
  bottom: string;
  rowsOk: boolean;
  setTop: (v: string) => void;
  setBottom: (v: string) => void;
}) {
  const s = useStyles();
  return (
    <div className={s.pair}>
      <Field label="Header from row" validationMessage={p.rowsOk ? undefined : "Rows from 1, last ≥ first."}>
        <Input className={s.fill} value={p.top} onChange={(_, d) => p.setTop(d.value)} inputMode="numeric" />
      </Field>
      <Field label="to row">
        <Input
          className={s.fill}
          value={p.bottom}
          onChange={(_, d) => p.setBottom(d.value)}
          inputMode="numeric"
        />
      </Field>
    </div>
  );
}

function ColumnLetterFields({
  letters,
  setLetters,
}: {
  letters: Partial<Record<Role, string>>;
  setLetters: (l: Partial<Record<Role, string>>) => void;
}) {
  const s = useStyles();
  return (
    <>
      <Text id="letters-heading" size={200} weight="semibold">
        Column letters
      </Text>
      <div className={s.letters} role="group" aria-labelledby="letters-heading">
        {KEY_ROLES.map((r) => (
          <Field
            key={r}
            label={ROLE_LABELS[r]}
            validationMessage={isLetter(letters[r]) ? undefined : "A letter, such as C."}
          >
            <Input
              className={s.fill}
              value={letters[r] ?? ""}
              onChange={(_, d) => setLetters({ ...letters, [r]: d.value })}
              placeholder="e.g. C"
            />
          </Field>
        ))}
      </div>
    </>
  );
}

/**
 * Pinning the header rows, and (while the sheet cannot be read) the key columns by letter: whatever
 * went wrong, the analyst can tell Scorecard where things are and read the sheet again.
 */
export function LayoutPins({ settings, analysis, onApply }: LayoutPinsProps) {
  const s = useStyles();
  const h = settings.headerRows ?? analysis?.header;
  const [top, setTop] = useState(h ? String(h.top) : "");
  const [bottom, setBottom] = useState(h ? String(h.bottom) : "");
  const [letters, setLetters] = useState<Partial<Record<Role, string>>>(settings.columns);
  const t = row(top);
  const b = row(bottom);
  const rowsBlank = !top.trim() && !bottom.trim();
  const rowsOk = rowsBlank || (t !== null && b !== null && b >= t);
  const badLetter = Object.values(letters).some((l) => !isLetter(l));
  const apply = () => {
    if (!rowsOk || badLetter) return;
    const header = rowsBlank || t === null || b === null ? undefined : { top: t, bottom: b };
    onApply(pinnedSettings(settings, analysis, header, letters));
  };
  const pinned = settings.headerRows !== undefined || Object.keys(settings.columns).length > 0;
  return (
    <div className={s.section} role="group" aria-labelledby="pins-heading">
      <h3 id="pins-heading" className={s.h3}>
        {analysis ? "Header rows" : "Where the table is"}
      </h3>
      <Text size={200}>
        {analysis
          ? "If the header was read wrongly, give its first and last rows."
          : "Give the header's first and last rows and the letters of the key columns, then read the sheet again."}
      </Text>
      <HeaderRowFields top={top} bottom={bottom} rowsOk={rowsOk} setTop={setTop} setBottom={setBottom} />
      {!analysis && <ColumnLetterFields letters={letters} setLetters={setLetters} />}
      <div className={s.row}>
        <Button onClick={apply} disabled={!rowsOk || badLetter}>
          Read the sheet again
        </Button>
        {pinned && (
          <Button
            appearance="subtle"
            onClick={() => onApply({ ...settings, headerRows: undefined, columns: {} })}
          >
            Clear what I set
          </Button>
        )}
      </div>
    </div>
  );
}
