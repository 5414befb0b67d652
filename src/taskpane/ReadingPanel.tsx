import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { Analysis } from "../engine/judge/assess";
import type { Settings } from "../engine/config";
import { confirmReading, pinRole } from "./confirm-reading";
import { HINTS } from "./hints";
import { LayoutPins } from "./LayoutPins";
import { PreviewGrid } from "./PreviewGrid";
import { evidenceLines } from "./evidence-lines";
import { useStyles } from "./styles";

export interface ReadingProps {
  analysis: Analysis;
  settings: Settings;
  onChangeSettings: (s: Settings) => void;
}

/** What lowered the engine's confidence, and one button to say the reading is right. */
export function Doubts({ analysis, settings, onChangeSettings }: ReadingProps) {
  const { level, doubts } = analysis.reading;
  if (level === "high") return null;
  const confirmed = confirmReading(settings, analysis);
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Check how the sheet was read.</MessageBarTitle>
        {doubts.length ? doubts.join(" ") : "The reading is not sure of every column."} Look at the first rows
        below; choose a column&apos;s role over it if it is wrong.
      </MessageBarBody>
      {confirmed && (
        <MessageBarActions>
          <Button size="small" onClick={() => onChangeSettings(confirmed)}>
            This is right
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

/** Each column's role with the engine's reason, as a person would check it. */
function Evidence({ analysis }: { analysis: Analysis }) {
  const s = useStyles();
  const hasPolarity = analysis.columns.some((c) => c.role === "polarity");
  return (
    <>
      <ul className={s.evidence} aria-label="Column roles and why">
        {evidenceLines(analysis.columns).map((l) => (
          <li key={l.letters}>
            <strong>
              {l.letters} {l.role}
            </strong>{" "}
            ({l.sure}): {l.why}
          </li>
        ))}
      </ul>
      {hasPolarity && <p className={s.hint}>{HINTS.polarity}</p>}
    </>
  );
}

/** "How the sheet was read", opened: the doubts, the roles and their evidence, the preview, the pins. */
export function ReadingPanel(p: ReadingProps) {
  const s = useStyles();
  const a = p.analysis;
  const pinned = Object.keys(p.settings.columns).length > 0;
  return (
    <div className={s.accordionPanel}>
      <Doubts {...p} />
      <Evidence analysis={a} />
      <PreviewGrid
        analysis={a}
        onRole={(letter, role) => p.onChangeSettings(pinRole(p.settings, letter, role))}
      />
      {pinned && (
        <div>
          <Button onClick={() => p.onChangeSettings({ ...p.settings, columns: {} })}>
            Reset column roles
          </Button>
        </div>
      )}
      <LayoutPins
        key={`${JSON.stringify(p.settings.headerRows ?? null)} ${a.header.top}-${a.header.bottom}`}
        settings={p.settings}
        analysis={a}
        onApply={p.onChangeSettings}
      />
    </div>
  );
}
